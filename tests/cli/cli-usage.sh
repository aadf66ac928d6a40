# Usage errors: a one-line reason, then the usage, on standard error; exit 2.
. "$(dirname "$0")/cli-lib.inc"
policy "$T/ok.md" 测试制度 T-001

usage_error() { # WHAT REASON-PATTERN ARGS...
	what=$1 reason=$2
	shift 2
	run "$POLICYC" "$@"
	expect_rc 2 "$what"
	head -1 "$T/err" | grep -q -e "^policyc: .*$reason" ||
		fail "$what: first line '$(head -1 "$T/err")' does not give the reason '$reason'"
	sed -n 2p "$T/err" | grep -q '^usage: policyc check' || fail "$what: no usage after the reason"
	[ -s "$T/out" ] && fail "$what: wrote to standard output"
	return 0
}

usage_error "no command" "no command"
usage_error "unknown command" "frobnicate" frobnicate
usage_error "unknown long option" "unknown option --frobnicate" check --frobnicate "$T/ok.md"
usage_error "unknown long option with a value" "unknown option --frobnicate$" check --frobnicate=3 "$T/ok.md"
usage_error "unknown short option" "unknown option -z" check -z "$T/ok.md"
usage_error "value given to a flag" "option --werror takes no value" check --werror=yes "$T/ok.md"
usage_error "bad format" "unknown format 'xml'" check --format xml "$T/ok.md"
usage_error "bad format, short" "unknown format 'xml'" check -f xml "$T/ok.md"
usage_error "bad format, =" "unknown format 'xml'" check --format=xml "$T/ok.md"
usage_error "bad color" "'sometimes'" check --color sometimes "$T/ok.md"
usage_error "jobs 0" "--jobs" check -j 0 "$T/ok.md"
usage_error "jobs negative" "--jobs" check --jobs=-2 "$T/ok.md"
usage_error "jobs not a number" "--jobs" check --jobs many "$T/ok.md"
usage_error "jobs trailing junk" "--jobs" check -j 4x "$T/ok.md"
usage_error "width too small" "--width" check --width 5 "$T/ok.md"
usage_error "width not a number" "--width" check --width wide "$T/ok.md"
usage_error "missing value" "option --format needs a value" check "$T/ok.md" --format
usage_error "missing short value" "option -j needs a value" check "$T/ok.md" -j
usage_error "build: bad option" "unknown option --frobnicate" build --frobnicate "$T/ok.md"

# Options may follow the paths, in either spelling.
run "$POLICYC" check "$T/ok.md" --color=never -q -j 1 --width 40
expect_rc 0 "options after the path"
run "$POLICYC" check "$T/ok.md" -fjson
expect_rc 0 "-fjson"
expect_grep '^\[' "$T/out" "-fjson"
# "--" ends the options: a file named like an option is a path.
cp "$T/ok.md" "$T/-q.md"
(cd "$T" && "$POLICYC" check --color never -- -q.md) 2> "$T/err" || fail "-- then -q.md: exit $?"
expect_grep 'in 1 file' "$T/err" "-- then -q.md"
exit 0
