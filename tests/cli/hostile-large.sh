# The large hostile inputs of tests/hostile/large/generate.py (generated here,
# not committed): each gets the diagnostic it must get, or passes clean, with
# no crash and no hang, in 256 MB of address space. `check` runs on all of
# them, `build --force` on all that have a policy to render.
#
# The plain build runs them: the sanitizer build reserves terabytes of address
# space, so it cannot run under `ulimit -v` (see out-of-memory.sh). The
# timeout only catches hangs; the 1 s each takes is measured by hand
# (docs/limits.md), not asserted here, where the machine may be busy.
. "$(dirname "$0")/cli-lib.inc"
SANITIZED=
case $POLICYC in
*policyc-asan) SANITIZED=$POLICYC POLICYC=${POLICYC%-asan} ;;
esac
[ -x "$POLICYC" ] || fail "no plain build at $POLICYC"
command -v python3 > /dev/null || { echo "python3 missing: skipped"; exit 0; }
python3 "$(dirname "$0")/../hostile/large/generate.py" "$T/in" || fail "generate.py failed"

MEMORY_KB=262144

# limited KB CMD...: CMD under an address-space limit and a timeout; the exit
# status in $rc, the output in $T/out and $T/err.
limited() {
	kb=$1
	shift
	rc=0
	(ulimit -v "$kb" && exec timeout 20 "$@") > "$T/out" 2> "$T/err" || rc=$?
	[ "$rc" -ne 124 ] || fail "$*: no answer in 20 s"
	[ "$rc" -le 2 ] || { head -5 "$T/err" >&2; fail "$*: exit status $rc (a crash?)"; }
	if grep -q 'out of memory' "$T/err"; then fail "$*: out of memory in $kb KB"; fi
}

# expect FILE STATUS PATTERN: check FILE gives STATUS and a diagnostic line
# matching PATTERN ("" for a clean pass: no diagnostic at all).
expect() {
	limited $MEMORY_KB "$POLICYC" check --color never -q "$T/in/$1"
	[ "$rc" = "$2" ] || { head -3 "$T/err" >&2; fail "$1: exit status $rc, expected $2"; }
	if [ -z "$3" ]; then
		[ ! -s "$T/err" ] || { head -3 "$T/err" >&2; fail "$1: expected a clean pass"; }
	else
		grep -v '^ ' "$T/err" | grep -q -e "$3" || { head -3 "$T/err" >&2; fail "$1: no diagnostic like '$3'"; }
	fi
}

expect invalid-utf8-20000-lines.md 1 ':9:5: error: invalid UTF-8 byte 0xff at byte offset 110; expected UTF-8 text \[encoding\]'
expect invalid-utf8-20000-lines.md 1 ': error: … and 19990 more lines with invalid UTF-8 or NUL bytes from here on \[encoding\]'
expect nul-bytes-1mb.md 1 ':9:1: error: NUL byte at byte offset 102, and 1048575 more on this line; expected UTF-8 text \[encoding\]'
expect empty.md 1 'empty.md:1:1: error: no front matter; .* \[frontmatter-missing\]'
expect frontmatter-unclosed-100000-lines.md 1 ':1:1: error: front matter opened by --- on line 1 is not closed; expected a closing --- line \[frontmatter-missing\]'
expect yaml-alias-bomb-frontmatter.md 1 ': error: tag is a list; expected a string \[frontmatter-type\]'
expect yaml-alias-bomb-form.md 1 ': error: this part of the form is repeated through a YAML alias; .*\[form-syntax\]'
expect nested-quotes-50000.md 0 ''
expect nested-quotes-50000-tight.md 0 ''
expect nested-lists-3000.md 0 ''
expect nested-ordered-lists-3000.md 0 ''
expect nested-lists-2000-indented.md 0 ''
expect line-7mb-chinese.md 0 ''
expect line-7mb-ascii.md 0 ''
expect line-7mb-no-newline.md 0 ''
for kind in lenticular square title fullwidth-paren closing-title angle quote backtick emphasis title-lines links; do
	expect "brackets-100000-$kind.md" 0 ''
