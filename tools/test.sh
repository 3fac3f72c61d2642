#!/bin/sh
# Runs every test: each build/tests/test_* (cmocka), each tests/*.sh, then the
# cmocka tests and the storage-fault script again from build-san/ (ASan + UBSan). Ends with one line,
# "N passed, N failed", counting test programs. --quick skips the sanitizer pass.
set -u
cd "$(dirname "$0")/.."
quick=0; [ "${1:-}" = --quick ] && quick=1
pass=0; fail=0; failed=""
export SDL_VIDEODRIVER=offscreen SDL_AUDIODRIVER=dummy
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1
run() { # name command...
    name=$1; shift
    start=$(date +%s)
    if "$@"; then pass=$((pass + 1)); else fail=$((fail + 1)); failed="$failed $name"; fi
    echo "== $name: $(($(date +%s) - start)) s"
}
for t in build/tests/test_*; do
    [ -x "$t" ] && run "$t" "$t"
done
for s in tests/*.sh; do
    [ -f "$s" ] && run "$s" sh "$s" build/kiosk
done
if [ $quick -eq 0 ]; then
    for t in build-san/tests/test_*; do
        [ -x "$t" ] && run "$t" "$t"
    done
    # the storage faults again, the faulted runs by the sanitized kiosk
    [ -x build-san/kiosk ] && run "tests/update-faults.sh build-san/kiosk" \
        env FAULTIO_CLEAN_KIOSK=build/kiosk sh tests/update-faults.sh build-san/kiosk
fi
[ -n "$failed" ] && echo "failed:$failed"
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
