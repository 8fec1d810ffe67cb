package fr.gouv.conventions.api.http;

import fr.gouv.conventions.api.commands.PublishedExamples;

/** Valid request bodies drawn from the real conventions of 2018–2019. */
final class Bodies {

    private Bodies() {
    }

    /**
     * The engagement convention State – Département du Pas-de-Calais, signed in Arras on 18 December 2018, whose
     * financial avenant was due by 31 March 2019; the State's 2019 commitments are capped at 3 333 333.33 €.
     */
    static JsonBody pasDeCalaisDraft(String id) {
        return JsonBody.of("""
                {
                  "id": "%s",
                  "kind": "ENGAGEMENT",
                  "title": "Convention d'engagement État – Département du Pas-de-Calais",
                  "territory": { "name": "Pas-de-Calais", "departements": ["62"] },
                  "period": { "from": "2019-01-01", "to": "2021-12-31" },
                  "parties": [
                    { "id": "prefet-62", "role": "ETAT", "name": "Préfet du Pas-de-Calais", "representative": "Fabien Sudry" },
                    { "id": "cd-62", "role": "DEPARTEMENT", "name": "Département du Pas-de-Calais", "representative": "Jean-Claude Leroy" }
                  ],
                  "axes": ["ASE_SORTIE", "PREMIER_ACCUEIL", "INSERTION_RSA"],
                  "avenantDeadline": "2019-03-31",
                  "ceilings": [ { "party": "prefet-62", "year": 2019, "amount": "3333333.33" } ],
                  "matching": [ { "funder": "prefet-62", "matcher": "cd-62", "ratio": "1.0" } ],
                  "integratedDocuments": [ { "title": "Protocole d'engagement pour le renouveau du bassin minier", "signedOn": "2018-11-09" } ],
                  "draftedOn": "2018-11-07"
                }""".formatted(id));
    }

    /** The bassin minier convention of 10 July 2019, with no avenant deadline. */
    static JsonBody bassinMinierDraft(String id) {
        return JsonBody.of(PublishedExamples.BASSIN_MINIER_DRAFT).set("id", id);
    }

    static JsonBody prefetSigns() {
        return signature("prefet-62", "Fabien Sudry", "2018-12-18");
    }

    static JsonBody departementSigns() {
        return signature("cd-62", "Jean-Claude Leroy", "2018-12-18");
    }

    static JsonBody signature(String party, String signatory, String signedOn) {
        return JsonBody.of("""
                { "party": "%s", "signatory": "%s", "signedOn": "%s" }""".formatted(party, signatory, signedOn));
    }

    /** The Pas-de-Calais financial avenant: actions and 2019 commitments of both parties. */
    static JsonBody financialAvenant(String signedOn) {
        return JsonBody.of("""
                {
                  "kind": "FINANCIER",
                  "signedOn": "%s",
                  "summary": "Actions départementales et engagements financiers des deux parties pour 2019",
                  "commitments": [
                    { "party": "prefet-62", "year": 2019, "amount": "3000000.00", "axis": "ASE_SORTIE" },
                    { "party": "cd-62", "year": 2019, "amount": "3000000.00" }
                  ]
                }""".formatted(signedOn));
    }

    static JsonBody prolongation(String signedOn, String newEndDate) {
        return JsonBody.of("""
                { "kind": "PROLONGATION", "signedOn": "%s", "summary": "Prolongation de la convention",
                  "newEndDate": "%s" }""".formatted(signedOn, newEndDate));
    }

    static JsonBody deadlineExtension(String newDeadline) {
        return JsonBody.of("""
                { "newDeadline": "%s", "reason": "Concertation avec le conseil départemental prolongée",
                  "decidedOn": "2019-03-15" }""".formatted(newDeadline));
    }

    static JsonBody commitment(String party, int year, String amount, String committedOn) {
        return JsonBody.of("""
                { "party": "%s", "year": %d, "amount": "%s", "committedOn": "%s" }"""
                .formatted(party, year, amount, committedOn));
    }

    /** The State commits funds to the Pas-de-Calais for 2019, within its ceiling. */
    static JsonBody stateCommits(String amount) {
        return commitment("prefet-62", 2019, amount, "2019-04-15");
    }

    static JsonBody termination(String terminatedOn) {
        return JsonBody.of("""
                { "terminatedOn": "%s", "reason": "Fin de la stratégie nationale, remplacée par le Pacte des solidarités" }"""
                .formatted(terminatedOn));
    }
}
