# Running out of memory is an internal failure: a message and exit status 2,
# not a crash (SPEC §1). The address space is limited so allocations fail.
command -v prlimit >/dev/null || { echo "prlimit missing: skipped"; exit 0; }
# The sanitizer build reserves terabytes of address space, so a limit on it
# fails at start-up, not in our allocators: use the plain build beside it,
# which `make test` builds first.
case $POLICYC in
*policyc-asan) POLICYC=${POLICYC%-asan} ;;
esac
[ -x "$POLICYC" ] || { echo "no plain build at $POLICYC"; exit 1; }
dir=$(mktemp -d)
i=0
{
	printf -- '---\ntitle: 大\nid: BIG\nversion: "1"\nowner: 部\neffective: 2024-01-01\n---\n# 第一章 总则\n'
	while [ $i -lt 20000 ]; do printf '第%d条 目的与适用范围见第一条。\n\n' $i; i=$((i + 1)); done
} > "$dir/big.md"
prlimit --as=60000000 "$POLICYC" check -q "$dir/big.md" > /dev/null 2> "$dir/err"
rc=$?
[ "$rc" -eq 2 ] || { echo "exit status $rc, expected 2"; cat "$dir/err" | head -3; exit 1; }
grep -q 'out of memory' "$dir/err" || { echo "no message"; exit 1; }
