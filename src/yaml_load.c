/* yaml_load.c — libyaml's document API with positions and errors in our terms. */
#include "yaml_load.h"

#include <stdio.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "util.h"
#include "yaml_compose.h"
#include "yaml_pool.h"

/* Reader errors (bad encoding) carry a byte offset, not a mark: turn it into a
 * line and code-point column the way libyaml would have counted them — and
 * source.c does: lines end at "\n", "\r\n" or a lone "\r". */
static void position_of_offset(const char *text, size_t len, size_t offset, int *line, int *col)
{
	size_t line_start = 0;
	*line = 1;
	if (offset > len)
		offset = len;
	for (size_t i = 0; i < offset; i++) {
		if (text[i] == '\r' && i + 1 < len && text[i + 1] == '\n')
			continue;
		if (text[i] == '\n' || text[i] == '\r') {
			(*line)++;
			line_start = i + 1;
		}
	}
	*col = (int)utf8_count(text + line_start, offset - line_start) + 1;
}

static void fill_error(const yaml_parser_t *parser, const char *text, size_t len,
		       struct yaml_error *err)
{
	const char *problem = parser->problem ? parser->problem : "cannot be parsed";
	if (parser->error == YAML_READER_ERROR) {
		position_of_offset(text, len, parser->problem_offset, &err->line, &err->col);
	} else {
		err->line = (int)parser->problem_mark.line + 1;
		err->col = (int)parser->problem_mark.column + 1;
	}
	if (parser->context && (parser->context_mark.line < parser->problem_mark.line ||
				(parser->context_mark.line == parser->problem_mark.line &&
				 parser->context_mark.column < parser->problem_mark.column))) {
		err->context_line = (int)parser->context_mark.line + 1;
		err->context_col = (int)parser->context_mark.column + 1;
	}
	if (parser->context)
		snprintf(err->problem, sizeof err->problem, "%s %s", problem, parser->context);
	else
		snprintf(err->problem, sizeof err->problem, "%s", problem);
}

/* libyaml has no limit on nesting, and its scanner takes time quadratic in
 * the depth of flow collections ("[[[[…" 40000 deep takes seconds). Real
 * front matter, configurations and forms nest a few levels. */
enum { MAX_DEPTH = 100 };

static bool start_parser(yaml_parser_t *parser, const char *text, size_t len, struct yaml_error *err)
{
	if (!yaml_parser_initialize(parser)) {
		snprintf(err->problem, sizeof err->problem, "out of memory");
		err->line = err->col = 1;
		return false;
	}
	yaml_parser_set_input_string(parser, (const unsigned char *)text, len);
	yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING);
	return true;
}

/* A pass over the events that stops at the first syntax error or at a
 * collection nested too deep, before the loader spends its time on them. */
static bool check_events(const char *text, size_t len, struct yaml_error *err)
{
	yaml_parser_t parser;
	if (!start_parser(&parser, text, len, err))
		return false;
	int depth = 0;
	bool ok = true;
	for (bool done = false; !done;) {
		yaml_event_t event;
		if (!yaml_parser_parse(&parser, &event)) {
			fill_error(&parser, text, len, err);
			ok = false;
			break;
		}
		if (event.type == YAML_SEQUENCE_START_EVENT || event.type == YAML_MAPPING_START_EVENT) {
			if (++depth > MAX_DEPTH) {
				err->line = (int)event.start_mark.line + 1;
				err->col = (int)event.start_mark.column + 1;
				snprintf(err->problem, sizeof err->problem,
					 "lists and mappings nested more than %d deep", MAX_DEPTH);
				ok = false;
				done = true;
			}
		} else if (event.type == YAML_SEQUENCE_END_EVENT || event.type == YAML_MAPPING_END_EVENT) {
			depth--;
		}
		done = done || event.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&event);
	}
	yaml_parser_delete(&parser);
	return ok;
}

/* Every list or mapping opens at one of [ { - ? : (a flow collection, a
 * block sequence entry, a key); a text with no more of these than MAX_DEPTH
 * cannot nest deeper and is spared the pass that looks — front matter and
 * forms nearly always. */
