/* qr.c - QR payloads (tel:, mailto:, web, vCard, directions) and their module
 * matrices. Payload builders are strict: the data come from a spreadsheet, and a code
 * that a phone cannot use is worse than none, so anything doubtful gives -1 and the
 * screen shows no code. Every builder writes through one bounded Buf. */
#include "core/qr.h"

#include <math.h>
#include <qrencode.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/text.h"

#define QR_EMAIL_MAX  254       /* RFC 5321 path limit */
#define QR_LOCAL_MAX  64
#define QR_E164_MIN   8
#define QR_E164_MAX   15

typedef struct Buf {
    char *p;
    size_t n, len;
    bool overflow;
} Buf;

/* an empty buffer over out[0..n) */
static Buf buf_over(char *out, size_t n)
{
    Buf b = { out, n, 0, n == 0 };
    if (n > 0) out[0] = '\0';
    return b;
}

/* appends len bytes; on overflow marks the buffer and leaves it as it was */
static void buf_add(Buf *b, const char *s, size_t len)
{
    if (b->overflow || b->len + len >= b->n) { b->overflow = true; return; }
    memcpy(b->p + b->len, s, len);
    b->len += len;
    b->p[b->len] = '\0';
}

static void buf_str(Buf *b, const char *s)
{
    buf_add(b, s, strlen(s));
}

/* appends byte c as %XX */
static void buf_pct(Buf *b, unsigned char c)
{
    static const char hex[] = "0123456789ABCDEF";
    char e[3] = { '%', hex[c >> 4], hex[c & 15] };
    buf_add(b, e, 3);
}

/* the payload length, or -1 (with out emptied) when it did not fit */
static int buf_finish(Buf *b)
{
    if (b->overflow) {
        if (b->n > 0) b->p[0] = '\0';
        return -1;
    }
    return (int)b->len;
}

/* -1 with out emptied: the data cannot make a payload */
static int reject(char *out, size_t n)
{
    if (n > 0) out[0] = '\0';
    return -1;
}

/* the RFC 3986 unreserved characters, never percent-encoded */
static bool is_unreserved(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
           c == '-' || c == '.' || c == '_' || c == '~';
}

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* s without its leading and trailing white space: *len set, start returned */
static const char *trim(const char *s, size_t *len)
{
    while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n') s++;
    size_t k = strlen(s);
    while (k > 0 && (s[k - 1] == ' ' || s[k - 1] == '\t' || s[k - 1] == '\r' ||
                     s[k - 1] == '\n'))
        k--;
    *len = k;
    return s;
}

/* the E.164 digits of a phone number written any usual way, with the leading '+',
 * into e164 (QR_E164_MAX + 2 bytes); false when it is not a dialable number */
static bool phone_e164(const char *number, char *e164)
{
    if (!number) return false;
    char digits[64];
    size_t nd = 0;
    bool plus = false;
    for (const unsigned char *p = (const unsigned char *)number; *p; p++) {
        if (is_digit((char)*p)) {
            if (nd + 1 >= sizeof digits) return false;
            digits[nd++] = (char)*p;
        } else if (*p == '+') {
            if (plus || nd > 0) return false;       /* '+' only in front */
            plus = true;
        } else if (p[0] == 0xC2 && p[1] == 0xA0) {
            p++;                /* a spreadsheet's no-break space */
        } else if (!strchr(" \t-.()", *p)) {
            return false;       /* letters, "ext.", a second number after '/' or ',' */
        }
    }
    digits[nd] = '\0';
    const char *d = digits;
    if (!plus && d[0] == '0' && d[1] == '0') {
        d += 2;                 /* the international prefix dialled from Greece */
    } else if (!plus) {
        /* a Greek national number: landlines start with 2, mobiles with 69 */
        if (nd != 10 || !(d[0] == '2' || (d[0] == '6' && d[1] == '9'))) return false;
        e164[0] = '+'; memcpy(e164 + 1, "30", 2); memcpy(e164 + 3, d, 11);
        return true;
    }
    size_t len = strlen(d);
    if (len < QR_E164_MIN || len > QR_E164_MAX || d[0] == '0') return false;
    if (d[0] == '3' && d[1] == '0' && len != 12) return false;   /* Greek: 10 after +30 */
    e164[0] = '+';
    memcpy(e164 + 1, d, len + 1);
    return true;
}

