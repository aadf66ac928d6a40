/* main.c — the command line of SPEC §1: policyc check|build [OPTIONS] [PATH...]. */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "build_early.h"
#include "config.h"
#include "corpus.h"
#include "render.h"
#include "util.h"
#include "version.h"

/* Narrower than this, a plain-text line cannot hold a chapter heading and its
 * indentation; wider than this is surely a typo. */
enum { WIDTH_MIN = 20, WIDTH_MAX = 10000, JOBS_MAX = 1024, DEFAULT_WIDTH = 72 };

enum command { CMD_CHECK, CMD_BUILD };

static const char usage_text[] =
	"usage: policyc check [OPTIONS] [PATH...]   validate only (CI, editors)\n"
	"       policyc build [OPTIONS] [PATH...]   validate, then write the outputs\n"
	"       policyc --help | --version | help COMMAND\n";

static const char options_text[] =
	"\n"
	"PATH is a policy file or a directory searched recursively for *.md\n"
	"(hidden directories and files skipped). No PATH means policies/.\n"
	"\n"
	"options:\n"
	"  -o, --out DIR        output directory for build (default out/)\n"
	"  -c, --config FILE    configuration file (default: the first policyc.yml in\n"
	"                       the directory of the first PATH or above it)\n"
	"  -f, --format FMT     diagnostics format: text (default), json, sarif, github\n"
	"  -W, --werror         warnings count as errors for the exit status\n"
	"  -j, --jobs N         documents processed in parallel (default: CPUs)\n"
	"      --width N        plain-text output width in columns, 20 or more (default 72)\n"
	"      --templates DIR  HTML templates and stylesheet (default: installed templates/)\n"
	"      --force          build also renders documents that have errors\n"
	"  -q, --quiet          no progress or summary, diagnostics only\n"
	"      --color WHEN     auto (default), always, never\n"
	"  -h, --help           this help\n"
	"\n"
	"exit status: 0 no errors (warnings allowed unless --werror), 1 errors,\n"
	"2 usage error, bad configuration, unreadable input, unwritable output or\n"
	"internal failure.\n";

static const char check_help[] =
	"usage: policyc check [OPTIONS] [PATH...]\n"
	"\n"
	"Validates every policy of the corpus and reports the diagnostics: text on\n"
	"standard error, json, sarif and github on standard output. Writes nothing.\n";

static const char build_help[] =
	"usage: policyc build [OPTIONS] [PATH...]\n"
	"\n"
	"Validates the corpus like check, then writes OUT/index.html, a page and a\n"
	"plain-text copy of each policy, each form (HTML, text, JSON) and style.css.\n"
	"A document with errors is not rendered unless --force.\n";

static int usage_error(const char *fmt, const char *arg)
{
	fputs("policyc: ", stderr);
	fprintf(stderr, fmt, arg);
	fputc('\n', stderr);
	fputs(usage_text, stderr);
	fputs("Try 'policyc --help' for more information.\n", stderr);
	return 2;
}

static void print_help(FILE *out)
{
	fputs(usage_text, out);
	fputs(options_text, out);
}

static void print_command_help(enum command command)
{
	fputs(command == CMD_CHECK ? check_help : build_help, stdout);
	fputs(options_text, stdout);
}

/* Parses a whole decimal number in [min, max]; false on anything else. */
static bool parse_int(const char *s, long min, long max, int *out)
{
	if (*s < '0' || *s > '9')
		return false;
	errno = 0;
	char *end;
	long value = strtol(s, &end, 10);
	if (errno != 0 || *end != '\0' || value < min || value > max)
		return false;
	*out = (int)value;
	return true;
}

static bool parse_format(const char *s, enum output_format *out)
{
	static const char *const names[] = {"text", "json", "sarif", "github"};
	static const enum output_format formats[] = {FORMAT_TEXT, FORMAT_JSON, FORMAT_SARIF,
						     FORMAT_GITHUB};
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (strcmp(s, names[i]) == 0) {
			*out = formats[i];
			return true;
		}
	return false;
}

static bool parse_color(const char *s, enum color_mode *out)
{
	if (strcmp(s, "auto") == 0)
		*out = COLOR_AUTO;
	else if (strcmp(s, "always") == 0)
		*out = COLOR_ALWAYS;
	else if (strcmp(s, "never") == 0)
		*out = COLOR_NEVER;
	else
		return false;
	return true;
}

static int default_jobs(void)
{
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	if (cpus < 1)
		return 1;
	return cpus > JOBS_MAX ? JOBS_MAX : (int)cpus;
}

enum long_only { OPT_WIDTH = 256, OPT_TEMPLATES, OPT_FORCE, OPT_COLOR };

