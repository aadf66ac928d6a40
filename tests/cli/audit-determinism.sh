# Output does not depend on -j: a 50-document corpus with errors, warnings and
# corpus-wide checks gives byte-identical output and status for -j 1 to 8,
# in every format, standard output and standard error both.
. "$(dirname "$0")/cli-lib.inc"
d=$T/corpus
for i in $(seq 1 50); do
	extra=
	[ $((i % 3)) = 0 ] && extra="colour$i: red"
	policy "$d/g$((i % 5))/p$i.md" "制度$i" "P-$i" "$extra"
	[ $((i % 4)) = 0 ] && sed -i 's/^第三条/第五条/' "$d/g$((i % 5))/p$i.md"
	[ $((i % 7)) = 0 ] && printf '\n第五条 依照《制度%d》和《不存在》,见第九条。\n' $((i + 1)) >> "$d/g$((i % 5))/p$i.md"
done
policy "$d/dup.md" 制度1 P-2
for format in text json sarif github; do
	for j in 1 2 3 4 5 6 7 8; do
		"$POLICYC" check --color never -f $format -j $j "$d" > "$T/out$j" 2> "$T/err$j"
		echo $? >> "$T/err$j"
	done
	grep -q '^1$' "$T/err1" || fail "$format: expected exit 1: $(tail -1 "$T/err1")"
	[ -s "$T/out1" ] || [ "$format" = text ] || fail "$format: nothing on standard output"
	for j in 2 3 4 5 6 7 8; do
		cmp -s "$T/out1" "$T/out$j" || { diff "$T/out1" "$T/out$j" | head >&2; fail "$format -j $j: standard output differs"; }
		cmp -s "$T/err1" "$T/err$j" || { diff "$T/err1" "$T/err$j" | head >&2; fail "$format -j $j: standard error differs"; }
	done
done
expect_grep 'errors, [0-9]* warnings in 51 files' "$T/err1" "the summary counts 51 files"
exit 0
