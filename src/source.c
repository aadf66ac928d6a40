/* source.c — a policy file's bytes: lines, columns and the encoding check.
 *
 * The bytes are kept exactly as read (doc->src); a UTF-8 byte order mark is
 * recorded and then ignored by starting line 1 after it, so columns on line 1
 * do not count it. Lines end at "\n", "\r\n" or a lone "\r" — the same line
 * ends CommonMark and YAML recognise, so cmark's and libyaml's line numbers
 * agree with ours. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "form.h"
#include "md_arena.h"
#include "model.h"
#include "text_scan.h"
#include "util.h"

/* A line in a legacy encoding (GBK) holds an invalid sequence at nearly
 * every Chinese character: the line is one mistake, one diagnostic. A whole
 * file in GBK is then one diagnostic per line: the first few say enough. */
enum { ENCODING_REPORT_LIMIT = 10 };

static const char utf8_bom[] = "\xEF\xBB\xBF";

static void split_lines(struct document *doc)
{
	size_t start = doc->bom ? 3 : 0;
	/* room for lines of 64 bytes, so that most files need no realloc */
	size_t cap = doc->len / 64 + 8;
	doc->line_start = xmalloc(cap * sizeof *doc->line_start);
	doc->nlines = 0;
	/* Line 1 always exists, even (empty) in an empty file. */
	doc->line_start[doc->nlines++] = start;
	for (size_t block = start; block < doc->len; block += 64)
		for (uint64_t bits = line_break_bits(doc->src, block, doc->len); bits; bits &= bits - 1) {
			size_t i = block + (size_t)__builtin_ctzll(bits);
			if (doc->src[i] == '\r' && i + 1 < doc->len && doc->src[i + 1] == '\n')
				continue; /* the "\n" that follows ends the line */
			if (i + 1 < doc->len)
				ARRAY_PUSH(doc->line_start, doc->nlines, cap, i + 1);
		}
	if (cap > 2 * doc->nlines + 8) /* a file of long lines keeps no spare room */
		doc->line_start = xrealloc(doc->line_start, doc->nlines * sizeof *doc->line_start);
}

/* The line (1-based) holding byte offset `offset`. */
static int line_of_offset(const struct document *doc, size_t offset)
{
	size_t lo = 0, hi = doc->nlines;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (doc->line_start[mid] <= offset)
			lo = mid;
		else
			hi = mid;
	}
	return (int)lo + 1;
}

static void position_of_offset(const struct document *doc, size_t offset, int *line, int *col)
{
	*line = line_of_offset(doc, offset);
	size_t start = doc->line_start[*line - 1];
	*col = offset < start ? 1 : (int)utf8_count(doc->src + start, offset - start) + 1;
}

/* Length of the invalid sequence at `at`: its first byte and the continuation
 * bytes after it, so a truncated character is one mistake, not two or three. */
static size_t invalid_run(const char *s, size_t at, size_t len)
{
	size_t end = at + 1;
	while (end < len && end < at + 4 && ((unsigned char)s[end] & 0xC0) == 0x80)
		end++;
	return end - at;
}

/* The encoding problems of one line: the first of them, and how many. */
struct bad_line {
	int line, col;
	size_t offset, count;
	bool nul;
};

static void report_bad_line(struct document *doc, const struct bad_line *bad)
{
	char more[64] = "";
	if (bad->count > 1)
		snprintf(more, sizeof more, ", and %zu more on this line", bad->count - 1);
	if (bad->nul)
		diag_add(&doc->diags, RULE_ENCODING, bad->line, bad->col,
			 "NUL byte at byte offset %zu%s; expected UTF-8 text", bad->offset, more);
	else
		diag_add(&doc->diags, RULE_ENCODING, bad->line, bad->col,
			 "invalid UTF-8 byte 0x%02x at byte offset %zu%s; expected UTF-8 text",
			 (unsigned char)doc->src[bad->offset], bad->offset, more);
}

