#!/usr/bin/env bash
# Records the real history of the design (2018-2020) through the HTTP API of a running service:
# the Pas-de-Calais engagement convention of 18 Dec 2018 and its financial avenant due by 31 Mar 2019
# (one sent late, refused; one on time, accepted), and the bassin minier convention of 10 Jul 2019 with its
# 2020 commitments. Every command carries an Idempotency-Key, so running the script again changes nothing.
# The bodies are the catalogue in examples/real-history/, which the tests and the published contract use too; a
# variation (a later date, another amount) is made from a catalogue body with sed, never written again.
#
#   bash examples/real-history.sh                  # against http://localhost:8080, admin password from ./data
#   BASE_URL=http://host:8080 ADMIN_PASSWORD=... bash examples/real-history.sh
set -euo pipefail

BASE_URL=${BASE_URL:-http://localhost:8080}
CREDENTIALS_FILE=${CREDENTIALS_FILE:-./data/credentials.properties}
if [ -z "${ADMIN_PASSWORD:-}" ]; then
  ADMIN_PASSWORD=$(sed -n 's/^admin=//p' "$CREDENTIALS_FILE")
fi

BODIES=$(cd "$(dirname "$0")/real-history" && pwd)
ANSWER=$(mktemp)
trap 'rm -f "$ANSWER"' EXIT

# send STEP PATH [FILE]: posts the body in FILE (or on standard input) as admin, prints the answer's status and body.
send() {
  local step=$1 path=$2 file=${3:--} status
  status=$(curl -sS -o "$ANSWER" -w '%{http_code}' -u "admin:$ADMIN_PASSWORD" \
    -H 'Content-Type: application/json' -H "Idempotency-Key: real-history-$step" \
    -H "X-Correlation-Id: real-history-$step" -X POST "$BASE_URL$path" --data-binary "@$file")
  printf '\n%-40s POST %-50s -> %s\n  %s\n' "$step" "$path" "$status" "$(cat "$ANSWER")"
}

echo "Recording the real history against $BASE_URL"

# --- Pas-de-Calais: convention d'engagement, Arras, 18 December 2018 -------------------------------------
send "pas-de-calais-draft" /api/conventions "$BODIES/pas-de-calais-draft.json"
send "pas-de-calais-signed-by-prefet" /api/conventions/pas-de-calais-2018/signatures \
  "$BODIES/pas-de-calais-signed-by-prefet.json"
send "pas-de-calais-signed-by-departement" /api/conventions/pas-de-calais-2018/signatures \
  "$BODIES/pas-de-calais-signed-by-departement.json"

echo
echo "A financial avenant signed on 1 April 2019, after the deadline of 31 March: refused (R4)."
sed 's/"signedOn": "2019-03-31"/"signedOn": "2019-04-01"/' "$BODIES/pas-de-calais-financial-avenant.json" |
  send "pas-de-calais-avenant-too-late" /api/conventions/pas-de-calais-2018/avenants

echo
echo "The same avenant signed on 31 March 2019, the deadline day: accepted, and the deadline is fulfilled."
send "pas-de-calais-avenant-on-time" /api/conventions/pas-de-calais-2018/avenants \
  "$BODIES/pas-de-calais-financial-avenant.json"

# --- Bassin minier: convention de déclinaison renforcée, 10 July 2019 -------------------------------------
send "bassin-minier-draft" /api/conventions "$BODIES/bassin-minier-draft.json"
for party in prefet-region prefet-62 cd-59 cd-62; do
  send "bassin-minier-signed-by-$party" /api/conventions/bassin-minier-2019/signatures \
    "$BODIES/bassin-minier-signed-by-$party.json"
done

echo
echo "From 2020, the State brings 1 M€ a year (500 000 € per département), each département at least as much."
for party in state nord pas-de-calais; do
  send "bassin-minier-2020-$party" /api/conventions/bassin-minier-2019/commitments \
    "$BODIES/bassin-minier-2020-$party.json"
done

echo
echo "One cent more from the State in 2020 would exceed its ceiling: refused (R7)."
sed -e 's/"1000000.00"/"0.01"/' -e 's/"committedOn": "2020-01-15"/"committedOn": "2020-02-01"/' \
  "$BODIES/bassin-minier-2020-state.json" |
  send "bassin-minier-2020-state-over-ceiling" /api/conventions/bassin-minier-2019/commitments
