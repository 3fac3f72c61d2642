#!/bin/sh
# frictionless.sh KIOSK - issue 14: the content the kiosk ships (data/), the test
# content with the hard cases (tests/fixtures/spreadsheet) and the kiosk's export of
# each validate against the descriptors they declare, with the Frictionless reference
# library (npm "datapackage", the version pinned in tests/frictionless/package-lock.json,
# installed by npm into the build folder the first time: CI reaches the npm registry).
set -u
kiosk=${1:-build/kiosk}
cd "$(dirname "$0")/.."
command -v npm >/dev/null && command -v node >/dev/null ||
    { echo "frictionless.sh: node and npm are missing (tools/deps.sh installs them)"; exit 1; }
npmdir=$(dirname "$kiosk")/npm
if ! cmp -s tests/frictionless/package-lock.json "$npmdir/package-lock.json" ||
   [ ! -d "$npmdir/node_modules/datapackage" ]; then
    rm -rf "$npmdir" && mkdir -p "$npmdir" &&
    cp tests/frictionless/package.json tests/frictionless/package-lock.json "$npmdir/" &&
    (cd "$npmdir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null) ||
        { echo "frictionless.sh: npm could not install datapackage"; exit 1; }
fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail=0
for pkg in data tests/fixtures/spreadsheet; do
    name=$(basename "$pkg")
    mkdir -p "$tmp/$name/state" "$tmp/$name/out"
    "$kiosk" import "$pkg" --db "$tmp/$name/state/content.db" >/dev/null &&
        "$kiosk" export "$tmp/$name/out" --data-dir "$tmp/$name/state" >/dev/null ||
        { echo "frictionless.sh: $pkg could not be imported and exported"; fail=1; }
done
NODE_PATH="$npmdir/node_modules" node tests/frictionless/validate.js data tests/fixtures/spreadsheet \
    "$tmp/data/out/export" "$tmp/spreadsheet/out/export" || fail=1
exit $fail
