#!/bin/sh
# soak.sh: the endurance monkey of make test (tests/test_monkey.c) for as long as
# asked, writing RSS, open file descriptors and frame times every 1,000 events to a
# CSV, plotted to a PNG with gnuplot (installed here when missing, never by make test).
#   usage: tools/soak.sh DURATION [build/tests/test_monkey]    DURATION: 90s, 30m, 4h
# Writes build/soak/soak-<date>.csv and .png. MONKEY_SEED picks another random stream.
set -eu
cd "$(dirname "$0")/.."
[ $# -ge 1 ] || { sed -n '2,7p' "$0"; exit 2; }
monkey=${2:-build/tests/test_monkey}
case $1 in
    *h) secs=$(( ${1%h} * 3600 ));;
    *m) secs=$(( ${1%m} * 60 ));;
    *s) secs=${1%s};;
    *[!0-9]*|'') echo "soak: DURATION is like 90s, 30m or 4h" >&2; exit 2;;
    *) secs=$1;;
esac
[ -x "$monkey" ] || { echo "soak: $monkey is not built (make soak builds it)" >&2; exit 1; }
if ! command -v gnuplot >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ]; then
        apt-get install -y -qq gnuplot-nox >/dev/null 2>&1 || echo "soak: could not install gnuplot" >&2
    else
        echo "soak: gnuplot is missing (apt-get install gnuplot-nox): the CSV only" >&2
    fi
fi
mkdir -p build/soak
out=build/soak/soak-$(date +%Y%m%d-%H%M%S)
echo "soak: $secs s, CSV $out.csv" >&2
rc=0
SDL_VIDEODRIVER=offscreen SDL_AUDIODRIVER=dummy MONKEY_SECONDS=$secs MONKEY_CSV=$out.csv \
    "$monkey" || rc=$?
if command -v gnuplot >/dev/null 2>&1 && [ -s "$out.csv" ]; then
    gnuplot <<EOF
set terminal png size 1200,900
set output "$out.png"
set datafile separator ","
set key autotitle columnhead
set multiplot layout 3,1 title "kiosk soak: $secs s of random input"
set xlabel "hours"
set ylabel "RSS (MiB)"
plot "$out.csv" using (\$2/3600):(\$3/1024) with lines title "RSS"
set ylabel "open fds"
set yrange [0:*]
set offsets 0, 0, graph 0.25, 0    # a steady count is a line below the frame, not on it
plot "$out.csv" using (\$2/3600):4 with steps title "fds"
set offsets 0, 0, 0, 0
set ylabel "frame (ms)"
set autoscale y
plot "$out.csv" using (\$2/3600):6 with lines title "median", \
     "$out.csv" using (\$2/3600):7 with lines title "p99"
unset multiplot
EOF
    echo "soak: plot $out.png" >&2
fi
awk -F, 'NR == 2 { r0 = $3; f0 = $4 } NR > 1 { r = $3; f = $4; n = $1; s = $2 }
         END { if (NR > 1) printf "soak: %d events in %.0f s; RSS %.1f -> %.1f MiB; fds %d -> %d\n",
                                  n, s, r0 / 1024, r / 1024, f0, f }' "$out.csv" >&2
exit $rc
