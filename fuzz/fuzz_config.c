/* fuzz_config.c — any bytes as policyc.yml (SPEC §7) through config_load;
 * a configuration that loads then checks a small policy, so that odd
 * requirements and severities reach the stages that use them. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "fuzz_common.h"

static const char policy[] =
	"---\ntitle: 考勤管理制度\nid: HR-001\nversion: \"1.0\"\nowner: 人事行政部\n"
	"effective: 2024-01-01\nstatus: 生效\n---\n\n"
	"# 第一章 总则\n\n第一条 为规范考勤管理，特制定本制度。\n\n"
	"第二条 本制度适用于公司全体员工，见第一条。\n\n"
	"# 第二章 考勤\n\n第三条 员工应当按时上下班：\n\n（一）上班；\n\n（二）下班。\n\n"
	"# 第三章 附则\n\n第四条 本制度由人事行政部负责解释，自发布之日起施行，参见《请假管理制度》。\n";

static char path[64];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	snprintf(path, sizeof path, "/tmp/fuzz-config-%ld.yml", (long)getpid());
	fuzz_config(0); /* registers the cmark extensions */
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	FILE *f = fopen(path, "wb");
	if (f == NULL)
		abort();
	if (size && fwrite(data, 1, size, f) != size)
		abort();
	fclose(f);
	struct config *config = config_load(path);
	if (config != NULL) {
		struct document *doc = document_from_memory("fuzz.md", policy, sizeof policy - 1, config);
		document_check(doc);
		document_free(doc);
		config_free(config);
	}
	return 0;
}
