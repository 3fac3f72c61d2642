#!/bin/sh
# Installs the Debian packages the kiosk builds, runs and tests with, when any is
# missing: with apt-get, through sudo when not root. Prints nothing when all are there.
set -eu
PKGS="build-essential pkg-config clang libsdl2-dev libsdl2-ttf-dev libsdl2-image-dev
 libsqlite3-dev sqlite3 libqrencode-dev libsodium-dev libinih-dev libcjson-dev
 libcmocka-dev libsystemd-dev libfribidi-dev libunibreak-dev zbar-tools minisign time
 tzdata lintian dpkg-dev libclang-rt-14-dev gettext xvfb xauth x11-apps xdotool libgl1-mesa-dri
 libreoffice-calc-nogui python3-uno nodejs espeak-ng jq"
missing=""
for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
        missing="$missing $p"
done
# npm comes with nodejs from other sources (NodeSource) and then has no Debian package
command -v npm >/dev/null || missing="$missing npm"
[ -z "$missing" ] && exit 0
echo "deps: installing$missing"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing
