package fr.gouv.conventions.projections.engagements;

import com.fasterxml.jackson.core.JsonProcessingException;
import fr.gouv.conventions.core.event.AvenantDeadlineExtended;
import fr.gouv.conventions.core.event.AvenantDeadlineFulfilled;
import fr.gouv.conventions.core.event.AvenantDeadlineMissed;
import fr.gouv.conventions.core.event.AvenantSigned;
import fr.gouv.conventions.core.event.ConventionDrafted;
import fr.gouv.conventions.core.event.ConventionEnteredIntoForce;
import fr.gouv.conventions.core.event.ConventionSigned;
import fr.gouv.conventions.core.event.ConventionTerminated;
import fr.gouv.conventions.core.event.FundsCommitted;
import fr.gouv.conventions.core.model.AvenantKind;
import fr.gouv.conventions.core.model.Ceiling;
import fr.gouv.conventions.core.model.ConventionKind;
import fr.gouv.conventions.core.model.Euros;
import fr.gouv.conventions.core.model.IntegratedDocument;
import fr.gouv.conventions.core.model.MatchingRule;
import fr.gouv.conventions.core.model.Party;
import fr.gouv.conventions.core.model.PartyRole;
import fr.gouv.conventions.core.model.Period;
import fr.gouv.conventions.core.model.Territory;
import fr.gouv.conventions.projections.ReadModelJson;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fold of every event into the view of a convention, on the real Pas-de-Calais history. */
class ConventionViewTest {

    private static final String ID = "pas-de-calais-2018";
    private static final LocalDate DEADLINE = LocalDate.of(2019, 3, 31);
    private static final LocalDate ARRAS = LocalDate.of(2018, 12, 18);

    private static ConventionView drafted() {
        return ConventionView.drafted(new ConventionDrafted(ID, ConventionKind.ENGAGEMENT,
                "Convention d'engagement", new Territory("Pas-de-Calais", List.of("62")),
                new Period(ARRAS, LocalDate.of(2021, 12, 31)),
                List.of(new Party("prefet-62", PartyRole.ETAT, "Préfet du Pas-de-Calais", "Fabien Sudry"),
                        new Party("cd-62", PartyRole.DEPARTEMENT, "Département du Pas-de-Calais", "Jean-Claude Leroy")),
                List.of("SORTIE_ASE"), DEADLINE, List.of(new Ceiling("prefet-62", 2019, Euros.of("3000000.00"))),
                List.of(new MatchingRule("prefet-62", "cd-62", BigDecimal.ONE)),
                List.of(new IntegratedDocument("Protocole ERBM", LocalDate.of(2018, 11, 9))),
                LocalDate.of(2018, 12, 1)), 0);
    }

    private static ConventionView inForce() {
        return drafted()
                .apply(new ConventionSigned(ID, "prefet-62", "Fabien Sudry", ARRAS), 1)
                .apply(new ConventionSigned(ID, "cd-62", "Jean-Claude Leroy", ARRAS), 2)
                .apply(new ConventionEnteredIntoForce(ID, ARRAS), 3);
    }

    @Test
    void aDraftHoldsEverythingTheConventionSaysAndAnOpenDeadline() {
        ConventionView view = drafted();

        assertThat(view.status().lifecycle()).isEqualTo(Lifecycle.DRAFT);
        assertThat(view.parties()).extracting(ConventionView.PartyView::id).containsExactly("prefet-62", "cd-62");
        assertThat(view.parties()).allMatch(party -> party.signedOn() == null);
        assertThat(view.avenantDeadline().state()).isEqualTo(DeadlineState.OPEN);
        assertThat(view.avenantDeadline().initialDate()).isEqualTo(DEADLINE);
        assertThat(view.version()).isZero();
    }

    @Test
    void theFirstSignatureMakesItPartiallySignedAndRecordsTheSignatory() {
        ConventionView view = drafted().apply(new ConventionSigned(ID, "cd-62", "Jean-Claude Leroy", ARRAS), 1);

        assertThat(view.status().lifecycle()).isEqualTo(Lifecycle.PARTIALLY_SIGNED);
        assertThat(view.parties().get(1).signatory()).isEqualTo("Jean-Claude Leroy");
        assertThat(view.parties().get(1).signedOn()).isEqualTo(ARRAS);
        assertThat(view.parties().get(0).signedOn()).isNull();
        assertThat(view.version()).isEqualTo(1);
    }

    @Test
    void entryIntoForceSetsTheDateAndTheStatus() {
        ConventionView view = inForce();

        assertThat(view.status().lifecycle()).isEqualTo(Lifecycle.IN_FORCE);
        assertThat(view.status().inForceOn()).isEqualTo(ARRAS);
    }

