# Every rule of src/rules.h is triggered by at least one golden test (its id
# appears in an expected diagnostics file), and the golden suite has silent
# cases: correct documents whose expected diagnostics are empty.
set -u
fail=0
for id in $(sed -n 's/^[[:space:]]*X([A-Z_]*, "\([a-z0-9-]*\)".*/\1/p' src/rules.h); do
	if ! cat tests/check/*.diag tests/corpus/*/expected.diag | grep -q "\[$id\]\$"; then
		echo "no golden test triggers $id"
		fail=1
	fi
done
silent=0
for f in tests/check/*.diag tests/corpus/*/expected.diag; do
	[ -s "$f" ] || silent=$((silent + 1))
done
[ "$silent" -ge 10 ] || { echo "only $silent silent golden tests"; fail=1; }
exit $fail
