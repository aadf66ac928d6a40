/* STUB: replaced by its owner. */
#include "corpus.h"
#include <stdlib.h>
int main(void) { return 2; }