done
# Half-width ( between Chinese characters, 100000 of them: the first 1000
# and one diagnostic that counts the rest.
expect brackets-100000-paren.md 0 ":13:1003: warning: 99000 more punctuation-width warnings not listed, the first of them here; policyc lists at most 1000 of one rule in a file \[punctuation-width\]"
[ "$(grep -c '^[^ ].*\[punctuation-width\]$' "$T/err")" = 1001 ] || fail "brackets-100000-paren: not 1001 punctuation-width lines"
expect brackets-100000-mixed.md 0 '\[punctuation-width\]'
expect chapters-20000.md 0 ''
expect item-lines-100000.md 0 ''
expect numeral-huge-chinese.md 1 ':15:1: error: article number 第九*条 is too large; expected 第二条 \[article-number\]'
expect numeral-huge-chinese.md 1 ':13:3: error: reference 第九*条 names no article; this policy has 第一条 to 第二条 \[xref-article\]'
expect numeral-huge-arabic.md 1 ':15:1: error: article number 第9*条 is too large; expected 第二条 \[article-number\]'
expect numeral-huge-arabic.md 1 ':13:2: error: reference 第9*条第9*款第9*项 names no article'
expect numeral-huge-items.md 1 ':13:1: error: item number （九*） is too large; expected （一） \[item-number\]'
expect numeral-huge-items.md 1 ':15:1: error: item number （9*） is too large; expected （1） \[item-number\]'
expect numeral-huge-decimal.md 1 ':14:1: error: chapter number 9* is too large; expected 2 \[clause-number\]'
expect numeral-huge-decimal.md 1 ':12:9: error: reference 9*\.1 names no clause'
expect numeral-huge-en.md 1 ':16:1: error: article number Article 9* is too large; expected Article 2 \[article-number\]'
expect numeral-huge-en.md 1 ':12:38: error: reference Article 9* names no article; this policy has only Article 1 \[xref-article\]'

# Larger than policyc reads: one diagnostic, the file's first line as context.
head -c 9000000 /dev/zero | tr '\0' 'x' > "$T/in/over-8mb.md"
expect over-8mb.md 1 'over-8mb.md:1:1: error: file is larger than 8 MiB, more than policyc reads; expected a policy file of at most 8388608 bytes \[encoding\]'
rm "$T/in/over-8mb.md"

# The outputs of each, as build --force writes them, in the same space.
for f in "$T"/in/*.md; do
	name=$(basename "$f")
	rm -rf "$T/site"
	limited $MEMORY_KB "$POLICYC" build --force -q --color never -o "$T/site" "$f"
	[ "$rc" -le 1 ] || { head -3 "$T/err" >&2; fail "build $name: exit status $rc"; }
	case $name in
	empty.md | frontmatter-unclosed-* | invalid-utf8-* | nul-bytes-*) ;; # nothing to render
	*) [ -s "$T/site/STRESS-1.txt" ] && [ -s "$T/site/STRESS-1.html" ] || fail "build $name: no page" ;;
	esac
done

# And the sanitizer build, when make test runs this, on every one of them,
# without the limit: no memory error and no undefined behaviour anywhere.
[ -n "$SANITIZED" ] || exit 0
for f in "$T"/in/*.md; do
	for cmd in check build; do
		rm -rf "$T/site"
		rc=0
		timeout 120 "$SANITIZED" $cmd --force -q --color never -o "$T/site" "$f" > /dev/null 2> "$T/err" || rc=$?
		if grep -q 'Sanitizer\|runtime error' "$T/err"; then head -20 "$T/err" >&2; fail "$cmd $(basename "$f"): sanitizer report"; fi
		[ "$rc" -le 1 ] || { head -3 "$T/err" >&2; fail "$cmd $(basename "$f") (sanitizer build): exit status $rc"; }
	done
done
exit 0
