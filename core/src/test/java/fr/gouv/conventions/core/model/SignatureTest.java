package fr.gouv.conventions.core.model;

import fr.gouv.conventions.core.command.SignConvention;
import fr.gouv.conventions.core.event.ConventionEnteredIntoForce;
import fr.gouv.conventions.core.event.ConventionSigned;
import fr.gouv.conventions.core.event.ConventionTerminated;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static fr.gouv.conventions.core.model.ConventionTesting.TODAY;
import static fr.gouv.conventions.core.model.ConventionTesting.TOMORROW;
import static fr.gouv.conventions.core.model.ConventionTesting.conventionFixture;
import static fr.gouv.conventions.core.model.ConventionTesting.date;
import static fr.gouv.conventions.core.model.RealHistory.PAS_DE_CALAIS;
import static fr.gouv.conventions.core.model.RealHistory.SIGNED_IN_ARRAS;
import static fr.gouv.conventions.core.model.RealHistory.cd62SignsInArras;
import static fr.gouv.conventions.core.model.RealHistory.pasDeCalaisDrafted;
import static fr.gouv.conventions.core.model.RealHistory.pasDeCalaisInForce;
import static fr.gouv.conventions.core.model.RealHistory.prefet62SignsInArras;
import static fr.gouv.conventions.core.model.RefusalCode.ALREADY_SIGNED;
import static fr.gouv.conventions.core.model.RefusalCode.CONVENTION_TERMINATED;
import static fr.gouv.conventions.core.model.RefusalCode.DATE_IN_FUTURE;
import static fr.gouv.conventions.core.model.RefusalCode.MISSING_INFORMATION;
import static fr.gouv.conventions.core.model.RefusalCode.NOT_A_PARTY;
import static fr.gouv.conventions.core.model.Refusal.refused;

/** R2: each party signs once, on a date not after today; the last signature brings the convention into force. */
class SignatureTest {

    private static final ConventionSigned PREFET_SIGNED =
            new ConventionSigned(PAS_DE_CALAIS, "prefet-62", "Fabien Sudry", SIGNED_IN_ARRAS);

    private AggregateTestFixture<Convention> fixture;

    @BeforeEach
    void setUp() {
        fixture = conventionFixture();
    }

    @Test
    void aSignatureThatLeavesAPartyToSignIsRecordedAlone() {
        fixture.given(pasDeCalaisDrafted())
                .when(prefet62SignsInArras())
                .expectEvents(PREFET_SIGNED);
    }

    @Test
    void theLastSignatureBringsTheConventionIntoForceOnItsDate() {
        fixture.given(pasDeCalaisDrafted(), PREFET_SIGNED)
                .when(cd62SignsInArras())
                .expectEvents(new ConventionSigned(PAS_DE_CALAIS, "cd-62", "Jean-Claude Leroy", SIGNED_IN_ARRAS),
                        new ConventionEnteredIntoForce(PAS_DE_CALAIS, SIGNED_IN_ARRAS));
    }

    @Test
    void entryIntoForceIsOnTheLatestSignatureDateEvenWhenSignaturesAreRecordedOutOfDateOrder() {
        fixture.given(pasDeCalaisDrafted(),
                        new ConventionSigned(PAS_DE_CALAIS, "cd-62", "Jean-Claude Leroy", date(2018, 12, 20)))
                .when(new SignConvention(PAS_DE_CALAIS, "prefet-62", "Fabien Sudry", date(2018, 12, 18)))
                .expectEvents(new ConventionSigned(PAS_DE_CALAIS, "prefet-62", "Fabien Sudry", date(2018, 12, 18)),
                        new ConventionEnteredIntoForce(PAS_DE_CALAIS, date(2018, 12, 20)));
    }

    @Test
    void aSignatureDatedTodayIsAccepted() {
        fixture.given(pasDeCalaisDrafted(), PREFET_SIGNED)
                .when(new SignConvention(PAS_DE_CALAIS, "cd-62", "Jean-Claude Leroy", TODAY))
                .expectEvents(new ConventionSigned(PAS_DE_CALAIS, "cd-62", "Jean-Claude Leroy", TODAY),
                        new ConventionEnteredIntoForce(PAS_DE_CALAIS, TODAY));
    }

    @Test
    void aNonPartySigningIsRefused() {
        fixture.given(pasDeCalaisDrafted())
                .when(new SignConvention(PAS_DE_CALAIS, "cd-59", "Président du conseil départemental",
                        SIGNED_IN_ARRAS))
                .expectException(refused(NOT_A_PARTY).naming("party", "cd-59")
                        .naming("parties", List.of("prefet-62", "cd-62")))
                .expectNoEvents();
    }

    @Test
    void aSecondSignatureByTheSamePartyIsRefused() {
        fixture.given(pasDeCalaisDrafted(), PREFET_SIGNED)
                .when(new SignConvention(PAS_DE_CALAIS, "prefet-62", "Fabien Sudry", date(2018, 12, 19)))
                .expectException(refused(ALREADY_SIGNED).naming("party", "prefet-62"))
                .expectNoEvents();
    }

    @Test
    void signingAgainAConventionInForceIsRefused() {
        fixture.given(pasDeCalaisInForce())
                .when(cd62SignsInArras())
                .expectException(refused(ALREADY_SIGNED).naming("party", "cd-62"))
                .expectNoEvents();
    }

    @Test
    void aSignatureDatedAfterTodayIsRefused() {
        fixture.given(pasDeCalaisDrafted())
                .when(new SignConvention(PAS_DE_CALAIS, "prefet-62", "Fabien Sudry", TOMORROW))
                .expectException(refused(DATE_IN_FUTURE).naming("date", TOMORROW).naming("today", TODAY))
                .expectNoEvents();
    }

    @Test
    void aSignatureOnATerminatedConventionIsRefused() {
        fixture.given(pasDeCalaisDrafted(),
                        new ConventionTerminated(PAS_DE_CALAIS, date(2018, 12, 1), "Projet abandonné"))
                .when(prefet62SignsInArras())
                .expectException(refused(CONVENTION_TERMINATED).naming("terminatedOn", date(2018, 12, 1)))
                .expectNoEvents();
    }

    @Test
    void aSignatureWithoutSignatoryIsRefused() {
        fixture.given(pasDeCalaisDrafted())
                .when(new SignConvention(PAS_DE_CALAIS, "prefet-62", " ", SIGNED_IN_ARRAS))
                .expectException(refused(MISSING_INFORMATION).naming("field", "signatory"))
                .expectNoEvents();
    }

    @Test
    void aSignatureWithoutDateIsRefused() {
        fixture.given(pasDeCalaisDrafted())
                .when(new SignConvention(PAS_DE_CALAIS, "prefet-62", "Fabien Sudry", null))
                .expectException(refused(MISSING_INFORMATION).naming("field", "signedOn"))
                .expectNoEvents();
    }
}
