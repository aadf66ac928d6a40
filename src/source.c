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
#include "util.h"

/* A line in a legacy encoding (GBK) holds an invalid sequence at nearly
 * every Chinese character: the line is one mistake, one diagnostic. A whole
 * file in GBK is then one diagnostic per line: the first few say enough. */
enum { ENCODING_REPORT_LIMIT = 10 };

static const char utf8_bom[] = "\xEF\xBB\xBF";

#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* The first "\n" or "\r" from i on, or len; 16 bytes at a time with SSE2. */
static size_t next_line_break(const char *s, size_t i, size_t len)
{
#ifdef __SSE2__
	const __m128i nl = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r');
	for (; len - i >= 16; i += 16) {
		const __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		unsigned hits = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, nl), _mm_cmpeq_epi8(v, cr)));
		if (hits)
			return i + (size_t)__builtin_ctz(hits);
	}
#endif
	while (i < len && s[i] != '\n' && s[i] != '\r')
		i++;
	return i;
}

static void split_lines(struct document *doc)
{
	size_t start = doc->bom ? 3 : 0;
	/* room for lines of 64 bytes, so that most files need no realloc */
	size_t cap = doc->len / 64 + 8;
	doc->line_start = xmalloc(cap * sizeof *doc->line_start);
	doc->nlines = 0;
	/* Line 1 always exists, even (empty) in an empty file. */
	doc->line_start[doc->nlines++] = start;
	for (size_t i = start; (i = next_line_break(doc->src, i, doc->len)) < doc->len; i++) {
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

/* The length of the character at s: ASCII other than NUL, or well-formed
 * UTF-8 (utf8_decode); 0 for a NUL or an invalid sequence. */
static size_t text_char_length(const char *s, size_t n)
{
	unsigned char c = (unsigned char)*s;
	if (c - 1u < 0x7Fu)
		return 1;
	uint32_t cp;
	size_t len = utf8_decode(s, n, &cp);
	return len == 1 && cp == 0 ? 0 : len;
}

/* Bit k set: a three-byte lead 0xE0 + k makes a character of any two
 * continuation bytes; E0 (overlong below A0) and ED (a surrogate from A0)
 * depend on the second byte. */
#define PLAIN_THREE_BYTE_LEADS 0xDFFEu

/* The end of the text from `at` on, looked at until `until` (it may go a
 * character past it): of ASCII other than NUL and well-formed UTF-8, up to
 * the first byte that is neither (returned even when before `until`), or
 * `len`. A policy is ASCII and three-byte characters (every Chinese one):
 * eight bytes of ASCII, or two three-byte characters, are taken at once from
 * a word; anything else a character at a time. s[len] must be readable
 * (doc->src ends with a NUL). */
static size_t word_text_end(const char *s, size_t at, size_t until, size_t len)
{
	static const unsigned char three_byte_mask[8] = {0xF0, 0xC0, 0xC0, 0xF0, 0xC0, 0xC0, 0, 0};
	static const unsigned char three_byte_bits[8] = {0xE0, 0x80, 0x80, 0xE0, 0x80, 0x80, 0, 0};
	const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
	uint64_t mask, bits;
	memcpy(&mask, three_byte_mask, 8); /* in the host's byte order */
	memcpy(&bits, three_byte_bits, 8);
	const unsigned char *u = (const unsigned char *)s;
	size_t i = at;
	while (i < until) {
		if (i + 7 <= len) {
			uint64_t w;
			memcpy(&w, u + i, 8);
			if (((w | ((w - ones) & ~w)) & highs) == 0) { /* no high bit, no NUL */
				i += 8;
				continue;
			}
			if ((w & mask) == bits &&
			    (PLAIN_THREE_BYTE_LEADS >> (u[i] & 0x0F) & PLAIN_THREE_BYTE_LEADS >> (u[i + 3] & 0x0F) & 1)) {
				i += 6;
				continue;
			}
		}
		size_t n = text_char_length(s + i, len - i);
		if (n == 0)
			return i;
		i += n;
	}
	return i < len ? i : len;
}

#ifdef __SSE2__
/* Bit k of each: what byte k of a block is. */
struct byte_kinds {
	uint64_t ascii, cont, lead2, lead3;
};

/* Adds the kinds of the 16 bytes at s, as bits `at` … at + 15. As signed
 * bytes ASCII other than NUL is above 0 and a continuation byte (80 … BF)
 * below -64; the leads C2 … DF of two-byte characters and E1 … EF (but ED)
 * of three-byte ones, moved to start at -128, are the bytes below -128 plus
 * the number of them. */
static inline void add_kinds(const char *s, unsigned at, struct byte_kinds *k)
{
	const __m128i v = _mm_loadu_si128((const __m128i *)(const void *)s);
	const __m128i from_c2 = _mm_add_epi8(v, _mm_set1_epi8((char)(0x80 - 0xC2)));
	const __m128i from_e1 = _mm_add_epi8(v, _mm_set1_epi8((char)(0x80 - 0xE1)));
	const __m128i lead2 = _mm_cmpgt_epi8(_mm_set1_epi8(-128 + (0xDF - 0xC2 + 1)), from_c2);
	const __m128i lead3 = _mm_andnot_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xED)),
					       _mm_cmpgt_epi8(_mm_set1_epi8(-128 + (0xEF - 0xE1 + 1)), from_e1));
	k->ascii |= (uint64_t)_mm_movemask_epi8(_mm_cmpgt_epi8(v, _mm_setzero_si128())) << at;
	k->cont |= (uint64_t)_mm_movemask_epi8(_mm_cmpgt_epi8(_mm_set1_epi8(-64), v)) << at;
	k->lead2 |= (uint64_t)_mm_movemask_epi8(lead2) << at;
	k->lead3 |= (uint64_t)_mm_movemask_epi8(lead3) << at;
}

