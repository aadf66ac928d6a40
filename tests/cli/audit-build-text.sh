# build: every plain-text output (policies and forms) of the sample corpus,
# the seed forms and a table of thousands of columns (which becomes a list of
# its rows) at widths 20 to 100 keeps SPEC §9's rules line by line —
# and inside every cell of a form's grid, whose lines are lines to a reader:
# no line wider than --width in display columns (East Asian Wide and
# Fullwidth count 2) but a single unbreakable token, none beginning with a
# closing mark or ending with an opening one; no trailing spaces, and the
# text ends with exactly one newline.
. "$(dirname "$0")/cli-lib.inc"
command -v python3 > /dev/null || { echo "SKIP: python3 is not installed"; exit 0; }
root=$(cd "$(dirname "$0")/../.." && pwd)
for width in 20 21 24 28 30 36 40 50 72 100; do
	for input in "$root/policies" "$root/tests/build/form-seed/input" "$root/tests/build/audit-links/input" \
		"$root/tests/hostile/table-wide.md"; do
		out=$T/w$width-$(basename "$(dirname "$input")")-$(basename "$input")
		run "$POLICYC" build -q --force --width "$width" -o "$out" "$input"
		[ "$rc" -le 1 ] || fail "build --width $width of $input exited with $rc"
	done
done
python3 - "$T" <<'PY' || fail "plain text"
import os, sys, unicodedata
CLOSING = set("，。、；：？！）》」』】〕〗〙〛〉’”…‥,.;:?!)]}")
OPENING = set("（《「『【〔〖〘〚〈‘“([{")
def width(s):
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
problems = []
for dirpath, _, files in os.walk(sys.argv[1]):
    top = os.path.relpath(dirpath, sys.argv[1]).split(os.sep)[0]
    if not top.startswith("w"):
        continue
    limit = int(top.split("-")[0][1:])
    for f in files:
        if not f.endswith(".txt"):
            continue
        path = os.path.join(dirpath, f)
        name = os.path.relpath(path, sys.argv[1])
        text = open(path, encoding="utf-8").read()
        if not text.endswith("\n") or text.endswith("\n\n"):
            problems.append(f"{name}: does not end with exactly one newline")
        for n, line in enumerate(text.split("\n")[:-1], 1):
            if width(line) > limit and len(line.strip(" \u3000").split()) != 1:
                problems.append(f"{name}:{n}: {width(line)} columns: {line}")
            if line != line.rstrip(" \u3000"):
                problems.append(f"{name}:{n}: trailing space")
            # a grid row is several lines side by side: each cell's text too
            for part in line.split("│") if "│" in line else [line]:
                words = part.strip(" \u3000")
                if words and words[0] in CLOSING:
                    problems.append(f"{name}:{n}: a line begins with {words[0]}: {line}")
                if words and words[-1] in OPENING:
                    problems.append(f"{name}:{n}: a line ends with {words[-1]}: {line}")
for p in problems[:30]:
    print(p)
sys.exit(1 if problems else 0)
PY
exit 0
