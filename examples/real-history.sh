#!/usr/bin/env bash
# Records the real history of the design (2018-2020) through the HTTP API of a running service:
# the Pas-de-Calais engagement convention of 18 Dec 2018 and its financial avenant due by 31 Mar 2019
# (one sent late, refused; one on time, accepted), and the bassin minier convention of 10 Jul 2019 with its
# 2020 commitments. Every command carries an Idempotency-Key, so running the script again changes nothing.
#
#   bash examples/real-history.sh                  # against http://localhost:8080, admin password from ./data
#   BASE_URL=http://host:8080 ADMIN_PASSWORD=... bash examples/real-history.sh
set -euo pipefail

BASE_URL=${BASE_URL:-http://localhost:8080}
CREDENTIALS_FILE=${CREDENTIALS_FILE:-./data/credentials.properties}
if [ -z "${ADMIN_PASSWORD:-}" ]; then
  ADMIN_PASSWORD=$(sed -n 's/^admin=//p' "$CREDENTIALS_FILE")
fi

BODY=$(mktemp)
trap 'rm -f "$BODY"' EXIT

# send STEP PATH JSON: posts the command as admin and prints the answer's status and body.
send() {
  local step=$1 path=$2 json=$3 status
  status=$(curl -sS -o "$BODY" -w '%{http_code}' -u "admin:$ADMIN_PASSWORD" \
    -H 'Content-Type: application/json' -H "Idempotency-Key: real-history-$step" \
    -H "X-Correlation-Id: real-history-$step" -X POST "$BASE_URL$path" --data-binary "$json")
  printf '\n%-40s POST %-50s -> %s\n  %s\n' "$step" "$path" "$status" "$(cat "$BODY")"
}

echo "Recording the real history against $BASE_URL"

# --- Pas-de-Calais: convention d'engagement, Arras, 18 December 2018 -------------------------------------
send "pas-de-calais-draft" /api/conventions '{
  "id": "pas-de-calais-2018",
  "kind": "ENGAGEMENT",
  "title": "Convention d'\''engagement entre l'\''État et le Département du Pas-de-Calais",
  "territory": { "name": "Pas-de-Calais", "departements": ["62"] },
  "period": { "from": "2018-12-18", "to": "2021-12-31" },
  "parties": [
    { "id": "prefet-62", "role": "ETAT", "name": "Préfet du Pas-de-Calais", "representative": "Fabien Sudry" },
    { "id": "cd-62", "role": "DEPARTEMENT", "name": "Département du Pas-de-Calais", "representative": "Jean-Claude Leroy" }
  ],
  "axes": ["SORTIE_ASE", "PREMIER_ACCUEIL_REFERENT", "INSERTION_RSA"],
  "avenantDeadline": "2019-03-31",
  "matching": [ { "funder": "prefet-62", "matcher": "cd-62", "ratio": "1.0" } ],
  "integratedDocuments": [
    { "title": "Protocole d'\''engagement État – départements du Nord et du Pas-de-Calais (Lens)", "signedOn": "2018-11-07" },
    { "title": "Protocole d'\''engagement pour le renouveau du bassin minier (ERBM)", "signedOn": "2018-11-09" }
  ],
  "draftedOn": "2018-12-01"
}'
send "pas-de-calais-signed-by-prefet" /api/conventions/pas-de-calais-2018/signatures \
  '{ "party": "prefet-62", "signatory": "Fabien Sudry", "signedOn": "2018-12-18" }'
send "pas-de-calais-signed-by-departement" /api/conventions/pas-de-calais-2018/signatures \
  '{ "party": "cd-62", "signatory": "Jean-Claude Leroy", "signedOn": "2018-12-18" }'

echo
echo "A financial avenant signed on 1 April 2019, after the deadline of 31 March: refused (R4)."
send "pas-de-calais-avenant-too-late" /api/conventions/pas-de-calais-2018/avenants '{
  "kind": "FINANCIER", "signedOn": "2019-04-01",
  "summary": "Actions départementales et engagements financiers 2019",
  "commitments": [ { "party": "prefet-62", "year": 2019, "amount": "3000000.00" } ]
}'

echo
echo "The same avenant signed on 31 March 2019, the deadline day: accepted, and the deadline is fulfilled."
send "pas-de-calais-avenant-on-time" /api/conventions/pas-de-calais-2018/avenants '{
  "kind": "FINANCIER", "signedOn": "2019-03-31",
  "summary": "Actions départementales (ASE, premier accueil, RSA) et engagements financiers 2019 (montants illustratifs)",
  "commitments": [
    { "party": "prefet-62", "year": 2019, "amount": "3000000.00", "axis": "SORTIE_ASE" },
    { "party": "cd-62", "year": 2019, "amount": "3000000.00", "axis": "SORTIE_ASE" }
  ]
}'

# --- Bassin minier: convention de déclinaison renforcée, 10 July 2019 -------------------------------------
send "bassin-minier-draft" /api/conventions '{
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
  "integratedDocuments": [ { "title": "Protocole d'\''engagement pour le renouveau du bassin minier", "signedOn": "2018-11-09" } ],
  "draftedOn": "2019-07-01"
}'
for signatory in 'prefet-region|Préfet de région' 'prefet-62|Fabien Sudry' 'cd-59|Président du conseil départemental du Nord' 'cd-62|Jean-Claude Leroy'; do
  party=${signatory%%|*}
  send "bassin-minier-signed-by-$party" /api/conventions/bassin-minier-2019/signatures \
    "{ \"party\": \"$party\", \"signatory\": \"${signatory#*|}\", \"signedOn\": \"2019-07-10\" }"
done

echo
echo "From 2020, the State brings 1 M€ a year (500 000 € per département), each département at least as much."
send "bassin-minier-2020-state" /api/conventions/bassin-minier-2019/commitments \
  '{ "party": "prefet-region", "year": 2020, "amount": "1000000.00", "axis": "INSERTION_EMPLOI", "committedOn": "2020-01-15" }'
send "bassin-minier-2020-nord" /api/conventions/bassin-minier-2019/commitments \
  '{ "party": "cd-59", "year": 2020, "amount": "500000.00", "axis": "INSERTION_EMPLOI", "committedOn": "2020-01-15" }'
send "bassin-minier-2020-pas-de-calais" /api/conventions/bassin-minier-2019/commitments \
  '{ "party": "cd-62", "year": 2020, "amount": "500000.00", "axis": "PREVENTION", "committedOn": "2020-01-15" }'

echo
echo "One cent more from the State in 2020 would exceed its ceiling: refused (R7)."
send "bassin-minier-2020-state-over-ceiling" /api/conventions/bassin-minier-2019/commitments \
  '{ "party": "prefet-region", "year": 2020, "amount": "0.01", "committedOn": "2020-02-01" }'
