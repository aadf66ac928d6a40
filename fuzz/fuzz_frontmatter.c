/* fuzz_frontmatter.c — any bytes as the YAML of a policy's front matter
 * (SPEC §3) through frontmatter_check alone: the block is put between two
 * --- lines, as a drafter writes it. Every diagnostic must stand inside the
 * file (fuzz_check_positions). */
#include "fuzz_common.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct config *config = fuzz_config(size);
	struct buf file = {0};
	buf_puts(&file, "---\n");
	buf_put(&file, (const char *)data, size);
	buf_puts(&file, "\n---\n\n# 第一章 总则\n");
	struct document *doc = document_from_memory("fuzz.md", file.data, file.len, config);
	buf_free(&file);
	if (doc->readable)
		frontmatter_check(doc);
	fuzz_check_positions(doc);
	document_free(doc);
	return 0;
}
