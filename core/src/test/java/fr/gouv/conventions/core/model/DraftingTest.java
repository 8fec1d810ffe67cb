package fr.gouv.conventions.core.model;

import fr.gouv.conventions.core.command.DraftConvention;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;

import static fr.gouv.conventions.core.model.ConventionTesting.TODAY;
import static fr.gouv.conventions.core.model.ConventionTesting.TOMORROW;
import static fr.gouv.conventions.core.model.ConventionTesting.conventionFixture;
import static fr.gouv.conventions.core.model.ConventionTesting.date;
import static fr.gouv.conventions.core.model.ConventionTesting.euros;
import static fr.gouv.conventions.core.model.RealHistory.CD_62;
import static fr.gouv.conventions.core.model.RealHistory.PREFET_REGION;
import static fr.gouv.conventions.core.model.RealHistory.draftBassinMinier;
import static fr.gouv.conventions.core.model.RefusalCode.DATE_IN_FUTURE;
import static fr.gouv.conventions.core.model.RefusalCode.DUPLICATE_CEILING;
import static fr.gouv.conventions.core.model.RefusalCode.DUPLICATE_PARTY;
import static fr.gouv.conventions.core.model.RefusalCode.INVALID_AMOUNT;
import static fr.gouv.conventions.core.model.RefusalCode.INVALID_MATCHING;
import static fr.gouv.conventions.core.model.RefusalCode.INVALID_PERIOD;
import static fr.gouv.conventions.core.model.RefusalCode.MISSING_INFORMATION;
import static fr.gouv.conventions.core.model.RefusalCode.NOT_A_PARTY;
import static fr.gouv.conventions.core.model.RefusalCode.TOO_FEW_PARTIES;
import static fr.gouv.conventions.core.model.RefusalCode.YEAR_OUTSIDE_PERIOD;
import static fr.gouv.conventions.core.model.Refusal.refused;

/** R1: what a draft must hold, and each way a draft is refused without any event. */
class DraftingTest {

    private AggregateTestFixture<Convention> fixture;

    @BeforeEach
    void setUp() {
        fixture = conventionFixture();
    }

    @Test
    void aDraftIsRecordedWithEverythingItHolds() {
        fixture.givenNoPriorActivity()
                .when(draftBassinMinier())
                .expectEvents(RealHistory.bassinMinierDrafted());
    }

    @Test
    void theOptionalPartsOfADraftMayBeLeftOut() {
        DraftConvention bare = DraftBuilder.from(draftBassinMinier())
                .ceilings().matching().integratedDocuments().avenantDeadline(null).build();
        fixture.givenNoPriorActivity()
                .when(bare)
                .expectEvents(RealHistory.drafted(bare));
    }

    @Test
    void aDraftDatedTodayIsAccepted() {
        DraftConvention draft = DraftBuilder.from(draftBassinMinier()).draftedOn(TODAY).build();
        fixture.givenNoPriorActivity()
                .when(draft)
                .expectEvents(RealHistory.drafted(draft));
    }

    static Stream<Arguments> draftsMissingInformation() {
        DraftConvention draft = draftBassinMinier();
        return Stream.of(
                Arguments.of("conventionId", DraftBuilder.from(draft).conventionId(null).build()),
                Arguments.of("kind", DraftBuilder.from(draft).kind(null).build()),
                Arguments.of("title", DraftBuilder.from(draft).title("  ").build()),
                Arguments.of("territory", DraftBuilder.from(draft).territory(null).build()),
                Arguments.of("territory.name", DraftBuilder.from(draft)
                        .territory(new Territory("", List.of("59"))).build()),
                Arguments.of("territory.departements", DraftBuilder.from(draft)
                        .territory(new Territory("Bassin minier", List.of())).build()),
                Arguments.of("period", DraftBuilder.from(draft).period(null).build()),
                Arguments.of("axes", DraftBuilder.from(draft).axes().build()),
                Arguments.of("draftedOn", DraftBuilder.from(draft).draftedOn(null).build()),
                Arguments.of("parties.representative", DraftBuilder.from(draft)
                        .parties(PREFET_REGION, new Party("cd-59", PartyRole.DEPARTEMENT, "Département du Nord", null))
                        .build()),
                Arguments.of("parties.role", DraftBuilder.from(draft)
                        .parties(PREFET_REGION, new Party("cd-59", null, "Département du Nord", "Président"))
                        .build()),
                Arguments.of("integratedDocuments.signedOn", DraftBuilder.from(draft)
                        .integratedDocuments(new IntegratedDocument("Protocole ERBM", null)).build()));
    }

    @ParameterizedTest(name = "a draft without {0} is refused")
    @MethodSource("draftsMissingInformation")
    void aDraftMissingARequiredPieceIsRefusedNamingIt(String field, DraftConvention draft) {
        fixture.givenNoPriorActivity()
                .when(draft)
                .expectException(refused(MISSING_INFORMATION).naming("field", field))
                .expectNoEvents();
    }

    @Test
    void aPeriodEndingBeforeItStartsIsRefused() {
        fixture.givenNoPriorActivity()
                .when(DraftBuilder.from(draftBassinMinier())
                        .period(new Period(date(2021, 12, 31), date(2019, 7, 10))).build())
                .expectException(refused(INVALID_PERIOD).naming("from", "2021-12-31").naming("to", "2019-07-10"))
                .expectNoEvents();
    }

    @Test
    void aPeriodWithoutEndIsRefused() {
        fixture.givenNoPriorActivity()
                .when(DraftBuilder.from(draftBassinMinier()).period(new Period(date(2019, 7, 10), null)).build())
                .expectException(refused(INVALID_PERIOD).naming("to", "null"))
                .expectNoEvents();
    }

