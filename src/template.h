/* template.h — HTML templates with escaped-by-default placeholders.
 *
 * A template is a file of templates/ (page.html, index.html, form.html,
 * style.css). `{{name}}` is replaced by the variable's value HTML-escaped;
 * `{{{name}}}` by the value as it is (only for HTML the renderers built). */
#ifndef POLICYC_TEMPLATE_H
#define POLICYC_TEMPLATE_H

#include <stdbool.h>
#include <stddef.h>

struct templates;

struct tvar {
	const char *name;
	const char *value;
};

/* Loads every template of DIR; NULL and *error (malloc'd) when one is missing. */
struct templates *templates_load(const char *dir, char **error);
/* The raw text of a template file (style.css is copied as it is). */
const char *templates_get(const struct templates *t, const char *name);
/* Expands template `name`. Unknown placeholders expand to nothing. */
char *template_expand(const struct templates *t, const char *name, const struct tvar *vars, size_t nvars);
/* Writes a placeholder's value into out: the one called `name` (name_len
 * bytes, no NUL after them), as it is when raw ({{{name}}}), else escaped;
 * nothing for a name it does not know. */
struct buf;
typedef void template_slot_writer(void *ctx, struct buf *out, const char *name, size_t name_len, bool raw);
/* For a template_slot_writer: whether `known` is the placeholder's name,
 * and its value written as the placeholder asks (NULL: nothing). */
bool template_name_is(const char *known, const char *name, size_t name_len);
void template_put_value(struct buf *out, const char *value, size_t len, bool raw);
/* Appends template `name` to out, each placeholder written by `write` in
 * turn (a page writes its parts straight into itself rather than into
 * strings copied in afterwards); false for an unknown template. */
bool template_write(const struct templates *t, const char *name, struct buf *out, template_slot_writer *write,
		    void *ctx);
/* Appends s HTML-escaped (& < > " ') to a new string. */
char *html_escape(const char *s);
/* Appends n bytes of s HTML-escaped to b (util.h). */
void html_escape_buf(struct buf *b, const char *s, size_t n);
/* html_escape_buf of a whole string; nothing for NULL. */
void html_put_escaped(struct buf *b, const char *s);
void templates_free(struct templates *t);
/* The default templates directory: next to the executable (a source tree) or
 * PREFIX/share/policyc/templates. Caller frees. */
char *templates_default_dir(void);
#endif
