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

static const char *const template_names[] = {"page.html", "index.html", "form.html", "style.css"};
#define NTEMPLATES (sizeof template_names / sizeof template_names[0])

struct templates {
	char *text[NTEMPLATES];
};

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
	}
	return t;
}

const char *templates_get(const struct templates *t, const char *name)
{
	int i = template_index(name);
	return i < 0 ? NULL : t->text[i];
}

/* Whether any of the 8 bytes of x is below '?', past every character
 * html_escape_buf escapes (the test of "Bit Twiddling Hacks", exact for a
 * bound up to 128). Most text, and all of Chinese, passes 8 bytes at a time. */
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
		for (; i < end; i++) {
			const char *entity;
			switch (s[i]) {
			case '&': entity = "&amp;"; break;
			case '<': entity = "&lt;"; break;
			case '>': entity = "&gt;"; break;
			case '"': entity = "&quot;"; break;
			case '\'': entity = "&#39;"; break;
			default: continue;
			}
			buf_put(b, s + plain, i - plain);
			buf_puts(b, entity);
			plain = i + 1;
		}
	}
	buf_put(b, s + plain, n - plain);
}

char *html_escape(const char *s)
{
	struct buf b = {0};
	if (s)
		html_escape_buf(&b, s, strlen(s));
	return buf_take(&b);
}

/* The index of the variable called `name`, or nvars. */
static size_t lookup(const struct tvar *vars, size_t nvars, const char *name, size_t len)
{
	for (size_t i = 0; i < nvars; i++)
		if (strlen(vars[i].name) == len && memcmp(vars[i].name, name, len) == 0)
			return i;
	return nvars;
}

/* Expands one placeholder starting at `open` ("{{"); returns the position
 * after it, or NULL when it is not closed (then it is copied as text).
 * value_len: the lengths of the values, measured once (a page's content is
 * most of the page). */
static const char *expand_placeholder(struct buf *out, const char *open, const struct tvar *vars,
				      const size_t *value_len, size_t nvars)
{
	bool raw = open[2] == '{';
	const char *name = open + (raw ? 3 : 2);
	const char *close = strstr(name, raw ? "}}}" : "}}");
	if (close == NULL)
		return NULL;
	const char *end = close;
	while (name < end && *name == ' ')
		name++;
	while (end > name && end[-1] == ' ')
		end--;
	size_t i = lookup(vars, nvars, name, (size_t)(end - name));
	if (i < nvars && vars[i].value && raw)
		buf_put(out, vars[i].value, value_len[i]);
	else if (i < nvars && vars[i].value)
		html_escape_buf(out, vars[i].value, value_len[i]);
	return close + (raw ? 3 : 2);
}

char *template_expand(const struct templates *t, const char *name, const struct tvar *vars, size_t nvars)
{
	const char *text = templates_get(t, name);
	if (text == NULL)
		return NULL;
	/* room for the template and every value at once (escaping adds a little) */
	size_t room = strlen(text);
	size_t *value_len = xcalloc(nvars, sizeof *value_len);
	for (size_t i = 0; i < nvars; i++)
		room += value_len[i] = vars[i].value ? strlen(vars[i].value) : 0;
	struct buf out = {0};
	buf_grow(&out, room);
	const char *p = text;
	for (;;) {
		const char *open = strstr(p, "{{");
		if (open == NULL)
			break;
		buf_put(&out, p, (size_t)(open - p));
		const char *after = expand_placeholder(&out, open, vars, value_len, nvars);
		if (after == NULL) {
			p = open; /* not closed: the rest is text */
			break;
		}
		p = after;
	}
	buf_puts(&out, p);
	free(value_len);
	return buf_take(&out);
}

void templates_free(struct templates *t)
{
	if (t == NULL)
		return;
	for (size_t i = 0; i < NTEMPLATES; i++)
		free(t->text[i]);
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
