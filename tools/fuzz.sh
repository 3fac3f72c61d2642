#!/bin/sh
# fuzz.sh SECONDS - builds the libFuzzer targets in tests/fuzz/ with clang
# (-fsanitize=fuzzer,address,undefined), compiling src/core/ directly (not the
# gcc-built library), and runs each for SECONDS. Corpora grow in build/fuzz/; the
# seeds are tests/fuzz/seeds-*/ (a signed SHA256SUMS, inputs of past faults) and the
# default package's CSVs. A fault leaves its input in build/fuzz/ and fails the script.
set -eu
cd "$(dirname "$0")/.."
secs=${1:-60}
out=build/fuzz
mkdir -p "$out"
PKGS="sqlite3 libqrencode libsodium inih libcjson fribidi libunibreak"
CFLAGS="-std=c11 -g -O1 -D_DEFAULT_SOURCE -D_GNU_SOURCE -Isrc -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all $(pkg-config --cflags $PKGS)"
LIBS="$(pkg-config --libs $PKGS) -lm"
# the core once, as objects without libFuzzer's main
mkdir -p "$out/obj"
objs=""
for c in src/core/*.c src/core/*/*.c; do
    o="$out/obj/$(echo "${c#src/core/}" | sed 's|/|_|g; s|\.c$||').o"  # db/hours.c: db_hours.o
    if [ ! -f "$o" ] || [ "$c" -nt "$o" ] || [ "$(dirname "$c")" -nt "$o" ]; then
        # shellcheck disable=SC2086
        clang $CFLAGS -fsanitize=fuzzer-no-link -c "$c" -o "$o"
    fi
    objs="$objs $o"
done
# the interface's catalogues, which src/core/i18n.c reads (as the Makefile builds them)
tools/po2c.sh "$out/catalogues.c" assets/locale/*.po
# shellcheck disable=SC2086
clang $CFLAGS -fsanitize=fuzzer-no-link -c "$out/catalogues.c" -o "$out/obj/catalogues.o"
objs="$objs $out/obj/catalogues.o"
# seeds: tests/fuzz/seeds-NAME/ (inputs that once found a fault stay there), and
# the default package's CSVs for the CSV reader
mkdir -p "$out/seed-csv"
cp data/*.csv "$out/seed-csv/" 2>/dev/null || true
status=0
for src in tests/fuzz/fuzz_*.c; do
    name=$(basename "$src" .c)
    seeds=""
    for d in "tests/fuzz/seeds-${name#fuzz_}" "$out/seed-${name#fuzz_}"; do
        [ -d "$d" ] && seeds="$seeds $d"
    done
    mkdir -p "$out/corpus-$name"
    # shellcheck disable=SC2086
    clang $CFLAGS "$src" $objs -o "$out/$name" $LIBS
    echo "fuzz: $name for ${secs}s"
    if ! "$out/$name" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
            -artifact_prefix="$out/$name-" -print_final_stats=0 \
            "$out/corpus-$name" $seeds >"$out/$name.log" 2>&1; then
        echo "fuzz: $name FAILED, see $out/$name.log" >&2
        tail -n 30 "$out/$name.log" >&2
        status=1
    fi
done
exit $status
