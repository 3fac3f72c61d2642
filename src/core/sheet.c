/* sheet.c - values as spreadsheets save them: see sheet.h. Each reader parses the
 * forms that LibreOffice 7.4 and Excel write (tried on Greek and English PCs) and
 * nothing looser: a form that could mean two things is refused. */
#include "core/sheet.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/hours.h"

const char SHEET_HINT[] =
    "hint: a spreadsheet changed these files. In LibreOffice, open each CSV with Character set "
    "\"Unicode (UTF-8)\", only \"Comma\" ticked under Separator Options and \"Format quoted field "
    "as text\" ticked; in Excel use Data > From Text/CSV with File Origin \"65001: Unicode "
    "(UTF-8)\", Delimiter \"Comma\" and \"Do not detect data types\". Save as \"CSV UTF-8\". "
    "(README: \"Editing the content in a spreadsheet\")";

/* reads 1 to max digits at *s into *v; the number of digits read, 0 for none */
static int digits(const char **s, int max, int *v)
{
    int n = 0;
    *v = 0;
    while (n < max && isdigit((unsigned char)**s)) {
        *v = *v * 10 + (**s - '0');
        (*s)++;
        n++;
    }
    return n;
}

/* the AM/PM marker at s, dots and spaces left out: 'a', 'p', 0 for none, -1 unknown */
static int day_half(const char *s)
{
    char m[16];
    size_t k = 0;
    for (; *s && k + 1 < sizeof m; s++)
        if (*s != '.' && *s != ' ')
            m[k++] = *s;
    m[k] = 0;
    if (!*m)
        return 0;
    if (strcasecmp(m, "am") == 0 || strcmp(m, "\xCF\x80\xCE\xBC") == 0 ||
        strcmp(m, "\xCE\xA0\xCE\x9C") == 0)
        return 'a';             /* AM, πμ, ΠΜ (π.μ.) */
    if (strcasecmp(m, "pm") == 0 || strcmp(m, "\xCE\xBC\xCE\xBC") == 0 ||
        strcmp(m, "\xCE\x9C\xCE\x9C") == 0)
        return 'p';             /* PM, μμ, ΜΜ (μ.μ.) */
    return -1;
}

/* a time of day read as HH:MM: see sheet.h */
SheetRead sheet_read_time(const char *in, char *out, size_t n)
{
    const char *s = in;
    int h, m, sec = 0;
    if (!digits(&s, 2, &h) || *s++ != ':' || digits(&s, 2, &m) != 2)
        return SHEET_BAD;
    if (*s == ':' && (s++, digits(&s, 2, &sec) != 2))
        return SHEET_BAD;
    int half = day_half(s);
    if (half < 0 || sec != 0 || m > 59)
        return SHEET_BAD;
    if (half) {
        if (h < 1 || h > 12)
            return SHEET_BAD;
        h = h % 12 + (half == 'p' ? 12 : 0);
    } else if (h > 24 || (h == 24 && m != 0)) {
        return SHEET_BAD;
    }
    snprintf(out, n, "%02d:%02d", h, m);
    return strcmp(out, in) == 0 ? SHEET_SAME : SHEET_READ;
}

/* a date read as ISO: see sheet.h */
SheetRead sheet_read_date(const char *in, char *out, size_t n, char *why, size_t why_n)
{
    if (why && why_n)
        *why = 0;
    if (hours_parse_date(in) > 0) {
        snprintf(out, n, "%s", in);
        return SHEET_SAME;
    }
    const char *s = in;
    int a, b, c, na, nb, nc;
    na = digits(&s, 4, &a);
    char sep = *s;
    if (!na || (sep != '/' && sep != '.' && sep != '-'))
        return SHEET_BAD;
    s++;
    nb = digits(&s, 2, &b);
    if (!nb || *s++ != sep)
        return SHEET_BAD;
    nc = digits(&s, 4, &c);
    while (*s == ' ')
        s++;
    if (*s || !nc)
        return SHEET_BAD;
    int y, mo, d;
    if (na == 4 && nc <= 2) {
        y = a, mo = b, d = c;             /* 2027/4/30 */
    } else if (na <= 2 && (nc == 4 || nc == 2)) {
        y = nc == 2 ? 2000 + c : c, mo = b, d = a;
        if (mo > 12 && d <= 12) {
            if (why && why_n)
                snprintf(why, why_n, "reads as month/day (an American PC's order): write "
                                     "%04d-%02d-%02d", y, d, mo);
            return SHEET_BAD;
        }
    } else {
        return SHEET_BAD;
    }
    snprintf(out, n, "%04d-%02d-%02d", y, mo, d);
    return hours_parse_date(out) > 0 ? SHEET_READ : SHEET_BAD;
}

/* true or false: see sheet.h */
SheetRead sheet_read_bool(const char *in, char *out, size_t n)
{
    static const char *const yes[] = { "true", "1", "\xCE\x91\xCE\x9B\xCE\x97\xCE\x98\xCE\x95\xCE\xA3",
                                       "\xCE\xB1\xCE\xBB\xCE\xB7\xCE\xB8\xCE\xAD\xCF\x82" };
    static const char *const no[] = { "false", "0", "\xCE\xA8\xCE\x95\xCE\xA5\xCE\x94\xCE\x95\xCE\xA3",
                                      "\xCF\x88\xCE\xB5\xCF\x85\xCE\xB4\xCE\xAD\xCF\x82" };
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++) {
        if (strcasecmp(in, yes[i]) == 0 || strcasecmp(in, no[i]) == 0) {
            snprintf(out, n, "%s", strcasecmp(in, yes[i]) == 0 ? "true" : "false");
            return strcmp(in, out) == 0 ? SHEET_SAME : SHEET_READ;
        }
    }
    return SHEET_BAD;
}

/* whether a phone number was changed by a spreadsheet: see sheet.h */
int sheet_phone_damaged(const char *number, char *why, size_t why_n)
{
    const char *s = number;
    int nd = 0;
    bool sci = false;
    for (; *s; s++) {
        if (isdigit((unsigned char)*s))
            nd++;
        else if ((*s == 'E' || *s == 'e') && s[1] == '+')
            sci = true, s++;
        else if (*s != '.' && *s != ',')
            break;
    }
    if (!why)
        why_n = 0;
    if (!*s && sci && nd) {
        snprintf(why, why_n, "the phone number was written as %s by a spreadsheet, which "
                             "keeps only its first digits: type it again with a ' in front", number);
        return 1;
    }
    for (s = number, nd = 0; isdigit((unsigned char)*s); s++)
        nd++;
    if (!*s && nd >= 11 && number[0] != '0') {
        snprintf(why, why_n, "the + of a phone number was dropped: a spreadsheet read +%s as a "
                             "number; type it as '+%s", number, number);
        return 1;
    }
    return 0;
}

/* whether an out-of-range coordinate lost its '.' on a Greek PC: see sheet.h */
int sheet_decimal_damaged(const char *value, double limit, char *why, size_t why_n)
{
    const char *s = value + (*value == '-');
    size_t len = strlen(s);
    if (len < 4 || len > 9 || strspn(s, "0123456789") != len)
        return 0;
    double v = strtod(s, NULL);
    if (v <= limit || v / 1000 > limit)
        return 0;
    if (!why)
        why_n = 0;
    snprintf(why, why_n, "a Greek spreadsheet read the '.' of %s%.*s.%s as a thousands "
                         "separator; type it with a ' in front, or open the file with "
                         "\"Format quoted field as text\" ticked",
             *value == '-' ? "-" : "", (int)(len - 3), s, s + len - 3);
    return 1;
}
