# A build killed with SIGKILL at any moment leaves every output file whole:
# the old file or the new one, never a mix or a cut (SPEC §9). 120 policies
# with a form each are built once as they were (OLD) and once changed (NEW),
# giving the two reference sites; then NEW is built over copies of the OLD
# site and killed after delays spread over the time a whole build takes, and
# every file is compared with both references. At least one kill must land
# in the middle (some files new, some old), or the test says nothing.
#
# Only hidden temporary files (OUT/.ID.html.XXXXXX) may remain after a
# SIGKILL, which no program can clean up after; docs/output.md says so.
. "$(dirname "$0")/cli-lib.inc"
command -v python3 > /dev/null || { echo "python3 missing: skipped"; exit 0; }

python3 - "$T" <<'PY' || fail "generating the policies"
import os, sys
top = sys.argv[1]
DIGITS = '零一二三四五六七八九'
def chinese(k):  # 1..99
    tens, ones = divmod(k, 10)
    return (('' if tens == 1 else DIGITS[tens]) + '十' if tens else '') + (DIGITS[ones] if ones else '')
for name, version in (('old', '旧版'), ('new', '新版')):
    os.makedirs(os.path.join(top, name))
    for d in range(120):
        lines = ['---', 'title: 制度%d' % d, 'id: P-%d' % d, 'version: "%s"' % version, 'owner: 行政部',
                 'effective: 2024-01-01', '---', '', '# 第一章 总则', '',
                 '第一条 为规范管理，明确目的与适用范围，制定本制度（%s）。' % version, '']
        for a in range(2, 40):
            lines += ['第%s条 %s第%d号制度第%d条：员工应当遵守本制度，按时上下班，依照第一条办理。' %
                      (chinese(a), version * 3, d, a), '']
        lines += ['# 第二章 附则', '', '第四十条 本制度由行政部负责解释，自发布之日起施行。', '',
                  '```form', 'id: form-%d' % d, 'title: 表%d' % d, 'columns: 4', 'rows:',
                  '  - [{label: 主题%s, span: 3}]' % version,
                  '  - [{label: 日期, type: date}, {label: 签名, type: signature}]', '```', '']
        with open(os.path.join(top, name, 'p%03d.md' % d), 'w', encoding='utf-8') as f:
            f.write('\n'.join(lines))
PY
run "$POLICYC" build -q -o "$T/ref-old" "$T/old"
expect_rc 0 "the old reference build"
run "$POLICYC" build -q -o "$T/ref-new" "$T/new"
expect_rc 0 "the new reference build"
(cd "$T/ref-old" && find . -type f | sort) > "$T/files"
[ "$(wc -l < "$T/files")" -gt 500 ] || fail "the reference build is too small"
(cd "$T/ref-new" && find . -type f | sort) | cmp -s - "$T/files" || fail "the two references differ in their files"

# How long a whole build of NEW over OLD takes, in milliseconds.
rm -rf "$T/site"
cp -r "$T/ref-old" "$T/site"
start=$(date +%s%N)
run "$POLICYC" build -q -o "$T/site" "$T/new"
whole=$((($(date +%s%N) - start) / 1000000))
expect_rc 0 "a whole build over the old site"
diff -r "$T/ref-new" "$T/site" > /dev/null || fail "a whole build over the old site is not the new site"

# Checksums of every file of a site, hidden temporaries left out.
sums() { (cd "$1" && find . -type f ! -name '.*' -print0 | sort -z | xargs -0 md5sum); }
sums "$T/ref-old" > "$T/old.sums"
sums "$T/ref-new" > "$T/new.sums"
changed=$(paste -d ' ' "$T/old.sums" "$T/new.sums" | awk '$1 != $3' | wc -l)
[ "$changed" -gt 300 ] || fail "only $changed files differ between the references"

mid=0
kills=0
# A round of kills at each tenth of a whole build; when none landed in the
# middle (the machine got faster), again at tenths of half that time.
for round in 1 2 3; do
[ "$mid" = 0 ] || break
[ "$round" = 1 ] || whole=$((whole / 2))
for tenth in 0 1 2 3 4 5 6 7 8 9; do
	rm -rf "$T/site"
	cp -r "$T/ref-old" "$T/site"
	"$POLICYC" build -q -o "$T/site" "$T/new" > /dev/null 2>&1 &
	pid=$!
	sleep "$(awk -v ms="$whole" -v t="$tenth" 'BEGIN { printf "%.3f", ms * (t + 0.5) / 10000 }')"
	kill -KILL "$pid" 2> /dev/null && kills=$((kills + 1))
	wait "$pid" 2> /dev/null
	when="killed at $tenth/10 of $whole ms"
	sums "$T/site" > "$T/site.sums"
	cut -c35- "$T/site.sums" | cmp -s - "$T/files" ||
		fail "$when: files gone or added: $(cut -c35- "$T/site.sums" | diff - "$T/files" | head -4)"
	# each file: new (its sum is the new one), old, or neither
	counts=$(paste -d ' ' "$T/site.sums" "$T/old.sums" "$T/new.sums" | awk '
		$1 != $3 && $1 != $5 { print "neither " $2; exit }
		$3 != $5 { if ($1 == $5) new++; else old++ }
		END { print new + 0, old + 0 }')
	case $counts in neither*) fail "$when: ${counts#neither } is neither the old file nor the new one" ;; esac
	set -- $counts
	temporaries=$(cd "$T/site" && find . -type f -name '.*' | wc -l)
	echo "$when: of $changed changed files $1 new, $2 old; $temporaries temporary files"
	if { [ "$1" -gt 0 ] && [ "$2" -gt 0 ]; } || [ "$temporaries" -gt 0 ]; then
		mid=$((mid + 1))
	fi
done
done
[ "$kills" -gt 0 ] || fail "no build was still running to be killed"
[ "$mid" -gt 0 ] || fail "no kill landed in the middle of a build (a whole build takes ${whole} ms)"
exit 0
