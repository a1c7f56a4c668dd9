#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Behaviour tests of frontdesk-cli, run from the outside as scripts use it.
# Usage: test-cli.sh CASE PATH-TO-FRONTDESK-CLI

set -euo pipefail

case_name=$1
CLI=$2
PY=/usr/bin/python3

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Never touch the real user's data: the default database lives under XDG_DATA_HOME.
export HOME="$tmp/home"
export XDG_DATA_HOME="$tmp/home/.local/share"
unset FRONTDESK_DB

fail () {
  echo "FAIL ($case_name): $*" >&2
  exit 1
}

# run EXPECTED-STATUS ARGS…: runs the CLI, leaving stdout/stderr in $out/$err.
run () {
  local expected=$1
  shift
  local status=0
  "$CLI" "$@" >"$tmp/out" 2>"$tmp/err" || status=$?
  out=$(cat "$tmp/out")
  err=$(cat "$tmp/err")
  if [ "$status" -ne "$expected" ]; then
    echo "stdout: $out" >&2
    echo "stderr: $err" >&2
    fail "frontdesk-cli $* exited with $status, expected $expected"
  fi
}

# An error is exactly one non-empty line on stderr and nothing on stdout.
expect_one_line_error () {
  local lines
  lines=$(printf '%s\n' "$err" | wc -l)
  [ -n "$err" ] || fail "no error message for: $*"
  [ "$lines" -eq 1 ] || fail "expected one line of error for $*, got $lines: $err"
  [ -z "$out" ] || fail "unexpected output on stdout for $*: $out"
}

# json EXPRESSION: evaluates a Python expression on the JSON in $out (as `j`).
json () {
  printf '%s' "$out" | "$PY" -c '
import json, re, sys
j = json.load(sys.stdin)
r = eval(sys.argv[1])
if r is True:
    sys.exit(0)
if r is False:
    sys.exit(1)
print(r)
' "$1"
}

assert_json () {
  json "$1" || fail "JSON check failed: $1
$out"
}

count_matches () {
  run 0 --db "$1" customer search "$2" --json --limit 1000
  json 'len(j)'
}

# dump: the whole database $db as SQL text, to prove that a refused command changed nothing.
dump () {
  "$PY" - "$db" <<'PYEOF'
import sqlite3, sys
con = sqlite3.connect("file:" + sys.argv[1] + "?mode=ro", uri=True)
for line in con.iterdump():
    print(line)
PYEOF
}

# refused PATTERN ARGS…: exits 1 with one line matching PATTERN; the database $db is unchanged.
refused () {
  local pattern=$1
  shift
  local before after
  before=$(dump)
  run 1 --db "$db" "$@"
  expect_one_line_error "$@"
  grep -qiE -- "$pattern" <<<"$err" || fail "the message for $* does not match /$pattern/: $err"
  after=$(dump)
  [ "$before" = "$after" ] || fail "the refused command $* changed the database"
}

# sql STATEMENT [ARG…]: runs one statement on $db (test setup only: the CLI never writes SQL).
sql () {
  "$PY" - "$db" "$@" <<'PYEOF'
import sqlite3, sys
con = sqlite3.connect(sys.argv[1])
cur = con.execute(sys.argv[2], sys.argv[3:])
for row in cur.fetchall():
    print("|".join(str(v) for v in row))
con.commit()
PYEOF
}

# claim_json_keys: every key of a claim object in JSON.
claim_json_keys='["id", "reference", "branch_id", "customer_id", "assignee_id", "kind", "channel",
                   "category", "concerns", "priority", "status", "summary", "received_at",
                   "ack_due_at", "acknowledged_at", "due_at", "resolved_at", "closed_at",
                   "overdue", "problem", "solution", "benefit", "satisfaction"]'

case "$case_name" in

add-json)
  db="$tmp/a.db"
  run 0 --db "$db" customer add --given Ana --family Jansen --email ana@example.nl \
      --phone "+31 6 1234 5678" --language nl --kind person --address $'Kerkstraat 1\nUtrecht' \
      --channel email --birth-year 1980 --notes "Prefers mornings" --json
  assert_json 'isinstance(j, dict) and isinstance(j["id"], int) and j["id"] > 0'
  assert_json 'sorted(j) == sorted(["id", "kind", "given_name", "family_name", "email", "phone",
                                    "address", "language", "channel", "birth_year", "notes",
                                    "created_at", "updated_at", "archived_at"])'
  assert_json 'j["kind"] == "person" and j["given_name"] == "Ana" and j["family_name"] == "Jansen"'
  assert_json 'j["email"] == "ana@example.nl" and j["phone"] == "+31 6 1234 5678"'
  assert_json 'j["language"] == "nl" and j["channel"] == "email" and j["birth_year"] == 1980'
  assert_json 'j["address"] == "Kerkstraat 1\nUtrecht" and j["notes"] == "Prefers mornings"'
  assert_json 're.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", j["created_at"]) is not None'
  assert_json 're.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", j["updated_at"]) is not None'
  assert_json 'j["archived_at"] is None'
  added=$out
  id=$(json 'j["id"]')

  # show returns the same record.
  run 0 --db "$db" customer show "$id" --json
  [ "$out" = "$added" ] || fail "show differs from add: $out"

  # Unset fields are null, not empty strings; organisations need only a family name.
  run 0 --db "$db" customer add --family "Gemeente Utrecht" --kind organisation --json
  assert_json 'j["kind"] == "organisation" and j["given_name"] is None'
  assert_json 'all(j[k] is None for k in ("email", "phone", "address", "language", "channel",
                                          "birth_year", "notes", "archived_at"))'

  # Human-readable output names the customer and is not JSON.
  run 0 --db "$db" customer add --given "Jānis" --family "Bērziņš" --channel in_person
  grep -q "Jānis Bērziņš" <<<"$out" || fail "human output lacks the name: $out"
  [[ "$out" != "{"* ]] || fail "human output looks like JSON"

  # “--” ends the options.
  run 0 --db "$db" customer show --json -- "$id"
  [ "$out" = "$added" ] || fail "show -- ID differs"

  # --db may also come after the command.
  run 0 customer show "$id" --json --db "$db"
  [ "$out" = "$added" ] || fail "--db after the command was not used"
  ;;