/* "+30 210 3638625", "210 3638625", "0030 210 3638625" -> "tel:+302103638625";
 * -1 on letters, a misplaced '+', fewer than 8 or more than 15 digits, a national
 * number that is not Greek, or a too small out */
int qr_payload_tel(const char *number, char *out, size_t n)
{
    char e164[QR_E164_MAX + 2];
    if (!phone_e164(number, e164)) return reject(out, n);
    Buf b = buf_over(out, n);
    buf_str(&b, "tel:");
    buf_str(&b, e164);
    return buf_finish(&b);
}

/* characters allowed in a dot-atom local part (RFC 5322 atext) */
static bool is_atext(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || is_digit((char)c) ||
           (c != 0 && strchr("!#$%&'*+-/=?^_`{|}~", c));
}

/* true when the domain is dot-separated LDH labels and a TLD of letters */
static bool domain_ok(const char *d, size_t len)
{
    if (len == 0 || len > 253) return false;
    size_t label = 0, labels = 0, last_start = 0;
    for (size_t i = 0; i <= len; i++) {
        char c = i < len ? d[i] : '.';
        if (c == '.') {
            if (label == 0 || label > 63 || d[i - 1] == '-' || d[i - label] == '-')
                return false;
            labels++;
            last_start = i - label;
            label = 0;
        } else if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || is_digit(c) ||
                   c == '-') {
            label++;
        } else {
            return false;
        }
    }
    if (labels < 2 || len - last_start < 2) return false;
    for (size_t i = last_start; i < len; i++)
        if (is_digit(d[i]) || d[i] == '-') return false;    /* TLDs are letters */
    return true;
}

/* true for a plausible addr-spec: one '@', a dot-atom local part, a domain with a
 * dot; no spaces or brackets, so "[email protected]" and "info [at] x.gr" fail */
static bool email_ok(const char *e, size_t len)
{
    if (len == 0 || len > QR_EMAIL_MAX) return false;
    const char *at = memchr(e, '@', len);
    if (!at || memchr(at + 1, '@', len - (size_t)(at - e) - 1)) return false;
    size_t local = (size_t)(at - e);
    if (local == 0 || local > QR_LOCAL_MAX || e[0] == '.' || at[-1] == '.') return false;
    for (size_t i = 0; i < local; i++) {
        if (e[i] == '.' ? e[i + 1] == '.' : !is_atext((unsigned char)e[i])) return false;
    }
    return domain_ok(at + 1, len - local - 1);
}

/* the trimmed address, without a "mailto:" that the data may carry; false when
 * it is not a plausible addr-spec */
static bool email_clean(const char *email, const char **start, size_t *len)
{
    if (!email) return false;
    const char *e = trim(email, len);
    if (*len >= 7 && strncasecmp(e, "mailto:", 7) == 0) { e += 7; *len -= 7; }
    *start = e;
    return email_ok(e, *len);
}

/* "mailto:info@example.org", the address percent-encoded where RFC 6068 asks; -1
 * unless the address is a plausible addr-spec, or when out is too small */
int qr_payload_mailto(const char *email, char *out, size_t n)
{
    const char *e;
    size_t len;
    if (!email_clean(email, &e, &len)) return reject(out, n);
    Buf b = buf_over(out, n);
    buf_str(&b, "mailto:");
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)e[i];
        if (is_unreserved(c) || (c != 0 && strchr("!$'()*+,;:@", c)))
            buf_add(&b, (const char *)&c, 1);
        else
            buf_pct(&b, c);
    }
    return buf_finish(&b);
}

/* "https://www.example.org/x" as given (scheme lower-cased), "www.example.org" and
 * "example.org/x" with https:// added; non-ASCII in the path percent-encoded. -1 on
 * another scheme, spaces or control characters, user info, a host that is not a
 * domain name, or a too small out */
