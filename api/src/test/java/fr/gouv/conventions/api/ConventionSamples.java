package fr.gouv.conventions.api;

import fr.gouv.conventions.core.command.CommitFunds;
import fr.gouv.conventions.core.command.DraftConvention;
import fr.gouv.conventions.core.command.SignConvention;
import fr.gouv.conventions.core.model.Ceiling;
import fr.gouv.conventions.core.model.ConventionKind;
import fr.gouv.conventions.core.model.Euros;
import fr.gouv.conventions.core.model.IntegratedDocument;
import fr.gouv.conventions.core.model.MatchingRule;
import fr.gouv.conventions.core.model.Party;
import fr.gouv.conventions.core.model.PartyRole;
import fr.gouv.conventions.core.model.Period;
import fr.gouv.conventions.core.model.Territory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The real conventions of the design, as commands. */
final class ConventionSamples {

    static final LocalDate SIGNED_IN_ARRAS = LocalDate.of(2018, 12, 18);
    static final LocalDate AVENANT_DEADLINE = LocalDate.of(2019, 3, 31);

    private ConventionSamples() {
    }

    /** The Pas-de-Calais engagement convention, with an avenant deadline that may be overridden. */
    static DraftConvention pasDeCalais(String id, LocalDate avenantDeadline) {
        return new DraftConvention(id, ConventionKind.ENGAGEMENT,
                "Convention d'engagement État – Département du Pas-de-Calais",
                new Territory("Pas-de-Calais", List.of("62")),
                new Period(LocalDate.of(2019, 1, 1), LocalDate.of(2021, 12, 31)),
                List.of(new Party("prefet-62", PartyRole.ETAT, "Préfet du Pas-de-Calais", "Fabien Sudry"),
                        new Party("cd-62", PartyRole.DEPARTEMENT, "Département du Pas-de-Calais", "Jean-Claude Leroy")),
                List.of("ASE_SORTIE", "PREMIER_ACCUEIL", "INSERTION_RSA"),
                avenantDeadline,
                List.of(new Ceiling("prefet-62", 2019, Euros.of("3333333.33"))),
                List.of(new MatchingRule("prefet-62", "cd-62", BigDecimal.ONE)),
                List.of(new IntegratedDocument("Protocole d'engagement pour le renouveau du bassin minier",
                        LocalDate.of(2018, 11, 9))),
                LocalDate.of(2018, 11, 7));
    }

    static DraftConvention pasDeCalais(String id) {
        return pasDeCalais(id, AVENANT_DEADLINE);
    }

    static SignConvention prefetSigns(String id) {
        return new SignConvention(id, "prefet-62", "Fabien Sudry", SIGNED_IN_ARRAS);
    }

    static SignConvention departementSigns(String id) {
        return new SignConvention(id, "cd-62", "Jean-Claude Leroy", SIGNED_IN_ARRAS);
    }

    static CommitFunds stateCommits(String id, String amount) {
        return new CommitFunds(id, "prefet-62", 2019, Euros.of(amount), null, null, LocalDate.of(2019, 4, 15));
    }

    /** Drafts the Pas-de-Calais convention and has both parties sign it: it is in force. */
    static void inForce(ServiceInstance service, String id) {
        service.send(pasDeCalais(id));
        service.send(prefetSigns(id));
        service.send(departementSigns(id));
    }
}