claims)
  db="$tmp/claims.db"

  run 0 --db "$db" init
  run 0 --db "$db" customer add --given Ana --family Jansen --json
  c1=$(json 'j["id"]')

  # Claims need a branch, like visits.
  refused "branch" claim open --customer "$c1" --kind complaint --channel phone \
      --category slow_response
  run 0 --db "$db" branch add --name "Utrecht Centrum" --country nl --address "Oudegracht 1" --json
  b1=$(json 'j["id"]')

  # open: a reference K-YYYY-NNNN-X and deadlines after the moment received.
  run 0 --db "$db" claim open --customer "$c1" --kind complaint --channel phone \
      --category slow_response --summary "Waited an hour for Ŝ" --json
  assert_json "sorted(j) == sorted($claim_json_keys)"
  assert_json 'j["overdue"] is False and j["assignee_id"] is None and j["satisfaction"] is None'
  assert_json 'j["concerns"] is None and j["acknowledged_at"] is None and j["resolved_at"] is None'
  assert_json 're.fullmatch(r"K-\d{4}-\d{4}-[A-Z0-9]", j["reference"]) is not None'
  assert_json 'j["reference"][2:6] == j["received_at"][:4]'
  assert_json "j['branch_id'] == $b1 and j['customer_id'] == $c1"
  assert_json 'j["kind"] == "complaint" and j["channel"] == "phone" and j["category"] == "slow_response"'
  assert_json 'j["priority"] == "normal" and j["status"] == "new" and j["summary"] == "Waited an hour for Ŝ"'
  assert_json 'all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", j[k]) for k in ("received_at", "ack_due_at", "due_at"))'
  assert_json 'j["received_at"] < j["ack_due_at"] < j["due_at"]'
  assert_json 'all(j[k] is None for k in ("closed_at", "problem", "solution", "benefit"))'
  id=$(json 'j["id"]')
  ref=$(json 'j["reference"]')

  # --received on a Friday evening (local time): the deadlines fall in later working time.
  run 0 --db "$db" claim open --customer "$c1" --kind suggestion --channel letter \
      --category other --priority high --received 2026-05-08T18:30:00 --json
  assert_json 'j["received_at"] < j["ack_due_at"] < j["due_at"]'
  assert_json 'j["reference"].startswith("K-2026-") and j["priority"] == "high"'
  assert_json 'j["kind"] == "suggestion" and j["channel"] == "letter"'

  # show by ID, by reference in lower case, and without dashes or with spaces.
  run 0 --db "$db" claim show "$id" --json
  assert_json "j['reference'] == '$ref' and j['id'] == $id"
  assert_json "sorted(j) == sorted($claim_json_keys + ['messages', 'history'])"
  assert_json 'isinstance(j["history"], list) and len(j["history"]) >= 1'
  assert_json 'all({"at", "detail", "title"} <= set(h) for h in j["history"])'
  assert_json 'j["messages"] == []'
  shown=$out
  lower=$(tr 'A-Z' 'a-z' <<<"$ref")
  run 0 --db "$db" claim show "$lower" --json
  [ "$out" = "$shown" ] || fail "show by lower-case reference differs: $out"
  run 0 --db "$db" claim show "${lower//-/}" --json
  [ "$out" = "$shown" ] || fail "show by reference without dashes differs: $out"
  run 0 --db "$db" claim show "${ref//-/ }" --json
  [ "$out" = "$shown" ] || fail "show by reference with spaces differs: $out"
  run 0 --db "$db" claim show "$ref"
  grep -q "$ref" <<<"$out" || fail "human show lacks the reference: $out"
  grep -q "Waited an hour for Ŝ" <<<"$out" || fail "human show lacks the summary: $out"
  grep -qi "history" <<<"$out" || fail "human show lacks the history: $out"
  [[ "$out" != "{"* ]] || fail "human output looks like JSON"

  # A reference with one character changed is refused by its check letter.
  typo=$("$PY" -c '
import sys
r = sys.argv[1]
i = 10  # the last digit of the number
print(r[:i] + str((int(r[i]) + 1) % 10) + r[i + 1:])' "$ref")
  refused "." claim show "$typo"
  refused "." claim move "$typo" --to acknowledged
  refused "." claim move "${ref:0:12}$( [ "${ref:12:1}" = A ] && echo B || echo A )" \
      --to acknowledged
  refused "." claim show 999999
  refused "." claim show

  # The workflow: new → closed is refused, then the allowed path.
  refused "." claim move "$ref" --to closed
  refused "." claim move "$ref" --to nowhere
  refused "to" claim move "$ref"
  run 0 --db "$db" claim move "$lower" --to acknowledged --comment "Called her back" --json
  assert_json 'j["status"] == "acknowledged"'
  run 0 --db "$db" claim move "$ref" --to in_progress --json
  assert_json 'j["status"] == "in_progress"'
  refused "problem" claim resolve "$ref" --solution S --benefit B
  run 0 --db "$db" claim resolve "$ref" --problem "Long wait" --solution "Extra desk" \
      --benefit "Shorter waits" --json
  assert_json 'j["status"] == "resolved" and j["problem"] == "Long wait"'
  assert_json 'j["solution"] == "Extra desk" and j["benefit"] == "Shorter waits"'
  run 0 --db "$db" claim move "$ref" --to closed --json
  assert_json 'j["status"] == "closed" and j["closed_at"] is not None'
  # Reopen.
  run 0 --db "$db" claim move "$ref" --to in_progress --json
  assert_json 'j["status"] == "in_progress"'
  run 0 --db "$db" claim show "$ref" --json
  assert_json 'len(j["history"]) >= 6'
  assert_json 'j["history"] == sorted(j["history"], key=lambda h: h["at"])'

  # Bad input writes nothing.
  refused "categor|nope" claim open --customer "$c1" --kind complaint --channel phone --category nope
  refused "." claim open --customer 999999 --kind complaint --channel phone --category other
  refused "." claim open --customer "$c1" --kind grumble --channel phone --category other
  refused "." claim open --customer "$c1" --kind complaint --channel fax --category other
  refused "." claim open --customer "$c1" --kind complaint --channel phone --category other \
      --priority urgent
  refused "." claim open --customer "$c1" --kind complaint --channel phone --category other \
      --received yesterday
  refused "." claim open --kind complaint --channel phone --category other

  # list: newest first, by status, limited.
  run 0 --db "$db" claim list --json
  assert_json 'isinstance(j, list) and len(j) == 2'
  run 0 --db "$db" claim list --status in_progress --json
  assert_json "[c['reference'] for c in j] == ['$ref']"
  run 0 --db "$db" claim list --status closed --json
  assert_json 'j == []'
  run 0 --db "$db" claim list --limit 1 --json
  assert_json 'len(j) == 1'
  run 0 --db "$db" claim list --overdue --json
  assert_json 'isinstance(j, list)'
  run 0 --db "$db" claim list
  grep -q "$ref" <<<"$out" || fail "claim list lacks the claim: $out"
  refused "." claim list --status bogus
  # An unknown action prints the usage, as for visits.
  run 1 --db "$db" claim frobnicate "$ref"
  [ -z "$out" ] || fail "claim frobnicate printed on stdout: $out"
  grep -q "Unknown claim command" <<<"$err" || fail "claim frobnicate: $err"
  ;;

claims-reply)
  db="$tmp/reply.db"
  message_keys='["id", "claim_id", "reference", "direction", "channel", "at", "subject", "body",
                 "language", "template", "attachments"]'
  thread_keys='["id", "direction", "channel", "at", "subject", "body", "language", "template",
                "attachments"]'

  run 0 --db "$db" init
  run 0 --db "$db" branch add --name "Utrecht Centrum" --country nl \
      --address $'Oudegracht 1\n3511 AB Utrecht' --json

  # The templates: four built-in ones, by stable name.
  run 0 --db "$db" claim template list --json
  assert_json 'sorted(t["code"] for t in j) == ["acknowledgement", "compliment_thanks", "request_information", "resolution"]'
  assert_json 'all(sorted(t) == ["code", "label"] and t["label"] for t in j)'
  codes=$(json '" ".join(t["code"] for t in j)')
  run 0 --db "$db" claim template list
  grep -q "acknowledgement" <<<"$out" || fail "template list lacks acknowledgement: $out"
  for lang in en nl sr sr@latin lv; do
    run 0 --db "$db" claim template show acknowledgement --language "$lang" --json
    assert_json "j['code'] == 'acknowledgement' and j['language'] == '$lang' and '{reference}' in j['body'] + (j['subject'] or '')"
    printf '%s' "$(json 'j["body"]')" >"$tmp/template-$lang"
  done
  for lang in nl sr sr@latin lv; do
    cmp -s "$tmp/template-en" "$tmp/template-$lang" && fail "the $lang template is the English one"
  done
  run 0 --db "$db" claim template show resolution
  grep -q "{" <<<"$out" || fail "template show prints no placeholders: $out"
  run 0 --db "$db" claim template show Request-Information --language lv --json
  assert_json 'j["code"] == "request_information" and j["language"] == "lv"'
  refused "template" claim template show grumble
  refused "language" claim template show acknowledgement --language de
  refused "." claim template show

  # A reply from each template in each customer language: the body is filled in, in the
  # customer's language, with the reference and the customer's name.
  declare -A given=([en]=Alice [nl]=Anouk [sr]=Милан [sr@latin]=Milan [lv]=Jānis)
  declare -A ref_of=()
  declare -A family=([en]=Walker [nl]=Vermeulen [sr]=Ђорђевић [sr@latin]=Petrović [lv]=Bērziņš)
  for lang in en nl sr sr@latin lv; do
    run 0 --db "$db" customer add --given "${given[$lang]}" --family "${family[$lang]}" \
        --language "$lang" --json
    cid=$(json 'j["id"]')
    run 0 --db "$db" claim open --customer "$cid" --kind complaint --channel letter \
        --category slow_response --received 2026-01-05T09:00:00+01:00 --json
    ref=$(json 'j["reference"]')
    claim_id=$(json 'j["id"]')
    ref_of[$lang]=$ref
    for code in $codes; do
      run 0 --db "$db" claim reply "$ref" --direction out --channel letter --template "$code" --json
      assert_json "sorted(j) == sorted($message_keys)"
      assert_json "j['claim_id'] == $claim_id and j['reference'] == '$ref'"
      assert_json "j['direction'] == 'out' and j['channel'] == 'letter'"
      assert_json "j['template'] == '$code' and j['language'] == '$lang'"
      assert_json "'$ref' in j['body']"
      assert_json "'${family[$lang]}' in j['body']"
      assert_json 'bool(j["subject"]) and j["attachments"] == []'
      assert_json 're.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", j["at"]) is not None'
      # Serbian is written in Cyrillic, sr@latin in Latin letters.
      case $lang in
        sr) assert_json "re.search('[\u0400-\u04ff]', j['body'].replace('${family[$lang]}', '').replace('${given[$lang]}', '')) is not None" ;;
        sr@latin|en|nl|lv) assert_json "re.search('[\u0400-\u04ff]', j['body']) is None" ;;
      esac
      printf '%s' "$(json 'j["body"]')" >"$tmp/body-$lang-$code"
    done
    run 0 --db "$db" claim show "$ref" --json
    assert_json "len(j['messages']) == $(wc -w <<<"$codes")"
    assert_json "all(sorted(m) == sorted($thread_keys) for m in j['messages'])"
    assert_json "[m['template'] for m in j['messages']] == '$codes'.split()"
    assert_json 'j["messages"] == sorted(j["messages"], key=lambda m: (m["at"], m["id"]))'
  done
  for code in $codes; do
    for lang in nl sr sr@latin lv; do
      cmp -s "$tmp/body-en-$code" "$tmp/body-$lang-$code" && fail "$code in $lang is English"
    done
  done

  # The human form names the reference and shows the text.
  run 0 --db "$db" claim reply "${ref_of[nl]}" --direction out --channel email --template acknowledgement
  grep -q "${ref_of[nl]}" <<<"$out" || fail "human reply lacks the reference: $out"
  grep -q "Vermeulen" <<<"$out" || fail "human reply lacks the text: $out"
  [[ "$out" != "{"* ]] || fail "human output looks like JSON"
  run 0 --db "$db" claim show "${ref_of[nl]}"
  grep -qi "correspondence" <<<"$out" || fail "human show lacks the thread: $out"

  # --language and --subject override the customer's language and the template's subject.
  run 0 --db "$db" claim reply "${ref_of[en]}" --direction out --channel email \
      --template acknowledgement --language nl --subject "Uw klacht" --json
  assert_json "j['language'] == 'nl' and j['subject'] == 'Uw klacht' and '${ref_of[en]}' in j['body']"
  body_nl_for_en=$(json 'j["body"]')
  [ "$body_nl_for_en" != "$(cat "$tmp/body-en-acknowledgement")" ] || fail "--language nl wrote English"

  # --body-file: the text of a file, as written; “-” reads standard input.
  printf 'Geachte heer Đorđević,\n\nDank voor uw brief van 3 januari.\n' >"$tmp/letter.txt"
  run 0 --db "$db" claim reply "${ref_of[en]}" --direction in --channel letter \
      --body-file "$tmp/letter.txt" --subject "Brief" --at 2026-01-06T10:00:00+01:00 --json
  assert_json 'j["body"].rstrip("\n") == "Geachte heer Đorđević,\n\nDank voor uw brief van 3 januari."'
  assert_json 'j["direction"] == "in" and j["channel"] == "letter" and j["template"] is None'
  assert_json 'j["subject"] == "Brief" and j["at"] == "2026-01-06T09:00:00Z"'
  printf 'Belde terug: komt dinsdag langs.' >"$tmp/note.txt"
  run 0 --db "$db" claim reply "${ref_of[en]}" --direction out --channel phone --body-file - --json \
      <"$tmp/note.txt"
  assert_json 'j["body"] == "Belde terug: komt dinsdag langs." and j["channel"] == "phone"'
  assert_json 'j["subject"] is None'
  printf '\xef\xbb\xbfMet BOM.' >"$tmp/bom.txt"
  run 0 --db "$db" claim reply "${ref_of[en]}" --direction in --channel email --body-file "$tmp/bom.txt" --json
  assert_json 'j["body"] == "Met BOM."'

  # Attachments: stored with their names and sizes.
  head -c 1234 /dev/urandom >"$tmp/photo.jpg"
  printf 'scan' >"$tmp/scan.pdf"
  run 0 --db "$db" claim reply "${ref_of[en]}" --direction in --channel email \
      --body-file "$tmp/letter.txt" --attach "$tmp/photo.jpg" --attach "$tmp/scan.pdf" --json
  assert_json '[(a["name"], a["size"]) for a in j["attachments"]] == [("photo.jpg", 1234), ("scan.pdf", 4)]'
  assert_json 'all(isinstance(a["id"], int) for a in j["attachments"])'
  run 0 --db "$db" claim show "${ref_of[en]}" --json
  assert_json '[(a["name"], a["size"]) for a in j["messages"][-1]["attachments"]] == [("photo.jpg", 1234), ("scan.pdf", 4)]'
  run 0 --db "$db" claim show "${ref_of[en]}"
  grep -q "photo.jpg" <<<"$out" || fail "human show lacks the attachment: $out"

  # Bad input exits 1, names the problem and writes nothing.
  truncate -s 21M "$tmp/huge.bin"
  printf 'caf\xe9\n' >"$tmp/latin1.txt"
  mkdir "$tmp/folder"
  typo=$("$PY" -c '
import sys
r = sys.argv[1]
print(r[:10] + str((int(r[10]) + 1) % 10) + r[11:])' "${ref_of[en]}")
  refused "template|body-file" claim reply "${ref_of[en]}" --direction out --channel email
  refused "template|body-file" claim reply "${ref_of[en]}" --direction out --channel email \
      --template acknowledgement --body-file "$tmp/letter.txt"
  refused "template" claim reply "${ref_of[en]}" --direction out --channel email --template grumble
  refused "direction" claim reply "${ref_of[en]}" --direction sideways --channel email \
      --template acknowledgement
  refused "direction" claim reply "${ref_of[en]}" --channel email --template acknowledgement
  refused "channel" claim reply "${ref_of[en]}" --direction out --channel fax --template acknowledgement
  refused "channel" claim reply "${ref_of[en]}" --direction out --template acknowledgement
  refused "language" claim reply "${ref_of[en]}" --direction out --channel email \
      --template acknowledgement --language de
  refused "missing\.txt" claim reply "${ref_of[en]}" --direction in --channel letter \
      --body-file "$tmp/missing.txt"
  refused "UTF-8" claim reply "${ref_of[en]}" --direction in --channel letter \
      --body-file "$tmp/latin1.txt"
  refused "folder" claim reply "${ref_of[en]}" --direction in --channel letter --body-file "$tmp/folder"
  refused "nothere\.jpg" claim reply "${ref_of[en]}" --direction in --channel email \
      --body-file "$tmp/letter.txt" --attach "$tmp/photo.jpg" --attach "$tmp/nothere.jpg"
  refused "huge\.bin.*(large|MiB|MB)|(large|MiB|MB).*huge\.bin" claim reply "${ref_of[en]}" \
      --direction in --channel email --body-file "$tmp/letter.txt" --attach "$tmp/huge.bin"
  refused "folder" claim reply "${ref_of[en]}" --direction in --channel email \
      --body-file "$tmp/letter.txt" --attach "$tmp/folder"
  refused "at" claim reply "${ref_of[en]}" --direction out --channel email \
      --template acknowledgement --at yesterday
  refused "." claim reply "$typo" --direction out --channel email --template acknowledgement
  refused "." claim reply 999999 --direction out --channel email --template acknowledgement
  refused "." claim reply --direction out --channel email --template acknowledgement
  ;;

claims-search)
  db="$tmp/search.db"
  run 0 --db "$db" init
  run 0 --db "$db" branch add --name "Beograd" --country rs --address "Knez Mihailova 1" --json
  run 0 --db "$db" customer add --given Ana --family Jansen --json
  c1=$(json 'j["id"]')
  run 0 --db "$db" claim open --customer "$c1" --kind complaint --channel phone \
      --category impolite --summary "Rude answer at the desk" --json
  ref1=$(json 'j["reference"]')
  run 0 --db "$db" claim open --customer "$c1" --kind compliment --channel email \
      --category other --summary "Very helpful staff" --json
  ref2=$(json 'j["reference"]')

  # Only the correspondence of the first claim names Mr Đorđević.
  printf 'Gospodin Đorđević je zvao povodom reklamacije.\n' >"$tmp/call.txt"
  run 0 --db "$db" claim reply "$ref1" --direction in --channel phone --body-file "$tmp/call.txt"
  for query in djordjevic Djordjević Đorđević ĐORĐEVIĆ Ђорђевић ђорђ; do
    run 0 --db "$db" claim search "$query" --json
    assert_json "[c['reference'] for c in j] == ['$ref1']"
  done
  run 0 --db "$db" claim search djordjevic --json
  assert_json "sorted(j[0]) == sorted($claim_json_keys)"
  run 0 --db "$db" claim search helpful --json
  assert_json "[c['reference'] for c in j] == ['$ref2']"
  run 0 --db "$db" claim search nobody-says-this --json
  assert_json 'j == []'

  # A reference in any spelling finds its claim first.
  lower=$(tr 'A-Z' 'a-z' <<<"$ref1")
  run 0 --db "$db" claim search "${lower//-/ }" --json
  assert_json "j[0]['reference'] == '$ref1'"
  # shellcheck disable=SC2086
  run 0 --db "$db" claim search ${lower//-/ } --json
  assert_json "j[0]['reference'] == '$ref1'"
  run 0 --db "$db" claim search "${ref2//-/}" --json
  assert_json "j[0]['reference'] == '$ref2'"

  run 0 --db "$db" claim search djordjevic
  grep -q "$ref1" <<<"$out" || fail "human search lacks the claim: $out"
  run 0 --db "$db" claim search nobody-says-this
  grep -q "nobody-says-this" <<<"$out" || fail "human search does not say what was not found"
  run 0 --db "$db" claim search rude --limit 1 --json
  assert_json 'len(j) == 1'
  refused "search" claim search
  refused "search" claim search "   "
  refused "limit" claim search rude --limit 0
  ;;

claims-list)
  db="$tmp/list.db"
  run 0 --db "$db" init
  run 0 --db "$db" branch add --name "Utrecht" --country nl --address "Oudegracht 1" --json
  b1=$(json 'j["id"]')
  run 0 --db "$db" branch add --name "Riga" --country lv --address "Brīvības iela 1" --json
  b2=$(json 'j["id"]')
  run 0 --db "$db" customer add --given Ana --family Jansen --json
  c1=$(json 'j["id"]')
  s1=$(sql "INSERT INTO staff (branch_id, name, role) VALUES (?, 'Pieter de Vries', 'branch_staff') RETURNING id" "$b1")

  run 0 --db "$db" --branch "$b1" claim open --customer "$c1" --kind complaint --channel phone \
      --category slow_response --received 2026-01-05T09:00:00+01:00 --json
  old=$(json 'j["reference"]')
  assert_json 'j["overdue"] is True'
  run 0 --db "$db" --branch "$b1" claim open --customer "$c1" --kind compliment --channel email \
      --category other --json
  compliment=$(json 'j["reference"]')
  run 0 --db "$db" claim open --branch "$b2" --customer "$c1" --kind suggestion --channel letter \
      --category impolite --json
  riga=$(json 'j["reference"]')
  run 0 --db "$db" claim update "$compliment" --assignee "$s1" --json
  assert_json "j['assignee_id'] == $s1"

  refs () { json '" ".join(sorted(c["reference"] for c in j))'; }
  expect_refs () {
    local expected
    expected=$(tr ' ' '\n' <<<"$*" | sort | tr '\n' ' ' | sed 's/ $//')
    [ "$(refs)" = "$expected" ] || fail "expected claims $expected, got $(refs)"
  }
  run 0 --db "$db" claim list --json
  expect_refs "$old" "$compliment" "$riga"
  assert_json "all(sorted(c) == sorted($claim_json_keys) for c in j)"
  assert_json 'j == sorted(j, key=lambda c: c["received_at"], reverse=True)'
  run 0 --db "$db" claim list --kind compliment --json
  expect_refs "$compliment"
  run 0 --db "$db" claim list --category impolite --json
  expect_refs "$riga"
  run 0 --db "$db" claim list --assignee "$s1" --json
  expect_refs "$compliment"
  run 0 --db "$db" claim list --assignee none --json
  expect_refs "$old" "$riga"
  run 0 --db "$db" claim list --branch "$b2" --json
  expect_refs "$riga"
  run 0 --db "$db" --branch "$b1" claim list --json
  expect_refs "$old" "$compliment"
  run 0 --db "$db" claim list --overdue --json
  expect_refs "$old"
  assert_json 'all(c["overdue"] for c in j)'
  run 0 --db "$db" claim list --branch "$b1" --kind complaint --status new --json
  expect_refs "$old"
  run 0 --db "$db" claim list --kind request --json
  assert_json 'j == []'
  run 0 --db "$db" claim list --kind request
  grep -qi "no claims" <<<"$out" || fail "an empty list says nothing: $out"
  run 0 --db "$db" claim list --overdue
  grep -q "$old" <<<"$out" || fail "human list lacks the overdue claim: $out"
  grep -qi "overdue" <<<"$out" || fail "human list does not say overdue: $out"

  # Beyond one page: the keyset pages join without gaps or repeats.
  for i in $(seq 1 130); do
    "$CLI" --db "$db" --branch "$b1" claim open --customer "$c1" --kind request \
        --channel phone --category other >/dev/null || fail "claim open $i"
  done
  run 0 --db "$db" claim list --limit 1000 --json
  assert_json 'len(j) == 133 and len(set(c["id"] for c in j)) == 133'
  assert_json 'all(a["received_at"] >= b["received_at"] for a, b in zip(j, j[1:]))'
  run 0 --db "$db" claim list --kind request --limit 120 --json
  assert_json 'len(j) == 120 and len(set(c["id"] for c in j)) == 120'
  run 0 --db "$db" claim list --json
  assert_json 'len(j) == 50'

  refused "kind" claim list --kind grumble
  refused "status" claim list --status bogus
  refused "assignee" claim list --assignee someone
  refused "staff|assign" claim list --assignee 999999
  refused "branch" claim list --branch 999999
  refused "branch" claim list --branch utrecht
  refused "limit" claim list --limit 0
  refused "limit" claim list --limit many
  refused "category" claim list --category ""
  refused "nope.*categor|categor.*nope" claim list --category nope
  refused "argument" claim list stray
  ;;

