package fr.gouv.conventions.core.model;

import fr.gouv.conventions.core.command.SignConvention;
import fr.gouv.conventions.core.event.AvenantDeadlineFulfilled;
import fr.gouv.conventions.core.event.AvenantSigned;
import fr.gouv.conventions.core.event.ConventionDrafted;
import fr.gouv.conventions.core.event.ConventionEnteredIntoForce;
import fr.gouv.conventions.core.event.ConventionSigned;
import fr.gouv.conventions.core.event.FundsCommitted;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static fr.gouv.conventions.core.model.ConventionTesting.NOW;
import static fr.gouv.conventions.core.model.ConventionTesting.conventionFixture;
import static fr.gouv.conventions.core.model.ConventionTesting.date;
import static fr.gouv.conventions.core.model.ConventionTesting.euros;
import static fr.gouv.conventions.core.model.RealHistory.BASSIN_MINIER;
import static fr.gouv.conventions.core.model.RealHistory.ERBM_PROTOCOL;
import static fr.gouv.conventions.core.model.RealHistory.PAS_DE_CALAIS;
import static fr.gouv.conventions.core.model.RealHistory.PER_DEPARTEMENT;
import static fr.gouv.conventions.core.model.RealHistory.SIGNED_IN_BASSIN_MINIER;
import static fr.gouv.conventions.core.model.RealHistory.bassinMinierCommitment;
import static fr.gouv.conventions.core.model.RealHistory.bassinMinierSignatures;
import static fr.gouv.conventions.core.model.RealHistory.cd62SignsInArras;
import static fr.gouv.conventions.core.model.RealHistory.draftBassinMinier;
import static fr.gouv.conventions.core.model.RealHistory.draftPasDeCalais;
import static fr.gouv.conventions.core.model.RealHistory.pasDeCalaisFinancialAvenant;
import static fr.gouv.conventions.core.model.RealHistory.prefet62SignsInArras;
import static fr.gouv.conventions.core.model.RefusalCode.AVENANT_DEADLINE_PASSED;
import static fr.gouv.conventions.core.model.RefusalCode.CEILING_EXCEEDED;
import static fr.gouv.conventions.core.model.Refusal.refused;
import static org.hamcrest.Matchers.containsString;

/**
 * The two conventions of the source documents, recorded today through the commands an administrator sends:
 * every fact carries its business date, years before the wall clock.
 */
class RealHistoryTest {

    private AggregateTestFixture<Convention> fixture;

    @BeforeEach
    void setUp() {
        fixture = conventionFixture();
    }

    @Test
    void thePasDeCalaisConventionIsDraftedWithItsDeadlineAndTheErbmProtocolWithoutSchedulingTheLongPastDeadline() {
        fixture.givenCurrentTime(NOW)
                .when(draftPasDeCalais())
                .expectEvents(new ConventionDrafted(PAS_DE_CALAIS, ConventionKind.ENGAGEMENT,
                        "Convention d'engagement entre l'État et le Département du Pas-de-Calais",
                        new Territory("Pas-de-Calais", List.of("62")),
                        new Period(date(2018, 12, 18), date(2021, 12, 31)),
                        List.of(new Party("prefet-62", PartyRole.ETAT, "Préfet du Pas-de-Calais", "Fabien Sudry"),
                                new Party("cd-62", PartyRole.DEPARTEMENT, "Département du Pas-de-Calais",
                                        "Jean-Claude Leroy")),
                        List.of("SORTIE_ASE", "PREMIER_ACCUEIL_REFERENT", "INSERTION_RSA"), date(2019, 3, 31),
                        List.of(), List.of(new MatchingRule("prefet-62", "cd-62", new BigDecimal("1.0"))),
                        List.of(new IntegratedDocument(
                                        "Protocole d'engagement État – départements du Nord et du Pas-de-Calais (Lens)",
                                        date(2018, 11, 7)),
                                new IntegratedDocument(
                                        "Protocole d'engagement pour le renouveau du bassin minier (ERBM)",
                                        date(2018, 11, 9))),
                        date(2018, 12, 1)))
                .expectNoScheduledDeadlines();
    }

    @Test
    void thePrefetAndThePresidentSignInArrasAndTheConventionEntersIntoForceOn18December2018() {
        fixture.givenCommands(draftPasDeCalais(), prefet62SignsInArras())
                .when(cd62SignsInArras())
                .expectEvents(new ConventionSigned(PAS_DE_CALAIS, "cd-62", "Jean-Claude Leroy", date(2018, 12, 18)),
                        new ConventionEnteredIntoForce(PAS_DE_CALAIS, date(2018, 12, 18)));
    }

    @Test
    void theFinancialAvenantSignedOn31March2019IsAcceptedAndFulfilsTheDeadline() {
        fixture.givenCommands(draftPasDeCalais(), prefet62SignsInArras(), cd62SignsInArras())
                .when(pasDeCalaisFinancialAvenant(date(2019, 3, 31)))
                .expectEvents(
                        new AvenantSigned(PAS_DE_CALAIS, 1, AvenantKind.FINANCIER, date(2019, 3, 31),
                                "Actions départementales (ASE, premier accueil, RSA) et engagements financiers 2019"
                                        + " (montants illustratifs)", null, null),
                        new FundsCommitted(PAS_DE_CALAIS, "prefet-62", 2019, euros("3000000.00"), "SORTIE_ASE", null,
                                date(2019, 3, 31), 1),
                        new FundsCommitted(PAS_DE_CALAIS, "cd-62", 2019, euros("3000000.00"), "SORTIE_ASE", null,
                                date(2019, 3, 31), 1),
                        new AvenantDeadlineFulfilled(PAS_DE_CALAIS, date(2019, 3, 31), 1, date(2019, 3, 31)));
    }