static bool may_nest_too_deep(const char *text, size_t len)
{
	static const unsigned char opens[256] = {['['] = 1, ['{'] = 1, ['-'] = 1, ['?'] = 1, [':'] = 1};
	const unsigned char *u = (const unsigned char *)text;
	size_t openers = 0, i = 0;
#ifdef __SSE2__
	/* sixteen bytes a step: every text yaml_load is given is counted */
	for (; len - i >= 16; i += 16) {
		const __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(u + i));
		__m128i hit = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('[')), _mm_cmpeq_epi8(v, _mm_set1_epi8('{')));
		hit = _mm_or_si128(hit, _mm_cmpeq_epi8(v, _mm_set1_epi8('-')));
		hit = _mm_or_si128(hit, _mm_cmpeq_epi8(v, _mm_set1_epi8('?')));
		hit = _mm_or_si128(hit, _mm_cmpeq_epi8(v, _mm_set1_epi8(':')));
		openers += (size_t)__builtin_popcount((unsigned)_mm_movemask_epi8(hit));
	}
#endif
	for (; i < len; i++)
		openers += opens[u[i]];
	return openers > MAX_DEPTH;
}

static bool load(yaml_document_t *doc, const char *text, size_t len, struct yaml_error *err)
{
	yaml_parser_t parser;
	memset(doc, 0, sizeof *doc);
	memset(err, 0, sizeof *err);
	if ((may_nest_too_deep(text, len) && !check_events(text, len, err)) || !start_parser(&parser, text, len, err))
		return false;
	bool ok = yaml_compose_next(&parser, doc, len);
	if (!ok) {
		fill_error(&parser, text, len, err);
	} else if (yaml_root(doc)) {
		yaml_document_t second;
		if (!yaml_compose_next(&parser, &second, 0)) {
			fill_error(&parser, text, len, err);
			ok = false;
		} else {
			yaml_node_t *root = yaml_root(&second);
			if (root) {
				err->line = yaml_line(root);
				err->col = yaml_col(root);
				snprintf(err->problem, sizeof err->problem,
					 "found a second YAML document; expected a single one");
				ok = false;
			}
			yaml_unload(&second);
		}
		if (!ok)
			yaml_unload(doc);
	}
	yaml_parser_delete(&parser);
	return ok;
}

bool yaml_load(yaml_document_t *doc, const char *text, size_t len, struct yaml_error *err)
{
	/* libyaml's strings come from a pool of this text's (yaml_pool.h) */
	struct yaml_pool pool;
	yaml_pool_enter(&pool);
	bool ok = load(doc, text, len, err);
	yaml_pool_leave(&pool);
	return ok;
}

yaml_node_t *yaml_root(yaml_document_t *doc)
{
	return doc->nodes.start ? yaml_document_get_root_node(doc) : NULL;
}

size_t yaml_map_size(const yaml_node_t *map)
{
	if (!map || map->type != YAML_MAPPING_NODE)
		return 0;
	return (size_t)(map->data.mapping.pairs.top - map->data.mapping.pairs.start);
}

bool yaml_map_entry(yaml_document_t *doc, const yaml_node_t *map, size_t i,
		    yaml_node_t **key, yaml_node_t **value)
{
	if (i >= yaml_map_size(map))
		return false;
	const yaml_node_pair_t *pair = map->data.mapping.pairs.start + i;
	*key = yaml_document_get_node(doc, pair->key);
	*value = yaml_document_get_node(doc, pair->value);
	return *key && *value;
}

yaml_node_t *yaml_map_get(yaml_document_t *doc, const yaml_node_t *map, const char *name,
			  yaml_node_t **key_node)
{
	size_t n = yaml_map_size(map);
	for (size_t i = 0; i < n; i++) {
		yaml_node_t *key, *value;
		if (!yaml_map_entry(doc, map, i, &key, &value))
			continue;
		const char *text = yaml_scalar(key);
		if (text && strcmp(text, name) == 0) {
			if (key_node)
				*key_node = key;
			return value;
		}
	}
	if (key_node)
		*key_node = NULL;
	return NULL;
}

struct keyed_entry {
	const yaml_node_t *key;
	size_t index;
};

static int compare_keyed(const void *a, const void *b)
{
	const struct keyed_entry *x = a, *y = b;
	size_t nx = x->key->data.scalar.length, ny = y->key->data.scalar.length;
	int c = memcmp(x->key->data.scalar.value, y->key->data.scalar.value, nx < ny ? nx : ny);
	if (c == 0 && nx != ny)
		c = nx < ny ? -1 : 1;
	if (c == 0)
		c = x->index < y->index ? -1 : x->index > y->index;
	return c;
}