static void check_encoding(struct document *doc)
{
	size_t bad_lines = 0;
	struct bad_line bad = {0}, first_unreported = {0};
	size_t i = doc->bom ? 3 : 0;
	while ((i = text_end(doc->src, i, doc->len)) < doc->len) {
		bool nul = doc->src[i] == '\0';
		int line = line_of_offset(doc, i);
		if (bad.count > 0 && line == bad.line) {
			bad.count++;
		} else {
			if (bad.count > 0 && bad_lines <= ENCODING_REPORT_LIMIT)
				report_bad_line(doc, &bad);
			bad_lines++;
			int col;
			position_of_offset(doc, i, &line, &col);
			bad = (struct bad_line){line, col, i, 1, nul};
			if (bad_lines == ENCODING_REPORT_LIMIT + 1)
				first_unreported = bad;
		}
		i += nul ? 1 : invalid_run(doc->src, i, doc->len);
	}
	if (bad.count > 0 && bad_lines <= ENCODING_REPORT_LIMIT)
		report_bad_line(doc, &bad);
	if (bad_lines > ENCODING_REPORT_LIMIT)
		diag_add(&doc->diags, RULE_ENCODING, first_unreported.line, first_unreported.col,
			 "… and %zu more lines with invalid UTF-8 or NUL bytes from here on",
			 bad_lines - ENCODING_REPORT_LIMIT);
	doc->readable = bad_lines == 0;
}

/* FNV-1a over 8-byte words, in four lanes that take every fourth word, so
 * that the multiplications do not wait for one another: a cheap
 * fingerprint, not a secure hash, compared only within one run. */
static uint64_t bytes_fingerprint(const char *s, size_t n)
{
	const uint64_t prime = 0x100000001b3u;
	uint64_t a = 0xcbf29ce484222325u ^ n, b = 1, c = 2, d = 3;
	size_t i = 0;
	for (; i + 32 <= n; i += 32) {
		uint64_t w[4];
		memcpy(w, s + i, 32);
		a = (a ^ w[0]) * prime;
		b = (b ^ w[1]) * prime;
		c = (c ^ w[2]) * prime;
		d = (d ^ w[3]) * prime;
	}
	uint64_t h = (((a ^ b) * prime ^ c) * prime ^ d) * prime;
	for (; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * prime;
	return h;
}

/* A document of the `len` bytes in `src`, a heap buffer of at least len + 1
 * bytes that the document takes over (src[len] becomes its NUL). */
static struct document *document_adopt(const char *path, char *src, size_t len,
				       const struct config *config)
{
	struct document *doc = xcalloc(1, sizeof *doc);
	doc->path = xstrdup(path ? path : "");
	doc->src = src;
	doc->src[len] = '\0';
	doc->len = len;
	doc->config = config;
	diags_init(&doc->diags, config ? config->severity : NULL);
	doc->bom = len >= 3 && memcmp(src, utf8_bom, 3) == 0;
	doc->body_line = 1;
	doc->meta.scheme = config ? config->scheme : SCHEME_ARTICLES;
	doc->fingerprint = bytes_fingerprint(doc->src, len);
	split_lines(doc);
	check_encoding(doc);
	return doc;
}

struct document *document_from_memory(const char *path, const char *bytes, size_t len,
				      const struct config *config)
{
	char *src = xmalloc(len + 1);
	if (len)
		memcpy(src, bytes, len);
	return document_adopt(path, src, len, config);
}

/* At most this many bytes of a policy file are read: policies are tens of
 * kilobytes, and a limit keeps any file's memory and time bounded (docs/
 * limits.md). A larger file is an `encoding` error: its bytes are not read as
 * a policy at all. */
#define POLICY_MAX_BYTES ((size_t)8 << 20)

/* The first `limit` bytes of the file and whether there were more (a pipe
 * that never ends is read no further either). NULL, errno set, on failure.
 * The buffer starts at the file's size and grows only for a file that grows
 * (or a pipe): a buffer of `limit` bytes for every file would cost a mapping
 * each, and once freed, would make malloc keep every later large buffer
 * (a rendered page, the catalogue) in the heap, where they stay resident.
 * The buffer always has a byte after the `*len` returned, for a NUL. */
static char *read_limited(const char *path, size_t limit, size_t *len, bool *over)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	struct stat st;
	size_t cap = 65536, size = 0;
	bool regular = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size >= 0;
	if (regular)
		cap = (size = (size_t)st.st_size) + 1; /* the byte after: is the file longer now? */
	if (cap > limit + 1)
		cap = limit + 1;
	char *bytes = xmalloc(cap);
	size_t n = 0;
	int error = 0;
	for (;;) {
		if (n == cap) {
			if (cap == limit + 1)
				break;
			cap = cap > (limit + 1) / 2 ? limit + 1 : 2 * cap;
			bytes = xrealloc(bytes, cap);
		}
		ssize_t got = read(fd, bytes + n, cap - n);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0) {
			error = got < 0 ? errno : 0;
			break;
		}
		n += (size_t)got;
		/* all that fstat promised, and no byte after it: the end, without
		 * a read to hear it (one that grew or shrank reads on) */
		if (regular && n == size)
			break;
	}
	close(fd);
	if (error) {
		free(bytes);
		errno = error;
		return NULL;
	}
	*over = n > limit;
	*len = *over ? limit : n;
	return bytes;
}

