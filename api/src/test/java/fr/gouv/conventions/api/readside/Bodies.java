package fr.gouv.conventions.api.readside;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

import static fr.gouv.conventions.api.readside.ReadSideHttp.JSON;

/**
 * The JSON bodies of the commands, as the HTTP contract takes them: the real conventions of the design (from
 * examples/real-history.sh) and a small two-party convention whose dates and territory each test chooses.
 */
final class Bodies {

    /** The State's party of {@link #convention}. */
    static final String ETAT = "prefet";
    /** The département's party of {@link #convention}. */
    static final String DEPARTEMENT = "departement";

    private Bodies() {
    }

    /**
     * The Pas-de-Calais engagement convention of 18 December 2018, as recorded by examples/real-history.sh:
     * drafted on 1 December 2018, a financial avenant due by 31 March 2019, no ceiling, the State matched 1:1.
     */
    static ObjectNode pasDeCalais(String id) {
        ObjectNode draft = JSON.createObjectNode()
                .put("id", id)
                .put("kind", "ENGAGEMENT")
                .put("title", "Convention d'engagement entre l'État et le Département du Pas-de-Calais");
        draft.set("territory", territory("Pas-de-Calais", "62"));
        draft.set("period", period("2018-12-18", "2021-12-31"));
        ArrayNode parties = draft.putArray("parties");
        parties.add(party("prefet-62", "ETAT", "Préfet du Pas-de-Calais", "Fabien Sudry"));
        parties.add(party("cd-62", "DEPARTEMENT", "Département du Pas-de-Calais", "Jean-Claude Leroy"));
        strings(draft.putArray("axes"), "SORTIE_ASE", "PREMIER_ACCUEIL_REFERENT", "INSERTION_RSA");
        draft.put("avenantDeadline", "2019-03-31");
        draft.putArray("matching").add(matching("prefet-62", "cd-62", "1.0"));
        ArrayNode documents = draft.putArray("integratedDocuments");
        documents.add(document("Protocole d'engagement État – départements du Nord et du Pas-de-Calais (Lens)",
                "2018-11-07"));
        documents.add(document("Protocole d'engagement pour le renouveau du bassin minier (ERBM)", "2018-11-09"));
        draft.put("draftedOn", "2018-12-01");
        return draft;
    }

    /** The financial avenant of the Pas-de-Calais convention, signed on the deadline day, 31 March 2019. */
    static ObjectNode pasDeCalaisFinancialAvenant(String signedOn) {
        return avenant("FINANCIER", signedOn,
                "Actions départementales (ASE, premier accueil, RSA) et engagements financiers 2019", null,
                avenantLine("prefet-62", 2019, "3000000.00", "SORTIE_ASE"),
                avenantLine("cd-62", 2019, "3000000.00", "SORTIE_ASE"));
    }

    /**
     * The bassin minier convention of 10 July 2019, exactly as the design's draft: four parties, a ceiling of
     * 1 000 000.00 € for prefet-region in 2020, and prefet-region matched by cd-59 and by cd-62 at 0.5.
     */
    static ObjectNode bassinMinier(String id) {
        ObjectNode draft = JSON.createObjectNode()
                .put("id", id)
                .put("kind", "DECLINAISON_RENFORCEE")
                .put("title", "Convention de déclinaison renforcée sur le territoire du bassin minier");
        draft.set("territory", territory("Bassin minier Nord – Pas-de-Calais", "59", "62"));
        draft.set("period", period("2019-07-10", "2021-12-31"));
        ArrayNode parties = draft.putArray("parties");
        parties.add(party("prefet-region", "ETAT", "Préfet de la région Hauts-de-France, préfet du Nord",
                "Préfet de région"));
        parties.add(party("prefet-62", "ETAT", "Préfet du Pas-de-Calais", "Fabien Sudry"));
        parties.add(party("cd-59", "DEPARTEMENT", "Département du Nord", "Président du conseil départemental"));
        parties.add(party("cd-62", "DEPARTEMENT", "Département du Pas-de-Calais", "Jean-Claude Leroy"));
        strings(draft.putArray("axes"), "INSERTION_EMPLOI", "PREVENTION");
        draft.putNull("avenantDeadline");
        draft.putArray("ceilings").add(ceiling("prefet-region", 2020, "1000000.00"));
        draft.putArray("matching")
                .add(matching("prefet-region", "cd-59", "0.5"))
                .add(matching("prefet-region", "cd-62", "0.5"));
        draft.putArray("integratedDocuments")
                .add(document("Protocole d'engagement pour le renouveau du bassin minier", "2018-11-09"));
        draft.put("draftedOn", "2019-07-01");
        return draft;
    }

    /** The four signatories of the bassin minier convention, in the order of examples/real-history.sh. */
    static final List<List<String>> BASSIN_MINIER_SIGNATORIES = List.of(
            List.of("prefet-region", "Préfet de région"),
            List.of("prefet-62", "Fabien Sudry"),
            List.of("cd-59", "Président du conseil départemental du Nord"),
            List.of("cd-62", "Jean-Claude Leroy"));

