#!/bin/sh
# fuzz/run.sh HARNESS [SECONDS] [extra libFuzzer flags] — runs one harness of
# `make fuzz` in one process (one CPU), from its seeds (cut from tests/ by
# fuzz/seeds.sh) plus the corpus it grew before (build/fuzz/corpus/HARNESS);
# findings go to build/fuzz/artifacts/. The last lines are libFuzzer's final
# statistics and the corpus size.
set -e
cd "$(dirname "$0")/.."
name=${1:?usage: fuzz/run.sh check|render|form|frontmatter|wrap|config|corpus [SECONDS] [FLAGS...]}
seconds=${2:-300}
shift; [ $# -gt 0 ] && shift
quiet=
case $name in
check) seeds=doc quiet=-close_fd_mask=3 ;; # the report
render) seeds=doc ;;
form) seeds=form ;;
frontmatter) seeds=frontmatter ;;
wrap) seeds=wrap ;;
corpus) seeds=corpus quiet=-close_fd_mask=3 ;; # the report
config) seeds=config quiet=-close_fd_mask=2 ;; # config_load's errors
*) echo "fuzz/run.sh: no harness $name" >&2; exit 2 ;;
esac
make -s fuzz-build
[ -d build/fuzz/seeds ] || sh fuzz/seeds.sh > /dev/null
corpus=build/fuzz/corpus/$name
mkdir -p "$corpus" build/fuzz/artifacts
build/fuzz/fuzz_$name -dict=fuzz/policy.dict \
	-max_total_time="$seconds" -timeout=5 -rss_limit_mb=2048 -max_len=16384 \
	-print_final_stats=1 -artifact_prefix=build/fuzz/artifacts/$name- $quiet "$@" \
	"$corpus" "build/fuzz/seeds/$seeds"
echo "corpus: $(ls "$corpus" | wc -l) inputs in $corpus"