/* The first line of a file too large to read, cut whole characters, so the
 * diagnostic can show it. */
static size_t first_line_length(const char *bytes, size_t len)
{
	size_t n = 0;
	while (n < len && n < 400 && bytes[n] != '\n' && bytes[n] != '\r')
		n++;
	while (n > 0 && n < len && ((unsigned char)bytes[n] & 0xC0) == 0x80)
		n--;
	return n;
}

struct document *document_open(const char *path, const struct config *config)
{
	size_t len;
	bool over;
	char *bytes = read_limited(path, POLICY_MAX_BYTES, &len, &over);
	if (!bytes)
		return NULL;
	if (over) /* only the first line is kept, not the whole buffer */
		bytes = xrealloc(bytes, (len = first_line_length(bytes, len)) + 1);
	struct document *doc = document_adopt(path, bytes, len, config);
	if (over) {
		diag_add(&doc->diags, RULE_ENCODING, 1, 1,
			 "file is larger than %zu MiB, more than policyc reads; expected a policy file of at most "
			 "%zu bytes",
			 POLICY_MAX_BYTES >> 20, POLICY_MAX_BYTES);
		doc->readable = false;
	}
	return doc;
}

static void pnode_tree_free(struct pnode *root);

/* The node after `node` in document order (depth first), NULL at the end. */
static struct pnode *pnode_following(struct pnode *node)
{
	if (node->first)
		return node->first;
	while (node && !node->next)
		node = node->parent;
	return node ? node->next : NULL;
}

/* Leaves the forms to doc->forms alone (freeing the tree then spares them). */
static void detach_forms(struct pnode *root)
{
	for (struct pnode *node = root; node; node = pnode_following(node))
		node->form = NULL;
}

/* The Markdown tree and the provision tree. Parsed (parse.c), both lie
 * wholly in the document's arena and go with it at once, without a visit to
 * every node, and the forms are doc->forms's. Trees made otherwise (tests)
 * are freed node by node, and their nodes own their forms unless
 * `keep_forms`. */
static void trees_free(struct document *doc, bool keep_forms)
{
	if (doc->md_arena == NULL) {
		if (keep_forms)
			detach_forms(doc->root);
		pnode_tree_free(doc->root);
		if (doc->md)
			cmark_node_free(doc->md);
	}
	md_arena_free(doc->md_arena);
	doc->root = NULL;
	doc->md = NULL;
	doc->md_arena = NULL;
}

/* Arrays grown by doubling keep their spare room; a summary kept for the
 * whole run gives it back (realloc shrinks in place). */
static void *fit(void *v, size_t n, size_t size)
{
	return v ? xrealloc(v, (n ? n : 1) * size) : NULL;
}

void document_slim(struct document *doc)
{
	if (doc->slim)
		return;
	trees_free(doc, true);
	/* Only 《title》 references concern the corpus; their text node is gone. */
	size_t kept = 0;
	for (size_t i = 0; i < doc->nxrefs; i++) {
		struct xref ref = doc->xrefs[i];
		if (ref.kind != XREF_TITLE) {
			free(ref.title);
			continue;
		}
		ref.text = NULL;
		ref.target = ref.target_end = NULL;
		doc->xrefs[kept++] = ref;
	}
	doc->nxrefs = kept;
	if (kept == 0) {
		free(doc->xrefs);
		doc->xrefs = NULL;
		doc->xrefs_cap = 0;
	} else {
		doc->xrefs = fit(doc->xrefs, kept, sizeof *doc->xrefs);
		doc->xrefs_cap = kept;
	}
	for (size_t i = 0; i < doc->nforms; i++)
		form_compact(doc->forms[i]);
	if (doc->forms) {
		doc->forms = fit(doc->forms, doc->nforms, sizeof *doc->forms);
		doc->forms_cap = doc->nforms ? doc->nforms : 1;
	}
	if (doc->diags.n == 0) {
		free(doc->src);
		free(doc->line_start);
		doc->src = NULL;
		doc->line_start = NULL;
		doc->nlines = 0;
	}
	doc->slim = true;
}