followups)
  db="$tmp/followups.db"
  # Local times are those of a zone with daylight saving time, whatever the machine's.
  export TZ=Europe/Amsterdam
  followup_keys='["id", "kind", "customer_id", "claim_id", "visit_id", "service_id",
                  "assignee_id", "due_at", "notify_at", "rrule", "note", "source", "state",
                  "state_at", "state_by", "created_at"]'
  iso='r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"'
  # Times to come, whatever the day the test runs: January and March of the year after next.
  year=$(( $(date -u +%Y) + 2 ))
  jan="$year-01-15T10:00:00Z"
  feb="$year-02-15T10:00:00Z"
  mar="$year-03-15T10:00:00Z"
  jun="$year-06-15T10:00:00Z"
  soon=$(date -u -d '+2 hours' +%Y-%m-%dT%H:%M:%SZ)
  later=$(date -u -d '+3 days' +%Y-%m-%dT%H:%M:%SZ)
  past=$(date -u -d '-1 day' +%Y-%m-%dT%H:%M:%SZ)

  run 0 --db "$db" init
  run 0 --db "$db" branch add --name "Utrecht" --country nl --address "Oudegracht 1" --json
  b1=$(json 'j["id"]')
  run 0 --db "$db" customer add --given Ana --family Jansen --json
  c1=$(json 'j["id"]')
  run 0 --db "$db" customer add --given Bram --family Visser --json
  c2=$(json 'j["id"]')
  s1=$(sql "INSERT INTO staff (branch_id, name, role) VALUES (?, 'Pieter de Vries', 'branch_staff') RETURNING id" "$b1")

  for command in "followup add" "followup list" "followup show" "followup done" \
                 "followup snooze" "followup cancel" "followup assign" "followup export" \
                 "service add" "service list" "service renew"; do
    # shellcheck disable=SC2086
    run 0 $command --help
    grep -q -- "--db" <<<"$out" || fail "$command --help lacks --db: $out"
  done
  run 0 followup --help
  for action in add list show done snooze cancel assign export; do
    grep -q "followup $action" <<<"$out" || fail "followup --help lacks $action: $out"
  done
  run 0 service --help
  for action in add list renew; do
    grep -q "service $action" <<<"$out" || fail "service --help lacks $action: $out"
  done
  run 0 --help
  grep -q "followup add" <<<"$out" || fail "--help lacks followup add: $out"
  grep -q "service renew" <<<"$out" || fail "--help lacks service renew: $out"
  run 1 followup frobnicate
  grep -q "frobnicate" <<<"$err" || fail "unknown followup command not named: $err"
  run 1 service frobnicate
  grep -q "frobnicate" <<<"$err" || fail "unknown service command not named: $err"

  # add: every key, null where unset, times in UTC.
  run 0 --db "$db" followup add --customer "$c1" --kind call_back --due "$jan" \
      --note "Ring about the meter" --json
  assert_json "sorted(j) == sorted($followup_keys)"
  assert_json "j['kind'] == 'call_back' and j['customer_id'] == $c1 and j['state'] == 'open'"
  assert_json "j['due_at'] == '$jan' and j['notify_at'] == '$jan'"
  assert_json 'j["rrule"] is None and j["claim_id"] is None and j["visit_id"] is None'
  assert_json 'j["assignee_id"] is None and j["source"] is None'
  assert_json 'j["note"] == "Ring about the meter"'
  assert_json "all(re.fullmatch($iso, j[k]) for k in ('state_at', 'created_at'))"
  f1=$(json 'j["id"]')
  added=$out

  # show returns the same follow-up; the human form names the customer.
  run 0 --db "$db" followup show "$f1" --json
  [ "$out" = "$added" ] || fail "show differs from add: $out"
  run 0 --db "$db" followup show "$f1"
  grep -q "Ana Jansen" <<<"$out" || fail "human show lacks the customer: $out"
  grep -q "Ring about the meter" <<<"$out" || fail "human show lacks the note: $out"
  [[ "$out" != "{"* ]] || fail "human output looks like JSON"

  # A time without an offset is local time: 10:00 in Amsterdam in June is 08:00 UTC.
  run 0 --db "$db" followup add --customer "$c2" --kind other --due "$year-06-15T10:00:00" \
      --assignee "$s1" --json
  assert_json "j['due_at'] == '$year-06-15T08:00:00Z' and j['assignee_id'] == $s1"
  f2=$(json 'j["id"]')
  run 0 --db "$db" followup add --customer "$c2" --kind satisfaction_survey --due "$mar" --json
  f3=$(json 'j["id"]')
  run 0 --db "$db" followup add --customer "$c2" --kind call_back --due "$feb" --json
  f4=$(json 'j["id"]')

  # Bad input: one line, exit 1, nothing written.
  refused "past" followup add --customer "$c1" --kind call_back --due "$past"
  refused "SOMETIMES|rule" followup add --customer "$c1" --kind call_back --due "$jan" \
      --rrule "FREQ=SOMETIMES"
  refused "customer|999999" followup add --customer 999999 --kind call_back --due "$jan"
  refused "customer" followup add --customer abc --kind call_back --due "$jan"
  refused "kind|grumble" followup add --customer "$c1" --kind grumble --due "$jan"
  refused "kind" followup add --customer "$c1" --due "$jan"
  refused "due" followup add --customer "$c1" --kind call_back
  refused "due|time|tomorrow" followup add --customer "$c1" --kind call_back --due tomorrow
  refused "customer" followup add --kind call_back --due "$jan"
  refused "staff|assign" followup add --customer "$c1" --kind call_back --due "$jan" \
      --assignee 999999
  refused "." followup add --customer "$c1" --kind call_back --due "$jan" --claim K-2020-9999-X
  refused "." followup add --customer "$c1" --kind call_back --due "$jan" --claim 999999
  refused "argument" followup add --customer "$c1" --kind call_back --due "$jan" stray
  refused "follow-up|999999" followup show 999999
  refused "follow-up|ID" followup show
  refused "follow-up ID" followup show abc
  refused "." followup done 999999

  # list: the pending ones in announcement order, filtered, limited.
  run 0 --db "$db" followup list --json
  assert_json "[f['id'] for f in j] == [$f1, $f4, $f3, $f2]"
  assert_json "all(sorted(f) == sorted($followup_keys) for f in j)"
  run 0 --db "$db" followup list --customer "$c2" --json
  assert_json "[f['id'] for f in j] == [$f4, $f3, $f2]"
  run 0 --db "$db" followup list --due-before "$year-03-01T00:00:00Z" --json
  assert_json "[f['id'] for f in j] == [$f1, $f4]"
  run 0 --db "$db" followup list --due-before "$year-03-01T00:00:00Z" --customer "$c2" --json
  assert_json "[f['id'] for f in j] == [$f4]"
  run 0 --db "$db" followup list --assignee "$s1" --json
  assert_json "[f['id'] for f in j] == [$f2]"
  run 0 --db "$db" followup list --assignee none --json
  assert_json "[f['id'] for f in j] == [$f1, $f4, $f3]"
  run 0 --db "$db" followup list --limit 2 --json
  assert_json "[f['id'] for f in j] == [$f1, $f4]"
  run 0 --db "$db" followup list --section upcoming --json
  assert_json "[f['id'] for f in j] == [$f1, $f4, $f3, $f2]"
  run 0 --db "$db" followup list --section overdue --json
  assert_json 'j == []'
  run 0 --db "$db" followup list --section today --json
  assert_json 'j == []'
  run 0 --db "$db" followup list
  grep -q "Ring about the meter" <<<"$out" || fail "human list lacks the note: $out"
  refused "state|bogus" followup list --state bogus
  refused "section|bogus" followup list --section bogus
  refused "section" followup list --section today --state done
  refused "customer|999999" followup list --customer 999999
  refused "staff|assign" followup list --assignee 999999
  refused "limit" followup list --limit 0
  refused "due-before" followup list --due-before soon
  refused "argument" followup list stray

  # Keyset paging: more than a page of follow-ups comes out whole, in order, without repeats.
  for i in $(seq 1 120); do
    printf 'INSERT INTO followups (kind, customer_id, due_at, notify_at, state, state_at, created_at) '
    printf "VALUES ('other', %s, %s, %s, 'open', 0, 0);\n" "$c1" $(( 2000000000 + i )) $(( 2000000000 + i ))
  done >"$tmp/many.sql"
  if "$PY" - "$db" "$tmp/many.sql" <<'PYEOF'
import sqlite3, sys
con = sqlite3.connect(sys.argv[1])
try:
    con.executescript(open(sys.argv[2]).read())
except sqlite3.Error as e:
    print(e, file=sys.stderr)
    sys.exit(1)
PYEOF
  then
    run 0 --db "$db" followup list --limit 1000 --json
    assert_json 'len(j) == 124 and len({f["id"] for f in j}) == 124'
    assert_json 'j == sorted(j, key=lambda f: (f["notify_at"], f["id"]))'
    run 0 --db "$db" followup list --limit 110 --json
    assert_json 'len(j) == 110'
    sql "DELETE FROM followups WHERE due_at BETWEEN 2000000001 AND 2000000120" >/dev/null
  else
    echo "note: the follow-ups table differs from the test's guess; paging not checked" >&2
  fi

  # snooze: announced again later; the due time stays.
  run 0 --db "$db" followup add --customer "$c1" --kind call_back --due "$soon" --json
  f5=$(json 'j["id"]')
  run 0 --db "$db" followup snooze "$f5" --until "$later" --json
  assert_json "j['state'] == 'snoozed' and j['due_at'] == '$soon' and j['notify_at'] == '$later'"
  assert_json "re.fullmatch($iso, j['state_at']) is not None"
  run 0 --db "$db" followup list --state snoozed --json
  assert_json "[f['id'] for f in j] == [$f5]"
  refused "past|future" followup snooze "$f5" --until "$past"
  refused "until" followup snooze "$f5"
  refused "." followup snooze 999999 --until "$later"

  # assign: to a staff member, then back to anyone.
  run 0 --db "$db" followup assign "$f1" --to "$s1" --json
  assert_json "j['assignee_id'] == $s1 and j['id'] == $f1"
  run 0 --db "$db" followup assign "$f1" --to none --json
  assert_json 'j["assignee_id"] is None'
  refused "to" followup assign "$f1"
  refused "staff|assign" followup assign "$f1" --to 999999

  # done: stamped with when; once only.
  run 0 --db "$db" followup done "$f4" --json
  assert_json "j['state'] == 'done' and j['id'] == $f4 and j['next'] is None"
  assert_json "re.fullmatch($iso, j['state_at']) is not None and j['due_at'] == '$feb'"
  refused "." followup done "$f4"
  run 0 --db "$db" followup list --state done --json
  assert_json "[f['id'] for f in j] == [$f4]"

  # cancel: gone from the pending ones, listed as cancelled.
  run 0 --db "$db" followup cancel "$f3" --json
  assert_json "j['state'] == 'cancelled' and re.fullmatch($iso, j['state_at']) is not None"
  run 0 --db "$db" followup cancel "$f2"
  grep -qi "cancel" <<<"$out" || fail "human cancel does not say so: $out"
  run 0 --db "$db" followup list --state cancelled --json
  assert_json "sorted(f['id'] for f in j) == sorted([$f3, $f2])"
  run 0 --db "$db" followup list --json
  assert_json "[f['id'] for f in j] == [$f5, $f1]"

  # A recurring one: done, it comes back twelve months later.
  run 0 --db "$db" followup add --customer "$c1" --kind renewal_due --due "$jan" \
      --rrule "FREQ=MONTHLY;INTERVAL=12" --json
  assert_json 'j["rrule"] == "FREQ=MONTHLY;INTERVAL=12"'
  f6=$(json 'j["id"]')
  run 0 --db "$db" followup done "$f6" --json
  assert_json "j['state'] == 'done' and j['id'] == $f6"
  assert_json "sorted(j['next']) == sorted($followup_keys)"
  assert_json "j['next']['due_at'] == '$(( year + 1 ))-01-15T10:00:00Z'"
  assert_json "j['next']['state'] == 'open' and j['next']['rrule'] == 'FREQ=MONTHLY;INTERVAL=12'"
  assert_json "j['next']['id'] != $f6 and j['next']['kind'] == 'renewal_due'"
  f7=$(json 'j["next"]["id"]')
  run 0 --db "$db" followup done "$f7"
  grep -q "$(( year + 2 ))-01-15" <<<"$out" || fail "human done lacks the next occurrence: $out"

  # A claim makes two follow-ups, for its acknowledgement and its resolution.
  run 0 --db "$db" customer add --given Carla --family Smit --json
  c3=$(json 'j["id"]')
  run 0 --db "$db" claim open --customer "$c3" --kind complaint --channel phone \
      --category slow_response --json
  claim_id=$(json 'j["id"]')
  ref=$(json 'j["reference"]')
  ack_due=$(json 'j["ack_due_at"]')
  resolve_due=$(json 'j["due_at"]')
  run 0 --db "$db" followup list --customer "$c3" --json
  assert_json "sorted(f['source'] for f in j) == ['claim_ack', 'claim_resolve']"
  assert_json "all(f['claim_id'] == $claim_id and f['customer_id'] == $c3 for f in j)"
  assert_json "{f['source']: f['due_at'] for f in j} == {'claim_ack': '$ack_due', 'claim_resolve': '$resolve_due'}"
  # --claim by reference in any spelling; the claim's customer by default.
  lower=$(tr 'A-Z' 'a-z' <<<"${ref//-/}")
  run 0 --db "$db" followup add --claim "$lower" --kind call_back --due "$jan" --json
  assert_json "j['claim_id'] == $claim_id and j['customer_id'] == $c3"
  run 0 --db "$db" followup add --claim "$claim_id" --customer "$c3" --kind claim_due \
      --due "$feb" --json
  assert_json "j['claim_id'] == $claim_id"
  run 0 --db "$db" followup list --customer "$c3" --json
  assert_json 'len(j) == 4'

  # export: the pending ones as VTODOs, with their UIDs, DUE, SUMMARY and RRULE.
  run 0 --db "$db" followup add --customer "$c2" --kind call_back --due "$jun" \
      --rrule "FREQ=YEARLY" --note "Yearly check" --json
  f8=$(json 'j["id"]')
  run 0 --db "$db" followup list --limit 1000 --json
  pending=$(json '" ".join(str(f["id"]) for f in j)')
  run 0 --db "$db" followup export --ics "$tmp/out.ics"
  [ "$out" = "$tmp/out.ics" ] || fail "export printed $out"
  "$PY" - "$tmp/out.ics" "$f8" "$year" "$pending" <<'PYEOF' || fail "the exported file is wrong"
