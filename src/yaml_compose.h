/* yaml_compose.h — yaml_load's composer: a document from libyaml's parser
 * events (see yaml_compose.c). yaml_unload, which frees what it makes, is
 * declared in yaml_load.h. */
#ifndef POLICYC_YAML_COMPOSE_H
#define POLICYC_YAML_COMPOSE_H

#include <stdbool.h>
#include <stddef.h>

#include <yaml.h>

/* The next document of the stream on parser, as yaml_parser_load would
 * compose it, or an empty one (root NULL) at the end of the stream; len, the
 * length of the text, sizes the first allocations. The stream's first
 * document always has a node array, as libyaml's had; an empty later one has
 * none (nodes.start NULL). False on a syntax error — left in the parser, as
 * libyaml leaves its own, for the caller to report — with doc emptied. */
bool yaml_compose_next(yaml_parser_t *parser, yaml_document_t *doc, size_t len);
#endif
