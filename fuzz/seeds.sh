#!/bin/sh
# fuzz/seeds.sh [DIR] — the seed corpora of the harnesses, cut from tests/ and
# policies/ so they follow the tests as they grow (default DIR build/fuzz/seeds):
#   doc/          every policy file of tests/ and policies/ up to 16 KiB
#   frontmatter/  the YAML between the --- lines of each of them
#   form/         the YAML of every ```form block in them
#   wrap/         paragraphs of them, behind two bytes (width, indents) that
#                 fuzz_wrap reads first
#   config/       every policyc.yml of tests/, and the defaults of SPEC §7
#   corpus/       each tests/corpus/*/ and policies/ as one file, form feeds
#                 between the documents (fuzz_corpus splits there)
set -e
cd "$(dirname "$0")/.."
out=${1:-build/fuzz/seeds}
rm -rf "$out"
mkdir -p "$out/doc" "$out/frontmatter" "$out/form" "$out/wrap" "$out/config" "$out/corpus"

# A name for a file of tests/: its path with / as -.
flat() { echo "$1" | sed 's|^\./||; s|/|-|g'; }

find tests policies -type f \( -name '*.md' -o -path 'tests/hostile/*' \) -size -16k | sort |
while read -r f; do
	name=$(flat "$f")
	cp "$f" "$out/doc/$name"
	awk 'NR == 1 && !/^---[ \t]*\r?$/ { exit } NR > 1 && /^---[ \t]*\r?$/ { exit } NR > 1 { print }' \
		"$f" > "$out/frontmatter/$name"
	[ -s "$out/frontmatter/$name" ] || rm -f "$out/frontmatter/$name"
	awk -v dir="$out/form" -v name="$name" '
		/^[ \t]*```+[ \t]*form[ \t]*\r?$/ { inside = 1; n++; file = dir "/" name "-" n ".yml"; next }
		inside && /^[ \t]*```/ { inside = 0; close(file); next }
		inside { print > file }' "$f"
	# Paragraphs of at least 30 bytes, at widths 20 to 90 and every indent pair.
	awk -v dir="$out/wrap" -v name="$name" '
		length($0) >= 30 && !/^(---|#|```|\|)/ {
			n++
			if (n > 8) exit
			file = dir "/" name "-" n
			printf "%c%c%s", 20 + (n * 10) % 70, 32 + n * 5, $0 > file
			close(file)
		}' "$f"
done

for f in tests/corpus/*/policyc.yml; do
	[ -f "$f" ] && cp "$f" "$out/config/$(flat "$f")"
done
cp fuzz/defaults.yml "$out/config/defaults.yml"

for dir in tests/corpus/*/ policies/; do
	first=1
	for f in $(find "$dir" -name '*.md' | sort); do
		[ $first = 1 ] || printf '\f'
		cat "$f"
		first=0
	done > "$out/corpus/$(flat "${dir%/}").md"
done
for d in "$out"/*/; do
	echo "$(ls "$d" | wc -l) seeds in $d"
done
