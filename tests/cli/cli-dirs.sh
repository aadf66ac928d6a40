# Directory arguments: *.md found recursively in sorted (strcmp) order, hidden
# directories and files skipped, each file once.
. "$(dirname "$0")/cli-lib.inc"
d=$T/corpus
n=0
for f in b.md a.md A.md a-b.md a/x.md sub/c.md sub/deeper/d.md .hidden/h.md .h.md sub/.git/g.md; do
	n=$((n + 1))
	policy "$d/$f" "制度$n" "ID-$n" 'status: bogus'
done
echo 'not a policy' > "$d/notes.txt"
policy "$d/readme.markdown" 其他 OTHER-1 'status: bogus'
ln -s .. "$d/sub/loop"
ln -s missing.md "$d/dangling.md"

files() { sed -n 's/^\([^ ][^:]*\):[0-9]*:[0-9]*: error: .*/\1/p' "$T/err" | uniq; }

run "$POLICYC" check --color never -q "$d"
expect_rc 1 "directory"
files > "$T/actual"
printf '%s\n' "$d/A.md" "$d/a-b.md" "$d/a.md" "$d/a/x.md" "$d/b.md" "$d/sub/c.md" "$d/sub/deeper/d.md" > "$T/expected"
cmp -s "$T/expected" "$T/actual" || { diff "$T/expected" "$T/actual" >&2; fail "files found under a directory"; }

# a trailing slash does not double the separator
run "$POLICYC" check --color never -q "$d/"
files > "$T/actual"
cmp -s "$T/expected" "$T/actual" || { diff "$T/expected" "$T/actual" >&2; fail "directory with a trailing slash"; }

# relative paths are kept as the user gave them
(cd "$T" && "$POLICYC" check --color never -q corpus/sub) 2> "$T/err"
files > "$T/actual"
printf '%s\n' corpus/sub/c.md corpus/sub/deeper/d.md > "$T/expected"
cmp -s "$T/expected" "$T/actual" || { diff "$T/expected" "$T/actual" >&2; fail "relative directory"; }

# a file named twice, or named and found under a directory, is one document
run "$POLICYC" check --color never -q "$d/b.md" "$d" "$d/b.md"
expect_no_grep 'id-duplicate' "$T/err" "a file named twice"
[ "$(files | grep -c '/b.md$')" -eq 1 ] || fail "b.md reported more than once"

# a file given by name is checked whatever its name, hidden or not *.md
run "$POLICYC" check --color never -q "$d/.h.md" "$d/readme.markdown"
files > "$T/actual"
printf '%s\n' "$d/.h.md" "$d/readme.markdown" > "$T/expected"
cmp -s "$T/expected" "$T/actual" || { diff "$T/expected" "$T/actual" >&2; fail "files given by name"; }

# the summary counts documents, a directory without any counts none
mkdir -p "$T/none/.hidden"
policy "$T/none/.hidden/x.md" 隐藏 HIDDEN-1
run "$POLICYC" check --color never "$T/none"
expect_rc 0 "directory without policies"
[ "$(cat "$T/err")" = "0 errors, 0 warnings in 0 files" ] || fail "empty directory summary: '$(cat "$T/err")'"
# a tree deeper than the descriptors a process may hold: one is open at a time
deep="$T/deep"
for i in $(seq 1 80); do deep="$deep/d"; done
mkdir -p "$deep"
policy "$deep/x.md" 深处 DEEP-1
(ulimit -n 40 && "$POLICYC" check --color never "$T/deep") > /dev/null 2> "$T/err"
[ "$(cat "$T/err")" = "0 errors, 0 warnings in 1 file" ] || fail "deep tree under ulimit -n 40: '$(cat "$T/err")'"
exit 0
