#!/bin/sh
# build-deb.sh BUILD_DIR ARCH - packs BUILD_DIR/kiosk into BUILD_DIR/kiosk_VERSION_ARCH.deb
# with dpkg-deb, as a Debian package a maintainer installs with `apt install ./FILE`:
#   /usr/bin/kiosk                     the binary, stripped
#   /usr/share/kiosk/{fonts,data}      fonts and the default content (assets/ when
#                                      the kiosk has images of its own)
#   /etc/kiosk/kiosk.conf              conffile, every option documented in place
#   /etc/kiosk/trusted-keys/           the minisign keys updates are checked against
#   /lib/systemd/system/, /lib/udev/rules.d/  the units and the USB stick rule
#   /usr/share/doc/kiosk/              README (its Pi section), copyright, changelog
#   /usr/share/man/man1/kiosk.1.gz     the manual page
# Depends comes from dpkg-shlibdeps (the libraries the binary links, by their Debian
# package names) plus what the maintainer scripts and units run. VERSION is read from
# the Makefile and must match the newest entry of tools/debian/changelog.
# Environment: MAINTAINER ("Name <address>") for the Maintainer field and changelog;
# SOURCE_DATE_EPOCH for the files' times (default: the changelog's date).
set -eu
cd "$(dirname "$0")/.."
if [ $# -ne 2 ]; then
    echo "usage: $0 BUILD_DIR ARCH   (e.g. build amd64, build-arm64 arm64)" >&2
    exit 2
fi
build=$1
arch=$2
deb=tools/debian
MAINTAINER=${MAINTAINER:-ACCMR kiosk maintainers <kiosk@accmr.invalid>}

case $arch in
amd64) triplet=x86_64-linux-gnu ;;
arm64) triplet=aarch64-linux-gnu ;;
*) echo "build-deb: unknown ARCH $arch (amd64 or arm64)" >&2; exit 2 ;;
esac
for tool in dpkg-deb dpkg-shlibdeps; do
    command -v $tool >/dev/null || { echo "build-deb: $tool is missing (apt install dpkg-dev)" >&2; exit 1; }
done
strip=strip
[ "$arch" = amd64 ] || strip=$triplet-strip
command -v "$strip" >/dev/null || { echo "build-deb: $strip is missing" >&2; exit 1; }
[ -x "$build/kiosk" ] || { echo "build-deb: no $build/kiosk; run make first" >&2; exit 1; }

version=$(sed -n 's/^VERSION *:= *//p' Makefile)
[ -n "$version" ] || { echo "build-deb: no VERSION := in the Makefile" >&2; exit 1; }
top=$(sed -n '1s/^kiosk (\([^)]*\)).*/\1/p' $deb/changelog)
if [ "$top" != "$version" ]; then
    echo "build-deb: the Makefile says $version but tools/debian/changelog starts with" \
        "$top: add a changelog entry for $version" >&2
    exit 1
fi
date=$(sed -n 's/^ -- .*>  //p' $deb/changelog | head -n 1)
SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(date -d "$date" +%s)}
export SOURCE_DATE_EPOCH

root=$build/deb-root
out=$build/kiosk_${version}_$arch.deb
rm -rf "$root" "$out"
umask 022

# the files
install -D -m 0755 "$build/kiosk" "$root/usr/bin/kiosk"
"$strip" --strip-unneeded --remove-section=.comment --remove-section=.note "$root/usr/bin/kiosk"
install -d "$root/usr/share/kiosk/fonts" "$root/usr/share/kiosk/data"
install -m 0644 fonts/*.ttf "$root/usr/share/kiosk/fonts/"
# the built-in content as a database (made by `make` with the kiosk's importer; SQLite
# files are the same on every architecture), opened instead of importing data/ again
db=build/data.db
[ -f "$db" ] && install -m 0644 "$db" "$root/usr/share/kiosk/data.db"
for f in data/*; do
    [ "$f" = data/README.md ] || install -m 0644 "$f" "$root/usr/share/kiosk/data/"
done
for f in assets/*.png assets/*.svg assets/*.bmp assets/*.jpg; do
    [ -f "$f" ] && install -D -m 0644 "$f" "$root/usr/share/kiosk/assets/$(basename "$f")"
done
install -D -m 0644 assets/kiosk.conf "$root/etc/kiosk/kiosk.conf"
install -d -m 0755 "$root/etc/kiosk/trusted-keys"
for u in kiosk.service kiosk-usb-write.service kiosk-usb-write.path; do
    install -D -m 0644 "assets/$u" "$root/lib/systemd/system/$u"
done
install -D -m 0644 assets/99-kiosk-usb.rules "$root/lib/udev/rules.d/99-kiosk-usb.rules"
doc=$root/usr/share/doc/kiosk
install -D -m 0644 $deb/copyright "$doc/copyright"
install -m 0644 README.md "$doc/README.md"
install -m 0644 data/README.md "$doc/README.data.md"
install -d "$doc/fonts"
for f in fonts/*.copyright; do install -m 0644 "$f" "$doc/fonts/"; done
# a native package (no Debian revision in VERSION): the changelog is changelog.gz
sed "s/@MAINTAINER@/$MAINTAINER/" $deb/changelog | gzip -9n > "$doc/changelog.gz"
install -d "$root/usr/share/man/man1"
sed "s/@VERSION@/$version/" $deb/kiosk.1 | gzip -9n > "$root/usr/share/man/man1/kiosk.1.gz"
install -D -m 0644 $deb/lintian-overrides "$root/usr/share/lintian/overrides/kiosk"

# Depends: the shared libraries by package, from dpkg-shlibdeps, which wants a
# debian/control to read; then what the scripts and units call
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/debian"
printf 'Source: kiosk\n\nPackage: kiosk\nArchitecture: any\n' > "$tmp/debian/control"
bin=$(realpath "$root/usr/bin/kiosk")
shlibs=$(cd "$tmp" && DEB_HOST_ARCH=$arch DEB_HOST_MULTIARCH=$triplet \
    dpkg-shlibdeps -O -l"/usr/lib/$triplet" -e"$bin" 2>"$tmp/shlibdeps.err" |
    sed -n 's/^shlibs:Depends=//p') || true
if [ -z "$shlibs" ]; then
    echo "build-deb: dpkg-shlibdeps found no libraries for $arch:" >&2
    cat "$tmp/shlibdeps.err" >&2
    exit 1
fi
depends="$shlibs, adduser, init-system-helpers (>= 1.52), systemd, udev, mount"

# control, conffiles, maintainer scripts, md5sums
install -d -m 0755 "$root/DEBIAN"
size=$(du -k -s --exclude=DEBIAN "$root" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" -e "s/@MAINTAINER@/$MAINTAINER/" \
    -e "s/@INSTALLED_SIZE@/$size/" -e "s/@DEPENDS@/$depends/" $deb/control.in \
    > "$root/DEBIAN/control"
echo /etc/kiosk/kiosk.conf > "$root/DEBIAN/conffiles"
for s in postinst prerm postrm; do
    install -m 0755 "$deb/$s" "$root/DEBIAN/$s"
done
chmod 0644 "$root/DEBIAN/control" "$root/DEBIAN/conffiles"
(cd "$root" && find . -path ./DEBIAN -prune -o -path ./etc -prune -o -type f -print |
    sed 's|^\./||' | LC_ALL=C sort | xargs md5sum) > "$root/DEBIAN/md5sums"
chmod 0644 "$root/DEBIAN/md5sums"

find "$root" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
dpkg-deb --root-owner-group -Zxz --build "$root" "$out" >/dev/null
rm -rf "$root"
echo "$out"
