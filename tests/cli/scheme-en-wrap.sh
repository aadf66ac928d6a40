# build: the plain text of scheme en wraps at spaces, never inside a word,
# at any --width: every word of the output is a word of the policy, no line
# is wider than the page but for a single longer word, and the wrapped lines
# of an item (a), (i) stay indented under it even where its hang is too deep
# for a narrow page.
. "$(dirname "$0")/cli-lib.inc"
root=$(cd "$(dirname "$0")/../.." && pwd)
src="$root/tests/build/text-schemes/input/english.md $root/tests/build/schemes-xref/input/en.md"

# words: letters, digits and their inner marks, without the punctuation around them
words() { tr -s ' \t' '\n\n' | sed 's/^[(—"“]*//; s/[).,;:!?”"—]*$//' | grep '[A-Za-z]'; }

# shellcheck disable=SC2086
cat $src | sed '1,/^---$/!b; d' | words | sort -u > "$T/known"
for width in 20 22 24 30 40 72; do
	rm -rf "$T/site"
	# shellcheck disable=SC2086
	run "$POLICYC" build -q --width "$width" -o "$T/site" $src
	expect_rc 0 "build at --width $width"
	for txt in "$T/site/TXT-EN-001.txt" "$T/site/XREF-EN-001.txt"; do
		name="$(basename "$txt") at --width $width"
		sed '1,/^Status:/d' "$txt" > "$T/body"
		words < "$T/body" | sort -u > "$T/seen"
		split=$(comm -23 "$T/seen" "$T/known" | head -5)
		[ -z "$split" ] || fail "$name: words not in the policy (split?): $split"
		# (mawk counts bytes: the dash is one column)
		sed 's/—/-/g' "$T/body" |
			awk -v w="$width" 'length($0) > w && index(substr($0, match($0, /[^ ]/)), " ") { print; bad = 1 }
			END { exit bad }' > "$T/wide" || fail "$name: lines wider than $width: $(head -2 "$T/wide")"
		# a line after an indented item line, in the same block, is indented
		# too (a further paragraph starts at the paragraph indent; its own
		# lines go back to the margin)
		awk '/^ +\(/ { item = 1; next } /^$/ || /^    [^ (]/ { item = 0; next }
			item && /^[^ ]/ { print; bad = 1 } END { exit bad }' "$T/body" > "$T/flush" ||
			fail "$name: an item's wrapped line at the margin: $(head -2 "$T/flush")"
	done
done
# the check can fail: a word cut in two is caught
printf 'Article 1 The purpo\nse of this Policy.\n' | words | sort -u > "$T/seen"
[ -n "$(comm -23 "$T/seen" "$T/known")" ] || fail "a split word is not caught"
exit 0
