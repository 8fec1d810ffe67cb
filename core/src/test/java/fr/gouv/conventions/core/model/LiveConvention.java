package fr.gouv.conventions.core.model;

import fr.gouv.conventions.core.command.DraftConvention;
import fr.gouv.conventions.core.command.SignAvenant;
import fr.gouv.conventions.core.command.SignConvention;

import java.time.LocalDate;
import java.util.List;

/**
 * A made-up convention recorded as it happens, three weeks before {@link ConventionTesting#TODAY}, whose avenant
 * deadline is still ahead on the wall clock: the case where the service must schedule the deadline (R6).
 */
final class LiveConvention {

    static final String ID = "calpae-62-2026";
    static final LocalDate DRAFTED_ON = LocalDate.of(2026, 11, 2);
    static final LocalDate PREFET_SIGNS_ON = LocalDate.of(2026, 11, 16);
    static final LocalDate DEPARTEMENT_SIGNS_ON = LocalDate.of(2026, 11, 18);
    static final LocalDate DEADLINE = LocalDate.of(2026, 12, 31);
    static final Period PERIOD = new Period(LocalDate.of(2026, 1, 1), LocalDate.of(2028, 12, 31));

    static DraftConvention draft() {
        return draftWithDeadline(DEADLINE);
    }

    static DraftConvention draftWithDeadline(LocalDate deadline) {
        return new DraftConvention(ID, ConventionKind.CALPAE, "Convention d'appui à la lutte contre la pauvreté",
                new Territory("Pas-de-Calais", List.of("62")), PERIOD,
                List.of(RealHistory.PREFET_62, RealHistory.CD_62), List.of("INSERTION_EMPLOI"), deadline, List.of(),
                List.of(), List.of(), DRAFTED_ON);
    }

    /** Both signatures, bringing the convention into force on {@link #DEPARTEMENT_SIGNS_ON}. */
    static List<SignConvention> signatures() {
        return List.of(new SignConvention(ID, "prefet-62", "Fabien Sudry", PREFET_SIGNS_ON),
                new SignConvention(ID, "cd-62", "Jean-Claude Leroy", DEPARTEMENT_SIGNS_ON));
    }

    static SignAvenant financialAvenant(LocalDate signedOn) {
        return new SignAvenant(ID, AvenantKind.FINANCIER, signedOn, "Engagements financiers 2027", null,
                List.of(new AvenantCommitment("cd-62", 2027, Euros.of("250000.00"), null, null)));
    }

    private LiveConvention() {
    }
}
