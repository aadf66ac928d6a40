# The manual page is clean under mandoc's linter (no message at all).
command -v mandoc >/dev/null || { echo "mandoc not installed: skipped"; exit 0; }
out=$(mandoc -T lint policyc.1 2>&1)
[ -z "$out" ] || { echo "$out"; exit 1; }