    @Test
    void aPeriodOfASingleDayIsAccepted() {
        DraftConvention draft = DraftBuilder.from(draftBassinMinier()).ceilings()
                .period(new Period(date(2019, 7, 10), date(2019, 7, 10))).build();
        fixture.givenNoPriorActivity()
                .when(draft)
                .expectEvents(RealHistory.drafted(draft));
    }

    @Test
    void aDraftWithASinglePartyIsRefused() {
        fixture.givenNoPriorActivity()
                .when(DraftBuilder.from(draftBassinMinier()).parties(PREFET_REGION).ceilings().matching().build())
                .expectException(refused(TOO_FEW_PARTIES).naming("parties", 1))
                .expectNoEvents();
    }

    @Test
    void aPartyNamedTwiceIsRefused() {
        fixture.givenNoPriorActivity()
                .when(DraftBuilder.from(draftBassinMinier()).parties(PREFET_REGION, CD_62, CD_62).matching().build())
                .expectException(refused(DUPLICATE_PARTY).naming("party", "cd-62"))
                .expectNoEvents();
    }

    @Test
    void twoCeilingsForTheSamePartyAndYearAreRefused() {
        fixture.givenNoPriorActivity()
                .when(DraftBuilder.from(draftBassinMinier())
                        .ceilings(new Ceiling("prefet-region", 2020, euros("1000000.00")),
                                new Ceiling("prefet-region", 2020, euros("500000.00"))).build())
                .expectException(refused(DUPLICATE_CEILING).naming("party", "prefet-region").naming("year", 2020))
                .expectNoEvents();
    }

    @Test
    void aCeilingForANonPartyIsRefused() {
        fixture.givenNoPriorActivity()
                .when(DraftBuilder.from(draftBassinMinier())
                        .ceilings(new Ceiling("region-hdf", 2020, euros("1000000.00"))).build())
                .expectException(refused(NOT_A_PARTY).naming("party", "region-hdf"))
                .expectNoEvents();
    }

    @Test
    void aMatchingRuleNamingANonPartyIsRefused() {
        fixture.givenNoPriorActivity()
                .when(DraftBuilder.from(draftBassinMinier())
                        .matching(new MatchingRule("prefet-region", "cd-80", BigDecimal.ONE)).build())
                .expectException(refused(NOT_A_PARTY).naming("party", "cd-80"))
                .expectNoEvents();
    }

    @Test
    void aCeilingForAYearOutsideThePeriodIsRefused() {
        fixture.givenNoPriorActivity()
                .when(DraftBuilder.from(draftBassinMinier())
                        .ceilings(new Ceiling("prefet-region", 2022, euros("1000000.00"))).build())
                .expectException(refused(YEAR_OUTSIDE_PERIOD).naming("year", 2022)
                        .naming("from", date(2019, 7, 10)).naming("to", date(2021, 12, 31)))
                .expectNoEvents();
    }

    @Test
    void aZeroCeilingIsRefused() {
        fixture.givenNoPriorActivity()
                .when(DraftBuilder.from(draftBassinMinier())
                        .ceilings(new Ceiling("prefet-region", 2020, euros("0"))).build())
                .expectException(refused(INVALID_AMOUNT).naming("amount", euros("0.00")))
                .expectNoEvents();
    }

    @Test
    void aNegativeCeilingIsRefused() {
        fixture.givenNoPriorActivity()
                .when(DraftBuilder.from(draftBassinMinier())
                        .ceilings(new Ceiling("prefet-region", 2020, euros("-1000000.00"))).build())
                .expectException(refused(INVALID_AMOUNT).naming("amount", euros("-1000000.00")))
                .expectNoEvents();
    }

    @Test
    void aPartyMatchingItselfIsRefused() {
        fixture.givenNoPriorActivity()
                .when(DraftBuilder.from(draftBassinMinier())
                        .matching(new MatchingRule("cd-62", "cd-62", BigDecimal.ONE)).build())
                .expectException(refused(INVALID_MATCHING).naming("funder", "cd-62").naming("matcher", "cd-62"))
                .expectNoEvents();
    }

    @Test
    void aMatchingRatioOfZeroIsRefused() {
        fixture.givenNoPriorActivity()
                .when(DraftBuilder.from(draftBassinMinier())
                        .matching(new MatchingRule("prefet-region", "cd-59", BigDecimal.ZERO)).build())
                .expectException(refused(INVALID_MATCHING).naming("ratio", BigDecimal.ZERO))
                .expectNoEvents();
    }

    @Test
    void aNegativeMatchingRatioIsRefused() {
        fixture.givenNoPriorActivity()
                .when(DraftBuilder.from(draftBassinMinier())
                        .matching(new MatchingRule("prefet-region", "cd-59", new BigDecimal("-0.5"))).build())
                .expectException(refused(INVALID_MATCHING).naming("ratio", new BigDecimal("-0.5")))
                .expectNoEvents();
    }

    @Test
    void aMatchingRuleWithoutRatioIsRefused() {
        fixture.givenNoPriorActivity()
                .when(DraftBuilder.from(draftBassinMinier())
                        .matching(new MatchingRule("prefet-region", "cd-59", null)).build())
                .expectException(refused(MISSING_INFORMATION).naming("field", "matching.ratio"))
                .expectNoEvents();
    }

    @Test
    void aDraftDatedAfterTodayIsRefused() {
        fixture.givenNoPriorActivity()
                .when(DraftBuilder.from(draftBassinMinier()).draftedOn(TOMORROW).build())
                .expectException(refused(DATE_IN_FUTURE).naming("date", TOMORROW).naming("today", TODAY))
                .expectNoEvents();
    }
}
