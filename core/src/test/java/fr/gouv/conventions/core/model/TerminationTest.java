package fr.gouv.conventions.core.model;

import fr.gouv.conventions.core.command.CommitFunds;
import fr.gouv.conventions.core.command.ExtendAvenantDeadline;
import fr.gouv.conventions.core.command.SignAvenant;
import fr.gouv.conventions.core.command.SignConvention;
import fr.gouv.conventions.core.command.TerminateConvention;
import fr.gouv.conventions.core.event.ConventionTerminated;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static fr.gouv.conventions.core.model.ConventionTesting.TODAY;
import static fr.gouv.conventions.core.model.ConventionTesting.TOMORROW;
import static fr.gouv.conventions.core.model.ConventionTesting.conventionFixture;
import static fr.gouv.conventions.core.model.ConventionTesting.date;
import static fr.gouv.conventions.core.model.ConventionTesting.euros;
import static fr.gouv.conventions.core.model.RealHistory.PAS_DE_CALAIS;
import static fr.gouv.conventions.core.model.RealHistory.pasDeCalaisDrafted;
import static fr.gouv.conventions.core.model.RealHistory.pasDeCalaisFinancialAvenant;
import static fr.gouv.conventions.core.model.RealHistory.pasDeCalaisInForce;
import static fr.gouv.conventions.core.model.RefusalCode.CONVENTION_TERMINATED;
import static fr.gouv.conventions.core.model.RefusalCode.DATE_IN_FUTURE;
import static fr.gouv.conventions.core.model.RefusalCode.MISSING_INFORMATION;
import static fr.gouv.conventions.core.model.Refusal.refused;

/** R9: a terminated convention refuses every further command; its history stays as it was. */
class TerminationTest {

    private static final LocalDate TERMINATED_ON = date(2019, 2, 15);
    private static final String REASON = "Remplacée par la convention d'appui à la lutte contre la pauvreté";

    private AggregateTestFixture<Convention> fixture;

    @BeforeEach
    void setUp() {
        fixture = conventionFixture();
    }

    @Test
    void aConventionInForceCanBeTerminated() {
        fixture.given(pasDeCalaisInForce())
                .when(new TerminateConvention(PAS_DE_CALAIS, TERMINATED_ON, REASON))
                .expectEvents(new ConventionTerminated(PAS_DE_CALAIS, TERMINATED_ON, REASON));
    }

    @Test
    void aDraftNotYetInForceCanBeTerminated() {
        fixture.given(pasDeCalaisDrafted())
                .when(new TerminateConvention(PAS_DE_CALAIS, date(2018, 12, 10), "Projet abandonné"))
                .expectEvents(new ConventionTerminated(PAS_DE_CALAIS, date(2018, 12, 10), "Projet abandonné"));
    }

    @Test
    void aTerminationDatedAfterTodayIsRefused() {
        fixture.given(pasDeCalaisInForce())
                .when(new TerminateConvention(PAS_DE_CALAIS, TOMORROW, REASON))
                .expectException(refused(DATE_IN_FUTURE).naming("date", TOMORROW).naming("today", TODAY))
                .expectNoEvents();
    }

    @Test
    void aTerminationWithoutReasonIsRefused() {
        fixture.given(pasDeCalaisInForce())
                .when(new TerminateConvention(PAS_DE_CALAIS, TERMINATED_ON, null))
                .expectException(refused(MISSING_INFORMATION).naming("field", "reason"))
                .expectNoEvents();
    }

    static Stream<Arguments> commandsAfterTermination() {
        return Stream.of(
                Arguments.of("a signature", new SignConvention(PAS_DE_CALAIS, "cd-62", "Jean-Claude Leroy",
                        date(2019, 3, 1))),
                Arguments.of("a financial avenant", pasDeCalaisFinancialAvenant(date(2019, 3, 1))),
                Arguments.of("a prolongation", new SignAvenant(PAS_DE_CALAIS, AvenantKind.PROLONGATION,
                        date(2019, 3, 1), "Prolongation", date(2022, 12, 31), null)),
                Arguments.of("a deadline extension", new ExtendAvenantDeadline(PAS_DE_CALAIS, date(2019, 6, 30),
                        "Report", date(2019, 3, 1))),
                Arguments.of("a commitment", new CommitFunds(PAS_DE_CALAIS, "cd-62", 2019, euros("1000.00"), null,
                        null, date(2019, 3, 1))),
                Arguments.of("a second termination", new TerminateConvention(PAS_DE_CALAIS, date(2019, 3, 1),
                        "Encore")));
    }

    @ParameterizedTest(name = "{0} after termination is refused")
    @MethodSource("commandsAfterTermination")
    void everyCommandAfterTerminationIsRefused(String what, Object command) {
        fixture.given(terminatedAfterEnteringIntoForce())
                .when(command)
                .expectException(refused(CONVENTION_TERMINATED).naming("terminatedOn", TERMINATED_ON))
                .expectNoEvents();
    }

    /**
     * In force, then terminated. Only the termination explains the refusals: without it the signature would be
     * refused as already made, and every other command of the list accepted.
     */
    private static List<Object> terminatedAfterEnteringIntoForce() {
        List<Object> history = new ArrayList<>(pasDeCalaisInForce());
        history.add(new ConventionTerminated(PAS_DE_CALAIS, TERMINATED_ON, REASON));
        return history;
    }
}
