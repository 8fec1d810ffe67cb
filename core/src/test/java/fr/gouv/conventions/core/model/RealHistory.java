package fr.gouv.conventions.core.model;

import fr.gouv.conventions.core.command.CommitFunds;
import fr.gouv.conventions.core.command.DraftConvention;
import fr.gouv.conventions.core.command.SignAvenant;
import fr.gouv.conventions.core.command.SignConvention;
import fr.gouv.conventions.core.event.AvenantDeadlineFulfilled;
import fr.gouv.conventions.core.event.AvenantSigned;
import fr.gouv.conventions.core.event.ConventionDrafted;
import fr.gouv.conventions.core.event.ConventionEnteredIntoForce;
import fr.gouv.conventions.core.event.ConventionSigned;
import fr.gouv.conventions.core.event.FundsCommitted;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The two conventions of the source documents, as drafts, signatures and the events they lead to: the
 * engagement convention of the Pas-de-Calais (Arras, 18 Dec 2018) and the bassin minier convention (10 Jul 2019).
 */
final class RealHistory {

    static final Party PREFET_REGION = new Party("prefet-region", PartyRole.ETAT,
            "Préfet de la région Hauts-de-France, préfet du Nord", "Préfet de région");
    static final Party PREFET_62 = new Party("prefet-62", PartyRole.ETAT, "Préfet du Pas-de-Calais", "Fabien Sudry");
    static final Party CD_59 = new Party("cd-59", PartyRole.DEPARTEMENT, "Département du Nord",
            "Président du conseil départemental");
    static final Party CD_62 = new Party("cd-62", PartyRole.DEPARTEMENT, "Département du Pas-de-Calais",
            "Jean-Claude Leroy");

    static final IntegratedDocument ERBM_PROTOCOL = new IntegratedDocument(
            "Protocole d'engagement pour le renouveau du bassin minier", LocalDate.of(2018, 11, 9));

    // The engagement convention State – Département du Pas-de-Calais, signed in Arras.

    static final String PAS_DE_CALAIS = "engagement-pas-de-calais-2018";
    static final LocalDate SIGNED_IN_ARRAS = LocalDate.of(2018, 12, 18);
    static final LocalDate PAS_DE_CALAIS_AVENANT_DEADLINE = LocalDate.of(2019, 3, 31);
    static final Period PAS_DE_CALAIS_PERIOD = new Period(LocalDate.of(2019, 1, 1), LocalDate.of(2021, 12, 31));
    static final String SORTIE_ASE = "SORTIE_ASE";
    static final List<String> PAS_DE_CALAIS_AXES =
            List.of(SORTIE_ASE, "PREMIER_ACCUEIL_ET_REFERENT_DE_PARCOURS", "ACCOMPAGNEMENT_RSA_VERS_EMPLOI");

    static DraftConvention draftPasDeCalais() {
        return new DraftConvention(PAS_DE_CALAIS, ConventionKind.ENGAGEMENT,
                "Convention d'engagement entre l'État et le Département du Pas-de-Calais",
                new Territory("Pas-de-Calais", List.of("62")), PAS_DE_CALAIS_PERIOD, List.of(PREFET_62, CD_62),
                PAS_DE_CALAIS_AXES, PAS_DE_CALAIS_AVENANT_DEADLINE, List.of(), List.of(), List.of(ERBM_PROTOCOL),
                SIGNED_IN_ARRAS);
    }

    static ConventionDrafted pasDeCalaisDrafted() {
        return drafted(draftPasDeCalais());
    }

    static SignConvention prefet62SignsInArras() {
        return new SignConvention(PAS_DE_CALAIS, "prefet-62", "Fabien Sudry", SIGNED_IN_ARRAS);
    }

    static SignConvention cd62SignsInArras() {
        return new SignConvention(PAS_DE_CALAIS, "cd-62", "Jean-Claude Leroy", SIGNED_IN_ARRAS);
    }

    /** Drafted, signed by both parties on 18 Dec 2018, in force that day. */
    static List<Object> pasDeCalaisInForce() {
        return List.of(pasDeCalaisDrafted(),
                new ConventionSigned(PAS_DE_CALAIS, "prefet-62", "Fabien Sudry", SIGNED_IN_ARRAS),
                new ConventionSigned(PAS_DE_CALAIS, "cd-62", "Jean-Claude Leroy", SIGNED_IN_ARRAS),
                new ConventionEnteredIntoForce(PAS_DE_CALAIS, SIGNED_IN_ARRAS));
    }

    // The documents do not give the amounts of the financial avenant; these are illustrative.
    static final Euros PAS_DE_CALAIS_STATE_2019 = Euros.of("3000000.00");
    static final Euros PAS_DE_CALAIS_DEPARTEMENT_2019 = Euros.of("3000000.00");

    /** The financial avenant that sets the departmental actions and both parties' commitments for 2019. */
    static SignAvenant pasDeCalaisFinancialAvenant(LocalDate signedOn) {
        return new SignAvenant(PAS_DE_CALAIS, AvenantKind.FINANCIER, signedOn,
                "Actions départementales et engagements financiers 2019", null,
                List.of(new AvenantCommitment("prefet-62", 2019, PAS_DE_CALAIS_STATE_2019, SORTIE_ASE, null),
                        new AvenantCommitment("cd-62", 2019, PAS_DE_CALAIS_DEPARTEMENT_2019, null, null)));
    }

