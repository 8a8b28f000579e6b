#!/usr/bin/env bash
# End-to-end checks of the sendguard command line: help, exit codes, the
# JSON Lines shape of scan, inspect --text, and the shared corpus.
set -u
bin=$1
root=$2
corpus="$root/../shared/corpus"
fails=0
passes=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

check() {  # check NAME COMMAND...
  local name=$1
  shift
  if "$@"; then
    passes=$((passes + 1))
  else
    echo "FAIL: $name"
    fails=$((fails + 1))
  fi
}

check "help" "$bin" --help >/dev/null
for cmd in inspect scan recipients learn detectors config; do
  check "$cmd --help" "$bin" "$cmd" --help >/dev/null
done

"$bin" no-such-command >/dev/null 2>&1
check "unknown command exits 2" test $? -eq 2

"$bin" scan >/dev/null 2>&1
check "scan without paths exits 2" test $? -eq 2

"$bin" scan --json "$tmp/missing.eml" >"$tmp/missing.out" 2>/dev/null
check "missing file exits 1" test $? -eq 1
check "missing file reported as JSON" grep -q '"error"' "$tmp/missing.out"

"$bin" scan --json "$root/examples/mail" >"$tmp/examples.jsonl"
check "examples scan exits 0" test $? -eq 0
check "examples produce JSON Lines" python3 - "$tmp/examples.jsonl" <<'PY'
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1])]
assert len(lines) >= 3, len(lines)
for r in lines:
    for key in ("source", "message_id", "action", "recipients", "findings", "limits"):
        assert key in r, (key, r)
    assert all("address" in x and "domain" in x for x in r["recipients"]), r
assert any(x["domain"] == "army.ml" for r in lines for x in r["recipients"]), lines
PY

printf 'Subject: hello\n\nThe body says hi.\n' >"$tmp/plain.eml"
out=$("$bin" inspect --text "$tmp/plain.eml")
check "inspect --text shows body" grep -q "The body says hi." <<<"$out"
"$bin" inspect --json "$tmp/plain.eml" | python3 -c 'import json,sys; j=json.load(sys.stdin); assert j["subject"]=="hello"'
check "inspect --json model" test $? -eq 0

: >"$tmp/empty.eml"
"$bin" inspect "$tmp/empty.eml" >/dev/null 2>"$tmp/empty.err"
check "empty message exits 1" test $? -eq 1
check "empty message has a clear error" grep -q "empty message" "$tmp/empty.err"

# recipients: the .mil -> .ml typo, with and without history and config.
out=$("$bin" recipients ops@army.ml)
check "army.ml is a high-risk tld typo" python3 -c '
import json, sys
r = json.loads(sys.argv[1])
assert r["risk"] == "high" and r["suggestion"] == "ops@army.mil", r
assert r["reasons"][0]["code"] == "tld-typo", r' "$out"
out=$(printf 'x@usaf.mil\nx@arrny.mil\n\n' | "$bin" recipients --history "$root/examples/history.tsv" \
      --config "$root/examples/sendguard.yaml")
check "stdin addresses, history and config" python3 -c '
import json, sys
lines = [json.loads(l) for l in sys.argv[1].splitlines()]
assert len(lines) == 2, lines
assert lines[0]["suggestion"] == "x@us.af.mil", lines[0]
assert lines[1]["suggestion"] == "x@army.mil" and lines[1]["reasons"][0]["code"] == "homoglyph", lines[1]' "$out"
out=$("$bin" recipients --config "$root/examples/sendguard.yaml" boss@army.mil)
check "own domain is internal" python3 -c '
import json, sys
r = json.loads(sys.argv[1]); assert r["external"] is False and r["risk"] == "none", r' "$out"
printf 'organization:\n  domain: [x]\n' >"$tmp/bad.yaml"
"$bin" recipients --config "$tmp/bad.yaml" a@b.org >/dev/null 2>"$tmp/bad.err"
check "broken config exits 2" test $? -eq 2
check "broken config names the line" grep -q "bad.yaml:2:" "$tmp/bad.err"

