#include "rules.h"

#include <string.h>

const struct rule_info rule_table[RULE_COUNT] = {
#define RULE_INFO(name, id, sev, summary) {id, sev, summary},
	POLICYC_RULES(RULE_INFO)
#undef RULE_INFO
};

enum rule rule_lookup(const char *id)
{
	for (int r = 0; r < RULE_COUNT; r++)
		if (strcmp(rule_table[r].id, id) == 0)
			return (enum rule)r;
	return RULE_COUNT;
}

const char *severity_name(enum severity sev)
{
	switch (sev) {
	case SEV_ERROR: return "error";
	case SEV_WARNING: return "warning";
	case SEV_NOTE: return "note";
	case SEV_OFF: break;
	}
	return "off";
}
