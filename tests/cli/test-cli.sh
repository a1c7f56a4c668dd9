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

*)
  fail "unknown test case"
  ;;
esac

echo "PASS: $case_name"