import re, sys
path, f8, year, pending = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4].split()
text = open(path, encoding="utf-8").read().replace("\r\n", "\n")
# Unfold continuation lines (RFC 5545 3.1).
text = re.sub(r"\n[ \t]", "", text)
assert text.startswith("BEGIN:VCALENDAR\n"), text[:40]
assert text.rstrip().endswith("END:VCALENDAR")
todos = re.findall(r"BEGIN:VTODO\n(.*?)END:VTODO", text, re.S)
assert len(todos) == len(pending), (len(todos), pending)
props = []
for todo in todos:
    p = {}
    for line in todo.splitlines():
        name, _, value = line.partition(":")
        p[name.split(";")[0]] = value
    props.append(p)
uids = [p.get("UID", "") for p in props]
assert len(set(uids)) == len(uids) and all(uids), uids
for p in props:
    assert "DUE" in p and re.fullmatch(r"\d{8}T\d{6}Z?", p["DUE"]), p
    assert p.get("SUMMARY"), p
# Each pending follow-up's id is in exactly one UID.
for fid in pending:
    assert sum(1 for u in uids if re.search(r"(?<!\d)%s(?!\d)" % fid, u)) == 1, (fid, uids)
mine = [p for p in props if re.search(r"(?<!\d)%s(?!\d)" % f8, p["UID"])][0]
assert mine["DUE"] == year + "0615T100000Z", mine
assert mine["RRULE"] == "FREQ=YEARLY", mine
assert "Bram Visser" in mine["SUMMARY"] or "Call back" in mine["SUMMARY"], mine
PYEOF
  refused "ics" followup export
  run 1 --db "$db" followup export --ics "$tmp/no/such/dir/out.ics"
  expect_one_line_error followup export

  # Services: add makes the “renewal due” follow-up its lead days before the renewal
  # (in January, so that no leap day falls between them).
  ren="$year-01-31T10:00:00Z"
  run 0 --db "$db" service add --customer "$c2" --name "Home insurance" --rrule FREQ=YEARLY \
      --next "$ren" --lead-days 30 --json
  assert_json "j['customer_id'] == $c2 and j['name'] == 'Home insurance' and j['rrule'] == 'FREQ=YEARLY'"
  assert_json "j['next_renewal_at'] == '$ren'"
  assert_json "j['followup']['kind'] == 'renewal_due' and j['followup']['source'] == 'renewal'"
  assert_json "j['followup']['due_at'] == '$year-01-01T10:00:00Z'"
  svc=$(json 'j["id"]')
  first=$(json 'j["followup"]["id"]')
  run 0 --db "$db" service list --customer "$c2" --json
  assert_json "[(s['id'], s['name'], s['next_renewal_at']) for s in j] == [($svc, 'Home insurance', '$ren')]"
  run 0 --db "$db" service list --customer "$c2"
  grep -q "Home insurance" <<<"$out" || fail "human service list lacks the name: $out"
  run 0 --db "$db" service list --customer "$c1" --json
  assert_json 'j == []'

  # renew: the renewal moves a year on, the follow-up is done and the next one made.
  run 0 --db "$db" service renew "$svc" --json
  assert_json "j['id'] == $svc and j['next_renewal_at'] == '$(( year + 1 ))-01-31T10:00:00Z'"
  run 0 --db "$db" service list --customer "$c2" --json
  assert_json "j[0]['next_renewal_at'] == '$(( year + 1 ))-01-31T10:00:00Z'"
  run 0 --db "$db" followup show "$first" --json
  assert_json 'j["state"] == "done"'
  run 0 --db "$db" followup list --customer "$c2" --json
  assert_json "[f['due_at'] for f in j if f['service_id'] == $svc] == ['$(( year + 1 ))-01-01T10:00:00Z']"
  assert_json "[f['kind'] for f in j if f['service_id'] == $svc] == ['renewal_due']"
  run 0 --db "$db" service renew "$svc"
  grep -q "$(( year + 2 ))-01-31" <<<"$out" || fail "human renew lacks the next renewal: $out"

  refused "customer|999999" service add --customer 999999 --name X --rrule FREQ=YEARLY --next "$mar"
  refused "SOMETIMES|rule" service add --customer "$c2" --name X --rrule FREQ=SOMETIMES --next "$mar"
  refused "name" service add --customer "$c2" --rrule FREQ=YEARLY --next "$mar"
  refused "rrule|often" service add --customer "$c2" --name X --next "$mar"
  refused "next" service add --customer "$c2" --name X --rrule FREQ=YEARLY
  refused "." service add --customer "$c2" --name X --rrule FREQ=YEARLY --next "$past"
  refused "lead-days" service add --customer "$c2" --name X --rrule FREQ=YEARLY --next "$mar" \
      --lead-days -1
  refused "customer" service list
  refused "customer|999999" service list --customer 999999
  refused "." service renew 999999
  refused "service ID" service renew abc
  ;;

claims-update)
  db="$tmp/update.db"
  run 0 --db "$db" init
  run 0 --db "$db" branch add --name "Utrecht" --country nl --address "Oudegracht 1" --json
  b1=$(json 'j["id"]')
  run 0 --db "$db" customer add --given Ana --family Jansen --json
  c1=$(json 'j["id"]')
  s1=$(sql "INSERT INTO staff (branch_id, name, role) VALUES (?, 'Pieter de Vries', 'branch_staff') RETURNING id" "$b1")
  s2=$(sql "INSERT INTO staff (branch_id, name, role) VALUES (?, 'Marija Kovač', 'manager') RETURNING id" "$b1")
  run 0 --db "$db" claim open --customer "$c1" --kind complaint --channel phone \
      --category slow_response --summary "Waited long" --json
  ref=$(json 'j["reference"]')
  due_before=$(json 'j["due_at"]')
  run 0 --db "$db" claim show "$ref" --json
  n_history=$(json 'len(j["history"])')

  run 0 --db "$db" --staff "$s2" claim update "$ref" --assignee "$s1" --priority high \
      --category impolite --concerns "Desk 3" --summary "Waited very long" \
      --comment "Discussed with the team" --json
  assert_json "sorted(j) == sorted($claim_json_keys)"
  assert_json "j['assignee_id'] == $s1 and j['priority'] == 'high' and j['category'] == 'impolite'"
  assert_json 'j["concerns"] == "Desk 3" and j["summary"] == "Waited very long"'
  # A higher priority brings the deadline forward.
  assert_json "j['due_at'] < '$due_before'"
  run 0 --db "$db" claim show "$ref" --json
  assert_json "len(j['history']) > $n_history"
  assert_json "all({'at', 'title', 'detail', 'actor', 'field', 'old_value', 'new_value'} <= set(h) for h in j['history'])"
  # Who (--staff), what, from → to, and why.
  assert_json "any(h['field'] == 'assignee' and h['old_value'] is None and h['new_value'] == '$s1' and h['actor'] == 'Marija Kovač' for h in j['history'])"
  assert_json "any(h['field'] == 'priority' and h['old_value'] == 'normal' and h['new_value'] == 'high' and h['actor'] == 'Marija Kovač' for h in j['history'])"
  assert_json "any(h['field'] == 'category' and h['old_value'] == 'slow_response' and h['new_value'] == 'impolite' for h in j['history'])"
  assert_json "any(h['field'] == 'concerns' and h['new_value'] == 'Desk 3' for h in j['history'])"
  assert_json "any(h['field'] == 'summary' and h['new_value'] == 'Waited very long' for h in j['history'])"
  assert_json "any('Discussed with the team' in (h['detail'] or '') for h in j['history'])"
  n_history=$(json 'len(j["history"])')
  run 0 --db "$db" claim show "$ref"
  grep -q "Pieter de Vries" <<<"$out" || fail "human show lacks the assignee: $out"
  grep -q "Desk 3" <<<"$out" || fail "human show lacks concerns: $out"

  # --due sets the date; satisfaction is asked once the claim is resolved; none and "" clear.
  run 0 --db "$db" claim update "$ref" --due 2027-01-11T12:00:00+01:00 --json
  assert_json 'j["due_at"] == "2027-01-11T11:00:00Z"'
  refused "satisf" claim update "$ref" --satisfaction 4
  run 0 --db "$db" claim move "$ref" --to acknowledged
  run 0 --db "$db" claim move "$ref" --to in_progress
  run 0 --db "$db" claim resolve "$ref" --problem P --solution S --benefit B --json
  assert_json 'j["resolved_at"] is not None and j["acknowledged_at"] is not None'
  run 0 --db "$db" claim update "$ref" --satisfaction 4 --json
  assert_json 'j["satisfaction"] == 4'
  run 0 --db "$db" claim show "$ref"
  grep -q "4 of 5" <<<"$out" || fail "human show lacks the satisfaction: $out"
  FRONTDESK_STAFF=$s1 run 0 --db "$db" claim update "$ref" --assignee none --concerns "" \
      --satisfaction none --json
  assert_json 'j["assignee_id"] is None and j["concerns"] is None and j["satisfaction"] is None'
  run 0 --db "$db" claim show "$ref" --json
  assert_json "len(j['history']) > $n_history"
  assert_json "any(h['field'] == 'assignee' and h['old_value'] == '$s1' and h['new_value'] is None and h['actor'] == 'Pieter de Vries' for h in j['history'])"
  run 0 --db "$db" claim show "$ref"
  grep -q "(Marija Kovač)" <<<"$out" || fail "human history does not say who: $out"

  # Bad input exits 1, names the problem and writes nothing.
  refused "nothing" claim update "$ref"
  refused "nothing" claim update "$ref" --comment "Only a comment"
  refused "priority" claim update "$ref" --priority urgent
  refused "satisfaction" claim update "$ref" --satisfaction 6
  refused "satisfaction" claim update "$ref" --satisfaction 0
  refused "satisfaction" claim update "$ref" --satisfaction good
  refused "assignee" claim update "$ref" --assignee someone
  refused "staff|assign" claim update "$ref" --assignee 999999
  refused "categor|nope" claim update "$ref" --category nope
  refused "due" claim update "$ref" --due tomorrow
  refused "." claim update 999999 --priority low
  refused "staff" --staff 999999 claim update "$ref" --priority low
  refused "staff" claim update "$ref" --priority low --staff abc
  before=$(dump)
  FRONTDESK_STAFF=999999 run 1 --db "$db" claim update "$ref" --priority low
  expect_one_line_error "FRONTDESK_STAFF=999999"
  [ "$(dump)" = "$before" ] || fail "an unknown FRONTDESK_STAFF changed the database"
  ;;

claims-settings)
  db="$tmp/settings.db"
  # Deadlines fall at opening time, local time: fix the zone so the UTC times are known.
  export TZ=Europe/Amsterdam

  run 0 --db "$db" init
  run 0 --db "$db" branch add --name "Utrecht" --country nl --address "Oudegracht 1" --json
  b1=$(json 'j["id"]')
  run 0 --db "$db" branch add --name "Amersfoort" --country nl --address "Hof 1" --json
  b2=$(json 'j["id"]')
  run 0 --db "$db" branch use "$b1"
  run 0 --db "$db" customer add --given Ana --family Jansen --json
  c1=$(json 'j["id"]')

  # Every kind × priority, with the defaults.
  run 0 --db "$db" claim deadline list --json
  assert_json 'len(j) == 12 and all(sorted(d) == ["ack_days", "kind", "priority", "resolve_days"] for d in j)'
  assert_json 'sorted((d["kind"], d["priority"]) for d in j) == sorted((k, p) for k in ("complaint", "compliment", "suggestion", "request") for p in ("low", "normal", "high"))'
  assert_json 'all((d["ack_days"], d["resolve_days"]) == {"low": (3, 15), "normal": (2, 10), "high": (1, 5)}[d["priority"]] for d in j)'
  run 0 --db "$db" claim deadline list
  grep -q "Complaint" <<<"$out" || fail "human deadline list lacks the kinds: $out"
  grep -q "10 working days" <<<"$out" || fail "human deadline list lacks the days: $out"

  run 0 --db "$db" claim deadline set --kind complaint --priority normal --ack 1 --resolve 3 --json
  assert_json 'j == {"kind": "complaint", "priority": "normal", "ack_days": 1, "resolve_days": 3}'
  run 0 --db "$db" claim deadline set --kind request --priority high --ack 0 --resolve 0
  grep -q "0 working days" <<<"$out" || fail "human deadline set: $out"
  run 0 --db "$db" claim deadline list --json
  assert_json '[(d["ack_days"], d["resolve_days"]) for d in j if d["kind"] == "complaint" and d["priority"] == "normal"] == [(1, 3)]'
  assert_json '[(d["ack_days"], d["resolve_days"]) for d in j if d["kind"] == "request" and d["priority"] == "high"] == [(0, 0)]'
  assert_json 'sum((d["ack_days"], d["resolve_days"]) == (2, 10) for d in j) == 3'
  deadlines=$out

  # Friday 20 November 2026, 18:30 (CET): the days count from Monday 09:00 (08:00Z).
  open_friday () {
    run 0 --db "$db" "$@" claim open --customer "$c1" --kind complaint --channel phone \
        --category slow_response --received 2026-11-20T18:30:00 --json
  }
  open_friday
  assert_json 'j["received_at"] == "2026-11-20T17:30:00Z"'
  assert_json 'j["ack_due_at"] == "2026-11-24T08:00:00Z" and j["due_at"] == "2026-11-26T08:00:00Z"'
  first=$(json 'j["reference"]')

  # Closed on the Monday: one working day later; claims already open keep their dates.
  run 0 --db "$db" branch closed-day list --json
  assert_json 'j == []'
  run 0 --db "$db" branch closed-day list
  grep -qi "no closed days" <<<"$out" || fail "an empty closed-day list says nothing: $out"
  run 0 --db "$db" branch closed-day add 2026-11-23
  grep -q "2026-11-23" <<<"$out" || fail "closed-day add does not name the day: $out"
  grep -q "Utrecht" <<<"$out" || fail "closed-day add does not name the branch: $out"
  run 0 --db "$db" branch closed-day add 2026-11-23
  run 0 --db "$db" branch closed-day add 2026-12-24
  run 0 --db "$db" branch closed-day list --json
  assert_json 'j == ["2026-11-23", "2026-12-24"]'
  run 0 --db "$db" branch closed-day list
  grep -q "2026-11-23 (Monday)" <<<"$out" || fail "human closed-day list: $out"
  open_friday
  assert_json 'j["ack_due_at"] == "2026-11-25T08:00:00Z" and j["due_at"] == "2026-11-27T08:00:00Z"'
  run 0 --db "$db" claim show "$first" --json
  assert_json 'j["ack_due_at"] == "2026-11-24T08:00:00Z" and j["due_at"] == "2026-11-26T08:00:00Z"'

  # Another branch's closed days are its own.
  run 0 --db "$db" --branch "$b2" branch closed-day list --json
  assert_json 'j == []'
  open_friday --branch "$b2"
  assert_json 'j["ack_due_at"] == "2026-11-24T08:00:00Z"'
  run 0 --db "$db" branch closed-day add 2026-11-23 --branch "$b2"
  run 0 --db "$db" branch closed-day list --branch "$b2" --json
  assert_json 'j == ["2026-11-23"]'

  # Removing the day restores the deadlines.
  run 0 --db "$db" branch closed-day remove 2026-11-23
  grep -q "2026-11-23" <<<"$out" || fail "closed-day remove does not name the day: $out"
  run 0 --db "$db" branch closed-day remove 2026-11-23
  run 0 --db "$db" branch closed-day list --json
  assert_json 'j == ["2026-12-24"]'
  open_friday
  assert_json 'j["ack_due_at"] == "2026-11-24T08:00:00Z" and j["due_at"] == "2026-11-26T08:00:00Z"'

  # Bad input exits 1, says what is wrong and changes nothing.
  refused "acknowledg|resolve" claim deadline set --kind complaint --priority normal --ack 5 --resolve 3
  refused "acknowledg" claim deadline set --kind complaint --priority normal --ack 61 --resolve 100
  refused "resolve" claim deadline set --kind complaint --priority normal --ack 1 --resolve 366
  refused "kind.*grumble|grumble" claim deadline set --kind grumble --priority normal --ack 1 --resolve 3
  refused "priority.*urgent|urgent" claim deadline set --kind complaint --priority urgent --ack 1 --resolve 3
  refused "ack" claim deadline set --kind complaint --priority normal --ack -1 --resolve 3
  refused "ack" claim deadline set --kind complaint --priority normal --ack soon --resolve 3
  refused "kind" claim deadline set --priority normal --ack 1 --resolve 3
  refused "priority" claim deadline set --kind complaint --ack 1 --resolve 3
  refused "resolve" claim deadline set --kind complaint --priority normal --ack 1
  refused "argument" claim deadline set stray --kind complaint --priority normal --ack 1 --resolve 3
  refused "argument" claim deadline list stray
  refused "2026-02-30" branch closed-day add 2026-02-30
  refused "2026-02-30" branch closed-day remove 2026-02-30
  refused "2026-13-01" branch closed-day add 2026-13-01
  refused "2026-1-5" branch closed-day add 2026-1-5
  refused "tomorrow" branch closed-day add tomorrow
  refused "2026-11-23T" branch closed-day add 2026-11-23T00:00:00
  refused "date" branch closed-day add
  refused "argument" branch closed-day add 2026-11-23 2026-11-24
  refused "branch" branch closed-day add 2026-11-23 --branch 999999
  refused "branch" branch closed-day list --branch 999999
  run 0 --db "$db" claim deadline list --json
  [ "$out" = "$deadlines" ] || fail "refused commands changed the deadlines: $out"
  run 0 --db "$db" branch closed-day list --json
  assert_json 'j == ["2026-12-24"]'

  # Categories: the defaults with their names, then one of the branch's own.
  run 0 --db "$db" claim category list --json
  assert_json 'all(sorted(c) == ["code", "label"] for c in j)'
  assert_json '[c["code"] for c in j] == ["poor_service", "treated_as_number", "not_right_first_time", "bad_result", "concern_unresolved", "impolite", "price_higher_than_agreed", "slow_response", "other"]'
  assert_json '{c["code"]: c["label"] for c in j}["slow_response"] == "Slow response"'
  run 0 --db "$db" claim category list
  grep -q "Poor service" <<<"$out" || fail "human category list: $out"

  refused "categor.*parking|parking" claim open --customer "$c1" --kind complaint \
      --channel phone --category parking
  refused "parking.*categor|categor.*parking" claim list --category parking
  run 0 --db "$db" claim category set parking --label "Car park" --json
  assert_json 'j == {"code": "parking", "label": "Car park"}'
  run 0 --db "$db" claim category list --json
  assert_json 'j[-1] == {"code": "parking", "label": "Car park"} and len(j) == 10'
  run 0 --db "$db" claim open --customer "$c1" --kind complaint --channel in_person \
      --category parking --summary "No place to park" --json
  assert_json 'j["category"] == "parking"'
  parking=$(json 'j["reference"]')
  run 0 --db "$db" claim list --category parking --json
  assert_json "[c['reference'] for c in j] == ['$parking']"
  run 0 --db "$db" claim list --category slow_response --json
  assert_json 'len(j) == 4'
  run 0 --db "$db" claim show "$parking"
  grep -q "Car park" <<<"$out" || fail "claim show lacks the category's name: $out"

  # Renaming shows the new name; without --label a default gets its own name back.
  run 0 --db "$db" claim category set parking --label "Parking area"
  grep -q "Parking area" <<<"$out" || fail "category set does not say the new name: $out"
  run 0 --db "$db" claim show "$parking"
  grep -q "Parking area" <<<"$out" || fail "claim show lacks the new name: $out"
  ! grep -q "Car park" <<<"$out" || fail "claim show still has the old name: $out"
  run 0 --db "$db" claim category set slow_response --label "Too slow"
  run 0 --db "$db" claim show "$first"
  grep -q "Too slow" <<<"$out" || fail "claim show lacks the renamed default: $out"
  run 0 --db "$db" claim category set slow_response --json
  assert_json 'j == {"code": "slow_response", "label": "Slow response"}'
  run 0 --db "$db" claim show "$first"
  grep -q "Slow response" <<<"$out" || fail "claim show lacks the default name: $out"
  run 0 --db "$db" claim category list --json
  assert_json 'len(j) == 10'

  refused "code" claim category set Bad-Code
  refused "code" claim category set ""
  refused "code" claim category set
  refused "argument" claim category set one two
  refused "name|100" claim category set long --label "$(printf 'x%.0s' $(seq 1 101))"
  refused "nope.*categor|categor.*nope" claim list --category nope

  # Help for each command, the groups' usage, and unknown actions.
  for command in "claim deadline list" "claim deadline set" "claim category list" \
                 "claim category set" "branch closed-day list" "branch closed-day add" \
                 "branch closed-day remove"; do
    # shellcheck disable=SC2086
    run 0 $command --help
    grep -q -- "--db" <<<"$out" || fail "$command --help lacks --db: $out"
  done
  run 0 claim deadline --help
  grep -q "claim deadline set" <<<"$out" || fail "claim deadline --help: $out"
  run 0 claim category --help
  grep -q "claim category set" <<<"$out" || fail "claim category --help: $out"
  run 0 branch closed-day --help
  grep -q "closed-day remove" <<<"$out" || fail "branch closed-day --help: $out"
  run 0 claim --help
  grep -q "claim deadline" <<<"$out" && grep -q "claim category" <<<"$out" ||
    fail "claim --help lacks deadline or category: $out"
  run 0 branch --help
  grep -q "branch closed-day" <<<"$out" || fail "branch --help lacks closed-day: $out"
  run 0 --help
  for command in "branch closed-day" "claim deadline" "claim category"; do
    grep -q "$command" <<<"$out" || fail "--help lacks $command: $out"
  done
  for group in "claim deadline" "claim category" "branch closed-day"; do
    # shellcheck disable=SC2086
    run 1 $group frobnicate
    grep -q "frobnicate" <<<"$err" || fail "$group frobnicate: $err"
    # shellcheck disable=SC2086
    run 1 $group
  done
  ;;

claims-letter)
  command -v pdftotext >/dev/null || { echo "pdftotext is not installed: skipped"; exit 77; }
  db="$tmp/letter.db"
  run 0 --db "$db" init
  run 0 --db "$db" branch add --name "Utrecht Centrum" --country nl \
      --address $'Oudegracht 1\n3511 AB Utrecht' --json
  run 0 --db "$db" customer add --given Anouk --family Vermeulen --language nl \
      --address $'Kerkstraat 5\n3512 CD Utrecht' --json
  c1=$(json 'j["id"]')
  run 0 --db "$db" claim open --customer "$c1" --kind complaint --channel letter \
      --category slow_response --json
  ref=$(json 'j["reference"]')

  # No outgoing letter yet: refused, and no file.
  refused "." claim letter "$ref" --pdf "$tmp/none.pdf"
  [ ! -e "$tmp/none.pdf" ] || fail "a refused letter left a file"
  refused "pdf" claim letter "$ref"

  # The letter is signed by who wrote it (--staff).
  s1=$(sql "INSERT INTO staff (branch_id, name, role) VALUES (1, 'Pieter de Vries', 'branch_staff') RETURNING id")
  run 0 --db "$db" --staff "$s1" claim reply "$ref" --direction out --channel letter \
      --template acknowledgement --json
  message=$(json 'j["id"]')
  assert_json "'Pieter de Vries' in j['body']"
  run 0 --db "$db" claim reply "$ref" --direction in --channel letter \
      --body-file - --json <<<"Ik wacht nog steeds op antwoord."
  incoming=$(json 'j["id"]')
  run 0 --db "$db" claim letter "$ref" --pdf "$tmp/letter.pdf"
  [ "$out" = "$tmp/letter.pdf" ] || fail "claim letter printed $out"
  [ -s "$tmp/letter.pdf" ] || fail "no PDF written"
  text=$(pdftotext "$tmp/letter.pdf" -)
  grep -q "$ref" <<<"$text" || fail "the letter lacks the reference: $text"
  grep -q "Oudegracht 1" <<<"$text" || fail "the letter lacks the branch address: $text"
  grep -q "3511 AB Utrecht" <<<"$text" || fail "the letter lacks the branch address: $text"
  grep -q "Vermeulen" <<<"$text" || fail "the letter lacks the customer: $text"
  grep -q "Kerkstraat 5" <<<"$text" || fail "the letter lacks the customer's address: $text"
  grep -q "Pieter de Vries" <<<"$text" || fail "the letter lacks the signature: $text"
  grep -q "wacht nog steeds" <<<"$text" && fail "the letter printed the incoming message"
  refused "." claim letter "$ref" --pdf "$tmp/incoming.pdf" --message "$incoming"
  [ ! -e "$tmp/incoming.pdf" ] || fail "a refused letter left a file"
  refused "." claim letter "$ref" --pdf "$tmp/nowhere/letter.pdf"

  run 0 --db "$db" claim letter "${ref,,}" --pdf "$tmp/message.pdf" --message "$message"
  pdftotext "$tmp/message.pdf" - | grep -q "$ref" || fail "--message: no reference"
  refused "message" claim letter "$ref" --pdf "$tmp/bad.pdf" --message abc
  refused "." claim letter 999999 --pdf "$tmp/bad.pdf"
  [ ! -e "$tmp/bad.pdf" ] || fail "a refused letter left a file"
  ;;

invalid)
  db="$tmp/invalid.db"

  # Invalid input before any database exists: one line, status 1, no file created.
  run 1 --db "$db" customer add --given Ana --family Jansen --email not-an-email
  expect_one_line_error "--email not-an-email"
  grep -qi "e-mail" <<<"$err" || fail "the message does not name the e-mail field: $err"
  [ ! -e "$db" ] || fail "an invalid add created the database"

  run 0 --db "$db" customer add --given Ana --family Jansen --json
  [ "$(count_matches "$db" jansen)" -eq 1 ] || fail "setup: Ana Jansen not found"
  cp "$db" "$tmp/before.db"

  check_invalid () {
    local pattern=$1
    shift
    run 1 --db "$db" customer add "$@"
    expect_one_line_error "$@"
    grep -qiE "$pattern" <<<"$err" || fail "the message for $* does not match /$pattern/: $err"
  }

  check_invalid "e-mail" --given Piet --family Jansen --email "piet@@example"
  check_invalid "phone" --given Piet --family Jansen --phone "call me"
  check_invalid "phone" --given Piet --family Jansen --phone "12"
  check_invalid "language" --given Piet --family Jansen --language de
  check_invalid "kind" --given Piet --family Jansen --kind robot
  check_invalid "channel" --given Piet --family Jansen --channel pigeon
  check_invalid "birth year" --given Piet --family Jansen --birth-year 1850
  check_invalid "birth year" --given Piet --family Jansen --birth-year abc
  check_invalid "birth year" --given Piet --family Jansen --birth-year 99999999999999999999
  check_invalid "name" --given "" --family ""
  check_invalid "name" --given "   " --family " "
  check_invalid "organisation" --given Piet --kind organisation
  check_invalid "given" --given $'Pi\xffet' --family Jansen
  check_invalid "long" --given Piet --family "$(head -c 300 /dev/zero | tr '\0' x)"
  check_invalid "unknown option" --given Piet --family Jansen --frobnicate
  check_invalid "argument" --given Piet --family Jansen stray

  [ "$(count_matches "$db" jansen)" -eq 1 ] || fail "an invalid add wrote a customer"

  # An invalid update changes nothing either.
  run 0 --db "$db" customer search jansen --json
  id=$(json 'j[0]["id"]')
  run 0 --db "$db" customer show "$id" --json
  before=$out
  run 1 --db "$db" customer update "$id" --email "nope"
  expect_one_line_error "update --email nope"
  run 0 --db "$db" customer show "$id" --json
  [ "$out" = "$before" ] || fail "an invalid update changed the record"
  ;;

scripts)
  db="$tmp/scripts.db"
  run 0 --db "$db" customer add --given "Ђорђе" --family "Ђорђевић" --language sr --json
  id=$(json 'j["id"]')
  run 0 --db "$db" customer add --given "Jānis" --family "Bērziņš" --language lv --json
  lv_id=$(json 'j["id"]')
  run 0 --db "$db" customer add --given "Piet" --family "Jansen" --json

  for query in djordjevic "Đorđević" "Ђорђевић" DJORDJEVIC "djordje djordjevic" "djordjevic djor" djord; do
    run 0 --db "$db" customer search "$query" --json
    assert_json "[c['id'] for c in j] == [$id]"
  done
  for query in berzins "Bērziņš" "janis berz"; do
    run 0 --db "$db" customer search "$query" --json
    assert_json "[c['id'] for c in j] == [$lv_id]"
  done

  # Several arguments are one query.
  run 0 --db "$db" customer search janis berzins --json
  assert_json "[c['id'] for c in j] == [$lv_id]"

  # Human-readable search prints the name in its own script.
  run 0 --db "$db" customer search djordjevic
  grep -q "Ђорђе Ђорђевић" <<<"$out" || fail "human search output lacks the name: $out"

  # Also from a bare environment (the C locale): UTF-8 in, UTF-8 out, not “?”.
  LC_ALL=C run 0 --db "$db" customer add --given "Љиљана" --family "Њежић" --json
  assert_json 'j["given_name"] == "Љиљана" and j["family_name"] == "Њежић"'
  LC_ALL=C run 0 --db "$db" customer search njezic
  grep -q "Љиљана Њежић" <<<"$out" || fail "C-locale search output lacks the name: $out"
  LC_ALL=C run 1 --db "$db" customer add --given Ana --family Jansen --email "“bad”"
  grep -q "“bad”" <<<"$err" || fail "C-locale error mangled: $err"
  ;;

