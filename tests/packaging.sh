#!/bin/sh
# packaging.sh KIOSK - the Debian package a maintainer installs, end to end: builds
# kiosk_VERSION_amd64.deb from the binary KIOSK (build/kiosk) with tools/build-deb.sh
# into a temporary folder, then checks what `apt install ./kiosk_*.deb` would put on
# the machine (binary, unit, udev rule, config, fonts, default content, docs), the
# control fields and Depends by their Debian names, lintian (no errors), the maintainer
# scripts (run with every system command replaced by a recorder), and the systemd
# units with `systemd-analyze verify`. `udevadm verify` checks the udev rule where
# udev has it (from systemd 254 on; Debian 12 has 252).
set -u
kiosk=${1:-build/kiosk}
cd "$(dirname "$0")/.."
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail=0
no() { echo "packaging.sh: $*"; fail=1; }

for tool in dpkg-deb dpkg-shlibdeps lintian systemd-analyze; do
    command -v $tool >/dev/null || { no "$tool is missing (apt install dpkg-dev lintian systemd)"; exit 1; }
done
[ -x "$kiosk" ] || { no "no kiosk binary at $kiosk"; exit 1; }

# the package, built from a copy so build/ keeps no staging tree
mkdir "$tmp/build"
cp "$kiosk" "$tmp/build/kiosk"
version=$(sed -n 's/^VERSION *:= *//p' Makefile)
tools/build-deb.sh "$tmp/build" amd64 >"$tmp/build.log" 2>&1 || { cat "$tmp/build.log"; no "build-deb.sh failed"; exit 1; }
deb=$tmp/build/kiosk_${version}_amd64.deb
[ -f "$deb" ] || { no "no $deb (named kiosk_VERSION_ARCH.deb)"; exit 1; }

