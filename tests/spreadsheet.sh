#!/bin/sh
# spreadsheet.sh KIOSK - issue 14: staff edit the exported content in LibreOffice Calc
# (headless, through UNO) the ways an office does, and nothing is changed silently:
# every value comes back byte-identical or `kiosk check` reports it, and a refusal
# names its cause (tests/spreadsheet/roundtrip.py says how). Needs Debian's
# libreoffice-calc-nogui and python3-uno (tools/deps.sh installs them).
set -u
kiosk=${1:-build/kiosk}
cd "$(dirname "$0")/.."
soffice=/usr/lib/libreoffice/program/soffice
# Debian's python3-uno is built for Debian's own Python
if [ ! -x "$soffice" ] || ! /usr/bin/python3 -c 'import uno' 2>/dev/null; then
    echo "spreadsheet.sh: LibreOffice is missing (apt install libreoffice-calc-nogui python3-uno)"
    exit 1
fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
CALC_PROFILES=$(dirname "$kiosk")/calc HOME="$tmp" /usr/bin/python3 tests/spreadsheet/roundtrip.py "$kiosk" tests/fixtures/spreadsheet "$tmp"
