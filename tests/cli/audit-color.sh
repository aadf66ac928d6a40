# --color auto: colour only on a terminal that can show it — not when
# NO_COLOR is set (and not empty), not on TERM=dumb; never in json/github.
. "$(dirname "$0")/cli-lib.inc"
policy "$T/e.md" 错误制度 ERR-1 'status: bogus'
esc=$(printf '\033')
command -v script > /dev/null && script -qec true /dev/null > /dev/null 2>&1 || { echo "skip: no script"; exit 0; }

on_tty() { # ENV-ASSIGNMENTS... -- ARGS...: policyc on a pseudo-terminal, output in $T/tty
	script -qec "env $* " /dev/null > "$T/tty" 2>&1 < /dev/null
}
on_tty TERM=xterm "'$POLICYC'" check "'$T/e.md'"
expect_grep "$esc\\[1;31merror:" "$T/tty" "--color auto on a terminal"
on_tty TERM=dumb "'$POLICYC'" check "'$T/e.md'"
expect_no_grep "$esc" "$T/tty" "--color auto on TERM=dumb"
on_tty TERM=dumb "'$POLICYC'" check --color always "'$T/e.md'"
expect_grep "$esc\\[1;31merror:" "$T/tty" "--color always on TERM=dumb"
on_tty TERM=xterm NO_COLOR= "'$POLICYC'" check "'$T/e.md'"
expect_grep "$esc\\[1;31merror:" "$T/tty" "an empty NO_COLOR is no request"
on_tty TERM=xterm NO_COLOR=0 "'$POLICYC'" check "'$T/e.md'"
expect_no_grep "$esc" "$T/tty" "NO_COLOR=0 (any value) turns colour off"
on_tty TERM=xterm "'$POLICYC'" check --color never "'$T/e.md'"
expect_no_grep "$esc" "$T/tty" "--color never on a terminal"
for format in json sarif github; do
	on_tty TERM=xterm "'$POLICYC'" check --color always -f $format "'$T/e.md'"
	expect_no_grep "$esc" "$T/tty" "$format is never coloured"
done
exit 0
