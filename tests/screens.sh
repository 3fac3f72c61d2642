#!/bin/sh
# The kiosk's screenshot mode, end to end: every screen in every language at 800x480
# and in portrait, and the QR codes in the PNGs read back by a real decoder (zbarimg)
# with the exact payloads a visitor's phone would get, in every language.
set -u
kiosk=${1:-build/kiosk}
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
export SDL_VIDEODRIVER=offscreen
fail=0
no() { echo "screens.sh: $*"; fail=1; }
# the language codes, as `kiosk hours` lists them (one "CODE: sentence" a language)
langs=$("$kiosk" hours --at 2026-11-25T11:00 | cut -d: -f1)
[ "$(echo "$langs" | wc -l)" -ge 7 ] || no "fewer than seven languages: $langs"
for size in 800x480 720x1280; do
    "$kiosk" screenshot --out "$out/$size" --size "$size" --at 2026-11-25T11:00 ||
        no "screenshot at $size failed"
    for lang in $langs; do
        for s in home about committees hours contact location join funding languages; do
            [ -s "$out/$size/$lang-$s.png" ] || no "$size/$lang-$s.png missing"
        done
    done
done
# one "QR-Code:PAYLOAD" line a code (a vCard spans several lines)
decode() { zbarimg --nodbus -q "$1" 2>/dev/null; }
for lang in $langs; do
    for size in 800x480 720x1280; do
        got=$(decode "$out/$size/$lang-contact.png")
        echo "$got" | grep -qx 'QR-Code:tel:+302103638625' || no "$size $lang-contact: no tel QR (got: $got)"
        echo "$got" | grep -qx 'QR-Code:https://www.accmr.gr' || no "$size $lang-contact: no website QR"
        echo "$got" | grep -q '^QR-Code:BEGIN:VCARD' || no "$size $lang-contact: no vCard QR"
        echo "$got" | grep -q '^TEL;TYPE=WORK,VOICE:+302103638625' || no "$size $lang-contact: vCard has no phone"
        echo "$got" | grep -qi 'QR-Code:mailto:' && no "$size $lang-contact: an email QR, but the data has no email"
        dir=$(decode "$out/$size/$lang-location.png")
        echo "$dir" | grep -q '^QR-Code:https://www.google.com/maps/search/?api=1&query=' ||
            no "$size $lang-location: no directions QR (got: $dir)"
        # the address as written locally, percent-encoded: "Αγίου Ισιδώρου 4, Αθήνα, GR"
        echo "$dir" | grep -qx 'QR-Code:https://www.google.com/maps/search/?api=1&query=%CE%91%CE%B3%CE%AF%CE%BF%CF%85%20%CE%99%CF%83%CE%B9%CE%B4%CF%8E%CF%81%CE%BF%CF%85%204%2C%20%CE%91%CE%B8%CE%AE%CE%BD%CE%B1%2C%20GR' ||
            no "$size $lang-location: directions QR is not the address search"
        shot="$out/$size/$lang-join.png"
        # Nastaliq's 2.5 em lines put the join card's code a page down at 800x480 (the
        # page scrolls to it; a screenshot shows the top): read there from the portrait
        # screen, where it is whole. Every other language is read at both sizes.
        [ "$size $lang" = "800x480 ur" ] && shot="$out/720x1280/ur-join.png"
        join=$(decode "$shot")
        echo "$join" | grep -qx 'QR-Code:tel:+302103638625' || no "$size $lang-join: no tel QR"
    done
done
# large text and high contrast keep QR codes scannable: the first card of the contact
# screen, in sight before any scrolling in portrait (at 800x480 it is a page down, and
# tests/test_ui.c checks that every code keeps its size)
for size in 720x1280; do
    "$kiosk" screenshot --out "$out/modes" --size "$size" --screen contact --lang el \
        --large-text --high-contrast || no "large-text high-contrast screenshot at $size failed"
    decode "$out/modes/el-contact-large-contrast.png" | grep -qx 'QR-Code:tel:+302103638625' ||
        no "$size: in large text and high contrast the phone's QR code does not decode"
done
# the Greek vCard keeps the Greek name intact
zbarimg --nodbus -q -Sbinary --raw "$out/800x480/el-contact.png" | grep -q '^FN:Κέντρο Συντονισμού' ||
    no "el vCard lost its Greek name"
# an email appears, with its QR code, as soon as the data holds a valid one
pkg="$out/with-email"
cp -r data "$pkg"
sed 's|,https://www.accmr.gr,,active,|,https://www.accmr.gr,info@example.org,active,|' \
    data/services.csv > "$pkg/services.csv"
grep -q info@example.org "$pkg/services.csv" || no "could not add an email to the package"
"$kiosk" screenshot --package "$pkg" --screen contact --lang en --size 800x480 \
    --out "$out/email.png" || no "screenshot with an email failed"
decode "$out/email.png" | grep -qx 'QR-Code:mailto:info@example.org' ||
    no "an email in the data shows no mailto QR"
# a member service's card (example data): its codes carry the service's own phone,
# email, website, map position and contact card, as text that works without data
tools/gen-package.sh 24 "$out/dir" >/dev/null &&
    "$kiosk" screenshot --package "$out/dir" --screen service:example-svc-00001 --lang en \
        --size 1000x4000 --out "$out/card.png" || no "the service card's screenshot failed"
card=$(decode "$out/card.png")
for want in 'QR-Code:tel:+302100000001' 'QR-Code:mailto:svc1@example.org' \
        'QR-Code:https://example.org/s/1' \
        'QR-Code:https://www.google.com/maps/search/?api=1&query=37.9001,23.7001'; do
    echo "$card" | grep -qxF "$want" || no "service card: no $want (got: $card)"
done
echo "$card" | grep -q '^FN:Job counselling\\, example 1' || no "service card: no vCard of the service"
"$kiosk" screenshot --package "$out/dir" --screen services --lang el --size 800x480 \
    --out "$out/services.png" || no "the directory's screenshot failed"
# the one-file form the benchmarks use
"$kiosk" screenshot --screen home --lang el --size 1280x800 --out "$out/home.bmp" &&
    [ "$(head -c 2 "$out/home.bmp")" = BM ] || no "--out FILE.bmp did not write a BMP"
# and it refuses what it cannot do, clearly
"$kiosk" screenshot --screen nowhere --lang el --out "$out/x.bmp" 2>/dev/null && no "unknown screen accepted"
[ $fail -eq 0 ] && echo "screens.sh: every screen written, QR codes decode to the exact payloads"
exit $fail