    /**
     * A two-party convention ({@link #ETAT} and {@link #DEPARTEMENT}) with axes INSERTION_EMPLOI and PREVENTION;
     * {@code avenantDeadline} may be null. Drafted on {@code from} unless the caller changes it.
     */
    static ObjectNode convention(String id, String kind, List<String> departements, String from, String to,
                                 String avenantDeadline) {
        ObjectNode draft = JSON.createObjectNode()
                .put("id", id)
                .put("kind", kind)
                .put("title", "Convention " + id);
        draft.set("territory", territory("Territoire de " + id, departements.toArray(String[]::new)));
        draft.set("period", period(from, to));
        ArrayNode parties = draft.putArray("parties");
        parties.add(party(ETAT, "ETAT", "Préfecture", "Le préfet"));
        parties.add(party(DEPARTEMENT, "DEPARTEMENT", "Conseil départemental", "La présidente"));
        strings(draft.putArray("axes"), "INSERTION_EMPLOI", "PREVENTION");
        if (avenantDeadline == null) {
            draft.putNull("avenantDeadline");
        } else {
            draft.put("avenantDeadline", avenantDeadline);
        }
        draft.put("draftedOn", from);
        return draft;
    }

    static ObjectNode withCeilings(ObjectNode draft, ObjectNode... ceilings) {
        ArrayNode array = draft.putArray("ceilings");
        for (ObjectNode ceiling : ceilings) {
            array.add(ceiling);
        }
        return draft;
    }

    static ObjectNode withMatching(ObjectNode draft, ObjectNode... rules) {
        ArrayNode array = draft.putArray("matching");
        for (ObjectNode rule : rules) {
            array.add(rule);
        }
        return draft;
    }

    static ObjectNode territory(String name, String... departements) {
        ObjectNode territory = JSON.createObjectNode().put("name", name);
        strings(territory.putArray("departements"), departements);
        return territory;
    }

    static ObjectNode period(String from, String to) {
        return JSON.createObjectNode().put("from", from).put("to", to);
    }

    static ObjectNode party(String id, String role, String name, String representative) {
        return JSON.createObjectNode().put("id", id).put("role", role).put("name", name)
                .put("representative", representative);
    }

    static ObjectNode ceiling(String party, int year, String amount) {
        return JSON.createObjectNode().put("party", party).put("year", year).put("amount", amount);
    }

    static ObjectNode matching(String funder, String matcher, String ratio) {
        return JSON.createObjectNode().put("funder", funder).put("matcher", matcher).put("ratio", ratio);
    }

    static ObjectNode document(String title, String signedOn) {
        return JSON.createObjectNode().put("title", title).put("signedOn", signedOn);
    }

    static ObjectNode signature(String party, String signatory, String signedOn) {
        return JSON.createObjectNode().put("party", party).put("signatory", signatory).put("signedOn", signedOn);
    }

    /** An avenant; {@code newEndDate} may be null; commitments only for a FINANCIER one. */
    static ObjectNode avenant(String kind, String signedOn, String summary, String newEndDate,
                              ObjectNode... commitments) {
        ObjectNode avenant = JSON.createObjectNode().put("kind", kind).put("signedOn", signedOn)
                .put("summary", summary);
        if (newEndDate != null) {
            avenant.put("newEndDate", newEndDate);
        }
        if (commitments.length > 0) {
            ArrayNode lines = avenant.putArray("commitments");
            for (ObjectNode line : commitments) {
                lines.add(line);
            }
        }
        return avenant;
    }

    /** A commitment line of a financial avenant; {@code axis} may be null. */
    static ObjectNode avenantLine(String party, int year, String amount, String axis) {
        ObjectNode line = JSON.createObjectNode().put("party", party).put("year", year).put("amount", amount);
        if (axis != null) {
            line.put("axis", axis);
        }
        return line;
    }

    /** Funds committed on their own; {@code axis} and {@code action} may be null. */
    static ObjectNode commitment(String party, int year, String amount, String committedOn, String axis,
                                 String action) {
        ObjectNode commitment = JSON.createObjectNode().put("party", party).put("year", year).put("amount", amount)
                .put("committedOn", committedOn);
        if (axis != null) {
            commitment.put("axis", axis);
        }
        if (action != null) {
            commitment.put("action", action);
        }
        return commitment;
    }

    static ObjectNode commitment(String party, int year, String amount, String committedOn) {
        return commitment(party, year, amount, committedOn, null, null);
    }

    static ObjectNode extension(String newDeadline, String reason, String decidedOn) {
        return JSON.createObjectNode().put("newDeadline", newDeadline).put("reason", reason)
                .put("decidedOn", decidedOn);
    }

    static ObjectNode termination(String terminatedOn, String reason) {
        return JSON.createObjectNode().put("terminatedOn", terminatedOn).put("reason", reason);
    }

    private static void strings(ArrayNode array, String... values) {
        for (String value : values) {
            array.add(value);
        }
    }
}