bool document_reload_source(struct document *doc)
{
	if (doc->src != NULL)
		return true;
	size_t len;
	char *bytes = read_file(doc->path, &len);
	if (bytes == NULL || len != doc->len || bytes_fingerprint(bytes, len) != doc->fingerprint) {
		free(bytes);
		return false;
	}
	doc->src = bytes;
	split_lines(doc);
	return true;
}

const char *document_line(const struct document *doc, int line, size_t *n)
{
	if (line < 1 || (size_t)line > doc->nlines || doc->src == NULL) {
		*n = 0;
		return "";
	}
	size_t start = doc->line_start[line - 1];
	size_t end = (size_t)line < doc->nlines ? doc->line_start[line] : doc->len;
	if (end > start && doc->src[end - 1] == '\n')
		end--;
	if (end > start && doc->src[end - 1] == '\r')
		end--;
	*n = end - start;
	return doc->src + start;
}

int document_column(const struct document *doc, int line, int byte_col)
{
	size_t n;
	const char *text = document_line(doc, line, &n);
	if (byte_col <= 1)
		return 1;
	size_t bytes = (size_t)byte_col - 1;
	/* A column past the line's end (cmark points one past a line's last byte
	 * at times) counts one column per byte beyond it. */
	size_t within = bytes < n ? bytes : n;
	return (int)(utf8_count(text, within) + (bytes - within)) + 1;
}

static void meta_free(struct meta *meta)
{
	free(meta->title);
	free(meta->id);
	free(meta->version);
	free(meta->owner);
	free(meta->effective);
	free(meta->status);
	free(meta->approved_by);
	strings_free(meta->supersedes, meta->nsupersedes);
	strings_free(meta->tags, meta->ntags);
	for (size_t i = 0; i < meta->nrevisions; i++) {
		free(meta->revisions[i].version);
		free(meta->revisions[i].date);
		free(meta->revisions[i].note);
	}
	free(meta->revisions);
}

/* Provision trees can be deep (hostile input nests lists thousands of levels),
 * so the tree is freed by walking it, not by recursion: descend to a leaf,
 * free it, go on with its next sibling or back up to its parent. */
static void pnode_tree_free(struct pnode *root)
{
	struct pnode *node = root;
	while (node) {
		if (node->first) {
			node = node->first;
			continue;
		}
		bool is_root = node == root;
		struct pnode *parent = node->parent, *next = node->next;
		free(node->marker);
		free(node->title);
		if (node->form)
			form_free(node->form);
		free(node);
		if (is_root)
			break;
		parent->first = next; /* the children left to free */
		node = next ? next : parent;
	}
}

struct form *document_summary_form(const struct document *doc, int line)
{
	for (size_t k = 0; doc->summary && k < doc->summary->nforms; k++)
		if (doc->summary->forms[k]->line == line)
			return doc->summary->forms[k];
	return NULL;
}

void document_free(struct document *doc)
{
	if (!doc)
		return;
	if (doc->summary) { /* the meta and the forms are the summary's */
		memset(&doc->meta, 0, sizeof doc->meta);
		doc->nforms = 0;
	}
	/* the forms belong to their nodes on the heap, else to the list */
	bool forms_listed = doc->slim || doc->md_arena != NULL;
	trees_free(doc, doc->summary != NULL);
	for (size_t i = 0; i < doc->nxrefs; i++)
		free(doc->xrefs[i].title);
	free(doc->xrefs);
	for (size_t i = 0; forms_listed && i < doc->nforms; i++)
		form_free(doc->forms[i]);
	free(doc->forms);
	meta_free(&doc->meta);
	diags_free(&doc->diags);
	free(doc->line_start);
	free(doc->src);
	free(doc->path);
	free(doc);
}
