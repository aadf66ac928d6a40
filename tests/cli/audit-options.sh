# SPEC §1: every option in its short and long form and as --opt=value; an
# empty value or an ambiguous abbreviation is a usage error (a one-line
# reason, then the usage, exit 2).
. "$(dirname "$0")/cli-lib.inc"
policy "$T/in/w.md" 甲制度 W-1 'colour: blue'
printf 'rules:\n  frontmatter-unknown: error\n' > "$T/strict.yml"
mkdir -p "$T/tpl" && cp "$(dirname "$0")/../../templates/"* "$T/tpl/"

# each spelling of each option takes effect
for spelling in "-c $T/strict.yml" "--config $T/strict.yml" "--config=$T/strict.yml" "-c$T/strict.yml"; do
	# shellcheck disable=SC2086
	run "$POLICYC" check -q $spelling "$T/in"
	expect_rc 1 "$spelling"
done
for spelling in "-W" "--werror"; do
	run "$POLICYC" check -q $spelling "$T/in"
	expect_rc 1 "$spelling"
done
for spelling in "-f json" "--format json" "--format=json" "-fjson"; do
	run "$POLICYC" check -q $spelling "$T/in"
	expect_rc 0 "$spelling"
	expect_grep '"rule": "frontmatter-unknown"' "$T/out" "$spelling"
done
for spelling in "-q" "--quiet"; do
	run "$POLICYC" check $spelling "$T/in"
	expect_no_grep 'in 1 file' "$T/err" "$spelling"
done
for spelling in "-j 3" "--jobs 3" "--jobs=3" "-j3"; do
	run "$POLICYC" check -q $spelling "$T/in"
	expect_rc 0 "$spelling"
done
for spelling in "--color always" "--color=always"; do
	run "$POLICYC" check -q $spelling "$T/in"
	expect_grep "$(printf '\033')" "$T/err" "$spelling"
done
n=0
for spelling in "-o $T/o" "--out $T/o" "--out=$T/o" "-o$T/o"; do
	n=$((n + 1))
	run "$POLICYC" build -q ${spelling}$n --width=30 --templates="$T/tpl" "$T/in"
	expect_rc 0 "$spelling"
	[ -s "$T/o$n/W-1.txt" ] || fail "$spelling: no W-1.txt"
done
run "$POLICYC" build -q -o "$T/o5" --width 30 --templates "$T/tpl" "$T/in"
cmp -s "$T/o1/W-1.txt" "$T/o5/W-1.txt" || fail "--width=30 and --width 30 differ"
if command -v python3 > /dev/null; then
	python3 -c '
import sys, unicodedata
for line in open(sys.argv[1], encoding="utf-8"):
    w = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line.rstrip("\n"))
    assert w <= 30, line' "$T/o5/W-1.txt" || fail "--width 30 not kept"
fi
printf 'changed' >> "$T/tpl/style.css"
run "$POLICYC" build -q --templates "$T/tpl" -o "$T/o6" "$T/in"
expect_grep 'changed' "$T/o6/style.css" "--templates DIR is used"

usage_error() { # WHAT REASON-PATTERN ARGS...
	what=$1 reason=$2
	shift 2
	run "$POLICYC" "$@"
	expect_rc 2 "$what"
	head -1 "$T/err" | grep -q -e "^policyc: .*$reason" ||
		fail "$what: first line '$(head -1 "$T/err")' does not give the reason '$reason'"
	sed -n 2p "$T/err" | grep -q '^usage: policyc check' || fail "$what: no usage after the reason"
}
usage_error "empty --config" "--config needs a file" check --config= "$T/in"
usage_error "empty -c" "--config needs a file" check -c "" "$T/in"
usage_error "empty --templates" "--templates needs a directory" build --templates= "$T/in"
usage_error "empty --out" "--out needs a directory" build --out= "$T/in"
usage_error "ambiguous --w" "option --w is ambiguous" check --w "$T/in"
usage_error "ambiguous --w=3" "option --w is ambiguous" check --w=3 "$T/in"
# an unambiguous abbreviation is the option, as with every GNU tool
run "$POLICYC" check -q --form=json "$T/in"
expect_rc 0 "--form=json"
expect_grep '^\[' "$T/out" "--form=json"
exit 0
