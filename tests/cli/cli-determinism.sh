# Output does not depend on -j: the same corpus of 24 documents checked on 1
# and on 8 threads gives byte-identical output in every format.
. "$(dirname "$0")/cli-lib.inc"
d=$T/corpus
for i in $(seq 1 24); do
	case $((i % 4)) in
	0) policy "$d/p$i.md" "制度$i" "ID-$i" ;;
	1) policy "$d/group$((i % 3))/p$i.md" "制度$i" "ID-$i" 'status: bogus' ;;
	2) policy "$d/p$i.md" "制度$i" "ID-$i" 'colour: red' ;;
	3) policy "$d/group$((i % 3))/p$i.md" "制度$((i - 1))" "ID-$((i - 2))" 'tags: [一, 二]' ;;
	esac
done
cat >> "$d/p2.md" <<'EOF'

第五条 参照《不存在的制度》和《制度4》执行，见第九十九条。
EOF

for format in text json sarif github; do
	"$POLICYC" check --color never -f $format -j 1 "$d" > "$T/out1" 2> "$T/err1"
	rc1=$?
	"$POLICYC" check --color never -f $format -j 8 "$d" > "$T/out8" 2> "$T/err8"
	rc8=$?
	[ $rc1 = 1 ] && [ $rc8 = 1 ] || fail "$format: exit status $rc1 with -j 1, $rc8 with -j 8"
	cmp -s "$T/out1" "$T/out8" || { diff "$T/out1" "$T/out8" | head >&2; fail "$format: standard output differs"; }
	cmp -s "$T/err1" "$T/err8" || { diff "$T/err1" "$T/err8" | head >&2; fail "$format: standard error differs"; }
	[ -s "$T/out1" ] || [ -s "$T/err1" ] || fail "$format: no output at all"
done
# and again, to catch races that only show sometimes
for run in 1 2 3; do
	"$POLICYC" check --color never -f json -j 8 "$d" > "$T/again" 2> /dev/null
	"$POLICYC" check --color never -f json -j 1 "$d" > "$T/out1" 2> /dev/null
	cmp -s "$T/out1" "$T/again" || fail "json differs on run $run"
done
exit 0
