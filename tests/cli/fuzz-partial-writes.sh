# build: under file size limits (ulimit -f, SIGXFSZ not ignored by the shell)
# every output is the whole old file or the whole new one, no temporary file
# remains, and a cut build exits 2 saying what it could not write. The limits
# cut the build at different files and at different places within them.
. "$(dirname "$0")/cli-lib.inc"
mkdir -p "$T/old" "$T/new"
cp policies/*.md "$T/old/"
cp policies/*.md tests/check/form-seed.md tests/check/en-clean.md tests/check/outline-clean.md "$T/new/"
sed -i 's/本制度/本规定/g; s/员工/职工/g' "$T/new/"*.md
TMPDIR=$T sh fuzz/partial-writes.sh "$T/old" "$T/new" 1 2 3 5 8 13 21 34 55 89 unlimited > "$T/out" 2>&1 \
	|| { cat "$T/out" >&2; fail "a build under a file size limit cut or left a file"; }
# Not vacuous: most limits must have cut the build.
expect_grep '^[5-9][0-9]* builds cut short by the limit, 0 problems$' "$T/out" "builds cut short"
exit 0
