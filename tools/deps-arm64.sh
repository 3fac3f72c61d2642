#!/bin/sh
# Installs what `make ARCH=arm64` and `make test-arm64` need, when any is missing:
# the arm64 foreign architecture (Debian multiarch), the cross compiler, the :arm64
# -dev packages of every library in the Makefile's PKGS, and qemu-user-static to run
# the arm64 tests here. Prints nothing when all are there. Needs root or sudo.
# The :arm64 and :amd64 -dev packages must be of the same Debian version (they share
# /usr/include); both come from the same mirror, so an `apt-get upgrade` of the host
# packages first is what fixes a "breaks"/"conflicts" refusal.
set -eu
NATIVE="crossbuild-essential-arm64 qemu-user-static binfmt-support pkg-config
 zbar-tools dpkg-dev"
FOREIGN="libsdl2-dev libsdl2-ttf-dev libsdl2-image-dev libsqlite3-dev libqrencode-dev
 libsodium-dev libinih-dev libcjson-dev libcmocka-dev libsystemd-dev libfribidi-dev
 libunibreak-dev"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo
export DEBIAN_FRONTEND=noninteractive

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "ok installed"; }

missing=""
for p in $NATIVE; do installed "$p" || missing="$missing $p"; done
for p in $FOREIGN; do installed "$p:arm64" || missing="$missing $p:arm64"; done
[ -z "$missing" ] && exit 0

echo "deps-arm64: installing$missing"
if ! dpkg --print-foreign-architectures | grep -qx arm64; then
    $SUDO dpkg --add-architecture arm64
fi
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing
