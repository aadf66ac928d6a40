/* STUB: replaced by its owner. */
#include "corpus.h"
#include <stdlib.h>
size_t report_diagnostics(const struct corpus *corpus) { (void)corpus; return 0; }