# learn: a Postfix log (one message to two army.mil recipients, one to army.ml,
# one deferred) into a store, then the store drives recipients.
cat >"$tmp/maillog" <<'LOG'
Nov 29 10:00:01 mx postfix/qmgr[10]: AAA111: from=<dana@army.mil>, size=900, nrcpt=2 (queue active)
Nov 29 10:00:02 mx postfix/smtp[11]: AAA111: to=<a@navy.mil>, relay=mx.navy.mil[1.2.3.4]:25, delay=1, dsn=2.0.0, status=sent (250 ok)
Nov 29 10:00:02 mx postfix/smtp[11]: AAA111: to=<b@navy.mil>, relay=mx.navy.mil[1.2.3.4]:25, delay=1, dsn=2.0.0, status=sent (250 ok)
Nov 29 10:05:00 mx postfix/smtp[12]: BBB222: to=<ops@army.ml>, relay=mx.army.ml[5.6.7.8]:25, delay=1, dsn=2.0.0, status=sent (250 ok)
Nov 29 10:06:00 mx postfix/smtp[12]: CCC333: to=<late@navy.mil>, relay=none, delay=1, dsn=4.4.1, status=deferred (timeout)
LOG
sed "s/AAA111/DDD444/; s/BBB222/EEE555/" "$tmp/maillog" | gzip -c >"$tmp/maillog.1.gz"
"$bin" learn --store "$tmp/h.db" "$tmp/maillog" "$tmp/maillog.1.gz" 2>"$tmp/learn.err"
check "learn exits 0" test $? -eq 0
check "learn reports what it read" grep -q "4 messages" "$tmp/learn.err"
out=$("$bin" recipients --store "$tmp/h.db" a@navy.mil new@navy.mil)
check "store history drives first contact" python3 -c '
import json, sys
a, b = [json.loads(l) for l in sys.argv[1].splitlines()]
assert a["reasons"] == [], a
assert b["reasons"][0]["code"] == "first-contact", b' "$out"
"$bin" learn --store "$tmp/h.db" "$tmp/missing.log" 2>/dev/null
check "learn on a missing file exits 1" test $? -eq 1

# learn keeps who wrote to whom (the log's sender lines; a Sent mailbox's
# display names), and recipients --from judges addresses as one message of
# that sender's.
cat >"$tmp/Sent" <<'MBOX'
From dana@army.mil Sun Nov 29 11:00:00 2026
From: Dana <dana@army.mil>
To: "John Smith" <john.smith@contoso.com>
Subject: plans
Date: Sun, 29 Nov 2026 11:00:00 +0000

x

From dana@army.mil Mon Nov 30 11:00:00 2026
From: Dana <dana@army.mil>
To: "John Smith" <john.smith@contoso.com>
Subject: plans, again
Date: Mon, 30 Nov 2026 11:00:00 +0000

y

MBOX
"$bin" learn --store "$tmp/h.db" "$tmp/Sent" 2>"$tmp/learn2.err"
check "learn reports sender and recipient counts" grep -q "1 sender and recipient counts" "$tmp/learn2.err"
out=$("$bin" recipients --store "$tmp/h.db" --from dana@army.mil a@navy.mil b@navy.mil \
  john.smiht@contoso.com "John Smith <john.smith@gmail.com>")
