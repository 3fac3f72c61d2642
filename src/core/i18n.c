/* i18n.c - the languages, and the interface's words read from gettext catalogues.
 * Start reading at i18n_str(): it finds a message's key in the language's catalogue,
 * a GNU .mo file that msgfmt compiled from assets/locale/<code>.po and tools/po2c.sh
 * turned into a byte array of the program. A .mo holds the original strings sorted
 * (here "key\004English", msgctxt and msgid) beside their translations, so a lookup
 * is a binary search over the bytes themselves: nothing to load or parse at start-up,
 * no state, and the same words on every kiosk whatever its locale. Dates and times
 * are built from messages too ("date.full" puts day, month and year in order). */
#include "core/i18n.h"

#include <assert.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#define MO_MAGIC 0x950412deu
#define MO_CONTEXT_END '\004'       /* separates msgctxt from msgid in a .mo */

/* the catalogues, one per .po (tools/po2c.sh writes them as i18n_mo_<code>) */
#define I18N_MO_DECL(id, code, name, dir, digits, plural) \
    extern const unsigned char i18n_mo_##code[]; extern const size_t i18n_mo_##code##_size;
I18N_LANGUAGES(I18N_MO_DECL)
#undef I18N_MO_DECL

typedef struct Language {
    const char *code, *name;
    I18nDirection direction;
    uint32_t digit_zero;
    I18nPlural plural;
    const unsigned char *mo;
    const size_t *mo_size;
} Language;

