/* report.h — the diagnostic formats, behind report_diagnostics (corpus.h). */
#ifndef POLICYC_REPORT_H
#define POLICYC_REPORT_H

#include <stdio.h>

#include "corpus.h"
#include "util.h"

/* report_json.c: SPEC §2's json array and SARIF 2.1.0 log, appended to out. */
void report_json(const struct corpus *corpus, struct buf *out);
void report_sarif(const struct corpus *corpus, struct buf *out);

/* Appends s as a JSON string (quotes included); bytes that are not UTF-8
 * become U+FFFD so that the output is always valid JSON. */
void json_put_string(struct buf *out, const char *s);
#endif
