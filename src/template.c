/* template.c — the page templates of templates/ and their placeholders.
 *
 * Deliberately tiny: `{{name}}` inserts a value HTML-escaped, `{{{name}}}`
 * inserts it as it is. There are no conditionals or loops; the renderers build
 * repeated HTML themselves and hand it over through triple braces, so every
 * piece of policy text passes through html_escape exactly once. */
#include "template.h"

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

static const char *const template_names[] = {"page.html", "index.html", "form.html", "style.css"};
#define NTEMPLATES (sizeof template_names / sizeof template_names[0])

/* A template's text up to a placeholder (or to its end), and the
 * placeholder: found once, when the template is loaded. */
struct template_piece {
	const char *text;
	size_t text_len;
	const char *name; /* NULL: the end of the template */
	size_t name_len;
	bool raw;
};

struct templates {
	char *text[NTEMPLATES];
	struct template_piece *pieces[NTEMPLATES];
	size_t npieces[NTEMPLATES];
};

/* Splits a template at its placeholders. A placeholder that is not closed
 * is text, and so is the rest of the template after it. */
static void split_template(struct templates *t, size_t i)
{
	size_t cap = 0;
	for (const char *p = t->text[i];;) {
		struct template_piece piece = {.text = p};
		const char *open = strstr(p, "{{"), *close = NULL;
		if (open) {
			piece.raw = open[2] == '{';
			piece.name = open + (piece.raw ? 3 : 2);
			close = strstr(piece.name, piece.raw ? "}}}" : "}}");
		}
		if (close == NULL) {
			piece.text_len = strlen(p);
			piece.name = NULL;
			ARRAY_PUSH(t->pieces[i], t->npieces[i], cap, piece);
			return;
		}
		piece.text_len = (size_t)(open - p);
		const char *end = close;
		while (piece.name < end && *piece.name == ' ')
			piece.name++;
		while (end > piece.name && end[-1] == ' ')
			end--;
		piece.name_len = (size_t)(end - piece.name);
		ARRAY_PUSH(t->pieces[i], t->npieces[i], cap, piece);
		p = close + (piece.raw ? 3 : 2);
	}
}

static int template_index(const char *name)
{
	for (size_t i = 0; i < NTEMPLATES; i++)
		if (strcmp(template_names[i], name) == 0)
			return (int)i;
	return -1;
}

struct templates *templates_load(const char *dir, char **error)
{
	struct templates *t = xcalloc(1, sizeof *t);
	*error = NULL;
	for (size_t i = 0; i < NTEMPLATES; i++) {
		char *path = xasprintf("%s/%s", dir, template_names[i]);
		size_t len;
		t->text[i] = read_file(path, &len);
		if (t->text[i] == NULL) {
			*error = xasprintf("cannot read template %s: %s", path, strerror(errno));
			free(path);
			templates_free(t);
			return NULL;
		}
		free(path);
		split_template(t, i);
	}
	return t;
}

const char *templates_get(const struct templates *t, const char *name)
{
	int i = template_index(name);
	return i < 0 ? NULL : t->text[i];
}

/* The entity of a byte html_escape_buf escapes, with its length; 0 for any
 * other byte. */
static size_t entity_of(char c, const char **entity)
{
	switch (c) {
	case '&': *entity = "&amp;"; return 5;
	case '<': *entity = "&lt;"; return 4;
	case '>': *entity = "&gt;"; return 4;
	case '"': *entity = "&quot;"; return 6;
	case '\'': *entity = "&#39;"; return 5;
	default: return 0;
	}
}

/* The text before the byte at `at` (from *plain on) and its entity; nothing
 * for a byte without one. */
static void put_entity(struct buf *b, const char *s, size_t *plain, size_t at)
{
	const char *entity = NULL;
	size_t len = entity_of(s[at], &entity);
	if (len == 0)
		return;
	buf_put(b, s + *plain, at - *plain);
	buf_put(b, entity, len);
	*plain = at + 1;
}

#ifdef __SSE2__
/* Bit k set: byte k of v is & ' < > or " (0x26 0x27 0x3C 0x3E 0x22),
 * exactly those. */
static unsigned special_bytes(__m128i v)
{
	const __m128i amp_apos = _mm_cmpeq_epi8(_mm_or_si128(v, _mm_set1_epi8(0x01)), _mm_set1_epi8(0x27));
	const __m128i lt_gt = _mm_cmpeq_epi8(_mm_or_si128(v, _mm_set1_epi8(0x02)), _mm_set1_epi8(0x3E));
	const __m128i quot = _mm_cmpeq_epi8(v, _mm_set1_epi8(0x22));
	return (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(amp_apos, lt_gt), quot));
}

static unsigned special_bytes16(const char *s)
{
	return special_bytes(_mm_loadu_si128((const __m128i *)(const void *)s));
}

/* The entities of the 16 bytes from `at`, whose special ones are `hits`. */
static void put_entities(struct buf *b, const char *s, size_t *plain, size_t at, unsigned hits)
{
	for (; hits; hits &= hits - 1)
		put_entity(b, s, plain, at + (size_t)__builtin_ctz(hits));
}

/* A text of fewer than 16 bytes (a marker, a title, the text between two
 * references): its head and tail, which overlap, read into one block tell
 * whether it holds anything to escape at all; only then it is looked at a
 * byte at a time. */
