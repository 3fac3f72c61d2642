# Kiosk: one plain Makefile. `make run` and `make test` install what they need first.
#   make            build build/kiosk
#   make run        dependencies, build, the kiosk in a window with the default content
#   make test       dependencies, build, every test (also under ASan + UBSan)
#   make SAN=1      a sanitizer build in build-san/
#   make bench      figures against the floor program (issue: speed and memory)
#   make soak DURATION=4h   the endurance monkey for that long: RSS, fds, frame times

PKGS    := sdl2 SDL2_ttf SDL2_image sqlite3 libqrencode libsodium inih libcjson libsystemd \
           fribidi libunibreak
VERSION := 1.0.0
PKG_CONFIG ?= pkg-config
# ARCH=arm64: cross-build for the Raspberry Pi with Debian multiarch into build-arm64/
# (`make ARCH=arm64 deps` installs the toolchain and the :arm64 libraries)
ARCH    ?=
ifeq ($(ARCH),arm64)
CC      := aarch64-linux-gnu-gcc
AR      := aarch64-linux-gnu-ar
PKG_CONFIG_LIBDIR := /usr/lib/aarch64-linux-gnu/pkgconfig:/usr/share/pkgconfig
PKG_CONFIG := PKG_CONFIG_LIBDIR=$(PKG_CONFIG_LIBDIR) pkg-config
BUILD   ?= build-arm64
endif
CC      ?= cc
SAN     ?=
ifeq ($(SAN),1)
BUILD   ?= build-san
SANFLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
OPT     := -O1
else
BUILD   ?= build
SANFLAGS :=
OPT     := -O2
endif
PKG_CFLAGS := $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null)
CFLAGS  ?= $(OPT) -g
CFLAGS  += -std=c11 -Wall -Wextra -Werror -D_DEFAULT_SOURCE -D_GNU_SOURCE -DKIOSK_VERSION=\"$(VERSION)\" \
           -Isrc $(PKG_CFLAGS) $(SANFLAGS) -MMD -MP
LDLIBS  += $(PKG_LIBS) -lm -pthread
LDFLAGS += $(SANFLAGS)

