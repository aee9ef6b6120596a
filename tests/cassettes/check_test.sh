#!/bin/sh
# vnum-fake-server --check: exit 0 when the fake conforms to a cassette, 1 with every difference
# printed when it does not, 2 with the line named when the cassette is malformed.
# usage: check_test.sh SERVER CASSETTE_DIR
set -u
server=$1
dir=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
expect() {  # expect NAME EXIT GREP_PATTERN -- ARGS...
  name=$1 code=$2 pattern=$3
  shift 4
  "$server" "$@" >"$tmp/out" 2>&1
  got=$?
  if [ "$got" -ne "$code" ] || ! grep -qF -- "$pattern" "$tmp/out"; then
    echo "FAIL $name: exit $got (expected $code), output:"; cat "$tmp/out"; failed=1
  else
    echo "ok   $name"
  fi
}
cat >"$tmp/world.json" <<'JSON'
{"cards": ["card_1SQmzoGOdUwLPbU6ll0QwsyH"],
 "numbers": [{"id": "66ea98514f0c1a121c76ec17", "number": "+61400000001",
              "monthly_product": "prod_PFdN753rT3lNFW", "yearly_product": "prod_Y"}]}
JSON
echo '{"otp_required": true}' >"$tmp/otp.json"
echo '{"available": [{"phone_number": "+15551234567", "country_code": "US", "number_type": "local"}]}' \
  >"$tmp/available.json"
expect "buy and release conforms" 0 "conforms: 2 exchanges, 0 differences" -- \
  cellcast --world "$tmp/world.json" --check "$dir/cellcast_buy_and_release.cassette.json"
expect "custom number OTP conforms" 0 "conforms: 2 exchanges, 0 differences" -- \
  cellcast --world "$tmp/otp.json" --check "$dir/cellcast_custom_number_otp.cassette.json"
expect "identitycall purchase conforms" 0 "conforms: 1 exchanges, 0 differences" -- \
  identitycall --world "$tmp/available.json" --check "$dir/identitycall_purchase.cassette.json"
expect "an empty world differs, naming path and values" 1 \
  'exchange 0: message: recorded "Payment is Successful. Dedicated Number has been assigned you.", fake "Card not found"' -- \
  cellcast --check "$dir/cellcast_buy_and_release.cassette.json"
head -c 300 "$dir/identitycall_purchase.cassette.json" >"$tmp/truncated.json"
expect "a truncated cassette is refused with its line" 2 \
  "cassette refused: $tmp/truncated.json:6: not JSON (truncated?)" -- \
  identitycall --check "$tmp/truncated.json"
exit $failed