static const Language languages[LANG_COUNT] = {
#define I18N_LANG_ROW(id, code, name, dir, digits, plural) \
    [id] = { #code, name, dir, digits, plural, i18n_mo_##code, &i18n_mo_##code##_size },
    I18N_LANGUAGES(I18N_LANG_ROW)
#undef I18N_LANG_ROW
};

/* the key of every message, by StrId */
static const char *const keys[STR_COUNT] = {
#define I18N_KEY_ROW(id, key) [id] = key,
    I18N_MESSAGES(I18N_KEY_ROW)
#undef I18N_KEY_ROW
};

/* each plural rule: its number of forms and its Plural-Forms text as gettext's manual
 * writes it (translators copy it into the .po header); i18n_plural_form computes it */
static const struct {
    int forms;
    const char *header;
} plural_rules[I18N_PLURAL_COUNT] = {
    [I18N_PLURAL_ONE] = { 2, "nplurals=2; plural=(n != 1);" },
    [I18N_PLURAL_ZERO_ONE] = { 2, "nplurals=2; plural=(n > 1);" },
    [I18N_PLURAL_SLAVIC] = { 3, "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && "
                                "n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);" },
    [I18N_PLURAL_ARABIC] = { 6, "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : "
                                "n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5);" },
};

/* the series that code indexes by number (weekday 0..6, month 1..12) */
_Static_assert(STR_WEEKDAY_SUNDAY - STR_WEEKDAY_MONDAY == 6 &&
               STR_WEEKDAY_SHORT_SUNDAY - STR_WEEKDAY_SHORT_MONDAY == 6 &&
               STR_WEEKDAY_ON_SUNDAY - STR_WEEKDAY_ON_MONDAY == 6 &&
               STR_MONTH_DECEMBER - STR_MONTH_JANUARY == 11,
               "i18n_messages.h: weekdays and months must stay in order");

/* an unknown language (a programmer's error) reads as the default one */
static Lang valid_lang(Lang lang)
{
    return (unsigned)lang < LANG_COUNT ? lang : LANG_DEFAULT;
}

/* ---- reading a .mo ---- */

/* a little-endian word at off (msgfmt --endianness=little); 0 past the end */
static uint32_t mo_word(const unsigned char *mo, size_t size, size_t off)
{
    if (off > size || size - off < 4)
        return 0;
    return (uint32_t)mo[off] | (uint32_t)mo[off + 1] << 8 | (uint32_t)mo[off + 2] << 16 |
           (uint32_t)mo[off + 3] << 24;
}

/* string i of the originals (table 12) or translations (table 16); NULL when its bytes
 * lie outside the catalogue or lack their NUL; *len gets its length */
static const char *mo_string(const unsigned char *mo, size_t size, size_t table, uint32_t i,
                             uint32_t *len)
{
    size_t entry = (size_t)mo_word(mo, size, table) + (size_t)i * 8;
    uint32_t l = mo_word(mo, size, entry), off = mo_word(mo, size, entry + 4);
    if (off >= size || size - off <= l || mo[off + l] != '\0')
        return NULL;
    if (len)
        *len = l;
    return (const char *)mo + off;
}

/* the number of strings; 0 for bytes that are not a .mo */
static uint32_t mo_count(const unsigned char *mo, size_t size)
{
    return mo_word(mo, size, 0) == MO_MAGIC ? mo_word(mo, size, 8) : 0;
}

/* index of the entry whose msgctxt is key, or -1: a binary search, as msgfmt sorts
 * the originals ("ctx\004msgid") by their bytes */
static long mo_find(const unsigned char *mo, size_t size, const char *key)
{
    size_t k = strlen(key);
    uint32_t lo = 0, hi = mo_count(mo, size);
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2, len;
        const char *o = mo_string(mo, size, 12, mid, &len);
        if (!o)
            return -1;
        /* key + "\004" against the original's first k + 1 bytes */
        int r = memcmp(key, o, k < len ? k : len);
        if (r == 0)
            r = len < k ? 1 : MO_CONTEXT_END - (unsigned char)o[k];
        if (r == 0)
            return (long)mid;
        if (r < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return -1;
}

/* form `form` of the translation of key (0 for a message that is not counted), or
 * NULL when the catalogue has none, an empty one, or fewer forms */
static const char *mo_text(const unsigned char *mo, size_t size, const char *key, int form)
{
    long i = mo_find(mo, size, key);
    uint32_t len = 0;
    const char *s = i < 0 ? NULL : mo_string(mo, size, 16, (uint32_t)i, &len);
    const char *end = s ? s + len : NULL;
    for (; s && form > 0; form--)           /* the forms are NUL-separated */
        s = s + strlen(s) < end ? s + strlen(s) + 1 : NULL;
    return s && s[0] ? s : NULL;
}

/* the number of forms of key's translation: 1, or more for a counted message */
static int mo_forms(const unsigned char *mo, size_t size, const char *key)
{
    long i = mo_find(mo, size, key);
    uint32_t len = 0;
    const char *s = i < 0 ? NULL : mo_string(mo, size, 16, (uint32_t)i, &len);
    int forms = 1;
    for (uint32_t k = 0; s && k < len; k++)
        forms += s[k] == '\0';
    return forms;
}

/* the English msgid of the entry key (after its context), or NULL */
static const char *mo_msgid(const unsigned char *mo, size_t size, const char *key)
{
    long i = mo_find(mo, size, key);
    const char *o = i < 0 ? NULL : mo_string(mo, size, 12, (uint32_t)i, NULL);
    return o ? o + strlen(key) + 1 : NULL;
}

/* ---- languages ---- */

/* "el" / "en"; the default language's code for an unknown lang */
const char *i18n_code(Lang lang)
{
    return languages[valid_lang(lang)].code;
}

/* the language's name in itself; the default language's for an unknown lang */
const char *i18n_name(Lang lang)
{
    return languages[valid_lang(lang)].name;
}

/* "el" / "EN" (any case) -> the language; LANG_COUNT for NULL or an unknown code */
Lang i18n_from_code(const char *code)
{
    if (!code) return LANG_COUNT;
    for (int i = 0; i < LANG_COUNT; i++)
        if (strcasecmp(code, languages[i].code) == 0) return (Lang)i;
    return LANG_COUNT;
}

/* left to right or right to left; the default language's for an unknown lang */
I18nDirection i18n_direction(Lang lang)
{
    return languages[valid_lang(lang)].direction;
}

/* copies the value of the header field name ("X-Kiosk-Review") into out; the header is
 * the translation of msgid "", entry 0. 0, or -1 when there is no such field */
static int header_field(const unsigned char *mo, size_t size, const char *name, char *out, size_t n)
{
    uint32_t len = 1;
    const char *h = mo_count(mo, size) ? mo_string(mo, size, 16, 0, NULL) : NULL;
    const char *o = h ? mo_string(mo, size, 12, 0, &len) : NULL;
    size_t k = strlen(name);
    for (const char *f = o && len == 0 ? h : NULL; f && *f; f = strchr(f, '\n') ? strchr(f, '\n') + 1 : NULL) {
        if (strncmp(f, name, k) != 0 || f[k] != ':')
            continue;
        f += k + 1;
        f += strspn(f, " \t");
        snprintf(out, n, "%.*s", (int)strcspn(f, "\n"), f);
        return 0;
    }
    return -1;
}

/* the header has "X-Kiosk-Review: reviewed" */
bool i18n_catalogue_reviewed(const unsigned char *mo, size_t size)
{
    char v[32];
    return header_field(mo, size, "X-Kiosk-Review", v, sizeof v) == 0 && strcmp(v, "reviewed") == 0;
}

/* lang's catalogue says it is reviewed; a draft (or no field) is not */
bool i18n_reviewed(Lang lang)
{
    const Language *l = &languages[valid_lang(lang)];
    return i18n_catalogue_reviewed(l->mo, *l->mo_size);
}

/* ---- messages ---- */

/* "screen.home"; "?" for an unknown id */
const char *i18n_key(StrId id)
{
    return (unsigned)id < STR_COUNT ? keys[id] : "?";
}

/* which form (0..) of a counted message the rule gives for count */
int i18n_plural_form(I18nPlural rule, unsigned long n)
{
    switch (rule) {
    case I18N_PLURAL_ZERO_ONE:
        return n > 1;
    case I18N_PLURAL_SLAVIC:
        return n % 10 == 1 && n % 100 != 11 ? 0
             : n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 10 || n % 100 >= 20) ? 1 : 2;
    case I18N_PLURAL_ARABIC:
        return n == 0 ? 0 : n == 1 ? 1 : n == 2 ? 2 : n % 100 >= 3 && n % 100 <= 10 ? 3
             : n % 100 >= 11 ? 4 : 5;
    default:
        return n != 1;
    }
}

/* the message in lang (its form for count when counted), else in English, else its key */
static const char *message(Lang lang, StrId id, bool counted, unsigned long count)
{
    if ((unsigned)id >= STR_COUNT) return "?";
    const Language *l = &languages[valid_lang(lang)];
    const char *s = mo_text(l->mo, *l->mo_size, keys[id],
                            counted ? i18n_plural_form(l->plural, count) : 0);
    if (!s) {
        l = &languages[LANG_EN];
        s = mo_text(l->mo, *l->mo_size, keys[id], counted ? i18n_plural_form(l->plural, count) : 0);
    }
    return s ? s : keys[id];
}

/* the message in lang, else in English, else its key; "?" for an unknown id; a
 * counted message gives its first form */
const char *i18n_str(Lang lang, StrId id)
{
    return message(lang, id, false, 0);
}

/* cuts out[0..len) back to its last whole UTF-8 character */
static void utf8_trim(char *out, size_t len)
{
    size_t start = len;
    while (start > 0 && ((unsigned char)out[start - 1] & 0xC0) == 0x80)
        start--;
    if (start == 0) {
        out[0] = '\0';
        return;
    }
    unsigned char lead = (unsigned char)out[start - 1];
    size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    if (len - (start - 1) < need)
        out[start - 1] = '\0';
}

/* fmt filled with ap into out; truncated at a character boundary */
static int format_into(char *out, size_t n, const char *fmt, va_list ap)
{
    if (!out || n == 0)
        return 0;
    /* the format comes from a catalogue that msgfmt --check compared with English */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
    int len = vsnprintf(out, n, fmt, ap);
#pragma GCC diagnostic pop
    if (len < 0)
        out[0] = '\0';
    else if ((size_t)len >= n)
        utf8_trim(out, n - 1);
    return len;
}

/* the message as a printf format; truncated at a character boundary */
int i18n_vformat(Lang lang, char *out, size_t n, StrId id, va_list ap)
{
    return format_into(out, n, message(lang, id, false, 0), ap);
}

/* the message as a printf format with the arguments that follow */
int i18n_format(Lang lang, char *out, size_t n, StrId id, ...)
{
    va_list ap;
    va_start(ap, id);
    int len = i18n_vformat(lang, out, n, id, ap);
    va_end(ap);
    return len;
}

/* the form of a counted message for count, as a printf format */
int i18n_format_count(Lang lang, char *out, size_t n, StrId id, unsigned long count, ...)
{
    va_list ap;
    va_start(ap, count);
    int len = format_into(out, n, message(lang, id, true, count), ap);
    va_end(ap);
    return len;
}

/* ---- dates and times ---- */

/* weekday 0 = Monday .. 6 = Sunday; "" for a weekday out of range */
const char *i18n_weekday(Lang lang, int weekday)
{
    if (weekday < 0 || weekday > 6) return "";
    return i18n_str(lang, (StrId)(STR_WEEKDAY_MONDAY + weekday));
}

/* weekday 0 = Monday .. 6 = Sunday, abbreviated ("Δευ" / "Mon"); "" out of range */
const char *i18n_weekday_short(Lang lang, int weekday)
{
    if (weekday < 0 || weekday > 6) return "";
    return i18n_str(lang, (StrId)(STR_WEEKDAY_SHORT_MONDAY + weekday));
}

/* rewrites ASCII digits in out as the language's digits, when it writes others;
 * out[0..n) stays NUL-terminated (a text that no longer fits becomes "") */
static void localise_digits(Lang lang, char *out, size_t n)
{
    uint32_t zero = languages[valid_lang(lang)].digit_zero;
    if (zero == I18N_DIGITS_WESTERN)
        return;
    assert(zero >= 0x80 && zero + 9 < 0x800);   /* two-byte UTF-8 digits (Arabic scripts) */
    char buf[128];
    size_t k = 0;
    for (const char *p = out; *p && k + 3 < sizeof buf; p++) {
        if (*p >= '0' && *p <= '9') {
            uint32_t cp = zero + (uint32_t)(*p - '0');
            buf[k++] = (char)(0xC0 | (cp >> 6));
            buf[k++] = (char)(0x80 | (cp & 0x3F));
        } else
            buf[k++] = *p;
    }
    buf[k] = '\0';
    if (k >= n)
        out[0] = '\0';
    else
        memcpy(out, buf, k + 1);
}

/* empties out when a result of len bytes did not fit in it */
static void write_or_empty(char *out, size_t n, int len)
{
    if (len < 0 || (size_t)len >= n) out[0] = '\0';
}

/* "25 Νοεμβρίου 2026" / "25 November 2026"; "" when the month or day is out of
 * range or out is too small; nothing written when n is 0 */
void i18n_format_date(Lang lang, int year, int month, int day, char *out, size_t n)
{
    if (n == 0) return;
    if (month < 1 || month > 12 || day < 1 || day > 31) { out[0] = '\0'; return; }
    /* the first of a month has its own form: French writes "1er" */
    int len = i18n_format(lang, out, n, day == 1 ? STR_DATE_FIRST : STR_DATE, day,
                          i18n_str(lang, (StrId)(STR_MONTH_JANUARY + month - 1)), year);
    write_or_empty(out, n, len);
    localise_digits(lang, out, n);
}

/* "7 Ιανουαρίου" / "7 January"; "" as for i18n_format_date */
void i18n_format_day_month(Lang lang, int month, int day, char *out, size_t n)
{
    if (n == 0) return;
    if (month < 1 || month > 12 || day < 1 || day > 31) { out[0] = '\0'; return; }
    int len = i18n_format(lang, out, n, day == 1 ? STR_DATE_DAY_MONTH_FIRST : STR_DATE_DAY_MONTH, day,
                          i18n_str(lang, (StrId)(STR_MONTH_JANUARY + month - 1)));
    write_or_empty(out, n, len);
    localise_digits(lang, out, n);
}

/* "Τετάρτη 25 Νοεμβρίου 2026" / "Wednesday 25 November 2026"; "" as for
 * i18n_format_date, or when weekday is out of range */
void i18n_format_long_date(Lang lang, int year, int month, int day, int weekday, char *out, size_t n)
{
    if (n == 0) return;
    if (weekday < 0 || weekday > 6) { out[0] = '\0'; return; }
    char date[64];
    i18n_format_date(lang, year, month, day, date, sizeof date);
    if (!date[0]) { out[0] = '\0'; return; }
    int len = i18n_format(lang, out, n, STR_DATE_LONG, i18n_weekday(lang, weekday), date);
    write_or_empty(out, n, len);
}

/* "09:00"; "" when minutes is outside 0..1439 or out is too small */
void i18n_format_time(Lang lang, int minutes, char *out, size_t n)
{
    if (n == 0) return;
    if (minutes < 0 || minutes >= 24 * 60) { out[0] = '\0'; return; }
    int len = i18n_format(lang, out, n, STR_TIME, minutes / 60, minutes % 60);
    write_or_empty(out, n, len);
    localise_digits(lang, out, n);
}

/* ---- checking a catalogue ---- */

/* the printf directives of s as "1:d 2:s ..." by argument number (positional "%2$s"
 * or in order), so that a translation that reorders them still compares equal;
 * "?" for a directive this check cannot read ('*' widths) */
static void directives(const char *s, char *out, size_t n)
{
    char conv[16][8] = { { 0 } };
    int next = 0;
    for (const char *p = strchr(s, '%'); p; p = strchr(p, '%')) {
        p++;
        if (*p == '%') { p++; continue; }
        int arg = 0;
        const char *q = p;
        while (*q >= '0' && *q <= '9') arg = arg * 10 + (*q++ - '0');
        if (*q == '$' && arg > 0) p = q + 1; else arg = ++next;
        p += strspn(p, "-+ #0'");
        p += strspn(p, "0123456789");
        if (*p == '.') { p++; p += strspn(p, "0123456789"); }
        size_t len = strspn(p, "hlLqjzt");
        if (p[len] == '*' || arg > 16 || len + 2 > sizeof conv[0]) { snprintf(out, n, "?"); return; }
        memcpy(conv[arg - 1], p, len + 1);      /* length modifiers and the conversion */
        conv[arg - 1][len + 1] = '\0';
        p += len + (p[len] != '\0');
    }
    size_t k = 0;
    out[0] = '\0';
    for (int i = 0; i < 16; i++)
        if (conv[i][0] && k < n)
            k += (size_t)snprintf(out + k, n - k, "%d:%s ", i + 1, conv[i]);
}

/* a and b equal but for spaces */
static bool same_but_spaces(const char *a, const char *b)
{
    for (;; a++, b++) {
        while (*a == ' ') a++;
        while (*b == ' ') b++;
        if (*a != *b) return false;
        if (!*a) return true;
    }
}

/* the first problem of the catalogue mo for lang; 0 when none, else 1 and *why */
int i18n_check_catalogue(Lang lang, const unsigned char *mo, size_t size, char *why, size_t n)
{
    const Language *en = &languages[LANG_EN], *l = &languages[valid_lang(lang)];
    char plural[256];
    if (mo_count(mo, size) == 0) {
        snprintf(why, n, "not a gettext catalogue (.mo)");
        return 1;
    }
    if (header_field(mo, size, "Plural-Forms", plural, sizeof plural) != 0 ||
        !same_but_spaces(plural, plural_rules[l->plural].header)) {
        snprintf(why, n, "the header's Plural-Forms should be \"%s\" (the rule in %s's row)",
                 plural_rules[l->plural].header, l->code);
        return 1;
    }
    for (int id = 0; id < STR_COUNT; id++) {
        const char *key = keys[id];
        const char *ref = mo_text(en->mo, *en->mo_size, key, 0);
        const char *msgid = mo_msgid(mo, size, key), *en_msgid = mo_msgid(en->mo, *en->mo_size, key);
        int forms = mo_forms(en->mo, *en->mo_size, key) > 1 ? plural_rules[l->plural].forms : 1;
        if (!ref || !en_msgid) {
            snprintf(why, n, "\"%s\" is missing in English", key);
            return 1;
        }
        for (int f = 0; f < forms; f++) {
            const char *s = mo_text(mo, size, key, f);
            char a[128], b[128];
            if (!s) {
                snprintf(why, n, forms > 1 ? "\"%s\" is missing or empty (form %d of %d)"
                                           : "\"%s\" is missing or empty", key, f + 1, forms);
                return 1;
            }
            directives(s, a, sizeof a);
            directives(ref, b, sizeof b);
            if (strcmp(a, b) != 0 || strcmp(a, "?") == 0) {
                snprintf(why, n, "\"%s\": the placeholders of \"%s\" are not those of \"%s\"",
                         key, s, ref);
                return 1;
            }
        }
        if (mo_forms(mo, size, key) != forms) {
            snprintf(why, n, "\"%s\" has %d forms; %s's plural rule has %d", key,
                     mo_forms(mo, size, key), l->code, forms);
            return 1;
        }
        if (strcmp(msgid, en_msgid) != 0) {
            snprintf(why, n, "\"%s\" translates \"%s\", but English now says \"%s\"",
                     key, msgid, en_msgid);
            return 1;
        }
    }
    return 0;
}

/* i18n_check_catalogue for lang's built-in catalogue */
int i18n_check(Lang lang, char *why, size_t n)
{
    const Language *l = &languages[valid_lang(lang)];
    return i18n_check_catalogue(lang, l->mo, *l->mo_size, why, n);
}
