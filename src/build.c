/* STUB: replaced by its owner. */
#include "render.h"
#include <stdlib.h>
int build_corpus(const struct corpus *corpus) { (void)corpus; return 2; }
