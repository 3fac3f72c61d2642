#!/bin/sh
# The kiosk on a real X display (Xvfb): at 16 and 24 bits, on a 16-bit panel mounted
# turned by 90 degrees, and with its window's surface shown through an OpenGL texture,
# as SDL shows it on the Pi's KMSDRM driver (which has no framebuffer of its own; here
# SDL_FRAMEBUFFER_ACCELERATION=1 makes X11 do the same, with Mesa). A click on the contact tile goes through X's input (turned back
# by the rotation), the contact screen is drawn in the window (converted by SDL where
# the display is 16-bit, turned where the panel is) and the QR code read off the screen
# decodes to the centre's phone number.
set -u
kiosk=${1:-build/kiosk}
if [ -z "${DISPLAY_TEST_INNER:-}" ]; then
    tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
    # depth, rotation, the kiosk's --size, the screen, where the contact tile is on it,
    # the surface through OpenGL (1) or X's own (0)
    for run in "16 0 800x480 800x480 496,290 0" "24 0 800x480 800x480 496,290 0" \
               "16 90 480x800 800x480 329,125 0" "24 0 800x480 800x480 496,290 1"; do
        set -- $run
        DISPLAY_TEST_INNER=$tmp DEPTH=$1 ROT=$2 SIZE=$3 CLICK=$5 GL=$6 \
            xvfb-run -a -s "-screen 0 ${4}x$1" sh "$0" "$kiosk" || exit 1
    done
    echo "display.sh: at 16 and 24 bits, turned, and through OpenGL, a click opens the contact screen and its QR code decodes"
    exit 0
fi
tmp=$DISPLAY_TEST_INNER/$DEPTH-$ROT-$GL
mkdir -p "$tmp"
printf '[display]\nrotation = %s\n' "$ROT" >"$tmp/kiosk.conf"
[ "$GL" = 1 ] && export SDL_FRAMEBUFFER_ACCELERATION=1
SDL_VIDEODRIVER=x11 "$kiosk" --windowed --size "$SIZE" --config "$tmp/kiosk.conf" \
    --data-dir "$tmp/state" 2>"$tmp/err" &
pid=$!
i=0
while [ $i -lt 50 ] && ! xdotool search --name Kiosk >/dev/null 2>&1; do
    sleep 0.1; i=$((i + 1))
done
sleep 0.5
xdotool mousemove "${CLICK%,*}" "${CLICK#*,}" click 1
sleep 0.5
xwd -root -silent >"$tmp/screen.xwd"
kill -TERM $pid
wait $pid
rc=$?
codes=$(zbarimg -q --raw "$tmp/screen.xwd" 2>/dev/null)
if ! printf '%s\n' "$codes" | grep -qx 'tel:+302103638625'; then
    echo "display.sh: at $DEPTH bits turned $ROT, no phone QR code on the screen after the click (OpenGL: $GL):"
    printf '%s\n' "$codes"; cat "$tmp/err"; exit 1
fi
[ $rc -eq 0 ] || { echo "display.sh: exit status $rc at $DEPTH bits turned $ROT"; cat "$tmp/err"; exit 1; }