    /** In force, then the financial avenant signed on the deadline day, which fulfilled the deadline. */
    static List<Object> pasDeCalaisAfterFinancialAvenant() {
        List<Object> events = new ArrayList<>(pasDeCalaisInForce());
        SignAvenant avenant = pasDeCalaisFinancialAvenant(PAS_DE_CALAIS_AVENANT_DEADLINE);
        events.add(new AvenantSigned(PAS_DE_CALAIS, 1, AvenantKind.FINANCIER, avenant.signedOn(), avenant.summary(),
                null, null));
        avenant.commitments().forEach(line -> events.add(new FundsCommitted(PAS_DE_CALAIS, line.party(),
                line.year(), line.amount(), line.axis(), line.action(), avenant.signedOn(), 1)));
        events.add(new AvenantDeadlineFulfilled(PAS_DE_CALAIS, PAS_DE_CALAIS_AVENANT_DEADLINE, 1,
                avenant.signedOn()));
        return events;
    }

    // The convention de déclinaison renforcée sur le territoire du bassin minier, as the HTTP contract drafts it.

    static final String BASSIN_MINIER = "bassin-minier-2019";
    static final LocalDate SIGNED_IN_BASSIN_MINIER = LocalDate.of(2019, 7, 10);
    static final Period BASSIN_MINIER_PERIOD = new Period(SIGNED_IN_BASSIN_MINIER, LocalDate.of(2021, 12, 31));
    static final String INSERTION_EMPLOI = "INSERTION_EMPLOI";
    static final String PREVENTION = "PREVENTION";
    static final Euros STATE_CEILING_2020 = Euros.of("1000000.00");
    static final Euros PER_DEPARTEMENT = Euros.of("500000.00");
    static final List<Ceiling> BASSIN_MINIER_CEILINGS = List.of(new Ceiling("prefet-region", 2020, STATE_CEILING_2020));
    static final List<MatchingRule> BASSIN_MINIER_MATCHING = List.of(
            new MatchingRule("prefet-region", "cd-59", new BigDecimal("0.5")),
            new MatchingRule("prefet-region", "cd-62", new BigDecimal("0.5")));

    static DraftConvention draftBassinMinier() {
        return new DraftConvention(BASSIN_MINIER, ConventionKind.DECLINAISON_RENFORCEE,
                "Convention de déclinaison renforcée sur le territoire du bassin minier",
                new Territory("Bassin minier Nord – Pas-de-Calais", List.of("59", "62")), BASSIN_MINIER_PERIOD,
                List.of(PREFET_REGION, PREFET_62, CD_59, CD_62), List.of(INSERTION_EMPLOI, PREVENTION), null,
                BASSIN_MINIER_CEILINGS, BASSIN_MINIER_MATCHING, List.of(ERBM_PROTOCOL), SIGNED_IN_BASSIN_MINIER);
    }

    static ConventionDrafted bassinMinierDrafted() {
        return drafted(draftBassinMinier());
    }

    /** The four signatures of 10 Jul 2019, in the order the parties are named. */
    static List<SignConvention> bassinMinierSignatures() {
        return List.of(
                new SignConvention(BASSIN_MINIER, "prefet-region", "Préfet de région", SIGNED_IN_BASSIN_MINIER),
                new SignConvention(BASSIN_MINIER, "prefet-62", "Fabien Sudry", SIGNED_IN_BASSIN_MINIER),
                new SignConvention(BASSIN_MINIER, "cd-59", "Président du conseil départemental",
                        SIGNED_IN_BASSIN_MINIER),
                new SignConvention(BASSIN_MINIER, "cd-62", "Jean-Claude Leroy", SIGNED_IN_BASSIN_MINIER));
    }

    /** Drafted, signed by its four parties on 10 Jul 2019, in force that day. */
    static List<Object> bassinMinierInForce() {
        List<Object> events = new ArrayList<>();
        events.add(bassinMinierDrafted());
        bassinMinierSignatures().forEach(signature -> events.add(new ConventionSigned(BASSIN_MINIER,
                signature.party(), signature.signatory(), signature.signedOn())));
        events.add(new ConventionEnteredIntoForce(BASSIN_MINIER, SIGNED_IN_BASSIN_MINIER));
        return events;
    }

    static CommitFunds bassinMinierCommitment(String party, Euros amount, String action) {
        return new CommitFunds(BASSIN_MINIER, party, 2020, amount, null, action, SIGNED_IN_BASSIN_MINIER);
    }

    static ConventionDrafted drafted(DraftConvention draft) {
        return new ConventionDrafted(draft.conventionId(), draft.kind(), draft.title(), draft.territory(),
                draft.period(), draft.parties(), draft.axes(), draft.avenantDeadline(), draft.ceilings(),
                draft.matching(), draft.integratedDocuments(), draft.draftedOn());
    }

    private RealHistory() {
    }
}
