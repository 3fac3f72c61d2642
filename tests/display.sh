#!/bin/sh
# The kiosk on a real X display (Xvfb), 16 and 24 bits deep: a click on the contact
# tile goes through X's input, the contact screen is drawn in the window (converted by
# SDL where the display is 16-bit) and its QR code read off the screen decodes to the
# centre's phone number.
set -u
kiosk=${1:-build/kiosk}
[ -n "${DISPLAY_TEST_INNER:-}" ] || {
    tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
    for depth in 16 24; do
        DISPLAY_TEST_INNER=$tmp DEPTH=$depth xvfb-run -a -s "-screen 0 800x480x$depth" \
            sh "$0" "$kiosk" || exit 1
    done
    echo "display.sh: at 16 and 24 bits a click opens the contact screen and its QR code decodes"
    exit 0
}
tmp=$DISPLAY_TEST_INNER/$DEPTH
mkdir -p "$tmp"
SDL_VIDEODRIVER=x11 "$kiosk" --windowed --size 800x480 --config /dev/null \
    --data-dir "$tmp/state" 2>"$tmp/err" &
pid=$!
i=0     # the window is up when the live database is made and X shows it
while [ $i -lt 50 ] && ! xdotool search --name Kiosk >/dev/null 2>&1; do
    sleep 0.1; i=$((i + 1))
done
sleep 0.5
# the home screen's tiles: the third of the first row is the contact screen
xdotool mousemove 496 290 click 1
sleep 0.5
xwd -root -silent >"$tmp/screen.xwd"
kill -TERM $pid
wait $pid
rc=$?
codes=$(zbarimg -q --raw "$tmp/screen.xwd" 2>/dev/null)
if ! printf '%s\n' "$codes" | grep -qx 'tel:+302103638625'; then
    echo "display.sh: at $DEPTH bits no phone QR code on the screen after the click:"
    printf '%s\n' "$codes"; cat "$tmp/err"; exit 1
fi
[ $rc -eq 0 ] || { echo "display.sh: exit status $rc at $DEPTH bits"; cat "$tmp/err"; exit 1; }
