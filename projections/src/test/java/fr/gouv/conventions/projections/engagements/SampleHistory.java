package fr.gouv.conventions.projections.engagements;

import fr.gouv.conventions.core.event.AvenantDeadlineExtended;
import fr.gouv.conventions.core.event.AvenantDeadlineFulfilled;
import fr.gouv.conventions.core.event.AvenantSigned;
import fr.gouv.conventions.core.event.ConventionDrafted;
import fr.gouv.conventions.core.event.ConventionEnteredIntoForce;
import fr.gouv.conventions.core.event.ConventionEvent;
import fr.gouv.conventions.core.event.ConventionSigned;
import fr.gouv.conventions.core.event.FundsCommitted;
import fr.gouv.conventions.core.model.AvenantKind;
import fr.gouv.conventions.core.model.Ceiling;
import fr.gouv.conventions.core.model.ConventionKind;
import fr.gouv.conventions.core.model.Euros;
import fr.gouv.conventions.core.model.MatchingRule;
import fr.gouv.conventions.core.model.Party;
import fr.gouv.conventions.core.model.PartyRole;
import fr.gouv.conventions.core.model.Period;
import fr.gouv.conventions.core.model.Territory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A convention's history touching every read-model table: drafted with a ceiling, a matching rule and an avenant
 * deadline, signed by both parties, in force, funds committed, the deadline extended, then fulfilled by a financial
 * avenant. The sequence number of each event is its index.
 */
final class SampleHistory {

    private static final LocalDate DRAFTED = LocalDate.of(2024, 1, 5);
    private static final LocalDate SIGNED = LocalDate.of(2024, 1, 15);
    private static final LocalDate DEADLINE = LocalDate.of(2024, 6, 30);

    private SampleHistory() {
    }

    static List<ConventionEvent> of(String id) {
        return List.of(
                new ConventionDrafted(id, ConventionKind.ENGAGEMENT, "Convention " + id,
                        new Territory("Nord", List.of("59")), new Period(DRAFTED, LocalDate.of(2026, 12, 31)),
                        List.of(new Party("prefet-59", PartyRole.ETAT, "Préfet du Nord", "Préfet"),
                                new Party("cd-59", PartyRole.DEPARTEMENT, "Département du Nord", "La présidente")),
                        List.of("INSERTION_EMPLOI"), DEADLINE,
                        List.of(new Ceiling("prefet-59", 2024, Euros.of("100000.00"))),
                        List.of(new MatchingRule("prefet-59", "cd-59", new BigDecimal("0.5"))), List.of(), DRAFTED),
                new ConventionSigned(id, "prefet-59", "Préfet", SIGNED),
                new ConventionSigned(id, "cd-59", "La présidente", SIGNED),
                new ConventionEnteredIntoForce(id, SIGNED),
                new FundsCommitted(id, "prefet-59", 2024, Euros.of("60000.00"), "INSERTION_EMPLOI",
                        "Référents de parcours", LocalDate.of(2024, 2, 1), null),
                new AvenantDeadlineExtended(id, DEADLINE, DEADLINE.plusMonths(3), "Concertation prolongée",
                        LocalDate.of(2024, 6, 1)),
                new AvenantSigned(id, 1, AvenantKind.FINANCIER, LocalDate.of(2024, 9, 1), "Engagements 2024", null,
                        null),
                new FundsCommitted(id, "cd-59", 2024, Euros.of("30000.00"), "INSERTION_EMPLOI", "Accueil",
                        LocalDate.of(2024, 9, 2), 1),
                new AvenantDeadlineFulfilled(id, DEADLINE.plusMonths(3), 1, LocalDate.of(2024, 9, 2)));
    }
}