reports)
  # A small March, in Amsterdam time, worked out by hand; the numbers must come out of
  # `report` exactly, as JSON and as CSV.
  export TZ=Europe/Amsterdam
  db="$tmp/reports.db"
  run 0 --db "$db" branch add --name "Amsterdam" --country nl --address "Damrak 1" --json
  b1=$(json 'j["id"]')
  run 0 --db "$db" branch add --name "Utrecht" --country nl --address "Oudegracht 1" --json
  b2=$(json 'j["id"]')
  run 0 --db "$db" branch use "$b1"
  run 0 --db "$db" desk add --name "Desk 1" --json
  d1=$(json 'j["id"]')
  run 0 --db "$db" customer add --given Eva --family Test --birth-year 1990 --channel phone --json
  c1=$(json 'j["id"]')
  run 0 --db "$db" customer add --given Olga --family Test --birth-year 1950 --channel email --json
  c2=$(json 'j["id"]')

  # visit CUSTOMER ARRIVED CALLED FINISHED TECHNIQUE OUTCOME SOLVED STAFF
  visit () {
    local who=(--customer "$1")
    [ "$1" = "-" ] && who=(--anonymous)
    run 0 --db "$db" visit checkin "${who[@]}" --purpose information --at "$2" --json
    local id
    id=$(json 'j["id"]')
    if [ "$3" != "-" ]; then
      run 0 --db "$db" queue call --desk "$d1" --at "$3" --json
      run 0 --db "$db" visit finish "$id" --technique "$5" --outcome "$6" \
          --rating-solved "$7" --rating-staff "$8" --at "$4" --json
    fi
  }
  visit "$c1" 2026-03-02T09:00:00 2026-03-02T09:05:00 2026-03-02T09:15:00 empathy resolved 5 4
  visit "$c2" 2026-03-02T09:10:00 2026-03-02T09:30:00 2026-03-02T09:50:00 explanation follow_up 3 5
  # Summer time starts on 29 March at 02:00: 01:50 → 03:05 is a wait of 15 minutes.
  visit "$c1" 2026-03-29T01:50:00 2026-03-29T03:05:00 2026-03-29T03:15:20 questioning resolved 4 4
  # Never called: counts as a visit, not in the waiting times.
  visit - 2026-03-02T10:00:00 - - - - - -

  run 0 --db "$db" report peaks --from 2026-03-01 --to 2026-03-31 --json
  assert_json 'isinstance(j, list) and len(j) == 168'
  assert_json 'all(sorted(c) == ["hour", "visits", "weekday"] for c in j)'
  assert_json 'sorted(c["weekday"] for c in j) == sorted(list(range(1, 8)) * 24)'
  assert_json '{(c["weekday"], c["hour"]): c["visits"] for c in j if c["visits"]} == {(1, 9): 2, (1, 10): 1, (7, 1): 1}'
  run 0 --db "$db" report peaks --from 2026-03-01 --to 2026-03-31 --branch "$b2" --json
  assert_json 'sum(c["visits"] for c in j) == 0'

  run 0 --db "$db" report waiting --from 2026-03-01 --to 2026-03-31 --json
  assert_json 'j["median_wait_s"] == 900 and abs(j["p90_wait_s"] - 1140) < 1e-9'
  assert_json 'j["median_service_s"] == 620 and abs(j["p90_service_s"] - 1084) < 1e-9'
  assert_json 'abs(j["share_called_within_target"] - 1/3) < 1e-12 and j["target_s"] == 600'
  assert_json '[r["weekday"] for r in j["by_weekday"]] == [1, 7]'
  run 0 --db "$db" report waiting --from 2025-01-01 --to 2025-12-31 --json
  assert_json 'j["called"] == 0 and j["median_wait_s"] is None and j["share_called_within_target"] is None'

  run 0 --db "$db" report satisfaction --from 2026-03-01 --to 2026-03-31 --json
  assert_json 'sorted(j["by_technique"][0]) == sorted(["technique", "visits", "median_service_s", "avg_rating_solved", "avg_rating_staff", "share_resolved"])'
  assert_json '{t["technique"]: (t["visits"], t["median_service_s"], t["avg_rating_solved"], t["avg_rating_staff"]) for t in j["by_technique"]} == {"explanation": (1, 1200, 3, 5), "empathy": (1, 600, 5, 4), "questioning": (1, 620, 4, 4)}'
  assert_json 'j["avg_rating_solved"] == 4'

  run 0 --db "$db" report seasons --from 2026-03-01 --to 2026-03-31 --json
  assert_json 'j["months"] == [{"month": "2026-03", "visits": 4, "claims": 0, "visits_year_before": 0, "claims_year_before": 0}]'

  run 0 --db "$db" report customers --from 2026-03-01 --to 2026-03-31 --json
  assert_json '(j["visitors"], j["new"], j["returning"], j["anonymous_visits"]) == (2, 2, 0, 1)'
  assert_json '{r["age_group"]: r["visitors"] for r in j["by_age_group"] if r["visitors"]} == {"35_44": 1, "65_plus": 1}'

  run 0 --db "$db" report claims --from 2026-03-01 --to 2026-03-31 --json
  assert_json 'j["claims"] == 0 and j["visits_finished"] == 3 and j["visits_first_contact"] == 2'
  assert_json '[r["age"] for r in j["open_by_age"]] == ["0-2", "3-7", "8-30", "30+"]'

  # CSV: one table alone, or every table after the figures.
  run 0 --db "$db" report peaks --from 2026-03-01 --to 2026-03-31 --csv --table cells
  [ "$(head -n 1 <<<"$out" | tr -d '\r')" = "weekday,hour,visits" ] || fail "peaks CSV header: $out"
  grep -q $'^1,9,2\r$' <<<"$out" || fail "peaks CSV lacks Monday 09:00: $out"
  run 0 --db "$db" report waiting --from 2026-03-01 --to 2026-03-31 --csv
  grep -q $'^median_wait_s,900\r$' <<<"$out" || fail "waiting CSV: $out"
  grep -q '^weekday,called,median_wait_s' <<<"$out" || fail "waiting CSV lacks by_weekday: $out"
  run 0 --db "$db" report waiting --from 2026-03-01 --to 2026-03-31
  grep -q "15 min 00 s" <<<"$out" || fail "waiting text: $out"

  # The whole page as a PDF: every report, its title first.
  run 0 --db "$db" report all --from 2026-03-01 --to 2026-03-31 --pdf "$tmp/reports.pdf"
  text=$(pdftotext "$tmp/reports.pdf" - | tr -d "\f")
  for title in Peaks Seasons Waiting Claims Satisfaction Customers; do
    grep -q "^$title" <<<"$text" || fail "the PDF lacks the $title report"
  done
  run 1 --db "$db" report peaks --pdf "$tmp/one.pdf"
  expect_one_line_error report peaks --pdf
  [ ! -e "$tmp/one.pdf" ] || fail "a refused --pdf wrote a file"

  # Refused: one line, nothing written.
  run 1 --db "$db" report nonsense
  expect_one_line_error report nonsense
  run 1 --db "$db" report peaks --from 2026-02-30
  expect_one_line_error report peaks --from 2026-02-30
  run 1 --db "$db" report peaks --from 2026-03-31 --to 2026-03-01
  expect_one_line_error report peaks reversed
  run 1 --db "$db" report peaks --branch 999999
  expect_one_line_error report peaks --branch 999999
  run 1 --db "$db" report peaks --json --csv
  expect_one_line_error report peaks --json --csv
  ;;

show-unknown)
  db="$tmp/show.db"
  run 0 --db "$db" init
  for id in 999999 9223372036854775807; do
    run 1 --db "$db" customer show "$id"
    expect_one_line_error "show $id"
    run 1 --db "$db" customer show "$id" --json
    expect_one_line_error "show $id --json"
  done
  for id in abc 0 99999999999999999999999 1.5 "" -5 $'\xff'; do
    run 1 --db "$db" customer show "$id"
    expect_one_line_error "show '$id'"
  done
  run 1 --db "$db" customer show
  expect_one_line_error "show without ID"
  run 1 --db "$db" customer show 1 2
  expect_one_line_error "show 1 2"
  run 1 --db "$db" customer archive 424242
  expect_one_line_error "archive 424242"
  run 1 --db "$db" customer history 424242 --json
  expect_one_line_error "history 424242"
  run 1 --db "$db" customer update 424242 --notes x
  expect_one_line_error "update 424242"
  ;;

demo-deterministic)
  run 0 --db "$tmp/one.db" demo --customers 500 --seed 7
  grep -q "500" <<<"$out" || fail "demo does not say how many were added: $out"
  grep -q "/s" <<<"$out" || fail "demo does not give a rate: $out"
  run 0 --db "$tmp/two.db" demo --customers 500 --seed 7
  run 0 --db "$tmp/three.db" demo --customers 500 --seed 8

  [ "$(count_matches "$tmp/one.db" a)" -gt 0 ] || fail "the demo data has no customer matching “a”"

  differs=0
  for query in a j m ana ivan "@" 06; do
    run 0 --db "$tmp/one.db" customer search "$query" --limit 1000
    first=$out
    run 0 --db "$tmp/two.db" customer search "$query" --limit 1000
    [ "$out" = "$first" ] || fail "seed 7 twice gives different results for “$query”"
    run 0 --db "$tmp/one.db" customer search "$query" --limit 1000 --json
    first_json=$(printf '%s' "$out" | "$PY" -c 'import json,sys; print([(c["id"], c["given_name"], c["family_name"], c["email"], c["phone"]) for c in json.load(sys.stdin)])')
    run 0 --db "$tmp/two.db" customer search "$query" --limit 1000 --json
    second_json=$(printf '%s' "$out" | "$PY" -c 'import json,sys; print([(c["id"], c["given_name"], c["family_name"], c["email"], c["phone"]) for c in json.load(sys.stdin)])')
    [ "$first_json" = "$second_json" ] || fail "seed 7 twice gives different JSON for “$query”"
    run 0 --db "$tmp/three.db" customer search "$query" --limit 1000
    [ "$out" = "$first" ] || differs=1
  done
  [ "$differs" -eq 1 ] || fail "seeds 7 and 8 give the same customers"

  run 1 --db "$tmp/one.db" demo --customers -1
  expect_one_line_error "demo --customers -1"
  run 1 --db "$tmp/one.db" demo --customers 99999999999999999999999
  expect_one_line_error "demo --customers huge"
  run 1 --db "$tmp/one.db" demo --seed abc
  expect_one_line_error "demo --seed abc"
  ;;

limit)
  db="$tmp/limit.db"
  run 0 --db "$db" demo --customers 500 --seed 3
  run 0 --db "$db" customer search a --json --limit 3
  assert_json 'isinstance(j, list) and len(j) == 3'
  run 0 --db "$db" customer search a --json
  assert_json 'isinstance(j, list) and len(j) == 50'
  run 0 --db "$db" customer search a --json -n 7
  assert_json 'len(j) == 7'
  run 0 --db "$db" customer search a --limit 2
  [ "$(grep -c . <<<"$out")" -ge 3 ] || fail "human search output too short: $out"

  run 0 --db "$db" customer search zzqqxxnothing --json
  assert_json 'j == []'
  run 0 --db "$db" customer search zzqqxxnothing
  [ -n "$out" ] || fail "no message for an empty human-readable search"

  for limit in 0 -1 abc 99999999999999999999 ""; do
    run 1 --db "$db" customer search a --limit "$limit"
    expect_one_line_error "--limit '$limit'"
  done
  run 1 --db "$db" customer search
  expect_one_line_error "search without a query"
  run 1 --db "$db" customer search $'\xff\xfe'
  expect_one_line_error "search non-UTF-8"
  ;;

not-a-database)
  printf 'This is a shopping list, not a database.\nMilk\nBread\n' >"$tmp/list.txt"
  head -c 8192 /dev/urandom >"$tmp/random.bin"
  printf 'SQLite format 3\0garbage garbage garbage' >"$tmp/fake.db"
  for file in list.txt random.bin fake.db; do
    cp "$tmp/$file" "$tmp/$file.orig"
    run 1 --db "$tmp/$file" init
    expect_one_line_error "init on $file"
    run 1 --db "$tmp/$file" customer add --given Ana --family Jansen
    expect_one_line_error "add on $file"
    run 1 --db "$tmp/$file" customer search ana --json
    expect_one_line_error "search on $file"
    run 1 --db "$tmp/$file" demo --customers 10
    expect_one_line_error "demo on $file"
    run 1 customer show 1 --db "$tmp/$file"
    expect_one_line_error "show on $file"
    cmp "$tmp/$file" "$tmp/$file.orig" || fail "$file was modified"
    [ ! -e "$tmp/$file-wal" ] && [ ! -e "$tmp/$file-journal" ] || fail "$file got a journal"
  done

  # A directory is not a database either.
  mkdir "$tmp/dir"
  run 1 --db "$tmp/dir" init
  expect_one_line_error "init on a directory"
  ;;

bench)
  run 0 --db "$tmp/bench.db" bench --customers 2000 --json
  assert_json 'j["customers"] == 2000 and isinstance(j["cases"], list) and len(j["cases"]) > 0'
  assert_json 'all(set(c) >= {"name", "p50_us", "p95_us", "raw_p50_us", "raw_p95_us", "ratio",
                              "target_us", "samples", "note"} for c in j["cases"])'
  assert_json 'all(isinstance(c["name"], str) and isinstance(c["samples"], int) for c in j["cases"])'
  assert_json 'all(c["target_us"] is None or c["target_us"] > 0 for c in j["cases"])'
  [ -n "$err" ] || fail "bench printed no progress on stderr"

  # Without --db, a temporary file; the table names each case.
  run 0 bench --customers 2000
  run 0 --db "$tmp/bench-human.db" bench --customers 2000
  grep -q "p95" <<<"$out" || fail "bench table lacks p95: $out"

  run 1 bench --customers 0
  expect_one_line_error "bench --customers 0"
  ;;