check "recipients --from judges against the sender's history" python3 -c '
import json, sys
a, b, typo, namesake = [json.loads(l) for l in sys.argv[1].splitlines()]
codes = lambda r: [x["code"] for x in r["reasons"]]
assert a["reasons"] == [] and b["reasons"] == [], (a, b)
assert "address-typo" in codes(typo), typo
assert typo["suggestion"] == "john.smith@contoso.com", typo
assert "name-mismatch" in codes(namesake), namesake
assert namesake["suggestion"] == "john.smith@contoso.com", namesake' "$out"
check "learn writes the contact index beside the store" test -s "$tmp/h.db.contacts"
check "learn says it wrote the index" grep -Eq "contact index of [0-9]+ pairs written" "$tmp/learn2.err"
cp "$tmp/h.db.contacts" "$tmp/index.good"
printf 'damaged' | dd of="$tmp/h.db.contacts" bs=1 seek=0 conv=notrunc 2>/dev/null
"$bin" recipients --store "$tmp/h.db" --from dana@army.mil x@navy.mil >/dev/null 2>"$tmp/idx.err"
check "a damaged contact index is refused" test $? -ne 0
check "the refusal names the index and the remedy" grep -q "h.db.contacts.*sendguard learn" "$tmp/idx.err"
mv "$tmp/index.good" "$tmp/h.db.contacts"
# A group: dana mails a@, b@navy.mil and jsmith@contoso.com together; a
# first contact added to them is unusual, and looks like jsmith.
cat >"$tmp/Sent2" <<'MBOX'
From dana@army.mil Sun Nov 29 12:00:00 2026
From: Dana <dana@army.mil>
To: a@navy.mil, b@navy.mil
Cc: jsmith@contoso.com
Subject: weekly

x

From dana@army.mil Mon Nov 30 12:00:00 2026
From: Dana <dana@army.mil>
To: a@navy.mil, b@navy.mil, jsmith@contoso.com
Subject: weekly

y

MBOX
"$bin" learn --store "$tmp/h.db" "$tmp/Sent2" 2>/dev/null
out=$("$bin" recipients --store "$tmp/h.db" --from dana@army.mil a@navy.mil b@navy.mil \
  jsmith@contoso.com jsmith@fabrikam.com)
check "a first contact added to a group is an unusual recipient" python3 -c '
import json, sys
r = [json.loads(l) for l in sys.argv[1].splitlines()]
codes = lambda v: [x["code"] for x in v["reasons"]]
assert all("unusual-recipient" not in codes(v) for v in r[:3]), r
assert "unusual-recipient" in codes(r[3]), r[3]
assert r[3]["risk"] == "medium" and r[3]["suggestion"] == "jsmith@contoso.com", r[3]' "$out"
out=$("$bin" recipients --store "$tmp/h.db" --from nobody@army.mil john.smiht@contoso.com)
check "an unknown sender is judged on the organisation's history" python3 -c '
import json, sys
r = json.loads(sys.argv[1])
assert "address-typo" in [x["code"] for x in r["reasons"]], r
assert r["risk"] == "medium" and "organisation" in r["reasons"][-1]["detail"], r' "$out"

# detectors and content findings.
out=$("$bin" detectors --json)
check "detectors exits 0" test $? -eq 0
check "detectors lists the built-ins" python3 -c '
import json, sys
ids = [json.loads(l)["id"] for l in sys.argv[1].splitlines()]
for want in ("classification-marking", "credit-card", "us-ssn", "password", "mgrs"):
    assert want in ids, (want, ids)' "$out"
out=$("$bin" detectors --config "$root/examples/sendguard.yaml")
check "detectors lists custom rules" grep -q "^code-names" <<<"$out"
printf 'To: a@b.org\nSubject: pay\n\nVisa 4111 1111 1111 1111 exp 01/29, contract W91QUZ-24-C-0042\n' \
  >"$tmp/card.eml"
"$bin" scan --json --config "$root/examples/sendguard.yaml" "$tmp/card.eml" >"$tmp/card.out"
check "scan reports findings" python3 - "$tmp/card.out" <<'PY'
import json, sys
r = json.loads(open(sys.argv[1]).read())
f = {x["detector"]: x for x in r["findings"]}
assert f["credit-card"]["confidence"] == "high" and f["credit-card"]["where"] == ["body"], f
assert f["credit-card"]["sample"] == "4111 **** **** 1111", f
assert f["contract-number"]["category"] == "contract", f
PY
check "scan output masks the card" bash -c "! grep -q '1111 1111 1111' '$tmp/card.out'"
check "scan output masks the contract" bash -c "! grep -q 'W91QUZ-24-C-0042' '$tmp/card.out'"
# config check and the shipped policy.
out=$("$bin" config check "$root/examples/sendguard.yaml")
check "config check accepts the example" test $? -eq 0
check "config check says ok" grep -q ": ok: " <<<"$out"
printf 'policy:\n  rules:\n    - name: a\n      action: drop\n' >"$tmp/badpolicy.yaml"
"$bin" config check "$tmp/badpolicy.yaml" 2>"$tmp/badpolicy.err"
check "config check rejects a bad action" test $? -eq 2
check "config check names the line" grep -q "badpolicy.yaml:4:" "$tmp/badpolicy.err"
"$bin" scan --json --history "$root/examples/history.tsv" --config "$root/examples/sendguard.yaml" \
  "$root/examples/mail" >"$tmp/policy.jsonl"
