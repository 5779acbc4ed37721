# leninletter: build, test and install.  Every variable can be overridden:
#   make LUA_VERSION=5.4 CC=clang CFLAGS="-O0 -g"
LUA_VERSION ?= 5.4
LUA         ?= lua$(LUA_VERSION)
PKG_CONFIG  ?= pkg-config
BUSTED      ?= busted
PREFIX      ?= /usr/local
DESTDIR     ?=
LUA_INCDIR  ?= $(shell $(PKG_CONFIG) --variable=includedir lua$(LUA_VERSION) 2>/dev/null)/lua$(LUA_VERSION)
INSTALL_CMOD ?= $(PREFIX)/lib/lua/$(LUA_VERSION)
INSTALL_LMOD ?= $(PREFIX)/share/lua/$(LUA_VERSION)
INSTALL_BIN  ?= $(PREFIX)/bin

CC      ?= cc
OPTFLAGS ?= -O2
CFLAGS  ?= $(OPTFLAGS) -g
WARN    = -std=c99 -Wall -Wextra -Wpedantic
DEPS_CFLAGS := $(shell $(PKG_CONFIG) --cflags libutf8proc libxml-2.0 2>/dev/null)
DEPS_LIBS   := $(shell $(PKG_CONFIG) --libs libutf8proc libxml-2.0 2>/dev/null) -lstemmer
LUA_CFLAGS  := $(shell $(PKG_CONFIG) --cflags lua$(LUA_VERSION) 2>/dev/null)
ALL_CFLAGS = $(WARN) $(CFLAGS) -fPIC -fvisibility=hidden $(LUA_CFLAGS) $(DEPS_CFLAGS)
LDFLAGS ?=

# the plain C library (knows nothing of Lua) and the one binding file
LIB_SRC  = $(filter-out csrc/lcore.c,$(wildcard csrc/ll*.c))
LIB_OBJ  = $(LIB_SRC:.c=.o)
CORE_OBJ = $(LIB_OBJ) csrc/lcore.o
CORE_SO  = csrc/leninletter/core.so
CTESTS   = $(patsubst csrc/test/%.c,csrc/test/%,$(wildcard csrc/test/*.c))

.PHONY: all deps demo test ctest spec install uninstall clean lint doc bench \
        asan valgrind fuzz coverage embed check-embed

all: $(CORE_SO)

$(CORE_SO): $(CORE_OBJ)
	@mkdir -p csrc/leninletter
	$(CC) -shared $(CFLAGS) $(LDFLAGS) -o $@ $(CORE_OBJ) $(DEPS_LIBS)

csrc/%.o: csrc/%.c csrc/*.h
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# the letter, compiled in: regenerate after changing data/letter.txt
csrc/llembed.h: data/letter.txt csrc/gen_embed.lua
	$(LUA) csrc/gen_embed.lua data/letter.txt > $@

embed: csrc/llembed.h

csrc/test/%: csrc/test/%.c $(LIB_OBJ)
	$(CC) $(WARN) $(CFLAGS) $(DEPS_CFLAGS) -Icsrc -o $@ $< $(LIB_OBJ) $(DEPS_LIBS) -lm

ctest: $(CTESTS)
	@set -e; for t in $(CTESTS); do echo "== $$t"; ./$$t; done

spec: all
	$(BUSTED) --lua=$(LUA) spec

test: all ctest spec

deps:
	@sh .ci/deps

# run the work tree's module without installing it
RUN_ENV = LUA_PATH='lua/?.lua;lua/?/init.lua;data/?.lua;;' LUA_CPATH='csrc/?.so;;'

demo: deps all
	@$(RUN_ENV) $(LUA) bin/leninletter info
	@echo
	@$(RUN_ENV) $(LUA) bin/leninletter notes

install: all
	install -d $(DESTDIR)$(INSTALL_CMOD)/leninletter $(DESTDIR)$(INSTALL_LMOD)/leninletter $(DESTDIR)$(INSTALL_BIN)
	install -m 755 $(CORE_SO) $(DESTDIR)$(INSTALL_CMOD)/leninletter/core.so
	install -m 644 lua/leninletter/*.lua $(DESTDIR)$(INSTALL_LMOD)/leninletter/
	install -m 755 bin/leninletter $(DESTDIR)$(INSTALL_BIN)/leninletter

uninstall:
	rm -f $(DESTDIR)$(INSTALL_CMOD)/leninletter/core.so $(DESTDIR)$(INSTALL_BIN)/leninletter
	rm -f $(addprefix $(DESTDIR)$(INSTALL_LMOD)/leninletter/,$(notdir $(wildcard lua/leninletter/*.lua)))
	-rmdir $(DESTDIR)$(INSTALL_CMOD)/leninletter $(DESTDIR)$(INSTALL_LMOD)/leninletter

clean:
	rm -f csrc/*.o $(CORE_SO) $(CTESTS)

# the benchmark of issue #3 (bench/README.md): generates bench/out/corpus.txt
bench: all
	sh bench/run.sh