    @Test
    void anInForceConventionIsExpiredOnceSeenAfterItsEnd() {
        ConventionView view = inForce();

        assertThat(view.lifecycleOn(LocalDate.of(2021, 12, 31))).isEqualTo(Lifecycle.IN_FORCE);
        assertThat(view.lifecycleOn(LocalDate.of(2022, 1, 1))).isEqualTo(Lifecycle.EXPIRED);
    }

    @Test
    void anOpenDeadlineIsOverdueOnceSeenAfterItsDay() {
        ConventionView.DeadlineView deadline = inForce().avenantDeadline();

        assertThat(deadline.stateOn(DEADLINE)).isEqualTo(DeadlineState.OPEN);
        assertThat(deadline.stateOn(DEADLINE.plusDays(1))).isEqualTo(DeadlineState.OVERDUE);
    }

    @Test
    void aFinancialAvenantAndItsCommitmentsFulfilTheDeadline() {
        ConventionView view = inForce()
                .apply(new AvenantSigned(ID, 1, AvenantKind.FINANCIER, DEADLINE, "Engagements 2019", null, null), 4)
                .apply(new FundsCommitted(ID, "prefet-62", 2019, Euros.of("1000000.00"), null, null, DEADLINE, 1), 5)
                .apply(new FundsCommitted(ID, "prefet-62", 2019, Euros.of("0.01"), null, null, DEADLINE, 1), 6)
                .apply(new AvenantDeadlineFulfilled(ID, DEADLINE, 1, DEADLINE), 7);

        assertThat(view.avenants()).extracting(ConventionView.AvenantView::number).containsExactly(1);
        assertThat(view.funds().commitments()).containsExactly(
                new ConventionView.CommittedTotal("prefet-62", 2019, Euros.of("1000000.01")));
        assertThat(view.avenantDeadline().state()).isEqualTo(DeadlineState.FULFILLED);
        assertThat(view.avenantDeadline().fulfilledByAvenant()).isEqualTo(1);
        assertThat(view.avenantDeadline().stateOn(LocalDate.of(2026, 1, 1))).isEqualTo(DeadlineState.FULFILLED);
    }

    @Test
    void committedTotalsAreAddedUpAndKeptByYearThenParty() {
        ConventionView view = inForce();
        long version = 4;
        for (String[] line : new String[][]{{"prefet-62", "2020", "10.00"}, {"cd-62", "2020", "5.00"},
                {"prefet-62", "2019", "1.00"}, {"prefet-62", "2020", "0.50"}, {"cd-62", "2021", "7.00"},
                {"cd-62", "2019", "2.00"}, {"cd-62", "2020", "0.25"}}) {
            view = view.apply(new FundsCommitted(ID, line[0], Integer.parseInt(line[1]), Euros.of(line[2]), null, null,
                    DEADLINE, null), version++);
        }

        assertThat(view.funds().commitments()).containsExactly(
                new ConventionView.CommittedTotal("cd-62", 2019, Euros.of("2.00")),
                new ConventionView.CommittedTotal("prefet-62", 2019, Euros.of("1.00")),
                new ConventionView.CommittedTotal("cd-62", 2020, Euros.of("5.25")),
                new ConventionView.CommittedTotal("prefet-62", 2020, Euros.of("10.50")),
                new ConventionView.CommittedTotal("cd-62", 2021, Euros.of("7.00")));
    }

    @Test
    void aProlongationMovesTheEndOfThePeriod() {
        ConventionView view = inForce().apply(new AvenantSigned(ID, 1, AvenantKind.PROLONGATION,
                LocalDate.of(2021, 12, 1), "Prolongation 2022", LocalDate.of(2021, 12, 31), LocalDate.of(2022, 12, 31)), 4);

        assertThat(view.period().to()).isEqualTo(LocalDate.of(2022, 12, 31));
        assertThat(view.avenants().get(0).previousEndDate()).isEqualTo(LocalDate.of(2021, 12, 31));
    }

    @Test
    void anExtensionKeepsBothDatesAndReopensTheDeadline() {
        LocalDate extended = LocalDate.of(2019, 6, 30);
        ConventionView view = inForce().apply(new AvenantDeadlineExtended(ID, DEADLINE, extended,
                "Concertation prolongée", LocalDate.of(2019, 3, 20)), 4);

        assertThat(view.avenantDeadline().date()).isEqualTo(extended);
        assertThat(view.avenantDeadline().initialDate()).isEqualTo(DEADLINE);
        assertThat(view.avenantDeadline().extensions()).containsExactly(new ConventionView.DeadlineExtension(
                DEADLINE, extended, "Concertation prolongée", LocalDate.of(2019, 3, 20)));
        assertThat(view.avenantDeadline().state()).isEqualTo(DeadlineState.OPEN);
    }

    @Test
    void aMissedDeadlineStaysMissed() {
        ConventionView view = inForce().apply(new AvenantDeadlineMissed(ID, DEADLINE, DEADLINE.plusDays(1)), 4);

        assertThat(view.avenantDeadline().state()).isEqualTo(DeadlineState.MISSED);
        assertThat(view.avenantDeadline().missedOn()).isEqualTo(DEADLINE.plusDays(1));
        assertThat(view.avenantDeadline().stateOn(LocalDate.of(2026, 1, 1))).isEqualTo(DeadlineState.MISSED);
    }

    @Test
    void terminationIsFinalEvenPastTheEndDate() {
        ConventionView view = inForce().apply(new ConventionTerminated(ID, LocalDate.of(2020, 6, 30),
                "Remplacée par une nouvelle convention"), 4);

        assertThat(view.status().lifecycle()).isEqualTo(Lifecycle.TERMINATED);
        assertThat(view.lifecycleOn(LocalDate.of(2026, 1, 1))).isEqualTo(Lifecycle.TERMINATED);
        assertThat(view.status().terminationReason()).isEqualTo("Remplacée par une nouvelle convention");
    }

    @Test
    void aSecondDraftOfTheSameConventionIsAnError() {
        assertThatThrownBy(() -> inForce().apply(new ConventionDrafted(ID, ConventionKind.AUTRE, "t",
                new Territory("t", List.of("62")), new Period(ARRAS, ARRAS), List.of(), List.of(), null, List.of(),
                List.of(), List.of(), ARRAS), 4)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theStoredDocumentReadsBackEqual() throws JsonProcessingException {
        ConventionView view = inForce()
                .apply(new FundsCommitted(ID, "cd-62", 2019, Euros.of("12.30"), "SORTIE_ASE", "Accueil", ARRAS, null), 4);

        String json = ReadModelJson.MAPPER.writeValueAsString(view);

        assertThat(ReadModelJson.MAPPER.readValue(json, ConventionView.class)).isEqualTo(view);
        assertThat(json).contains("\"amount\":\"12.30\"").doesNotContain("\"open\"");
    }

    /** A document as the view wrote it when it was one flat record of 19 fields. */
    private static final String FLAT_DOCUMENT = """
            {"conventionId": "pas-de-calais-2018", "kind": "ENGAGEMENT", "title": "Convention d'engagement",
             "territory": {"name": "Pas-de-Calais", "departements": ["62"]},
             "period": {"from": "2018-12-18", "to": "2021-12-31"},
             "lifecycle": "TERMINATED", "draftedOn": "2018-12-01", "inForceOn": "2018-12-18",
             "terminatedOn": "2020-06-30", "terminationReason": "Remplacée",
             "parties": [{"id": "prefet-62", "role": "ETAT", "name": "Préfet du Pas-de-Calais",
                          "representative": "Fabien Sudry", "signatory": "Fabien Sudry", "signedOn": "2018-12-18"},
                         {"id": "cd-62", "role": "DEPARTEMENT", "name": "Département du Pas-de-Calais",
                          "representative": "Jean-Claude Leroy", "signatory": "Jean-Claude Leroy",
                          "signedOn": "2018-12-18"}],
             "axes": ["SORTIE_ASE"], "avenants": [],
             "avenantDeadline": {"date": "2019-06-30", "initialDate": "2019-03-31", "state": "OPEN",
                                 "extensions": [{"previousDeadline": "2019-03-31", "newDeadline": "2019-06-30",
                                                 "reason": "Concertation prolongée", "decidedOn": "2019-03-20"}],
                                 "fulfilledByAvenant": null, "fulfilledOn": null, "missedOn": null},
             "ceilings": [{"party": "prefet-62", "year": 2019, "amount": "3000000.00"}],
             "commitments": [{"party": "cd-62", "year": 2019, "amount": "12.30"}],
             "matching": [{"funder": "prefet-62", "matcher": "cd-62", "ratio": 1}],
             "integratedDocuments": [{"title": "Protocole ERBM", "signedOn": "2018-11-09"}],
             "version": 6}""";

    @Test
    void theDocumentKeepsTheFlatShapeOfThoseAlreadyStored() throws JsonProcessingException {
        ConventionView view = inForce()
                .apply(new AvenantDeadlineExtended(ID, DEADLINE, LocalDate.of(2019, 6, 30), "Concertation prolongée",
                        LocalDate.of(2019, 3, 20)), 4)
                .apply(new FundsCommitted(ID, "cd-62", 2019, Euros.of("12.30"), "SORTIE_ASE", "Accueil", ARRAS, null), 5)
                .apply(new ConventionTerminated(ID, LocalDate.of(2020, 6, 30), "Remplacée"), 6);

        assertThat(ReadModelJson.MAPPER.readValue(FLAT_DOCUMENT, ConventionView.class)).isEqualTo(view);
        assertThat(ReadModelJson.MAPPER.readTree(ReadModelJson.MAPPER.writeValueAsString(view)))
                .isEqualTo(ReadModelJson.MAPPER.readTree(FLAT_DOCUMENT));
    }
}
