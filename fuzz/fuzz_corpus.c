/* fuzz_corpus.c — any bytes as a corpus of up to eight policy files (split
 * at form feeds, U+000C) through what `policyc build --force` does: files in
 * a directory, corpus_load (every stage on a worker thread, duplicate ids,
 * titles and forms, 《title》 references across documents), the report, and
 * build_corpus writing the site. The first byte also picks the text width
 * among the extremes --width allows. */
#define _XOPEN_SOURCE 700
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fuzz_common.h"
#include "render.h"

#ifndef FUZZ_TEMPLATES_DIR
#define FUZZ_TEMPLATES_DIR "templates"
#endif

enum { MAX_DOCS = 8 };

static char top[64], in_dir[80], out_dir[80];

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

static void remove_tree(const char *dir)
{
	nftw(dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

static void cleanup(void)
{
	remove_tree(top);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	snprintf(top, sizeof top, "/tmp/fuzz-corpus-%ld", (long)getpid());
	snprintf(in_dir, sizeof in_dir, "%s/in", top);
	snprintf(out_dir, sizeof out_dir, "%s/out", top);
	remove_tree(top);
	if (mkdir(top, 0700) != 0)
		abort();
	atexit(cleanup);
	fuzz_config(0);
	return 0;
}

static void write_docs(const uint8_t *data, size_t size)
{
	mkdir(in_dir, 0700);
	size_t start = 0;
	for (int i = 0; i < MAX_DOCS && start <= size; i++) {
		size_t end = start;
		while (end < size && (data[end] != '\f' || i == MAX_DOCS - 1))
			end++;
		char path[128];
		snprintf(path, sizeof path, "%s/d%d.md", in_dir, i);
		FILE *f = fopen(path, "wb");
		if (f == NULL || (end > start && fwrite(data + start, 1, end - start, f) != end - start))
			abort();
		fclose(f);
		start = end + 1;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const int widths[] = {20, 21, 33, 72, 120, 1000, 10000};
	const struct config *config = fuzz_config(size);
	remove_tree(in_dir);
	remove_tree(out_dir);
	write_docs(data, size);
	struct options options = {
		.out_dir = out_dir,
		.templates_dir = FUZZ_TEMPLATES_DIR,
		.format = (enum output_format)(size / 2 % 4),
		.color = COLOR_NEVER,
		.force = true,
		.quiet = true,
		.jobs = 2,
		.width = widths[(size ? data[0] : 0) % (sizeof widths / sizeof *widths)],
	};
	char *paths[] = {in_dir};
	struct corpus *corpus = corpus_load(paths, 1, config, &options);
	if (corpus == NULL)
		abort(); /* every file was just written */
	report_diagnostics(corpus);
	if (build_corpus(corpus) > 1)
		abort(); /* nothing keeps OUT from being written */
	corpus_free(corpus);
	return 0;
}