static const struct option long_options[] = {
	{"out", required_argument, NULL, 'o'},
	{"config", required_argument, NULL, 'c'},
	{"format", required_argument, NULL, 'f'},
	{"werror", no_argument, NULL, 'W'},
	{"jobs", required_argument, NULL, 'j'},
	{"width", required_argument, NULL, OPT_WIDTH},
	{"templates", required_argument, NULL, OPT_TEMPLATES},
	{"force", no_argument, NULL, OPT_FORCE},
	{"quiet", no_argument, NULL, 'q'},
	{"color", required_argument, NULL, OPT_COLOR},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

/* The option as the user wrote it, without "=value", for messages. */
static const char *written_option(char **argv, int index, char *scratch, size_t size)
{
	const char *arg = argv[index];
	size_t n = strcspn(arg, "=");
	if (n >= size)
		n = size - 1;
	memcpy(scratch, arg, n);
	scratch[n] = '\0';
	return scratch;
}

/* The long options that "--xy" abbreviates, as "--werror, --width", when it
 * abbreviates more than one (getopt_long reports that as an unknown option,
 * like a misspelling); NULL otherwise. */
static char *ambiguous_candidates(const char *written)
{
	if (!str_starts_with(written, "--") || written[2] == '\0')
		return NULL;
	size_t n = strlen(written + 2), matches = 0;
	struct buf names = {0};
	for (const struct option *o = long_options; o->name != NULL; o++) {
		if (strncmp(o->name, written + 2, n) != 0)
			continue;
		buf_printf(&names, "%s--%s", matches++ ? ", " : "", o->name);
	}
	if (matches > 1)
		return buf_take(&names);
	buf_free(&names);
	return NULL;
}

/* Parses the options of check/build (argv[0] is the command). Returns -1 when
 * the run goes on, otherwise the exit status. Paths are left in argv[optind..]. */
static int parse_options(int argc, char **argv, enum command command, struct options *opts)
{
	char scratch[128], reason[512];
	opterr = 0;
	optind = 1;
	for (;;) {
		int c = getopt_long(argc, argv, ":o:c:f:Wj:qh", long_options, NULL);
		if (c == -1)
			break;
		switch (c) {
		case 'o':
			if (*optarg == '\0')
				return usage_error("--out needs a directory%s", "");
			opts->out_dir = optarg;
			break;
		case 'c':
			if (*optarg == '\0')
				return usage_error("--config needs a file%s", "");
			opts->config_path = optarg;
			break;
		case 'f':
			if (!parse_format(optarg, &opts->format))
				return usage_error("unknown format '%s'; expected text, json, sarif or github",
						   optarg);
			break;
		case 'W':
			opts->werror = true;
			break;
		case 'j':
			if (!parse_int(optarg, 1, JOBS_MAX, &opts->jobs))
				return usage_error("--jobs needs a whole number from 1 to 1024, not '%s'", optarg);
			break;
		case OPT_WIDTH:
			if (!parse_int(optarg, WIDTH_MIN, WIDTH_MAX, &opts->width))
				return usage_error("--width needs a whole number from 20 to 10000, not '%s'", optarg);
			break;
		case OPT_TEMPLATES:
			if (*optarg == '\0')
				return usage_error("--templates needs a directory%s", "");
			opts->templates_dir = optarg;
			break;
		case OPT_FORCE:
			opts->force = true;
			break;
		case 'q':
			opts->quiet = true;
			break;
		case OPT_COLOR:
			if (!parse_color(optarg, &opts->color))
				return usage_error("unknown --color value '%s'; expected auto, always or never",
						   optarg);
			break;
		case 'h':
			print_command_help(command);
			return 0;
		case ':':
			if (str_starts_with(argv[optind - 1], "--"))
				return usage_error("option %s needs a value",
						   written_option(argv, optind - 1, scratch, sizeof scratch));
			snprintf(scratch, sizeof scratch, "-%c", optopt);
			return usage_error("option %s needs a value", scratch);
		default:
			/* optopt is 0 for an unknown long option, and the option's own
			 * value for "--werror=x" (a value given to a flag). */
			if (optopt == 0 || optopt >= 256 || strchr("ocfWjqh", optopt) != NULL) {
				const char *name = written_option(argv, optind - 1, scratch, sizeof scratch);
				if (optopt != 0)
					return usage_error("option %s takes no value", name);
				char *candidates = ambiguous_candidates(name);
				if (candidates == NULL)
					return usage_error("unknown option %s", name);
				snprintf(reason, sizeof reason, "option %s is ambiguous: %s", name, candidates);
				free(candidates);
				return usage_error("%s", reason);
			}
			snprintf(scratch, sizeof scratch, "-%c", optopt);
			return usage_error("unknown option %s", scratch);
		}
	}
	return -1;
}

/* The directory a configuration is looked for from: PATH itself when it is a
 * directory, otherwise the directory that holds it. */
static char *search_start(const char *path)
{
	struct stat st;
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		return xstrdup(path);
	const char *slash = strrchr(path, '/');
	if (slash == NULL)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

static struct config *load_config(const struct options *opts, const char *first_path)
{
	if (opts->config_path != NULL)
		return config_load(opts->config_path);
	char *dir = search_start(first_path);
	char *found = config_discover(dir);
	free(dir);
	if (found == NULL) {
		struct config *config = config_default();
		if (config == NULL)
			fputs("policyc: internal error: no built-in configuration\n", stderr);
		return config;
	}
	struct config *config = config_load(found);
	free(found);
	return config;
}

static int run(enum command command, int argc, char **argv)
{
	struct options opts = {
		.out_dir = "out",
		.format = FORMAT_TEXT,
		.color = COLOR_AUTO,
		.jobs = default_jobs(),
		.width = DEFAULT_WIDTH,
	};
	int status = parse_options(argc, argv, command, &opts);
	if (status >= 0)
		return status;

	static char default_path[] = "policies";
	char *default_paths[] = {default_path};
	char **paths = optind < argc ? argv + optind : default_paths;
	size_t npaths = optind < argc ? (size_t)(argc - optind) : 1;

	struct config *config = load_config(&opts, paths[0]);
	if (config == NULL)
		return 2;

	/* build renders each document while it is checked (build_early.h) */
	struct build_early *early = command == CMD_BUILD ? build_early_new(&opts, config) : NULL;
	struct corpus *corpus = corpus_load_early(paths, npaths, config, &opts, build_early_hook(early));
	if (corpus == NULL) {
		build_early_free(early);
		config_free(config);
		return 2;
	}
	size_t errors = report_diagnostics(corpus);
	status = errors > 0 ? 1 : 0;
	if (command == CMD_BUILD) {
		int built = build_corpus_early(corpus, early);
		build_early_free(early);
		if (built >= 2)
			status = 2;
		else if (status == 0)
			status = built;
	}
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "policyc: cannot write the diagnostics: %s\n", strerror(errno));
		status = 2;
	}
	corpus_free(corpus);
	config_free(config);
	return status;
}