size_t *yaml_map_first_entries(yaml_document_t *doc, const yaml_node_t *map)
{
	size_t n = yaml_map_size(map);
	if (n == 0)
		return NULL;
	size_t *first = xmalloc(n * sizeof *first);
	struct keyed_entry *sorted = xmalloc(n * sizeof *sorted);
	size_t nsorted = 0;
	for (size_t i = 0; i < n; i++) {
		yaml_node_t *key, *value;
		first[i] = i;
		if (yaml_map_entry(doc, map, i, &key, &value) && key->type == YAML_SCALAR_NODE)
			sorted[nsorted++] = (struct keyed_entry){key, i};
	}
	qsort(sorted, nsorted, sizeof *sorted, compare_keyed);
	for (size_t i = 1; i < nsorted; i++) {
		const yaml_node_t *a = sorted[i - 1].key, *b = sorted[i].key;
		if (a->data.scalar.length == b->data.scalar.length &&
		    memcmp(a->data.scalar.value, b->data.scalar.value, a->data.scalar.length) == 0)
			first[sorted[i].index] = first[sorted[i - 1].index];
	}
	free(sorted);
	return first;
}

size_t yaml_seq_size(const yaml_node_t *seq)
{
	if (!seq || seq->type != YAML_SEQUENCE_NODE)
		return 0;
	return (size_t)(seq->data.sequence.items.top - seq->data.sequence.items.start);
}

yaml_node_t *yaml_seq_item(yaml_document_t *doc, const yaml_node_t *seq, size_t i)
{
	if (i >= yaml_seq_size(seq))
		return NULL;
	return yaml_document_get_node(doc, seq->data.sequence.items.start[i]);
}

const char *yaml_scalar(const yaml_node_t *node)
{
	if (!node || node->type != YAML_SCALAR_NODE)
		return NULL;
	return (const char *)node->data.scalar.value;
}

static bool is_plain(const yaml_node_t *node)
{
	return node && node->type == YAML_SCALAR_NODE &&
	       node->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
}

/* The longest of the words below ("false"): longer text is none of them
 * (a plain scalar holds no NUL that could end it early). */
enum { LONGEST_WORD = 5 };

static bool plain_is_one_of(const yaml_node_t *node, const char *const *words)
{
	if (!is_plain(node) || node->data.scalar.length > LONGEST_WORD)
		return false;
	return word_index(words, yaml_scalar(node)) >= 0;
}

bool yaml_is_null(const yaml_node_t *node)
{
	static const char *const nulls[] = {"", "~", "null", "Null", "NULL", NULL};
	return !node || plain_is_one_of(node, nulls);
}

bool yaml_is_bool(const yaml_node_t *node)
{
	static const char *const bools[] = {"true", "True", "TRUE", "false", "False", "FALSE", NULL};
	return plain_is_one_of(node, bools);
}

bool yaml_is_plain_value(const yaml_node_t *node)
{
	return node && node->type == YAML_SCALAR_NODE && !yaml_is_null(node) && !yaml_is_bool(node);
}

const char *yaml_kind_name(const yaml_node_t *node)
{
	if (yaml_is_null(node))
		return "nothing (null)";
	switch (node->type) {
	case YAML_MAPPING_NODE:
		return "a mapping";
	case YAML_SEQUENCE_NODE:
		return "a list";
	case YAML_SCALAR_NODE:
		return yaml_is_bool(node) ? "a boolean" : "a scalar";
	default:
		return "nothing";
	}
}

int yaml_line(const yaml_node_t *node)
{
	return node ? (int)node->start_mark.line + 1 : 1;
}

int yaml_col(const yaml_node_t *node)
{
	return node ? (int)node->start_mark.column + 1 : 1;
}

enum { SHOWN_MAX_CODE_POINTS = 40 };

