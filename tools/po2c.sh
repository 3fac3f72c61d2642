#!/bin/sh
# po2c.sh OUT.c PO... - compiles each gettext catalogue with msgfmt --check (a
# translation whose placeholders differ from the English msgid, or a bad header,
# stops the build) and writes OUT.c holding every compiled .mo as a byte array,
# i18n_mo_<code> and i18n_mo_<code>_size, where <code> is the .po's file name, plus
# i18n_catalogue_codes[]. src/core/i18n.c reads them; the kiosk opens no file.
set -eu
out=$1
shift
tmp=$out.tmp
mo=$out.mo
{
    echo "/* the interface's catalogues, compiled by tools/po2c.sh from the .po files in assets/locale */"
    echo "#include <stddef.h>"
    codes=""
    for po in "$@"; do
        code=$(basename "$po" .po)
        case $code in
            *[!A-Za-z0-9_]*) echo "po2c: $po: the name must be a language code like el or pt_BR" >&2
                             exit 1 ;;
        esac
        msgfmt --check --no-hash --endianness=little -o "$mo" "$po"
        echo "const unsigned char i18n_mo_$code[] = {"
        od -An -v -tx1 "$mo" | sed -e 's/ \([0-9a-f][0-9a-f]\)/0x\1,/g' -e 's/^/   /'
        echo "};"
        echo "const size_t i18n_mo_${code}_size = sizeof i18n_mo_$code;"
        codes="$codes\"$code\", "
    done
    echo "const char *const i18n_catalogue_codes[] = { $codes NULL };"
} > "$tmp"
rm -f "$mo"
mv "$tmp" "$out"
