/* fuzz_check.c — any bytes as a policy file through every stage of
 * `policyc check` (SPEC §1): no crash, no hang, no leak. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct document *doc = document_from_memory("fuzz.md", (const char *)data, size, fuzz_config(size));
	document_check(doc);
	fuzz_resolve_titles(doc);
	document_free(doc);
	return 0;
}