char *yaml_shown(const yaml_node_t *node)
{
	const char *text = yaml_scalar(node);
	if (!text)
		return xstrdup(yaml_kind_name(node));
	size_t len = node->data.scalar.length;
	if (len == 0)
		return xstrdup("\"\""); /* not an empty gap in the message */
	struct buf out = {0};
	size_t count = 0;
	for (size_t i = 0; i < len; count++) {
		if (count == SHOWN_MAX_CODE_POINTS) {
			buf_puts(&out, "…");
			break;
		}
		uint32_t cp;
		size_t n = utf8_decode(text + i, len - i, &cp);
		if (n == 1 && cp == 0) {
			buf_puts(&out, "\\0"); /* as a drafter writes it in YAML, not a blank */
			i++;
		} else if (n == 0 || cp < 0x20 || cp == 0x7F) {
			buf_putc(&out, ' ');
			i += n ? n : 1;
		} else {
			buf_put(&out, text + i, n);
			i += n;
		}
	}
	return buf_take(&out);
}

enum { SUGGEST_MAX_CODE_POINTS = 64 };

static size_t decode_all(const char *s, uint32_t *out, size_t max)
{
	size_t n = 0, len = strlen(s);
	for (size_t i = 0; i < len && n < max;) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, len - i, &cp);
		out[n++] = k ? cp : 0xFFFD;
		i += k ? k : 1;
	}
	return n;
}

static size_t min3(size_t a, size_t b, size_t c)
{
	size_t m = a < b ? a : b;
	return m < c ? m : c;
}

/* Optimal string alignment distance: insertions, deletions, substitutions
 * and swaps of neighbours (titel → title is one edit). */
static size_t edit_distance(const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
	size_t rows[3][SUGGEST_MAX_CODE_POINTS + 1];
	size_t *before = rows[0], *prev = rows[1], *cur = rows[2];
	for (size_t j = 0; j <= nb; j++)
		prev[j] = j;
	for (size_t i = 1; i <= na; i++) {
		cur[0] = i;
		for (size_t j = 1; j <= nb; j++) {
			size_t cost = a[i - 1] != b[j - 1];
			cur[j] = min3(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
			    before[j - 2] + 1 < cur[j])
				cur[j] = before[j - 2] + 1;
		}
		size_t *old = before;
		before = prev;
		prev = cur;
		cur = old;
	}
	return prev[nb];
}

static int ascii_lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

/* A key written with '_' or ' ' for '-', or in another case, is the same
 * key to a reader. */
static uint32_t fold(uint32_t cp)
{
	if (cp == '_' || cp == ' ')
		return '-';
	return cp < 0x80 ? (uint32_t)ascii_lower((int)cp) : cp;
}

/* punct-width for punctuation-width: as many '-'-separated words, each the
 * start of the candidate's word. */
static bool is_abbreviation(const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
	size_t i = 0, j = 0;
	while (i < na) {
		size_t word = 0;
		while (i < na && a[i] != '-') {
			if (j >= nb || b[j] != a[i])
				return false;
			i++, j++, word++;
		}
		if (word == 0)
			return false;
		while (j < nb && b[j] != '-')
			j++;
		if (i < na) {
			if (j >= nb)
				return false;
			i++, j++; /* both at a '-' */
		}
	}
	return j == nb && na < nb;
}

const char *yaml_closest_key(const char *key, const char *const *known, size_t n)
{
	uint32_t a[SUGGEST_MAX_CODE_POINTS], b[SUGGEST_MAX_CODE_POINTS];
	if (strlen(key) > 4 * SUGGEST_MAX_CODE_POINTS)
		return NULL;
	size_t na = decode_all(key, a, SUGGEST_MAX_CODE_POINTS);
	for (size_t i = 0; i < na; i++)
		a[i] = fold(a[i]);
	const char *best = NULL;
	size_t best_distance = (size_t)-1;
	for (size_t k = 0; k < n; k++) {
		size_t nb = decode_all(known[k], b, SUGGEST_MAX_CODE_POINTS);
		for (size_t i = 0; i < nb; i++)
			b[i] = fold(b[i]);
		size_t d = edit_distance(a, na, b, nb);
		/* effective-date, approved-by-name: a known key with a word added. */
		if (nb >= 4 && na > nb && a[nb] == '-' && memcmp(a, b, nb * sizeof *a) == 0)
			d = 1;
		else if (na >= 3 && is_abbreviation(a, na, b, nb))
			d = 1;
		/* Close enough: one edit in three characters of the longer word,
		 * at least one, so short keys only match near misses. */
		size_t longer = na > nb ? na : nb;
		size_t allowed = longer / 3 ? longer / 3 : 1;
		if (d <= allowed && d < best_distance) {
			best = known[k];
			best_distance = d;
		}
	}
	return best;
}
