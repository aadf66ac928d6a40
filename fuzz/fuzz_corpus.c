/* fuzz_corpus.c — any bytes as a corpus of up to eight policy files (split
 * at form feeds, U+000C) through what `policyc build` does: files in a
 * directory, corpus_load (every stage on a worker thread, duplicate ids,
 * titles and forms, 《title》 references across documents), the report, and
 * build_corpus writing the site. The first byte also picks the text width
 * among the extremes --width allows.
 *
 * Half the inputs (bit 3 of the length) go through main.c's single pass
 * instead, which renders each document while it is checked and keeps those
 * outputs only when the corpus checks bear out what they assumed
 * (build_early.c); the same corpus is then built the plain way beside it and
 * the two sites must be the same, file for file and byte for byte. Bit 6
 * leaves out --force, so documents with errors are not rendered and early
 * outputs must be dropped. */
#define _XOPEN_SOURCE 700
#include <ftw.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fuzz_common.h"
#include "build_early.h"
#include "render.h"

#ifndef FUZZ_TEMPLATES_DIR
#define FUZZ_TEMPLATES_DIR "templates"
#endif

enum { MAX_DOCS = 8 };

static char top[64], in_dir[80], out_dir[80], plain_dir[80];

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
	snprintf(plain_dir, sizeof plain_dir, "%s/plain", top);
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

/* The file at `path` under out_dir has its twin under plain_dir, with the
 * same bytes; nftw's callback, counting the files. */
static size_t files_seen;
static int same_as_plain(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)ftw;
	if (flag != FTW_F)
		return 0;
	files_seen++;
	char twin[512];
	snprintf(twin, sizeof twin, "%s%s", plain_dir, path + strlen(out_dir));
	FILE *a = fopen(path, "rb"), *b = fopen(twin, "rb");
	if (a == NULL || b == NULL)
		abort(); /* a file one build wrote and the other did not */
	for (off_t left = st->st_size + 1; left > 0; left--)
		if (fgetc(a) != fgetc(b))
			abort(); /* the single pass wrote other bytes */
	fclose(a);
	fclose(b);
	return 0;
}

static int count_file(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)path;
	(void)st;
	(void)ftw;
	files_seen += flag == FTW_F;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const int widths[] = {20, 21, 33, 72, 120, 1000, 10000};
	const struct config *config = fuzz_config(size);
	bool single_pass = (size >> 3) & 1;
	remove_tree(in_dir);
	remove_tree(out_dir);
	remove_tree(plain_dir);
	write_docs(data, size);
	struct options options = {
		.out_dir = out_dir,
		.templates_dir = FUZZ_TEMPLATES_DIR,
		.format = (enum output_format)(size / 2 % 4),
		.color = COLOR_NEVER,
		.force = single_pass ? !((size >> 6) & 1) : true,
		.quiet = true,
		.jobs = 2,
		.width = widths[(size ? data[0] : 0) % (sizeof widths / sizeof *widths)],
	};
	char *paths[] = {in_dir};
	if (single_pass) {
		struct build_early *early = build_early_new(&options, config);
		struct corpus *corpus = corpus_load_early(paths, 1, config, &options, build_early_hook(early));
		if (corpus == NULL)
			abort(); /* every file was just written */
		report_diagnostics(corpus);
		if (build_corpus_early(corpus, early) > 1)
			abort(); /* nothing keeps OUT from being written */
		build_early_free(early);
		corpus_free(corpus);
		options.out_dir = plain_dir;
	}
	struct corpus *corpus = corpus_load(paths, 1, config, &options);
	if (corpus == NULL)
		abort();
	report_diagnostics(corpus);
	if (build_corpus(corpus) > 1)
		abort();
	corpus_free(corpus);
	if (single_pass) {
		files_seen = 0;
		nftw(out_dir, same_as_plain, 16, FTW_PHYS);
		size_t early_files = files_seen;
		files_seen = 0;
		nftw(plain_dir, count_file, 16, FTW_PHYS);
		if (files_seen != early_files)
			abort(); /* the plain build wrote a file the single pass did not */
	}
	return 0;
}
