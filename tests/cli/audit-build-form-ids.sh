# build --force of a corpus whose forms share ids (form-duplicate): every
# page still has unique ids — the second form-request-2 of a page is
# form-request-2-x2 — so its anchors and links stay unambiguous.
. "$(dirname "$0")/cli-lib.inc"
command -v python3 > /dev/null || { echo "SKIP: python3 is not installed"; exit 0; }
root=$(cd "$(dirname "$0")/../.." && pwd)
run "$POLICYC" build -q --force -o "$T/site" "$root/tests/corpus/form-duplicate"
expect_rc 1 "build --force of forms that share ids"
python3 - "$T/site" <<'PY' || fail "ids repeat on a page"
import collections, os, re, sys
bad = []
for dirpath, _, files in os.walk(sys.argv[1]):
    for f in files:
        if f.endswith(".html"):
            ids = re.findall(r'\bid="([^"]*)"', open(os.path.join(dirpath, f), encoding="utf-8").read())
            bad += [f"{f}: id {i} {n} times" for i, n in collections.Counter(ids).items() if n > 1]
print("\n".join(bad))
sys.exit(1 if bad else 0)
PY
expect_grep 'id="form-request-2-x2"' "$T/site/ADM-102.html" "the second form of one id"
exit 0
