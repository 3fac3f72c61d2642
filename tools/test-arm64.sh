#!/bin/sh
# test-arm64.sh - `make test-arm64`: the arm64 build run here under qemu-user, as it
# will run on the Raspberry Pi: every build-arm64/tests/test_* (cmocka, headless),
# then a screenshot of the Greek contact screen whose QR codes must decode with
# zbarimg. The binaries are started through qemu-aarch64-static with the arm64
# libraries of Debian multiarch (binfmt_misc is not needed). Slow, so not part of
# `make test`. Ends with "N passed, N failed".
set -u
cd "$(dirname "$0")/.."
build=build-arm64
qemu=$(command -v qemu-aarch64-static) || { echo "test-arm64: qemu-aarch64-static is missing (tools/deps-arm64.sh)"; exit 1; }
# the arm64 loader and libraries come from Debian multiarch (libc6:arm64 and the
# :arm64 -dev packages), so qemu needs no -L / QEMU_LD_PREFIX; and with one, qemu 7.2
# hangs in the child of every fork(). Only without libc6:arm64 is the cross
# toolchain's copy at /usr/aarch64-linux-gnu used (tests that fork then hang).
unset QEMU_LD_PREFIX
[ -e /lib/ld-linux-aarch64.so.1 ] || export QEMU_LD_PREFIX=/usr/aarch64-linux-gnu
export SDL_VIDEODRIVER=offscreen SDL_AUDIODRIVER=dummy
pass=0; fail=0; failed=""
run() { # name command...
    name=$1; shift
    if "$@"; then pass=$((pass + 1)); else fail=$((fail + 1)); failed="$failed $name"; fi
}

for t in $build/tests/test_*; do
    case $t in
    *.d) continue ;;
    */test_monkey)
        # its memory check reads the process's RSS, which under qemu includes the
        # emulator's own translated-code cache, growing as new code paths run (3000
        # events: +2.9 MiB); and 100000 events take most of an hour here
        echo "test-arm64: test_monkey skipped: the endurance run belongs on a Pi (make soak)"
        continue ;;
    esac
    [ -x "$t" ] && run "$t" "$qemu" "$t"
done

# the contact screen in Greek at 800x480, its QR codes read back
screenshot() {
    out=$(mktemp -d)
    ok=0
    if "$qemu" $build/kiosk screenshot --out "$out" --size 800x480 --screen contact --lang el; then
        png=$(find "$out" -name '*contact*' -type f | head -n 1)
        got=$(zbarimg --nodbus -q "$png" 2>/dev/null)
        echo "$got" | grep -qx 'QR-Code:tel:+302103638625' &&
            echo "$got" | grep -qx 'QR-Code:https://www.accmr.gr' &&
            echo "$got" | grep -q '^QR-Code:BEGIN:VCARD' || {
            echo "test-arm64: the arm64 contact screen's QR codes do not decode (got: $got)"
            ok=1
        }
    else
        echo "test-arm64: the arm64 kiosk could not take a screenshot"
        ok=1
    fi
    rm -rf "$out"
    return $ok
}
if [ -x $build/kiosk ]; then
    run "$build/kiosk screenshot" screenshot
else
    echo "test-arm64: no $build/kiosk"
    fail=$((fail + 1)); failed="$failed $build/kiosk"
fi

[ -n "$failed" ] && echo "failed:$failed"
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