int qr_payload_url(const char *url, char *out, size_t n)
{
    if (!url) return reject(out, n);
    size_t len;
    const char *u = trim(url, &len);
    const char *scheme = "https://";
    if (len >= 8 && strncasecmp(u, "https://", 8) == 0) { u += 8; len -= 8; }
    else if (len >= 7 && strncasecmp(u, "http://", 7) == 0) { scheme = "http://"; u += 7; len -= 7; }

    size_t auth = 0;            /* host[:port] up to the path, query or fragment */
    while (auth < len && !strchr("/?#", u[auth])) auth++;
    size_t host = auth;
    const char *colon = memchr(u, ':', auth);
    if (colon) {
        host = (size_t)(colon - u);
        if (host + 1 == auth) return reject(out, n);
        for (size_t i = host + 1; i < auth; i++)
            if (!is_digit(u[i])) return reject(out, n);     /* "javascript:", "mailto:" */
    }
    if (!domain_ok(u, host)) return reject(out, n);
    for (size_t i = auth; i < len; i++) {
        unsigned char c = (unsigned char)u[i];
        if (c <= 0x20 || c == 0x7F || c == '"' || c == '<' || c == '>' || c == '\\')
            return reject(out, n);
    }
    if (!text_utf8_valid(u, len)) return reject(out, n);

    Buf b = buf_over(out, n);
    buf_str(&b, scheme);
    for (size_t i = 0; i < auth; i++) {     /* host names are case-insensitive */
        char c = u[i];
        if (c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
        buf_add(&b, &c, 1);
    }
    for (size_t i = auth; i < len; i++) {
        unsigned char c = (unsigned char)u[i];
        if (c >= 0x80) buf_pct(&b, c);
        else buf_add(&b, (const char *)&c, 1);
    }
    return buf_finish(&b);
}

/* appends s as a vCard text value: \ , ; escaped, each line end as \n (RFC 2426) */
static void vcard_text(Buf *b, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '\\': buf_str(b, "\\\\"); break;
        case ',':  buf_str(b, "\\,"); break;
        case ';':  buf_str(b, "\\;"); break;
        case '\r': s += s[1] == '\n'; buf_str(b, "\\n"); break;   /* CRLF or CR */
        case '\n': buf_str(b, "\\n"); break;
        default:   buf_add(b, s, 1);
        }
    }
}

/* true when s is absent or empty */
static bool blank(const char *s)
{
    return !s || !s[0];
}

/* a vCard 3.0 (see qr.h): N and FN from the name (or the organisation), ORG, TEL
 * (E.164), EMAIL, URL, ADR, each only when its data are present and valid. Lines
 * are not folded: every phone reads long lines, not all read folded UTF-8. -1 with
 * neither name nor organisation, with text that is not UTF-8, or a too small out */
int qr_payload_vcard(const QrContact *c, char *out, size_t n)
{
    if (!c) return reject(out, n);
    const char *text[] = { c->name, c->organisation, c->street, c->city,
                           c->postal_code, c->country };
    for (size_t i = 0; i < sizeof text / sizeof text[0]; i++)
        if (text[i] && !text_utf8_valid(text[i], strlen(text[i]))) return reject(out, n);
    const char *fn = !blank(c->name) ? c->name : c->organisation;
    if (blank(fn)) return reject(out, n);

    Buf b = buf_over(out, n);
    buf_str(&b, "BEGIN:VCARD\r\nVERSION:3.0\r\nN:");
    vcard_text(&b, fn);
    buf_str(&b, ";;;;\r\nFN:");
    vcard_text(&b, fn);
    buf_str(&b, "\r\n");
    if (!blank(c->organisation)) {
        buf_str(&b, "ORG:");
        vcard_text(&b, c->organisation);
        buf_str(&b, "\r\n");
    }
    char e164[QR_E164_MAX + 2];
    if (phone_e164(c->phone, e164)) {
        buf_str(&b, "TEL;TYPE=WORK,VOICE:");
        buf_str(&b, e164);
        buf_str(&b, "\r\n");
    }
    const char *email;
    size_t email_len;
    if (email_clean(c->email, &email, &email_len)) {
        buf_str(&b, "EMAIL;TYPE=INTERNET:");
        buf_add(&b, email, email_len);
        buf_str(&b, "\r\n");
    }
    char url[512];
    if (qr_payload_url(c->website, url, sizeof url) > 0) {
        buf_str(&b, "URL:");
        buf_str(&b, url);
        buf_str(&b, "\r\n");
    }
    if (!blank(c->street) || !blank(c->city) || !blank(c->postal_code) || !blank(c->country)) {
        const char *parts[] = { c->street, c->city, "", c->postal_code, c->country };
        buf_str(&b, "ADR;TYPE=WORK:;;");
        for (size_t i = 0; i < 5; i++) {
            if (i > 0) buf_str(&b, ";");
            if (parts[i]) vcard_text(&b, parts[i]);
        }
        buf_str(&b, "\r\n");
    }
    buf_str(&b, "END:VCARD\r\n");
    return buf_finish(&b);
}

