#!/bin/sh
# The kiosk as systemd runs it: it starts, stays up, and stops at once and cleanly on
# SIGTERM (systemctl stop, a restart, a shutdown). Regression: the loop used to go
# back to sleep after the quit event and ended only at the next minute.
set -u
kiosk=${1:-build/kiosk}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export SDL_VIDEODRIVER=offscreen
"$kiosk" --size 800x480 --config /dev/null --data-dir "$tmp/state" 2>"$tmp/err" &
pid=$!
sleep 1
if ! kill -0 $pid 2>/dev/null; then
    echo "lifecycle.sh: the kiosk did not stay up:"; cat "$tmp/err"; exit 1
fi
[ -f "$tmp/state/content.db" ] || { echo "lifecycle.sh: no live content database was made"; exit 1; }
kill -TERM $pid
i=0
while kill -0 $pid 2>/dev/null && [ $i -lt 40 ]; do sleep 0.05; i=$((i + 1)); done
if kill -0 $pid 2>/dev/null; then
    echo "lifecycle.sh: still running 2 s after SIGTERM"; kill -KILL $pid; exit 1
fi
wait $pid
rc=$?
[ $rc -eq 0 ] || { echo "lifecycle.sh: exit status $rc after SIGTERM"; cat "$tmp/err"; exit 1; }
echo "lifecycle.sh: started, made its live database, stopped on SIGTERM in $((i * 50)) ms or less"