    @Test
    void theFinancialAvenantSignedOn1April2019IsRefusedNamingTheDeadlineOf31March() {
        fixture.givenCommands(draftPasDeCalais(), prefet62SignsInArras(), cd62SignsInArras())
                .when(pasDeCalaisFinancialAvenant(date(2019, 4, 1)))
                .expectException(refused(AVENANT_DEADLINE_PASSED).naming("deadline", date(2019, 3, 31)))
                .expectNoEvents();
    }

    @Test
    void theBassinMinierDraftCarriesTheStateCeilingAndTheMatchingRules() {
        fixture.givenNoPriorActivity()
                .when(draftBassinMinier())
                .expectEvents(new ConventionDrafted(BASSIN_MINIER, ConventionKind.DECLINAISON_RENFORCEE,
                        "Convention de déclinaison renforcée sur le territoire du bassin minier",
                        new Territory("Bassin minier Nord – Pas-de-Calais", List.of("59", "62")),
                        new Period(date(2019, 7, 10), date(2021, 12, 31)),
                        List.of(RealHistory.PREFET_REGION, RealHistory.PREFET_62, RealHistory.CD_59,
                                RealHistory.CD_62),
                        List.of("INSERTION_EMPLOI", "PREVENTION"), null,
                        List.of(new Ceiling("prefet-region", 2020, euros("1000000.00"))),
                        List.of(new MatchingRule("prefet-region", "cd-59", new BigDecimal("0.5")),
                                new MatchingRule("prefet-region", "cd-62", new BigDecimal("0.5"))),
                        List.of(ERBM_PROTOCOL), date(2019, 7, 1)));
    }

    @Test
    void theBassinMinierConventionEntersIntoForceOn10July2019AfterTheFourthSignature() {
        List<SignConvention> signatures = bassinMinierSignatures();
        fixture.givenCommands(draftBassinMinier(), signatures.get(0), signatures.get(1), signatures.get(2))
                .when(signatures.get(3))
                .expectEvents(new ConventionSigned(BASSIN_MINIER, "cd-62", "Jean-Claude Leroy", date(2019, 7, 10)),
                        new ConventionEnteredIntoForce(BASSIN_MINIER, date(2019, 7, 10)));
    }

    @Test
    void theThirdSignatureOfTheBassinMinierConventionLeavesItAwaitingTheFourth() {
        List<SignConvention> signatures = bassinMinierSignatures();
        fixture.givenCommands(draftBassinMinier(), signatures.get(0), signatures.get(1))
                .when(signatures.get(2))
                .expectEvents(new ConventionSigned(BASSIN_MINIER, "cd-59",
                        "Président du conseil départemental du Nord", SIGNED_IN_BASSIN_MINIER));
    }

    @Test
    void eachDepartementCommits500000EurosFor2020() {
        fixture.givenCommands(bassinMinierInForceByCommands())
                .andGivenCommands(bassinMinierCommitment("cd-59", PER_DEPARTEMENT, "Part du Département du Nord"))
                .when(bassinMinierCommitment("cd-62", PER_DEPARTEMENT, "Part du Département du Pas-de-Calais"))
                .expectEvents(new FundsCommitted(BASSIN_MINIER, "cd-62", 2020, euros("500000.00"), null,
                        "Part du Département du Pas-de-Calais", date(2019, 7, 10), null));
    }

    @Test
    void theStateCommitsItsMillionFor2020UnderItsCeiling() {
        fixture.givenCommands(bassinMinierInForceByCommands())
                .when(bassinMinierCommitment("prefet-region", euros("1000000.00"),
                        "500 000 € par département"))
                .expectEvents(new FundsCommitted(BASSIN_MINIER, "prefet-region", 2020, euros("1000000.00"), null,
                        "500 000 € par département", date(2019, 7, 10), null));
    }

    @Test
    void aStateCommitmentOverItsCeilingIsRefusedNamingWhatRemains() {
        fixture.givenCommands(bassinMinierInForceByCommands())
                .andGivenCommands(bassinMinierCommitment("prefet-region", PER_DEPARTEMENT, "Nord"))
                .when(bassinMinierCommitment("prefet-region", euros("500000.01"), "Pas-de-Calais"))
                .expectException(refused(CEILING_EXCEEDED).naming("party", "prefet-region").naming("year", 2020)
                        .naming("remaining", euros("500000.00")))
                .expectExceptionMessage(containsString("500000.00 € remain"))
                .expectNoEvents();
    }

    private static List<Object> bassinMinierInForceByCommands() {
        List<Object> commands = new ArrayList<>();
        commands.add(draftBassinMinier());
        commands.addAll(bassinMinierSignatures());
        return commands;
    }
}