/* appends a coordinate with up to six decimals (about 10 cm), locale-free */
static void buf_coord(Buf *b, double v)
{
    long micro = lround(fabs(v) * 1e6);
    char s[32];
    int k = 0;
    if (v < 0 && micro > 0) s[k++] = '-';
    long whole = micro / 1000000, frac = micro % 1000000;
    char w[24];
    int wn = 0;
    do { w[wn++] = (char)('0' + whole % 10); whole /= 10; } while (whole > 0);
    while (wn > 0) s[k++] = w[--wn];
    if (frac > 0) {
        s[k++] = '.';
        for (long div = 100000; div > 0 && frac > 0; div /= 10) {
            s[k++] = (char)('0' + frac / div);
            frac %= div;
        }
    }
    buf_add(b, s, (size_t)k);
}

#define QR_MAPS_SEARCH "https://www.google.com/maps/search/?api=1&query="

/* directions as a maps search link (see qr.h for why not geo:): the coordinates when
 * given and plausible (0,0 is a spreadsheet's empty cell, not a place), else "street, city, country" percent-encoded as UTF-8; -1
 * with neither, or a too small out */
int qr_payload_directions(const char *street, const char *city, const char *country,
                          bool has_coords, double lat, double lon, char *out, size_t n)
{
    Buf b = buf_over(out, n);
    if (has_coords && isfinite(lat) && isfinite(lon) && fabs(lat) <= 90 &&
        fabs(lon) <= 180 && !(lat == 0 && lon == 0)) {
        buf_str(&b, QR_MAPS_SEARCH);
        buf_coord(&b, lat);
        buf_str(&b, ",");
        buf_coord(&b, lon);
        return buf_finish(&b);
    }
    const char *parts[] = { street, city, country };
    bool any = false;
    buf_str(&b, QR_MAPS_SEARCH);
    for (size_t i = 0; i < 3; i++) {
        if (!parts[i]) continue;
        size_t len;
        const char *p = trim(parts[i], &len);
        if (len == 0) continue;
        if (!text_utf8_valid(p, len)) return reject(out, n);
        if (any) buf_str(&b, "%2C%20");
        for (size_t k = 0; k < len; k++) {
            unsigned char c = (unsigned char)p[k];
            if (is_unreserved(c)) buf_add(&b, (const char *)&c, 1);
            else buf_pct(&b, c);
        }
        any = true;
    }
    if (!any) return reject(out, n);
    return buf_finish(&b);
}

/* the modules of payload as a QR code: 8-bit bytes, error correction M; NULL when
 * the payload is empty, too long for a QR code, or memory runs out */
QrMatrix *qr_encode(const char *payload)
{
    if (!payload || !payload[0]) return NULL;
    QRcode *code = QRcode_encodeString(payload, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    if (!code) return NULL;
    size_t cells = (size_t)code->width * (size_t)code->width;
    QrMatrix *m = malloc(sizeof *m);
    unsigned char *dark = malloc(cells);
    if (!m || !dark) {
        free(m);
        free(dark);
        QRcode_free(code);
        return NULL;
    }
    for (size_t i = 0; i < cells; i++) dark[i] = code->data[i] & 1;
    m->width = code->width;
    m->dark = dark;
    QRcode_free(code);
    return m;
}

/* frees a matrix from qr_encode; NULL is fine */
void qr_free(QrMatrix *m)
{
    if (!m) return;
    free(m->dark);
    free(m);
}