SRC      := $(wildcard src/core/*.c src/core/*/*.c src/ui/*.c src/ui/screens/*.c src/render/*.c src/platform/*.c src/app.c src/app_*.c src/cmd/*.c)
# the interface's words: one gettext catalogue per language, built into the program
LOCALE_PO := $(wildcard assets/locale/*.po)
OBJ      := $(SRC:src/%.c=$(BUILD)/%.o) $(BUILD)/locale/catalogues.o
TEST_SRC := $(wildcard tests/test_*.c)
TESTS    := $(TEST_SRC:tests/%.c=$(BUILD)/tests/%)

.PHONY: all deps run test check unit bench soak clean screenshots fuzz deb test-arm64 po-update
all: $(BUILD)/kiosk $(if $(ARCH),,$(BUILD)/data.db)

# the built-in content as a database, made by the kiosk's own importer from data/:
# screenshots and the first start open it instead of importing data/ again
$(BUILD)/data.db: $(BUILD)/kiosk $(wildcard data/*)
	@rm -f $@
	@$(BUILD)/kiosk import data --db $@ >/dev/null

$(BUILD)/%.o: src/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c $< -o $@

# msgfmt --check validates each .po (placeholders as in English, the header), then
# the compiled catalogues become byte arrays that src/core/i18n.c reads
$(BUILD)/locale/catalogues.c: $(LOCALE_PO) tools/po2c.sh
	@mkdir -p $(dir $@)
	tools/po2c.sh $@ $(LOCALE_PO)

$(BUILD)/locale/catalogues.o: $(BUILD)/locale/catalogues.c
	$(CC) $(CFLAGS) -c $< -o $@

# after a message is added to or changed in en.po: every other .po gets it (empty, or
# marked fuzzy with a guess) for its translators; test_i18n fails until it is translated
po-update:
	@for po in $(filter-out assets/locale/en.po,$(LOCALE_PO)); do \
	    msgmerge --quiet --update --backup=none --no-wrap $$po assets/locale/en.po || exit 1; done

$(BUILD)/libkiosk.a: $(OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

$(BUILD)/kiosk: $(BUILD)/main.o $(BUILD)/libkiosk.a
	$(CC) $(LDFLAGS) $^ -o $@ $(LDLIBS)

$(BUILD)/tests/%: tests/%.c tests/testutil.h tests/testdata.h tests/uifake.h $(BUILD)/libkiosk.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -Itests $< $(BUILD)/libkiosk.a -o $@ $(LDFLAGS) $(LDLIBS) -lcmocka

# the tests' LD_PRELOAD library (storage faults, slow sticks): never sanitized, so
# one build serves the kiosk of build/ and of build-san/
build/tests/faultio.so: tests/faultio.c
	@mkdir -p $(dir $@)
	$(CC) -O2 -g -std=c11 -Wall -Wextra -Werror -fPIC -shared $< -o $@ -ldl

deps:
	@tools/deps.sh
	@$(if $(filter arm64,$(ARCH)),tools/deps-arm64.sh,:)

run: deps
	@$(MAKE) --no-print-directory all
	@tools/run.sh $(BUILD)/kiosk

# every test binary and every tests/*.sh, then the unit tests again under ASan + UBSan
test: deps
	@$(MAKE) --no-print-directory all $(TESTS) build/tests/faultio.so
	@$(MAKE) --no-print-directory SAN=1 all $(TESTS:build/%=build-san/%)
	@tools/test.sh

unit: all $(TESTS) build/tests/faultio.so
	@tools/test.sh --quick

bench: deps all $(BUILD)/bench/bench_app $(BUILD)/bench/bench_speech $(BUILD)/bench/bench_directory
	@tools/bench.sh $(BUILD)/kiosk

# the benchmark's programs (tests/bench/*.c), linked with the kiosk's library
$(BUILD)/bench/%: tests/bench/%.c tests/bench/benchutil.h $(BUILD)/libkiosk.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $< $(BUILD)/libkiosk.a -o $@ $(LDFLAGS) $(LDLIBS)

# the endurance monkey of make test, for as long as asked: make soak DURATION=4h
DURATION ?= 1h
soak: deps
	@$(MAKE) --no-print-directory all $(BUILD)/tests/test_monkey
	@tools/soak.sh $(DURATION) $(BUILD)/tests/test_monkey

# libFuzzer targets in tests/fuzz/, each run for FUZZ_SECONDS (make test runs them briefly)
FUZZ_SECONDS ?= 60
fuzz: deps
	@tools/fuzz.sh $(FUZZ_SECONDS)

# every visitor screen in every language at the 7" display's size and in portrait, at a
# fixed clock (a Wednesday morning, open) so that only a change of the screens shows
screenshots: all
	for s in 800x480 720x1280; do \
	    $(BUILD)/kiosk screenshot --out assets/screenshots/$$s --size $$s --at 2026-11-25T10:30 && \
	    rm -f assets/screenshots/$$s/*-staff.png || exit 1; \
	done

# Debian packages for the Pi and for a PC: build-arm64/kiosk_$(VERSION)_arm64.deb and
# build/kiosk_$(VERSION)_amd64.deb (tools/build-deb.sh; the version is VERSION above)
deb: deps
	@tools/deps-arm64.sh
	@$(MAKE) --no-print-directory ARCH= all
	@$(MAKE) --no-print-directory ARCH=arm64 all
	@tools/build-deb.sh build amd64
	@tools/build-deb.sh build-arm64 arm64

# the arm64 build's tests and a screenshot under qemu-user (slow: not in make test)
test-arm64: deps
	@tools/deps-arm64.sh
	@$(MAKE) --no-print-directory ARCH=arm64 all $(TEST_SRC:tests/%.c=build-arm64/tests/%)
	@tools/test-arm64.sh

clean:
	rm -rf build build-san build-arm64 build-dev

-include $(OBJ:.o=.d) $(BUILD)/main.d