# what it installs
dpkg-deb -c "$deb" | awk '{print $NF}' | sed 's|^\./|/|' > "$tmp/files"
has() { grep -qx "$1" "$tmp/files" || no "the package does not install $1"; }
has /usr/bin/kiosk
has /lib/systemd/system/kiosk.service
has /lib/systemd/system/kiosk-usb-write.service
has /lib/systemd/system/kiosk-usb-write.path
has /lib/udev/rules.d/99-kiosk-usb.rules
has /etc/kiosk/kiosk.conf
has /etc/kiosk/trusted-keys/
has /usr/share/doc/kiosk/copyright
has /usr/share/doc/kiosk/changelog.gz
has /usr/share/doc/kiosk/README.md
has /usr/share/man/man1/kiosk.1.gz
for f in fonts/*.ttf; do has "/usr/share/kiosk/$f"; done
for f in fonts/*.copyright; do has "/usr/share/doc/kiosk/$f"; done
for f in data/*; do
    [ "$f" = data/README.md ] || has "/usr/share/kiosk/$f"
done
grep -q '^/home\|^/usr/local\|^/tmp' "$tmp/files" && no "files outside the Debian hierarchy"

# the control fields
field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = kiosk ] || no "Package is $(field Package)"
[ "$(field Version)" = "$version" ] || no "Version is $(field Version), the Makefile says $version"
[ "$(field Architecture)" = amd64 ] || no "Architecture is $(field Architecture)"
echo "$(field Maintainer)" | grep -q '<.*@.*>' || no "Maintainer has no address"
[ "$(field Installed-Size)" -gt 0 ] 2>/dev/null || no "Installed-Size is missing"
depends=$(field Depends)
# the runtime libraries by their Debian names, as the binary links them
for lib in libsdl2-2.0-0 libsdl2-ttf-2.0-0 libsdl2-image-2.0-0 libsqlite3-0 libqrencode4 \
    libsodium23 libinih1 libcjson1 libsystemd0 libfribidi0 libunibreak1; do
    soname_needed=1
    case $lib in
    libsdl2-2.0-0) pat=libSDL2-2.0 ;; libsdl2-ttf-2.0-0) pat=libSDL2_ttf ;;
    libsdl2-image-2.0-0) pat=libSDL2_image ;; libsqlite3-0) pat=libsqlite3 ;;
    libqrencode4) pat=libqrencode ;; libsodium23) pat=libsodium ;; libinih1) pat=libinih ;;
    libcjson1) pat=libcjson ;; libsystemd0) pat=libsystemd ;;
    libfribidi0) pat=libfribidi ;; libunibreak1) pat=libunibreak ;;
    esac
    objdump -p "$kiosk" 2>/dev/null | grep NEEDED | grep -q "$pat" || soname_needed=0
    if [ $soname_needed -eq 1 ]; then
        echo "$depends" | grep -Eq "(^|, )$lib( |,|$)" || no "Depends lacks $lib (the binary links $pat)"
    fi
done
for pkg in libc6 adduser systemd udev; do
    echo "$depends" | grep -Eq "(^|, )$pkg( |,|$)" || no "Depends lacks $pkg"
done
dpkg-deb --ctrl-tarfile "$deb" | tar -x -C "$tmp" ./conffiles ./postinst ./prerm ./postrm
grep -qx /etc/kiosk/kiosk.conf "$tmp/conffiles" || no "/etc/kiosk/kiosk.conf is not a conffile"
for s in postinst prerm postrm; do
    sh -n "$tmp/$s" || no "$s is not valid sh"
    head -n 1 "$tmp/$s" | grep -qx '#!/bin/sh' || no "$s does not start with #!/bin/sh"
    grep -qx 'set -e' "$tmp/$s" || no "$s does not set -e"
    grep -q DEBHELPER "$tmp/$s" && no "$s still holds a #DEBHELPER# token"
done

# lintian: no errors; warnings are shown
lintian --tag-display-limit 0 "$deb" > "$tmp/lintian" 2>&1
grep -v 'running with root privileges' "$tmp/lintian" | grep '^[EW]:' | sed 's/^/lintian: /'
grep -q '^E:' "$tmp/lintian" && no "lintian reports errors"

# the maintainer scripts, run with every command they call recorded instead of done
mkdir "$tmp/bin"
for c in adduser getent install chown chmod chgrp dpkg-statoverride deb-systemd-helper \
    deb-systemd-invoke systemctl rm rmdir; do
    printf '#!/bin/sh\necho "%s $*" >> "%s/calls"\n%s\n' "$c" "$tmp" \
        "$( case $c in getent) echo '[ "$1" = group ]' ;; dpkg-statoverride) echo 'exit 1' ;; *) echo 'exit 0' ;; esac )" \
        > "$tmp/bin/$c"
    chmod +x "$tmp/bin/$c"
done
: > "$tmp/calls"
PATH="$tmp/bin:$PATH" sh "$tmp/postinst" configure "" > /dev/null || no "postinst configure failed"
grep -q '^adduser --system --group --home /var/lib/kiosk .*kiosk$' "$tmp/calls" ||
    no "postinst does not create the kiosk system user"
for g in video render input; do
    grep -q "^adduser --quiet kiosk $g\$" "$tmp/calls" || no "postinst does not put kiosk in $g"
done
grep -q '^install -d -o kiosk -g kiosk -m 0750 /var/lib/kiosk$' "$tmp/calls" ||
    no "postinst does not create /var/lib/kiosk for the kiosk user"
if [ -L /etc/systemd/system/display-manager.service ]; then
    grep -q '^deb-systemd-helper enable' "$tmp/calls" && no "postinst enables the kiosk on a desktop"
else
    grep -q '^deb-systemd-helper enable kiosk.service$' "$tmp/calls" || no "postinst does not enable kiosk.service"
fi
: > "$tmp/calls"
PATH="$tmp/bin:$PATH" sh "$tmp/postrm" purge > /dev/null || no "postrm purge failed"
grep -q '^rm -rf /var/lib/kiosk' "$tmp/calls" || no "postrm purge leaves /var/lib/kiosk"
grep -q '^deb-systemd-helper purge kiosk.service$' "$tmp/calls" || no "postrm purge does not forget the unit"

# the units, with the kiosk at the path of the binary under test
mkdir "$tmp/units"
cp assets/kiosk.service assets/kiosk-usb-write.service assets/kiosk-usb-write.path "$tmp/units/"
bin=$(realpath "$kiosk")
sed -i "s|^ExecStart=/usr/bin/kiosk |ExecStart=$bin |" "$tmp/units/kiosk.service"
(cd "$tmp/units" && SYSTEMD_LOG_LEVEL=notice systemd-analyze verify \
    ./kiosk.service ./kiosk-usb-write.service ./kiosk-usb-write.path) > "$tmp/verify" 2>&1 ||
    no "systemd-analyze verify failed"
# an unknown key is only a warning for systemd, but a typo all the same
if [ -s "$tmp/verify" ]; then
    sed 's/^/systemd-analyze: /' "$tmp/verify"
    no "systemd-analyze verify complains"
fi
grep -qx 'Type=notify' assets/kiosk.service || no "the unit is not Type=notify"
grep -q '^WatchdogSec=' assets/kiosk.service || no "the unit has no watchdog"
grep -qx 'ExecStart=/usr/bin/kiosk --config /etc/kiosk/kiosk.conf --share /usr/share/kiosk' \
    assets/kiosk.service || no "the unit does not start the installed kiosk with its config"

if command -v udevadm >/dev/null && udevadm verify --help >/dev/null 2>&1; then
    udevadm verify assets/99-kiosk-usb.rules || no "udevadm verify rejects the USB rule"
else
    echo "packaging.sh: udevadm verify not available (udev < 254), the rule is not verified"
fi

[ $fail -eq 0 ] && echo "packaging.sh: kiosk_${version}_amd64.deb installs what a maintainer expects; lintian and systemd-analyze are content"
exit $fail