check "shipped policy: hold the typo, reject the banner" python3 - "$tmp/policy.jsonl" <<'PY'
import json, sys
by = {json.loads(l)["source"].split("/")[-1]: json.loads(l) for l in open(sys.argv[1])}
t = by["01-travel-to-army-ml.eml"]
assert t["action"] == "hold" and "did you mean ops@army.mil?" in t["reason"], t
assert by["03-secret-banner-pdf.eml"]["action"] == "reject", by["03-secret-banner-pdf.eml"]
assert by["02-weekly-report-internal.eml"]["action"] == "accept"
assert by["04-roster-xlsx-to-webmail.eml"]["action"] == "hold"
p = by["05-site-plan-photo-outside.eml"]
# Its picture shows a SECRET//NOFORN banner: OCR reads it.
assert p["action"] == "reject" and p["rule"] == "classified-marking" and p["uninspected"] == [], p
assert any(f["detector"] == "classification-marking" and f["level"] == "secret" and
           "attachment:site-plan.png#ocr" in f["where"] for f in p["findings"]), p
m = by["06-facility-map-kml-outside.eml"]
assert m["action"] == "hold" and m["rule"] == "positions-outside", m
g = [f for f in m["findings"] if f["detector"] == "geo-file"][0]
assert g["category"] == "location" and g["detail"].startswith("6 positions (kml) in 38.8"), g
PY
printf 'content:\n  rules:\n    - id: x\n      pattern: "a("\n' >"$tmp/badrule.yaml"
# A hostile file name (a newline and a terminal escape) cannot forge a line
# of the text output.
mkdir -p "$tmp/names"
cp "$tmp/card.eml" "$tmp/names/$(printf 'a\naccept\t\033[2Jx.eml')"
out=$("$bin" scan "$tmp/names")
check "a file name cannot forge a scan line" test "$(printf '%s\n' "$out" | wc -l)" -eq 1
check "control characters in names are escaped" grep -qF 'a\x0aaccept\x09\x1b[2Jx.eml' <<<"$out"
"$bin" scan --config "$tmp/badrule.yaml" "$tmp/card.eml" >/dev/null 2>"$tmp/badrule.err"
check "bad custom pattern exits 2" test $? -eq 2
check "bad custom pattern names the line" grep -q "badrule.yaml:3:" "$tmp/badrule.err"
"$bin" scan --json "$root/examples/mail/03-secret-banner-pdf.eml" >"$tmp/secret.out"
check "secret banner in a PDF attachment" python3 - "$tmp/secret.out" <<'PY'
import json, sys
r = json.loads(open(sys.argv[1]).read())
f = {x["detector"]: x for x in r["findings"]}
m = f["classification-marking"]
assert m["level"] == "secret" and m["confidence"] == "high", m
assert any(w.startswith("attachment:") for w in m["where"]), m
PY

if [ -d "$corpus" ]; then
  "$bin" scan --json "$corpus" >"$tmp/corpus.jsonl"
  check "corpus scan exits 0" test $? -eq 0
  n=$(wc -l <"$tmp/corpus.jsonl")
  check "corpus scan yields a line per message ($n)" test "$n" -ge 350
else
  echo "SKIP: corpus not present at $corpus"
fi

echo "cli_test: $passes passed, $fails failed"
[ "$fails" -eq 0 ]