static void put_short_entities(struct buf *b, const char *s, size_t *plain, size_t n)
{
	uint64_t head = 0, tail = 0;
	if (n >= sizeof(uint64_t)) {
		memcpy(&head, s, sizeof head);
		memcpy(&tail, s + n - sizeof tail, sizeof tail);
	} else if (n >= sizeof(uint32_t)) {
		uint32_t first, last;
		memcpy(&first, s, sizeof first);
		memcpy(&last, s + n - sizeof last, sizeof last);
		head = first | (uint64_t)last << 32;
	} else {
		for (size_t i = 0; i < n; i++)
			head |= (uint64_t)(unsigned char)s[i] << (8 * i);
	}
	if (special_bytes(_mm_set_epi64x((long long)tail, (long long)head)) == 0)
		return;
	for (size_t i = 0; i < n; i++)
		put_entity(b, s, plain, i);
}

/* 16 bytes at a time; the last 16 of a longer text are read again, the
 * bytes already looked at shifted out. */
void html_escape_buf(struct buf *b, const char *s, size_t n)
{
	size_t plain = 0, i = 0; /* plain: start of the run not yet copied */
	for (; n - i >= 16; i += 16)
		put_entities(b, s, &plain, i, special_bytes16(s + i));
	if (n < 16)
		put_short_entities(b, s, &plain, n);
	else if (i < n)
		put_entities(b, s, &plain, i, special_bytes16(s + n - 16) >> (16 - (n - i)));
	buf_put(b, s + plain, n - plain);
}
#else
/* Whether any of the 8 bytes of x is below '?', past every character
 * html_escape_buf escapes (the test of "Bit Twiddling Hacks", exact for a
 * bound up to 128): Chinese passes 8 bytes at a time. */
static bool word_has_byte_below_question_mark(uint64_t x)
{
	const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
	return ((x - ones * '?') & ~x & highs) != 0;
}

void html_escape_buf(struct buf *b, const char *s, size_t n)
{
	size_t plain = 0; /* start of the run not yet copied */
	for (size_t i = 0; i < n;) {
		i = skip_clean_words(s, i, n, word_has_byte_below_question_mark);
		size_t end = n - i >= sizeof(uint64_t) ? i + sizeof(uint64_t) : n;
		for (; i < end; i++)
			put_entity(b, s, &plain, i);
	}
	buf_put(b, s + plain, n - plain);
}
#endif

void html_put_escaped(struct buf *b, const char *s)
{
	if (s)
		html_escape_buf(b, s, strlen(s));
}

char *html_escape(const char *s)
{
	struct buf b = {0};
	html_put_escaped(&b, s);
	return buf_take(&b);
}

bool template_write(const struct templates *t, const char *name, struct buf *out, template_slot_writer *write,
		    void *ctx)
{
	int i = template_index(name);
	if (i < 0)
		return false;
	for (size_t k = 0; k < t->npieces[i]; k++) {
		const struct template_piece *piece = &t->pieces[i][k];
		buf_put(out, piece->text, piece->text_len);
		if (piece->name)
			write(ctx, out, piece->name, piece->name_len, piece->raw);
	}
	return true;
}

struct expansion {
	const struct tvar *vars;
	const size_t *value_len;
	size_t nvars;
};

bool template_name_is(const char *known, const char *name, size_t name_len)
{
	return strncmp(known, name, name_len) == 0 && known[name_len] == '\0';
}

void template_put_value(struct buf *out, const char *value, size_t len, bool raw)
{
	if (value && raw)
		buf_put(out, value, len);
	else if (value)
		html_escape_buf(out, value, len);
}

static void write_tvar(void *ctx, struct buf *out, const char *name, size_t name_len, bool raw)
{
	const struct expansion *e = ctx;
	for (size_t i = 0; i < e->nvars; i++)
		if (template_name_is(e->vars[i].name, name, name_len)) {
			template_put_value(out, e->vars[i].value, e->value_len[i], raw);
			return;
		}
}

char *template_expand(const struct templates *t, const char *name, const struct tvar *vars, size_t nvars)
{
	const char *text = templates_get(t, name);
	if (text == NULL)
		return NULL;
	/* room for the template and every value at once (escaping adds a little);
	 * the values measured once (a page's grid is most of the page) */
	size_t room = strlen(text);
	size_t *value_len = xcalloc(nvars, sizeof *value_len);
	for (size_t i = 0; i < nvars; i++)
		room += value_len[i] = vars[i].value ? strlen(vars[i].value) : 0;
	struct buf out = {0};
	buf_grow(&out, room);
	struct expansion e = {vars, value_len, nvars};
	template_write(t, name, &out, write_tvar, &e);
	free(value_len);
	return buf_take(&out);
}

void templates_free(struct templates *t)
{
	if (t == NULL)
		return;
	for (size_t i = 0; i < NTEMPLATES; i++) {
		free(t->text[i]);
		free(t->pieces[i]);
	}
	free(t);
}

/* Drops the last path component (and the slash before it) in place. */
static void strip_last_component(char *path)
{
	char *slash = strrchr(path, '/');
	if (slash == NULL)
		path[0] = '\0';
	else if (slash == path)
		path[1] = '\0';
	else
		*slash = '\0';
}

char *templates_default_dir(void)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0)
		return xstrdup("templates");
	exe[n] = '\0';
	strip_last_component(exe); /* the executable's directory */
	char *beside = xasprintf("%s/templates", exe);
	char *probe = xasprintf("%s/page.html", beside);
	bool found = access(probe, R_OK) == 0;
	free(probe);
	if (found)
		return beside;
	free(beside);
	strip_last_component(exe); /* PREFIX for PREFIX/bin/policyc */
	return xasprintf("%s/share/policyc/templates", exe[0] ? exe : ".");
}
