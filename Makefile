# policyc — plain Makefile; libraries found with pkg-config.
PREFIX  ?= /usr/local
CC      ?= cc
PKGS     = libcmark-gfm yaml-0.1 icu-uc icu-i18n
OPTFLAGS ?= -O2 -g
WARNFLAGS = -std=c11 -Wall -Wextra -Wpedantic
# Recursively expanded on purpose: on a fresh machine pkg-config and the
# libraries only exist once `deps` has run.
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
# Debian ships no .pc file for the GFM extensions.
LIBS     = $(PKG_LIBS) -lcmark-gfm-extensions -lpthread
ALL_CFLAGS = $(WARNFLAGS) $(OPTFLAGS) -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(PKG_CFLAGS) $(CFLAGS)
SANFLAGS = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined

SRC      = $(wildcard src/*.c)
OBJ      = $(SRC:src/%.c=build/%.o)
ASAN_OBJ = $(SRC:src/%.c=build/asan/%.o)
UNIT_SRC = $(wildcard tests/unit/test_*.c)
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=build/asan/%)
HEADERS  = $(wildcard src/*.h) tests/unit/unit.h

# The packages a fresh Debian machine needs; `deps` installs them only when
# a library is missing, so a machine that has them needs no root.
DEB_PACKAGES = build-essential pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev \
	libyaml-dev libicu-dev python3

.PHONY: all deps site test unit bench install clean fuzz fuzz-build
.DEFAULT_GOAL := all

all: policyc site

deps:
	@if ! pkg-config --exists $(PKGS) 2>/dev/null || [ ! -f /usr/include/cmark-gfm-core-extensions.h ] \
			|| ! command -v python3 >/dev/null; then \
		echo "installing $(DEB_PACKAGES)"; \
		apt-get update && apt-get install -y $(DEB_PACKAGES); \
	fi

policyc: $(OBJ)
	$(CC) $(ALL_CFLAGS) -o $@ $(OBJ) $(LIBS)

build/%.o: src/%.c $(HEADERS) | deps
	@mkdir -p build
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

build/asan/%.o: src/%.c $(HEADERS) | deps
	@mkdir -p build/asan
	$(CC) $(ALL_CFLAGS) $(SANFLAGS) -c -o $@ $<

policyc-asan: $(ASAN_OBJ)
	$(CC) $(ALL_CFLAGS) $(SANFLAGS) -o $@ $(ASAN_OBJ) $(LIBS)

build/asan/test_%: tests/unit/test_%.c $(filter-out build/asan/main.o,$(ASAN_OBJ)) $(HEADERS)
	$(CC) $(ALL_CFLAGS) $(SANFLAGS) -Isrc -o $@ $< $(filter-out build/asan/main.o,$(ASAN_OBJ)) $(LIBS)

# The sample corpus compiled into out/: the main job.
site: policyc
	./policyc build --werror -o out policies

unit: $(UNIT_BIN)

# Every test runs against the sanitizer build (address and undefined behaviour).
test: policyc policyc-asan $(UNIT_BIN)
	POLICYC=./policyc-asan UNIT_DIR=build/asan sh tests/run.sh

# libFuzzer harnesses of fuzz/ (see fuzz/README.md); not part of `test`.
FUZZ_CC   ?= clang
FUZZ_SAN   = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
FUZZ_OBJ   = $(filter-out build/fuzz/main.o,$(SRC:src/%.c=build/fuzz/%.o))
FUZZ_BIN   = $(patsubst fuzz/%.c,build/fuzz/%,$(wildcard fuzz/fuzz_*.c))

FUZZ_TIME ?= 60
FUZZ_HARNESSES = check render form frontmatter wrap config corpus

fuzz-build: $(FUZZ_BIN)

# Each harness in turn (one CPU), FUZZ_TIME seconds each: make fuzz FUZZ_TIME=600
fuzz: fuzz-build
	sh fuzz/seeds.sh > /dev/null
	@for h in $(FUZZ_HARNESSES); do sh fuzz/run.sh $$h $(FUZZ_TIME) || exit 1; done

# Objects reached only through a pattern chain would be deleted as intermediates.
.SECONDARY: $(FUZZ_OBJ)

build/fuzz/%.o: src/%.c $(HEADERS) | deps
	@mkdir -p build/fuzz
	$(FUZZ_CC) $(ALL_CFLAGS) $(FUZZ_SAN) -fsanitize=fuzzer-no-link -c -o $@ $<

build/fuzz/fuzz_%: fuzz/fuzz_%.c fuzz/fuzz_common.h $(FUZZ_OBJ) $(HEADERS)
	$(FUZZ_CC) $(ALL_CFLAGS) $(FUZZ_SAN) -fsanitize=fuzzer -Isrc \
		-DFUZZ_TEMPLATES_DIR='"$(CURDIR)/templates"' -o $@ $< $(FUZZ_OBJ) $(LIBS)

bench: policyc
	sh bench/run.sh

install: policyc
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/policyc/templates \
		$(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 policyc $(DESTDIR)$(PREFIX)/bin/policyc
	install -m 644 templates/* $(DESTDIR)$(PREFIX)/share/policyc/templates/
	install -m 644 policyc.1 $(DESTDIR)$(PREFIX)/share/man/man1/policyc.1

clean:
	rm -rf build policyc policyc-asan