commands)
  run 0 --version
  grep -q "frontdesk-cli" <<<"$out" || fail "--version: $out"
  run 0 --help
  grep -q "customer" <<<"$out" || fail "--help does not list commands: $out"
  grep -q "Exit status" <<<"$out" || fail "--help does not document the exit status"
  run 0 help
  for command in init demo bench "customer add" "customer search" "customer show" \
                 "customer update" "customer archive" "customer restore" "customer history"; do
    # shellcheck disable=SC2086
    run 0 $command --help
    grep -q -- "--db" <<<"$out" || fail "$command --help lacks --db: $out"
  done
  run 0 customer --help
  for command in "claim open" "claim show" "claim list" "claim search" "claim move" \
                 "claim update" "claim reply" "claim resolve" "claim letter" \
                 "claim template list" "claim template show"; do
    # shellcheck disable=SC2086
    run 0 $command --help
    grep -q -- "--staff" <<<"$out" || fail "$command --help lacks --staff: $out"
  done
  run 0 claim --help
  for action in search update reply letter template; do
    grep -q "claim $action" <<<"$out" || fail "claim --help lacks $action: $out"
  done
  run 0 claim template --help
  run 1 claim template frobnicate
  grep -q "frobnicate" <<<"$err" || fail "unknown template command not named: $err"

  run 1 frobnicate
  grep -q "frobnicate" <<<"$err" || fail "unknown command not named: $err"
  run 1
  [ -n "$err" ] || fail "no usage without a command"
  run 1 customer
  run 1 customer frobnicate
  run 1 --frobnicate
  expect_one_line_error "--frobnicate"

  # init creates and prints the path; FRONTDESK_DB is the default; --db wins over it.
  run 0 --db "$tmp/init.db" init
  [ "$out" = "$tmp/init.db" ] || fail "init printed $out"
  [ -f "$tmp/init.db" ] || fail "init created no file"
  FRONTDESK_DB="$tmp/env.db" run 0 customer add --given Env --family Var
  [ -f "$tmp/env.db" ] || fail "FRONTDESK_DB was ignored"
  FRONTDESK_DB="$tmp/env.db" run 0 --db "$tmp/init.db" customer search var --json
  assert_json 'j == []'
  run 0 init
  [ "$out" = "$XDG_DATA_HOME/frontdesk/frontdesk.db" ] || fail "default path: $out"

  # update, archive, restore, history.
  db="$tmp/life.db"
  run 0 --db "$db" customer add --given Ana --family Jansen --email ana@example.nl --json
  id=$(json 'j["id"]')
  run 0 --db "$db" customer update "$id" --family Jansen-de-Vries --email "" --birth-year 1990 --json
  assert_json 'j["family_name"] == "Jansen-de-Vries" and j["email"] is None and j["birth_year"] == 1990'
  assert_json 'j["given_name"] == "Ana"'
  run 0 --db "$db" customer archive "$id"
  grep -q "Jansen-de-Vries" <<<"$out" || fail "archive does not say whom: $out"
  run 0 --db "$db" customer search jansen --json
  assert_json 'j == []'
  run 0 --db "$db" customer show "$id" --json
  assert_json 'j["archived_at"] is not None'
  run 0 --db "$db" customer restore "$id"
  run 0 --db "$db" customer search jansen --json
  assert_json "[c['id'] for c in j] == [$id]"
  assert_json 'j[0]["archived_at"] is None'
  run 0 --db "$db" customer history "$id" --json
  assert_json 'isinstance(j, list) and len(j) >= 1'
  assert_json 'all(set(e) >= {"kind", "at", "id", "title"} for e in j)'
  assert_json 'all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", e["at"]) for e in j)'
  run 0 --db "$db" customer history "$id"
  [ -n "$out" ] || fail "human history is empty"
  ;;

reception)
  db="$tmp/reception.db"

  # dump: the whole database as SQL text, to prove that a refused command changed nothing.
  dump () {
    "$PY" - "$db" <<'PYEOF'
import sqlite3, sys
con = sqlite3.connect("file:" + sys.argv[1] + "?mode=ro", uri=True)
for line in con.iterdump():
    print(line)
PYEOF
  }

  # refused PATTERN ARGS…: the command exits 1 with one line matching PATTERN, and the
  # database is byte-for-byte the same as SQL.
  refused () {
    local pattern=$1
    shift
    local before after
    before=$(dump)
    run 1 --db "$db" "$@"
    expect_one_line_error "$@"
    grep -qiE -- "$pattern" <<<"$err" || fail "the message for $* does not match /$pattern/: $err"
    after=$(dump)
    [ "$before" = "$after" ] || fail "the refused command $* changed the database"
  }

  # iso SECONDS-FROM-NOW: a UTC time in the form the CLI prints.
  iso () {
    "$PY" -c 'import sys, time; print(time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() + int(sys.argv[1]))))' "$1"
  }

  # Stay clear of midnight, where tickets start again at 001.
  secs=$(( $(date +%s) - $(date -d "$(date +%F)" +%s) ))
  if [ "$secs" -lt 60 ] || [ "$secs" -gt 86280 ]; then sleep 120; fi

  run 0 --db "$db" init

  # Without a branch, commands that need one say so.
  refused "branch" queue list
  refused "branch" desk add --name "Desk 1"
  refused "branch" visit checkin --anonymous --purpose information

  # Branches.
  run 0 --db "$db" branch add --name "Utrecht Centrum" --country nl \
      --address $'Oudegracht 1\nUtrecht' --phone "+31 30 123 4567" --email utrecht@example.nl --json
  assert_json 'sorted(j) == sorted(["id", "name", "country", "address", "phone", "email", "hours"])'
  assert_json 'isinstance(j["id"], int) and j["name"] == "Utrecht Centrum" and j["country"] == "NL"'
  assert_json 'j["address"] == "Oudegracht 1\nUtrecht" and j["email"] == "utrecht@example.nl"'
  assert_json '[h["weekday"] for h in j["hours"]] == [1, 2, 3, 4, 5, 6, 7]'
  assert_json 'all(sorted(h) == ["closes", "opens", "weekday"] for h in j["hours"])'
  assert_json 'all((h["opens"] is None) == (h["closes"] is None) for h in j["hours"])'
  assert_json 'all(h["opens"] is None or bool(re.fullmatch(r"\d\d:\d\d", h["opens"]) and re.fullmatch(r"\d\d:\d\d", h["closes"])) for h in j["hours"])'
  b1=$(json 'j["id"]')
  refused "." branch add --name "Nowhere" --country NLD --address "Somewhere 1"
  refused "." branch add --country LV --address "Brīvības iela 1"

  # The only branch is the current one.
  run 0 --db "$db" desk add --name "Desk 1" --json
  assert_json "sorted(j) == ['branch_id', 'id', 'name'] and j['branch_id'] == $b1 and j['name'] == 'Desk 1'"
  d1=$(json 'j["id"]')

  run 0 --db "$db" branch add --name "Rīga" --country LV --address "Brīvības iela 1" --json
  assert_json 'j["name"] == "Rīga" and j["phone"] is None and j["email"] is None'
  b2=$(json 'j["id"]')
  run 0 --db "$db" branch use "$b1"
  grep -q "Utrecht Centrum" <<<"$out" || fail "branch use does not name the branch: $out"
  run 0 --db "$db" branch list --json
  assert_json "sorted(b['id'] for b in j) == sorted([$b1, $b2])"
  run 0 --db "$db" branch list
  grep -q "Rīga" <<<"$out" || fail "branch list lacks a branch: $out"
  grep -qE "^\*.*Utrecht" <<<"$out" || fail "branch list does not mark the current branch: $out"
  refused "." branch use 999999
  refused "." branch use abc
  run 0 --db "$db" branch show
  grep -q "Oudegracht" <<<"$out" || fail "branch show lacks the address: $out"

  # Desks, at the current branch or at --branch (before or after the command).
  run 0 --db "$db" desk add --name "Desk 2" --json
  d2=$(json 'j["id"]')
  run 0 --db "$db" desk add --name "Galds 1" --branch "$b2" --json
  assert_json "j['branch_id'] == $b2"
  d3=$(json 'j["id"]')
  run 0 --db "$db" desk list --json
  assert_json "[d['name'] for d in j] == ['Desk 1', 'Desk 2'] and all(d['branch_id'] == $b1 for d in j)"
  run 0 --db "$db" --branch "$b2" desk list --json
  assert_json "[d['id'] for d in j] == [$d3]"
  run 0 --db "$db" desk list
  grep -q "Desk 2" <<<"$out" || fail "human desk list: $out"
  refused "." desk list --branch 999999
  refused "branch" desk list --branch xyz

  run 0 --db "$db" customer add --given Ana --family Jansen --json
  c1=$(json 'j["id"]')
  run 0 --db "$db" customer add --given Piet --family Bakker --json
  c2=$(json 'j["id"]')

  # Check-in: tickets unique and increasing within the day.
  visit_keys='["id", "branch_id", "customer_id", "ticket", "purpose", "priority", "state",
               "arrived_at", "called_at", "finished_at", "desk_id", "technique", "outcome",
               "rating_solved", "rating_staff", "notes"]'
  run 0 --db "$db" visit checkin --customer "$c1" --purpose information --json
  assert_json "sorted(j) == sorted($visit_keys)"
  assert_json "j['customer_id'] == $c1 and j['branch_id'] == $b1 and j['purpose'] == 'information'"
  assert_json 'j["ticket"] == "A-001" and j["state"] == "waiting" and j["priority"] is None'
  assert_json 're.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", j["arrived_at"]) is not None'
  assert_json 'all(j[k] is None for k in ("called_at", "finished_at", "desk_id", "technique",
                                          "outcome", "rating_solved", "rating_staff", "notes"))'
  v1=$(json 'j["id"]')
  run 0 --db "$db" visit checkin --anonymous --purpose information --json
  assert_json 'j["customer_id"] is None and j["ticket"] == "A-002"'
  v2=$(json 'j["id"]')
  t2=$(json 'j["ticket"]')
  run 0 --db "$db" visit checkin --customer "$c2" --purpose claim --priority assistance --json
  assert_json 'j["priority"] == "assistance" and re.fullmatch(r"[A-Z]-003", j["ticket"]) is not None'
  v3=$(json 'j["id"]')
  run 0 --db "$db" visit checkin --purpose information --priority appointment --anonymous --json
  assert_json 'j["priority"] == "appointment" and j["ticket"] == "A-004"'
  v4=$(json 'j["id"]')
  run 0 --db "$db" visit checkin --customer "$c1" --purpose purchase
  grep -q -- "-005" <<<"$out" || fail "human check-in does not show the ticket: $out"

  # Queue: priority first, then first come.
  run 0 --db "$db" queue list --json
  assert_json 'isinstance(j, list) and len(j) == 5'
  assert_json "[v['id'] for v in j][:4] == [$v3, $v4, $v1, $v2]"
  assert_json 'all(set(v) >= {"id", "ticket", "purpose", "arrived_at", "priority", "customer_id",
                             "state", "estimated_wait_min"} for v in j)'
  assert_json 'all(len(v["estimated_wait_min"]) == 2 and 0 <= v["estimated_wait_min"][0] <= v["estimated_wait_min"][1] for v in j)'
  assert_json 'len(set(v["ticket"] for v in j)) == 5'
  assert_json 'sorted(int(v["ticket"][2:]) for v in j) == [1, 2, 3, 4, 5]'
  v5=$(json 'j[4]["id"]')
  t5=$(json 'j[4]["ticket"]')
  arrived5=$(json 'j[4]["arrived_at"]')
  run 0 --db "$db" queue list
  grep -q "A-001" <<<"$out" || fail "human queue list: $out"
  run 0 --db "$db" --branch "$b2" queue list --json
  assert_json 'j == []'

  # Call the next, then a ticket by number (typed in lower case).
  run 0 --db "$db" queue call --desk "$d1" --json
  assert_json "j['id'] == $v3 and j['state'] == 'called' and j['desk_id'] == $d1"
  assert_json 're.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", j["called_at"]) is not None'
  run 0 --db "$db" queue call --desk "$d2" --ticket "$(tr 'A-Z' 'a-z' <<<"$t2")" --json
  assert_json "j['id'] == $v2 and j['desk_id'] == $d2 and j['ticket'] == '$t2'"
  run 0 --db "$db" queue list --json
  assert_json "[v['id'] for v in j] == [$v4, $v1, $v5]"
  run 0 --db "$db" queue serving --json
  assert_json "sorted(v['id'] for v in j) == sorted([$v2, $v3])"

  # Finish with ratings, notes and answers; and without ratings.
  run 0 --db "$db" visit finish "$v3" --technique empathy --outcome resolved \
      --rating-solved 5 --rating-staff 4 --notes "Replaced the meter" --json
  assert_json "sorted(j) == sorted($visit_keys)"
  assert_json 'j["state"] == "finished" and j["technique"] == "empathy" and j["outcome"] == "resolved"'
  assert_json 'j["rating_solved"] == 5 and j["rating_staff"] == 4 and j["notes"] == "Replaced the meter"'
  assert_json 're.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", j["finished_at"]) is not None'
  run 0 --db "$db" visit finish "$v2" --technique explanation --outcome follow_up --json
  assert_json 'j["rating_solved"] is None and j["rating_staff"] is None and j["notes"] is None'
  run 0 --db "$db" visit show "$v3" --json
  assert_json "j['id'] == $v3 and j['state'] == 'finished' and j['rating_staff'] == 4"
  run 0 --db "$db" visit show "$v3"
  grep -q "Replaced the meter" <<<"$out" || fail "human visit show: $out"

  # Bad input: one line, status 1, nothing changed.
  run 0 --db "$db" queue call --desk "$d1" --json
  assert_json "j['id'] == $v4"
  refused "." queue call --desk "$d1" --ticket Z-999
  refused "." queue call --desk "$d1" --ticket "not a ticket"
  refused "." queue call --desk 999999
  refused "." queue call --desk "$d3"
  refused "." queue call --desk abc
  refused "." queue call
  refused "." visit finish "$v4" --technique empathy --outcome resolved --rating-solved 7
  refused "." visit finish "$v4" --technique empathy --outcome resolved --rating-staff 0
  refused "." visit finish "$v4" --technique empathy --outcome resolved --rating-staff -2
  refused "." visit finish "$v4" --technique empathy --outcome resolved --rating-staff x
  refused "." visit finish "$v4" --technique magic --outcome resolved
  refused "." visit finish "$v4" --technique empathy --outcome maybe
  refused "." visit finish "$v4" --outcome resolved
  refused "." visit finish "$v4" --technique empathy --outcome resolved --at "$(iso 3600)"
  refused "." visit finish "$v4" --technique empathy --outcome resolved --at "$(iso -86400)"
  refused "." visit finish "$v3" --technique empathy --outcome resolved
  refused "." visit finish "$v1" --technique empathy --outcome resolved
  refused "." visit finish 999999 --technique empathy --outcome resolved
  refused "." visit checkin --customer "$c1" --purpose sightseeing
  refused "." visit checkin --customer 999999 --purpose information
  refused "." visit checkin --customer "$c1" --anonymous --purpose information
  refused "." visit checkin --purpose information
  refused "." visit checkin --anonymous
  refused "." visit checkin --anonymous --purpose information --priority vip
  refused "." visit checkin --anonymous --purpose information --at "$(iso 86400)"
  refused "--at" visit checkin --anonymous --purpose information --at "yesterday"
  refused "--at" visit checkin --anonymous --purpose information --at "2026-13-45T99:00:00"
  refused "." visit show 999999
  refused "." visit show xyz
  refused "." visit cancel "$v3"
  for group in branch desk visit queue; do
    run 1 --db "$db" "$group" frobnicate
    grep -q "frobnicate" <<<"$(head -n 1 <<<"$err")" || fail "unknown $group command not named: $err"
    run 1 --db "$db" "$group"
    [ -n "$err" ] || fail "no usage for a bare $group"
    run 0 --db "$db" "$group" --help
  done
  # --at before the arrival, and in the future, when calling.
  run 0 --db "$db" visit show "$v1" --json
  arrived=$(json 'j["arrived_at"]')
  before_arrival=$("$PY" -c 'import sys, datetime; t = datetime.datetime.strptime(sys.argv[1], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=datetime.timezone.utc); print((t - datetime.timedelta(hours=1)).isoformat())' "$arrived")
  refused "." queue call --desk "$d2" --at "$before_arrival"
  refused "." queue call --desk "$d2" --at "$(iso 7200)"

  # --at records after the fact: with an offset, and as local time without one.
  at=$(iso -1800)
  run 0 --db "$db" queue call --desk "$d2" --ticket "$t5" --at "$arrived5" --json
  assert_json "j['id'] == $v5 and j['called_at'] == '$arrived5'"
  run 0 --db "$db" visit finish "$v5" --technique questioning --outcome referred \
      --rating-solved 3 --at "$(iso 0)" --json
  assert_json 'j["state"] == "finished" and j["outcome"] == "referred" and j["rating_staff"] is None'
  run 0 --db "$db" visit checkin --customer "$c1" --purpose renewal --at "$at" --json
  assert_json "j['arrived_at'] == '$at'"
  v6=$(json 'j["id"]')
  local_at=$(TZ=Europe/Riga date -d "@$(( $(date +%s) - 7200 ))" +%Y-%m-%dT%H:%M:%S)
  expected=$(TZ=Europe/Riga "$PY" -c 'import sys, time; print(time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.mktime(time.strptime(sys.argv[1], "%Y-%m-%dT%H:%M:%S")))))' "$local_at")
  TZ=Europe/Riga run 0 --db "$db" visit checkin --customer "$c1" --purpose other --at "$local_at" --json
  assert_json "j['arrived_at'] == '$expected'"
  v7=$(json 'j["id"]')

  # A customer's visits, newest first (by arrival, not by entry).
  run 0 --db "$db" visit list --customer "$c1" --json
  assert_json "[v['id'] for v in j] == [$v5, $v1, $v6, $v7]"
  assert_json 'all(a["arrived_at"] >= b["arrived_at"] for a, b in zip(j, j[1:]))'
  run 0 --db "$db" visit list --customer "$c1" --limit 2 --json
  assert_json "[v['id'] for v in j] == [$v5, $v1]"
  run 0 --db "$db" visit list --customer "$c2" --json
  assert_json "[v['id'] for v in j] == [$v3]"
  run 0 --db "$db" visit list --customer "$c1"
  grep -q "A-001" <<<"$out" || fail "human visit list: $out"
  refused "." visit list --customer 999999
  refused "." visit list
  refused "." visit list --customer "$c1" --limit 0

  # Cancel, no-show, recall, transfer.
  run 0 --db "$db" visit cancel "$v6" --json
  assert_json 'j["state"] == "cancelled"'
  run 0 --db "$db" visit finish "$v4" --technique explanation --outcome claim_opened --json
  assert_json 'j["outcome"] == "claim_opened"'
  run 0 --db "$db" queue call --desk "$d2" --json
  assert_json "j['id'] == $v7"
  called=$(json 'j["id"]')
  run 0 --db "$db" visit transfer "$called" --desk "$d1" --json
  assert_json "j['desk_id'] == $d1 and j['state'] == 'called'"
  refused "." visit transfer "$called" --desk "$d3"
  run 0 --db "$db" visit recall "$called" --json
  assert_json 'j["state"] == "called"'
  run 0 --db "$db" visit no-show "$called" --json
  assert_json 'j["state"] == "no_show"'

  # Empty queue.
  while :; do
    run 0 --db "$db" queue list --json
    [ "$(json 'len(j)')" -gt 0 ] || break
    run 0 --db "$db" visit cancel "$(json 'j[0]["id"]')"
  done
  refused "." queue call --desk "$d1"
  run 0 --db "$db" queue list
  [ -n "$out" ] || fail "no message for an empty queue"

  # Help for each new command.
  for command in "branch add" "branch list" "branch use" "desk add" "desk list" \
                 "visit checkin" "visit finish" "visit list" "visit show" "queue list" \
                 "queue call"; do
    # shellcheck disable=SC2086
    run 0 $command --help
    grep -q -- "--branch" <<<"$out" || fail "$command --help lacks --branch: $out"
  done

  # Demo visits: deterministic for a seed and --until.
  for name in one two; do
    run 0 --db "$tmp/demo-$name.db" demo --customers 60 --visits 300 --seed 5 --until 2026-06-01
  done
  grep -q "300" <<<"$out" || fail "demo does not say how many visits were added: $out"
  grep -q "visits/s" <<<"$out" || fail "demo does not give the visit rate: $out"
  run 0 --db "$tmp/demo-three.db" demo --customers 60 --visits 300 --seed 6 --until 2026-06-01
  run 0 --db "$tmp/demo-one.db" branch list --json
  branches_one=$out
  assert_json 'len(j) >= 1'
  run 0 --db "$tmp/demo-two.db" branch list --json
  [ "$out" = "$branches_one" ] || fail "the demo's branches differ for one seed"
  differs=0
  total=0
  for id in $(seq 1 20); do
    run 0 --db "$tmp/demo-one.db" visit list --customer "$id" --limit 1000 --json
    first=$out
    total=$(( total + $(json 'len(j)') ))
    assert_json 'all(v["arrived_at"] < "2026-06-02" for v in j)'
    run 0 --db "$tmp/demo-two.db" visit list --customer "$id" --limit 1000 --json
    [ "$out" = "$first" ] || fail "seed 5 twice gives different visits for customer $id"
    run 0 --db "$tmp/demo-three.db" visit list --customer "$id" --limit 1000 --json
    [ "$out" = "$first" ] || differs=1
  done
  [ "$total" -gt 0 ] || fail "the demo's customers have no visits"
  [ "$differs" -eq 1 ] || fail "seeds 5 and 6 give the same visits"
  run 1 --db "$tmp/demo-one.db" demo --customers 1 --until "not a date"
  expect_one_line_error "demo --until garbage"
  grep -q -- "--until" <<<"$err" || fail "the message does not name --until: $err"
  run 1 --db "$tmp/demo-one.db" demo --customers 1 --visits -3
  expect_one_line_error "demo --visits -3"
  ;;

