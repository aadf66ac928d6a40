# --format json and --format sarif: valid JSON with the fields of SPEC §2.
. "$(dirname "$0")/cli-lib.inc"
command -v python3 > /dev/null || { echo "skip: no python3"; exit 0; }
policy "$T/a.md" 甲制度 A-1 'colour: red'
policy "$T/中文 b.md" 乙制度 B-1 'status: bogus'
policy "$T/c.md" 丙制度 C-1

run "$POLICYC" check --color never -q --format json "$T/a.md" "$T/中文 b.md" "$T/c.md"
expect_rc 1 "json with an error"
[ -s "$T/err" ] && fail "json: standard error not empty: $(cat "$T/err")"
python3 - "$T/out" "$T" <<'PY' || fail "json output"
import json, sys
items = json.load(open(sys.argv[1], encoding="utf-8"))
tmp = sys.argv[2]
assert isinstance(items, list), items
assert len(items) == 2, items
for item in items:
    assert set(item) == {"file", "line", "column", "severity", "rule", "message"}, item
    assert isinstance(item["line"], int) and item["line"] >= 1
    assert isinstance(item["column"], int) and item["column"] >= 1
    assert item["message"]
a, b = items
assert (a["file"], a["severity"], a["rule"]) == (tmp + "/a.md", "warning", "frontmatter-unknown"), a
assert (b["file"], b["severity"], b["rule"]) == (tmp + "/中文 b.md", "error", "frontmatter-type"), b
PY

run "$POLICYC" check -q -f json "$T/c.md"
expect_rc 0 "json, clean"
python3 -c 'import json,sys; assert json.load(sys.stdin) == []' < "$T/out" || fail "json of a clean file: $(cat "$T/out")"

# The summary goes to standard error, never into the JSON.
run "$POLICYC" check -f json "$T/a.md"
python3 -c 'import json,sys; json.load(sys.stdin)' < "$T/out" || fail "json with a summary"
expect_grep 'in 1 file' "$T/err" "json summary on standard error"

run "$POLICYC" check --color never -q --format sarif "$T/a.md" "$T/中文 b.md" "$T/c.md"
expect_rc 1 "sarif with an error"
sed -n 's/^[[:space:]]*X(\([A-Z_]*\), "\([a-z-]*\)".*/\2/p' "$(dirname "$0")/../../src/rules.h" > "$T/rule-ids"
[ "$(wc -l < "$T/rule-ids")" -ge 20 ] || fail "could not read the rule ids out of src/rules.h"
python3 - "$T/out" "$T/rule-ids" "$T" <<'PY' || fail "sarif output"
import json, sys, urllib.parse
log = json.load(open(sys.argv[1], encoding="utf-8"))
ids = open(sys.argv[2]).read().split()
tmp = sys.argv[3]
assert log["version"] == "2.1.0", log["version"]
assert "sarif" in log["$schema"]
run = log["runs"][0]
driver = run["tool"]["driver"]
assert driver["name"] == "policyc"
assert driver["version"] and driver["informationUri"].startswith("https://")
rules = driver["rules"]
assert [r["id"] for r in rules] == ids, ([r["id"] for r in rules], ids)
for r in rules:
    assert r["shortDescription"]["text"]
    assert r["defaultConfiguration"]["level"] in ("error", "warning", "note")
results = run["results"]
assert len(results) == 2, results
for res in results:
    assert rules[res["ruleIndex"]]["id"] == res["ruleId"]
    assert res["level"] in ("error", "warning", "note")
    assert res["message"]["text"]
    loc = res["locations"][0]["physicalLocation"]
    assert loc["region"]["startLine"] >= 1 and loc["region"]["startColumn"] >= 1
warn, err = results
assert (warn["ruleId"], warn["level"]) == ("frontmatter-unknown", "warning"), warn
assert (err["ruleId"], err["level"]) == ("frontmatter-type", "error"), err
uri = err["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
assert " " not in uri and "中" not in uri, uri
assert urllib.parse.unquote(urllib.parse.urlparse(uri).path) == tmp + "/中文 b.md", uri
PY

run "$POLICYC" check -q -f sarif "$T/c.md"
expect_rc 0 "sarif, clean"
python3 -c 'import json,sys; assert json.load(sys.stdin)["runs"][0]["results"] == []' < "$T/out" ||
	fail "sarif of a clean file"

# A relative path stays a relative URI.
(cd "$T" && "$POLICYC" check -q -f sarif a.md) > "$T/out"
python3 -c '
import json,sys
r = json.load(sys.stdin)["runs"][0]["results"][0]
assert r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "a.md", r' < "$T/out" ||
	fail "relative sarif uri"
exit 0