/* How many of the n (16 or 64) bytes at s are text, in whole characters,
 * when all of them are ASCII other than NUL, two-byte characters, or
 * three-byte ones of the leads in PLAIN_THREE_BYTE_LEADS (any continuation
 * bytes make a character of these): n, or n - 1 or n - 2 when the last
 * character runs past the block. 0 for any other block, for word_text_end
 * to look at. */
static inline size_t plain_block(const char *s, unsigned n)
{
	struct byte_kinds k = {0, 0, 0, 0};
	add_kinds(s, 0, &k);
	if (n == 64) { /* unrolled, so that the kinds stay in registers */
		add_kinds(s + 16, 16, &k);
		add_kinds(s + 32, 32, &k);
		add_kinds(s + 48, 48, &k);
	}
	const uint64_t all = n == 64 ? ~(uint64_t)0 : ((uint64_t)1 << n) - 1;
	if (k.ascii == all)
		return n;
	if ((k.ascii | k.cont | k.lead2 | k.lead3) != all)
		return 0;
	/* The four kinds exclude one another: the bytes after each lead are
	 * continuation bytes, and every continuation byte follows a lead, when
	 * the continuation bytes are exactly where the leads want them. */
	const uint64_t leads = k.lead2 | k.lead3;
	if (((leads << 1 | k.lead3 << 2) & all) != k.cont)
		return 0;
	if (leads >> (n - 1) & 1)
		return n - 1;
	return k.lead3 >> (n - 2) & 1 ? n - 2 : n;
}
#endif

/* The end of the text from `at` on (word_text_end), in blocks of 64 or 16
 * bytes where SSE2 can tell them plain: a Chinese policy is checked three
 * times faster so than a word at a time. */
static size_t text_end(const char *s, size_t at, size_t len)
{
	size_t i = at;
	while (i < len) {
		size_t until = len;
#ifdef __SSE2__
		if (len - i >= 16) {
			size_t n = len - i >= 64 ? plain_block(s + i, 64) : 0;
			if (n == 0) /* the plain bytes before an odd one, 16 at a time */
				n = plain_block(s + i, 16);
			if (n) {
				i += n;
				continue;
			}
			until = i + 16;
		}
#endif
		size_t end = word_text_end(s, i, until, len);
		if (end < until)
			return end;
		i = end;
	}
	return len;
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
