package fr.gouv.conventions.api.commands;

/** Request bodies drawn from the real conventions of 2018–2019, shown as examples in the published contract. */
final class RealHistoryExamples {

    static final String BASSIN_MINIER_DRAFT = """
            {
              "id": "bassin-minier-2019",
              "kind": "DECLINAISON_RENFORCEE",
              "title": "Convention de déclinaison renforcée sur le territoire du bassin minier",
              "territory": { "name": "Bassin minier Nord – Pas-de-Calais", "departements": ["59", "62"] },
              "period": { "from": "2019-07-10", "to": "2021-12-31" },
              "parties": [
                { "id": "prefet-region", "role": "ETAT", "name": "Préfet de la région Hauts-de-France, préfet du Nord", "representative": "Préfet de région" },
                { "id": "prefet-62", "role": "ETAT", "name": "Préfet du Pas-de-Calais", "representative": "Fabien Sudry" },
                { "id": "cd-59", "role": "DEPARTEMENT", "name": "Département du Nord", "representative": "Président du conseil départemental" },
                { "id": "cd-62", "role": "DEPARTEMENT", "name": "Département du Pas-de-Calais", "representative": "Jean-Claude Leroy" }
              ],
              "axes": ["INSERTION_EMPLOI", "PREVENTION"],
              "avenantDeadline": null,
              "ceilings": [ { "party": "prefet-region", "year": 2020, "amount": "1000000.00" } ],
              "matching": [ { "funder": "prefet-region", "matcher": "cd-59", "ratio": "0.5" },
                            { "funder": "prefet-region", "matcher": "cd-62", "ratio": "0.5" } ],
              "integratedDocuments": [ { "title": "Protocole d'engagement pour le renouveau du bassin minier", "signedOn": "2018-11-09" } ],
              "draftedOn": "2019-07-01"
            }""";

    static final String PAS_DE_CALAIS_SIGNATURE = """
            { "party": "cd-62", "signatory": "Jean-Claude Leroy", "signedOn": "2018-12-18" }""";

    static final String PAS_DE_CALAIS_FINANCIAL_AVENANT = """
            {
              "kind": "FINANCIER",
              "signedOn": "2019-03-31",
              "summary": "Actions départementales et engagements financiers des deux parties pour 2019",
              "commitments": [
                { "party": "prefet-62", "year": 2019, "amount": "3000000.00", "axis": "SORTIE_ASE" },
                { "party": "cd-62", "year": 2019, "amount": "3000000.00" }
              ]
            }""";

    static final String BASSIN_MINIER_COMMITMENT = """
            { "party": "cd-59", "year": 2020, "amount": "500000.00", "axis": "INSERTION_EMPLOI", "committedOn": "2020-01-15" }""";

    private RealHistoryExamples() {
    }
}
