# A build into an OUT that is not there writes the site into a hidden
# directory beside it (.OUT.XXXXXX) and renames that to OUT once the site is
# written (docs/output.md): a reader sees no OUT, or the whole site. Checked
# here: the site is the one a build into an existing OUT gives, for every
# corpus of tests/corpus (repeated ids and form ids, errors, supersedes) and
# for a policy whose id is "index"; nothing is left beside OUT after a build
# that succeeds or fails (before writing, or on a write that fails: then no
# OUT either); OUT gets the mode mkdir gives; and a build killed at any
# moment leaves no OUT or the whole site.
. "$(dirname "$0")/cli-lib.inc"

# What a directory holds, hidden entries included, one per line.
entries() { (cd "$1" && ls -A); }

# The same site written fresh and over an existing OUT (which holds a file of
# its own, so it is neither new nor empty), for every corpus, -j1 and -j2,
# with and without --force.
policy "$T/index-corpus/a.md" 甲制度 index
policy "$T/index-corpus/b.md" 乙制度 B-1
for dir in tests/corpus/*/ "$T/index-corpus/"; do
	name=$(basename "$dir")
	for opts in "-j1" "-j2" "-j2 --force"; do
		set -- $opts
		rm -rf "$T/fresh" "$T/old"
		mkdir -p "$T/old/out"
		echo mine > "$T/old/out/keep.txt"
		run "$POLICYC" build -q --color never "$@" -o "$T/old/out" "$dir"
		old_rc=$rc
		run "$POLICYC" build -q --color never "$@" -o "$T/fresh/new/out" "$dir"
		[ "$rc" = "$old_rc" ] || fail "$name ($opts): exit status $rc into a new OUT, $old_rc into an old one"
		rm "$T/old/out/keep.txt"
		diff -r "$T/old/out" "$T/fresh/new/out" >&2 || fail "$name ($opts): a new OUT differs from an old one"
		[ "$(entries "$T/fresh/new")" = out ] || fail "$name ($opts): left beside OUT: $(entries "$T/fresh/new")"
	done
done
[ "$(head -c 300 "$T/fresh/new/out/index.html" | grep -c 甲制度)" -gt 0 ] ||
	fail "the page of the policy of id index is not OUT/index.html, as over an old OUT"

# A trailing slash, and OUT given with ./ before it.
policy "$T/in/a.md" 甲制度 A-1
for out in "$T/slash/out/" "./rel-out"; do
	run "$POLICYC" build -q -o "$out" "$T/in"
	expect_rc 0 "a build into $out"
	[ -f "$out/A-1.html" ] || fail "no $out/A-1.html"
done
[ "$(entries "$T/slash")" = out ] || fail "left beside $T/slash/out/: $(entries "$T/slash")"
ls -A | grep -q '^\.rel-out\.' && fail "a staging directory left beside ./rel-out"
rm -rf ./rel-out

# The mode of OUT and its files follows the umask, as mkdir and open give it.
(umask 027 && exec "$POLICYC" build -q -o "$T/masked/out" "$T/in") || fail "a build under umask 027"
[ "$(stat -c %a "$T/masked/out")" = 750 ] || fail "OUT has mode $(stat -c %a "$T/masked/out") under umask 027"
[ "$(stat -c %a "$T/masked/out/A-1.html")" = 640 ] || fail "a page has mode $(stat -c %a "$T/masked/out/A-1.html")"

# A build that fails before writing the site (an input not there) leaves
# nothing: no OUT, no staging directory.
mkdir "$T/failed"
run "$POLICYC" build -q -o "$T/failed/out" "$T/in" "$T/not-there.md"
expect_rc 2 "an input that is not there"
[ -z "$(entries "$T/failed")" ] || fail "a failed build left: $(entries "$T/failed")"

# A file that cannot be written (the file size limit) fails the build, and
# no OUT is made: no part of a site, no cut file, nothing beside it. Once
# without and once with superseding policies, whose pages are filled in at
# the end (the holed page fits under the limit, the filled one may not).
for corpus in policies tests/corpus/supersedes; do
	for limit in 1 8 20; do
		rm -rf "$T/cut"
		mkdir "$T/cut"
		rc=0
		(trap '' XFSZ; ulimit -f $limit; exec "$POLICYC" build -q --force -o "$T/cut/out" "$corpus") \
			> "$T/out" 2> "$T/err" || rc=$?
		expect_rc 2 "$corpus beyond a file size limit of $limit blocks"
		expect_grep "^policyc: cannot write $T/cut/out/.*: File too large$" "$T/err" "$corpus, limit $limit"
		[ -z "$(entries "$T/cut")" ] || fail "$corpus, limit $limit: a failed build left: $(entries "$T/cut")"
	done
done

# Killed at any moment, a build into a new OUT leaves no OUT or the whole
# site (only the hidden staging directory may stay, as temporaries do).
i=0
while [ $i -lt 150 ]; do
	policy "$T/many/p$i.md" "制度$i" "P-$i"
	i=$((i + 1))
done
start=$(date +%s%N)
run "$POLICYC" build -q -o "$T/ref" "$T/many"
whole=$((($(date +%s%N) - start) / 1000000))
expect_rc 0 "the reference build"
none=0 complete=0
# kills spread from the start to past the end of a whole build (ms)
for tenth in 0 1 2 3 4 5 6 7 8 9 10 12 15 20; do
	delay=$(awk "BEGIN { printf \"%.3f\", $whole * $tenth / 10000 }")
	rm -rf "$T/kill"
	mkdir "$T/kill"
	"$POLICYC" build -q -j2 -o "$T/kill/out" "$T/many" > /dev/null 2>&1 &
	pid=$!
	sleep "$delay"
	kill -9 $pid 2> /dev/null
	wait $pid 2> /dev/null
	if [ -d "$T/kill/out" ]; then
		diff -r "$T/ref" "$T/kill/out" > /dev/null || fail "killed after ${delay}s: OUT is there but not whole"
		complete=$((complete + 1))
	else
		none=$((none + 1))
	fi
	entries "$T/kill" | grep -v -e '^out$' -e '^\.out\.......$' && fail "killed after ${delay}s: more than OUT and its staging directory"
done
[ $none -gt 0 ] || fail "no kill came before the site was whole: the test says nothing"
[ $complete -gt 0 ] || fail "no build was whole before its kill: the test says nothing"
exit 0