customer-merge)
  db="$tmp/merge.db"

  # dump_kept: the database as SQL text, without the merges' own records, the reports'
  # caches and the planner's statistics, which a merge and its undo leave behind.
  dump_kept () {
    "$PY" - "$db" <<'PYEOF'
import sqlite3, sys
con = sqlite3.connect("file:" + sys.argv[1] + "?mode=ro", uri=True)
for line in con.iterdump():
    if "customer_merges" not in line and "report_" not in line and "sqlite_stat" not in line:
        print(line)
PYEOF
  }

  history_keys='["kind", "at", "id", "title", "detail"]'
  due=$(date -u -d '+3 days' +%Y-%m-%dT10:00:00Z)
  renewal=$(date -u -d '+60 days' +%Y-%m-%dT09:00:00Z)
  today=$(date +%F)

  for command in "customer merge" "customer unmerge" "customer history"; do
    # shellcheck disable=SC2086
    run 0 $command --help
    grep -q -- "--db" <<<"$out" || fail "$command --help lacks --db: $out"
  done
  run 0 customer history --help
  for option in --kind --from --to --search; do
    grep -q -- "$option" <<<"$out" || fail "customer history --help lacks $option: $out"
  done
  run 0 customer merge --help
  grep -q -- "--take" <<<"$out" || fail "customer merge --help lacks --take: $out"

  run 0 --db "$db" init
  run 0 --db "$db" branch add --name "Utrecht" --country nl --address "Oudegracht 1" --json
  run 0 --db "$db" desk add --name "Desk 1" --json
  d1=$(json 'j["id"]')
  run 0 --db "$db" customer add --given Ana --family Jansen --email ana@example.nl --json
  c1=$(json 'j["id"]')
  run 0 --db "$db" customer add --given Anna --family Janssen --phone "+31 30 123 4567" --birth-year 1970 --json
  c2=$(json 'j["id"]')

  # The duplicate has every kind of history: a finished visit, a claim with a letter, a
  # follow-up, a renewable service and a change to the record.
  run 0 --db "$db" visit checkin --customer "$c2" --purpose information --json
  v1=$(json 'j["id"]')
  run 0 --db "$db" queue call --desk "$d1" --json
  run 0 --db "$db" visit finish "$v1" --technique empathy --outcome resolved \
      --rating-solved 5 --rating-staff 4 --json
  run 0 --db "$db" claim open --customer "$c2" --kind complaint --channel letter \
      --category slow_response --summary "No answer about the meter" --json
  ref=$(json 'j["reference"]')
  printf 'The meter reading is wrong.\n' >"$tmp/letter.txt"
  run 0 --db "$db" claim reply "$ref" --direction in --channel letter --body-file "$tmp/letter.txt" --json
  run 0 --db "$db" followup add --customer "$c2" --kind call_back --due "$due" --note "Ring back" --json
  run 0 --db "$db" service add --customer "$c2" --name "Boiler service" --rrule FREQ=YEARLY \
      --next "$renewal" --lead-days 14 --json
  run 0 --db "$db" customer update "$c2" --notes "Prefers mornings" --json

  # history: the contract's keys, times as they always were, newest first.
  run 0 --db "$db" customer history "$c2" --json
  assert_json "all(sorted(e) == sorted($history_keys) for e in j)"
  assert_json 'all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", e["at"]) for e in j)'
  assert_json '[e["at"] for e in j] == sorted((e["at"] for e in j), reverse=True)'
  assert_json '{e["kind"] for e in j} == {"visit", "claim", "correspondence", "follow_up", "renewal", "change"}'
  assert_json 'any(e["kind"] == "visit" and "Empathy" in e["detail"] and "5/5" in e["detail"] for e in j)'
  assert_json 'any(e["kind"] == "claim" and e["detail"].startswith("New") for e in j)'
  dup_history=$(json '[[e["kind"], e["id"]] for e in j if not (e["kind"] == "change" and e["title"] == "Record created")]')

  # Filters: kinds, days, words.
  run 0 --db "$db" customer history "$c2" --kind visit --json
  assert_json 'len(j) == 1 and j[0]["kind"] == "visit"'
  run 0 --db "$db" customer history "$c2" --kind claim,correspondence --kind renewal --json
  assert_json 'sorted(e["kind"] for e in j) == ["claim", "correspondence", "renewal"]'
  run 0 --db "$db" customer history "$c2" --from "$today" --to "$today" --kind visit,claim --json
  assert_json 'len(j) == 2'
  run 0 --db "$db" customer history "$c2" --to 2000-01-01 --json
  assert_json 'j == []'
  run 0 --db "$db" customer history "$c2" --search "METER" --json
  assert_json 'sorted(e["kind"] for e in j) == ["claim", "correspondence"]'
  run 0 --db "$db" customer history "$c2" --limit 2 --json
  assert_json 'len(j) == 2'
  run 1 --db "$db" customer history "$c2" --kind nonsense
  expect_one_line_error "--kind nonsense"
  run 1 --db "$db" customer history "$c2" --from 2026-02-30
  expect_one_line_error "--from 2026-02-30"
  run 1 --db "$db" customer history "$c2" --from 2026-03-02 --to 2026-03-01
  expect_one_line_error "--from after --to"

  # show --json --summary: the summary; without --summary the record alone.
  run 0 --db "$db" customer show "$c2" --json
  assert_json '"summary" not in j'
  run 0 --db "$db" customer show "$c2" --json --summary
  assert_json 'sorted(j["summary"]) == sorted(["customer_since", "visits_last_12_months", "claims_last_12_months",
               "open_claims", "open_followups", "rated_visits", "avg_rating_solved", "avg_rating_staff",
               "channel", "language", "age_group"])'
  assert_json 'j["summary"]["visits_last_12_months"] == 1 and j["summary"]["claims_last_12_months"] == 1'
  assert_json 'j["summary"]["open_claims"] == 1 and j["summary"]["avg_rating_solved"] == 5'
  assert_json 'j["summary"]["age_group"] in ("45_54", "55_64")'

  # Refusals change nothing.
  before=$(dump_kept)
  run 1 --db "$db" customer merge "$c1" "$c1"
  expect_one_line_error "merge with itself"
  run 1 --db "$db" customer merge "$c1" 424242
  expect_one_line_error "merge an unknown customer"
  run 1 --db "$db" customer merge "$c1" "$c2" --take shoe_size
  expect_one_line_error "--take shoe_size"
  grep -q "shoe_size" <<<"$err" || fail "the message does not name the field: $err"
  run 1 --db "$db" customer merge "$c1"
  expect_one_line_error "merge without a duplicate"
  run 1 --db "$db" customer unmerge 1
  expect_one_line_error "unmerge unknown"
  [ "$before" = "$(dump_kept)" ] || fail "a refused merge changed the database"

  # The merge: the survivor keeps its name and e-mail and takes the duplicate's phone.
  run 0 --db "$db" customer merge "$c1" "$c2" --take phone=duplicate --take email=survivor --json
  assert_json 'sorted(j) == ["duplicate_id", "merge_id", "survivor"]'
  assert_json "j['survivor']['id'] == $c1 and j['duplicate_id'] == $c2"
  assert_json 'j["survivor"]["phone"] == "+31 30 123 4567" and j["survivor"]["email"] == "ana@example.nl"'
  assert_json 'j["survivor"]["given_name"] == "Ana" and j["survivor"]["birth_year"] is None'
  m1=$(json 'j["merge_id"]')
  run 0 --db "$db" customer history "$c1" --limit 1000 --json
  assert_json "all(list(k) in [[e['kind'], e['id']] for e in j] for k in $dup_history)"
  assert_json 'any(e["title"] == "Duplicate record merged in" and "Anna Janssen" in e["detail"] for e in j)'
  run 0 --db "$db" customer show "$c2" --json
  assert_json 'j["archived_at"] is not None'
  run 0 --db "$db" customer history "$c2" --json
  assert_json 'any(e["title"] == "Merged into another record" for e in j)'
  run 0 --db "$db" customer search janssen --json
  assert_json 'j == []'
  run 1 --db "$db" customer merge "$c1" "$c2"
  expect_one_line_error "merge an archived customer"

  # The undo puts every row back, once.
  run 0 --db "$db" customer unmerge "$m1"
  grep -q "$m1" <<<"$out" || fail "unmerge does not name the merge: $out"
  [ "$before" = "$(dump_kept)" ] || fail "unmerge did not restore the database exactly"
  run 1 --db "$db" customer unmerge "$m1"
  expect_one_line_error "unmerge twice"
  run 1 --db "$db" customer unmerge abc
  expect_one_line_error "unmerge abc"

  # The human form says who went where and how to undo it.
  run 0 --db "$db" customer merge "$c1" "$c2"
  grep -q "Anna Janssen" <<<"$out" || fail "merge does not name the duplicate: $out"
  grep -q "unmerge" <<<"$out" || fail "merge does not say how to undo it: $out"
  ;;

*)
  fail "unknown test case"
  ;;
esac

echo "PASS: $case_name"