static int help_command(int argc, char **argv)
{
	if (argc < 3) {
		print_help(stdout);
		return 0;
	}
	if (argc > 3)
		return usage_error("help takes one command, not '%s' too", argv[3]);
	if (strcmp(argv[2], "check") == 0)
		print_command_help(CMD_CHECK);
	else if (strcmp(argv[2], "build") == 0)
		print_command_help(CMD_BUILD);
	else if (strcmp(argv[2], "help") == 0)
		fputs("usage: policyc help COMMAND\n\nShows the help of check or build.\n", stdout);
	else
		return usage_error("no command '%s'; expected check or build", argv[2]);
	return 0;
}

/* Every document allocates and frees the same few hundred kilobytes (its
 * Markdown arena, its pages): glibc would give the top of the heap back to
 * the system after each and take it again, a page fault a page, at every
 * document. Freed memory is kept (up to 32 MB) for the next one instead;
 * what the process holds at its peak does not change. */
static void keep_freed_memory(void)
{
#ifdef __GLIBC__
	mallopt(M_TRIM_THRESHOLD, 32 << 20);
#endif
}

int main(int argc, char **argv)
{
	keep_freed_memory();
	if (argc < 2)
		return usage_error("no command given%s", "");
	const char *command = argv[1];
	if (strcmp(command, "--help") == 0 || strcmp(command, "-h") == 0) {
		if (argc > 2)
			return usage_error("--help takes no arguments, not '%s'", argv[2]);
		print_help(stdout);
		return 0;
	}
	if (strcmp(command, "--version") == 0) {
		if (argc > 2)
			return usage_error("--version takes no arguments, not '%s'", argv[2]);
		puts("policyc " POLICYC_VERSION);
		return 0;
	}
	if (strcmp(command, "help") == 0)
		return help_command(argc, argv);
	if (strcmp(command, "check") == 0)
		return run(CMD_CHECK, argc - 1, argv + 1);
	if (strcmp(command, "build") == 0)
		return run(CMD_BUILD, argc - 1, argv + 1);
	if (command[0] == '-')
		return usage_error("unknown option %s; the command (check or build) comes first", command);
	return usage_error("unknown command '%s'; expected check, build or help", command);
}
