/* fuzz_check.c — any bytes as a policy file through every stage of
 * `policyc check` (SPEC §1) and its report in one of the four formats
 * (SPEC §2): no crash, no hang, no leak. The report goes to stdout and
 * stderr: run with -close_fd_mask=3 (fuzz/run.sh does). */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct config *config = fuzz_config(size);
	struct document *doc = document_from_memory("fuzz.md", (const char *)data, size, config);
	document_check(doc);
	fuzz_resolve_titles(doc);
	fuzz_check_positions(doc);
	/* The format and colour from bits of the length beside the one that
	 * chose the configuration. */
	struct options options = {
		.format = (enum output_format)(size / 2 % 4),
		.color = size / 8 % 2 ? COLOR_ALWAYS : COLOR_NEVER,
		.jobs = 1,
		.width = 72,
	};
	struct document *docs[] = {doc};
	struct corpus corpus = {docs, 1, config, &options};
	report_diagnostics(&corpus);
	document_free(doc);
	return 0;
}
