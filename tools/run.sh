#!/bin/sh
# make run: the kiosk in a window with the default content. With no display to open
# a window on, says so and writes every screen as a screenshot instead.
set -eu
kiosk=${1:-build/kiosk}
state=build/state
mkdir -p "$state"
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    echo "run: no display here (DISPLAY and WAYLAND_DISPLAY are unset)."
    echo "run: writing every screen to shots/ instead, 800x480 and 720x1280."
    SDL_VIDEODRIVER=offscreen "$kiosk" screenshot --out shots/800x480 --size 800x480
    SDL_VIDEODRIVER=offscreen "$kiosk" screenshot --out shots/720x1280 --size 720x1280
    ls shots/800x480 shots/720x1280
    exit 0
fi
exec "$kiosk" --windowed --size 1280x800 --config /dev/null --data-dir "$state"
