/* text.c - UTF-8 validation and decoding, heading capitals, and greedy word wrapping.
 * Start with text_utf8_next: every other function walks text through it. The capitals
 * come from static tables (no locale), so a heading looks the same on every kiosk.
 * Where a line may break comes from libunibreak (the Unicode line breaking algorithm,
 * UAX #14), the same for every language and script: after spaces, after a hyphen or a
 * dash, never before a closing bracket or inside "09:00". */
#include "core/text.h"

#include <assert.h>
#include <fribidi.h>
#include <linebreak.h>
#include <stdlib.h>
#include <string.h>

#define TEXT_BREAKS_STACK 2048  /* a paragraph this long finds its breaks on the stack */

#define TEXT_REPLACEMENT 0xFFFDu

/* length of the sequence led by byte b (1..4), or 0 when b cannot lead one */
static int lead_length(unsigned char b)
{
    if (b < 0x80) return 1;
    if (b >= 0xC2 && b <= 0xDF) return 2;
    if (b >= 0xE0 && b <= 0xEF) return 3;
    if (b >= 0xF0 && b <= 0xF4) return 4;
    return 0;                   /* continuation bytes, C0/C1 overlongs, F5..FF */
}

/* decodes the sequence at p (at most avail bytes); returns its length and sets *cp,
 * or returns 0 when it is malformed (overlong, surrogate, > U+10FFFF, truncated) */
static int decode(const unsigned char *p, size_t avail, uint32_t *cp)
{
    int len = lead_length(p[0]);
    if (len == 0 || (size_t)len > avail) return 0;
    if (len == 1) { *cp = p[0]; return 1; }
    uint32_t c = p[0] & (0x7F >> len);
    for (int i = 1; i < len; i++) {
        if ((p[i] & 0xC0) != 0x80) return 0;
        c = (c << 6) | (p[i] & 0x3F);
    }
    if ((len == 3 && c < 0x800) || (len == 4 && c < 0x10000)) return 0;  /* overlong */
    if (c >= 0xD800 && c <= 0xDFFF) return 0;                           /* surrogate */
    if (c > 0x10FFFF) return 0;
    *cp = c;
    return len;
}

/* bytes of a sequence at p before the first NUL, capped at 4 */
static size_t avail_before_nul(const char *p)
{
    size_t k = 0;
    while (k < 4 && p[k] != '\0') k++;
    return k;
}

/* true when s[0..n) is well-formed UTF-8 (no overlongs, no surrogates, no NUL) */
bool text_utf8_valid(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        uint32_t cp;
        int len = decode(p + i, n - i, &cp);
        if (len == 0 || cp == 0) return false;
        i += (size_t)len;
    }
    return true;
}

/* decodes one code point at *s and advances *s; U+FFFD on a malformed sequence
 * (advancing one byte), 0 at the terminating NUL (not advancing) */
uint32_t text_utf8_next(const char **s)
{
    const char *p = *s;
    if (*p == '\0') return 0;
    uint32_t cp;
    int len = decode((const unsigned char *)p, avail_before_nul(p), &cp);
    if (len == 0) { *s = p + 1; return TEXT_REPLACEMENT; }
    *s = p + len;
    return cp;
}

/* writes cp as UTF-8 into buf (4 bytes at least); returns the byte count */
static int encode(uint32_t cp, char *buf)
{
    if (cp < 0x80) { buf[0] = (char)cp; return 1; }
    if (cp < 0x800) {
        buf[0] = (char)(0xC0 | (cp >> 6));
        buf[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        buf[0] = (char)(0xE0 | (cp >> 12));
        buf[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        buf[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    buf[0] = (char)(0xF0 | (cp >> 18));
    buf[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    buf[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    buf[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

bool text_is_rtl(const char *s, size_t len)
{
    const char *p = s, *end = s + len;
    while (p < end && *p) {
        FriBidiCharType t = fribidi_get_bidi_type(text_utf8_next(&p));
        if (FRIBIDI_IS_LETTER(t))
            return FRIBIDI_IS_RTL(t);
    }
    return false;
}

/* Heading capitals. Ranges first: each code point in lo..hi (stepping by step) moves
 * by delta. Then single letters. To add a script, add a range row; a letter whose
 * capital is irregular goes in upper_pairs. Greek capitals carry no accents. */
typedef struct UpperRange { uint32_t lo, hi; int32_t delta; } UpperRange;
static const UpperRange upper_ranges[] = {
    { 0x0061, 0x007A, -0x20 },  /* a..z */
    { 0x00E0, 0x00F6, -0x20 },  /* à..ö */
    { 0x00F8, 0x00FE, -0x20 },  /* ø..þ (÷ is not a letter) */
    { 0x03B1, 0x03C1, -0x20 },  /* α..ρ */
    { 0x03C3, 0x03C9, -0x20 },  /* σ..ω */
};

typedef struct UpperPair { uint32_t from, to; } UpperPair;
static const UpperPair upper_pairs[] = {
    { 0x00FF, 0x0178 },         /* ÿ -> Ÿ */
    { 0x03C2, 0x03A3 },         /* final ς -> Σ */
    { 0x03AC, 0x0391 },         /* ά -> Α */
    { 0x03AD, 0x0395 },         /* έ -> Ε */
    { 0x03AE, 0x0397 },         /* ή -> Η */
    { 0x03AF, 0x0399 },         /* ί -> Ι */
    { 0x03CC, 0x039F },         /* ό -> Ο */
    { 0x03CD, 0x03A5 },         /* ύ -> Υ */
    { 0x03CE, 0x03A9 },         /* ώ -> Ω */
    { 0x0390, 0x03AA },         /* ΐ -> Ϊ */
    { 0x03B0, 0x03AB },         /* ΰ -> Ϋ */
    { 0x03CA, 0x03AA },         /* ϊ -> Ϊ */
    { 0x03CB, 0x03AB },         /* ϋ -> Ϋ */
    { 0x0386, 0x0391 },         /* Ά -> Α */
    { 0x0388, 0x0395 },         /* Έ -> Ε */
    { 0x0389, 0x0397 },         /* Ή -> Η */
    { 0x038A, 0x0399 },         /* Ί -> Ι */
    { 0x038C, 0x039F },         /* Ό -> Ο */
    { 0x038E, 0x03A5 },         /* Ύ -> Υ */
    { 0x038F, 0x03A9 },         /* Ώ -> Ω */
};

/* the heading capital of cp, cp itself when it has none */
static uint32_t upper_of(uint32_t cp)
{
    for (size_t i = 0; i < sizeof upper_ranges / sizeof upper_ranges[0]; i++)
        if (cp >= upper_ranges[i].lo && cp <= upper_ranges[i].hi)
            return (uint32_t)((int32_t)cp + upper_ranges[i].delta);
    for (size_t i = 0; i < sizeof upper_pairs / sizeof upper_pairs[0]; i++)
        if (upper_pairs[i].from == cp) return upper_pairs[i].to;
    return cp;
}

/* Greek: an accent on the first letter of a would-be digraph (άι, όι, έι, ύι, άυ,
 * έυ, ήυ, όυ) says the two are said apart; in capitals, where the accent goes, the
 * second letter shows it with a dialytika instead: Μάιος -> ΜΑΪΟΣ. */
static uint32_t dialytika_after(uint32_t prev, uint32_t cp)
{
    if (cp == 0x03B9 && (prev == 0x03AC || prev == 0x03AD || prev == 0x03CC || prev == 0x03CD))
        return 0x03AA;          /* Ϊ */
    if (cp == 0x03C5 && (prev == 0x03AC || prev == 0x03AD || prev == 0x03AE || prev == 0x03CC))
        return 0x03AB;          /* Ϋ */
    return 0;
}

/* heading capitals of s into out[0..n), NUL-terminated, truncated at a character
 * boundary; malformed bytes become U+FFFD; writes nothing when n is 0 */
void text_upper(const char *s, char *out, size_t n)
{
    if (n == 0) return;
    size_t used = 0;
    uint32_t prev = 0, cp;
    while ((cp = text_utf8_next(&s)) != 0) {
        uint32_t up = dialytika_after(prev, cp);
        if (up == 0) up = upper_of(cp);
        char buf[4];
        int len = encode(up, buf);
        if (used + (size_t)len >= n) break;
        memcpy(out + used, buf, (size_t)len);
        used += (size_t)len;
        prev = cp;
    }
    out[used] = '\0';
}

/* true for the marks that belong to the letter before them (never a line break
 * between the two): combining diacritics, as in decomposed Greek or Latin text, the
 * Arabic vowel signs, and the joiners (ZWNJ, ZWJ) that shape the letters around them */
static bool is_combining(uint32_t cp)
{
    return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x0610 && cp <= 0x061A) ||
           (cp >= 0x064B && cp <= 0x065F) || cp == 0x0670 || (cp >= 0x06D6 && cp <= 0x06ED) ||
           (cp >= 0x08D3 && cp <= 0x08FF) || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
           (cp >= 0x1DC0 && cp <= 0x1DFF) || cp == 0x200C || cp == 0x200D ||
           (cp >= 0x20D0 && cp <= 0x20FF) || (cp >= 0xFE20 && cp <= 0xFE2F);
}

/* white space between words; '\r' counts so that CRLF text wraps like LF text */
static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

typedef struct WrapOut {
    TextLine *lines;
    int max, count;
} WrapOut;

/* records one line (only the first max are written); cut: it ends inside a word */
static void wrap_emit(WrapOut *w, size_t off, size_t len, bool cut)
{
    if (w->count < w->max) {
        w->lines[w->count].off = off;
        w->lines[w->count].len = len;
        w->lines[w->count].cut = cut;
    }
    w->count++;
}

/* the end of the longest prefix of the word s[start..end) that fits width: at least
 * one character, so that wrapping always moves on; never inside a character or
 * between a letter and its combining marks */
static size_t wrap_cut_word(const char *s, size_t start, size_t end, int width,
                            TextMeasureFn measure, void *ctx, int style)
{
    const char *p = s + start;
    text_utf8_next(&p);
    while (p < s + end) {       /* the first character with its marks */
        const char *q = p;
        if (!is_combining(text_utf8_next(&q))) break;
        p = q;
    }
    size_t best = (size_t)(p - s);
    while (p < s + end) {
        const char *q = p;
        text_utf8_next(&q);
        while (q < s + end) {
            const char *r = q;
            if (!is_combining(text_utf8_next(&r))) break;
            q = r;
        }
        if (measure(ctx, s + start, (size_t)(q - s) - start, style) > width) break;
        best = (size_t)(q - s);
        p = q;
    }
    return best;
}

/* the end of the segment that starts at i: the next place libunibreak allows a
 * break (brks[k] tells of the break after s[start + k]); with no brks, the next
 * space run's end (the rule when the paragraph's breaks could not be found) */
static size_t wrap_next_break(const char *s, size_t start, size_t end, size_t i,
                              const char *brks)
{
    if (!brks) {
        while (i < end && !is_space(s[i])) i++;
        while (i < end && is_space(s[i])) i++;
        return i;
    }
    while (i < end) {
        char b = brks[i - start];
        i++;
        if (b == LINEBREAK_ALLOWBREAK || b == LINEBREAK_MUSTBREAK) break;
    }
    return i;
}

/* One tailoring of the Unicode rules (UAX #14 allows it): no break at the spaces
 * between two groups of digits, so that a phone number ("+30 210 3638625") stays on
 * one line, where a visitor can read it off to dial; in a right-to-left line its
 * halves would also swap places. */
static void wrap_keep_numbers(const char *s, size_t n, char *brks)
{
    for (size_t i = 1; i < n; i++) {
        if (s[i] != ' ' || !(s[i - 1] >= '0' && s[i - 1] <= '9'))
            continue;
        size_t j = i;
        while (j < n && s[j] == ' ') j++;
        if (j < n && s[j] >= '0' && s[j] <= '9')
            for (size_t k = i; k < j; k++)
                brks[k] = LINEBREAK_NOBREAK;
        i = j;
    }
}

/* wraps the paragraph s[start..end) (no '\n' inside) greedily into w */
static void wrap_paragraph(const char *s, size_t start, size_t end, int width,
                           TextMeasureFn measure, void *ctx, int style, WrapOut *w,
                           const char *brks)
{
    size_t i = start;
    while (i < end && is_space(s[i])) i++;
    if (i == end) { wrap_emit(w, start, 0, false); return; }   /* a blank line */

    size_t line = i, line_end = i;      /* the line so far: s[line..line_end) */
    bool empty = true;
    int line_w = 0;                     /* its width, measured or summed */
    /* a line is measured whole only near the edge: elsewhere the width of the
     * words added is summed, which errs by a pixel or two at each join */
    int slack = 3 + width / 50;
    while (i < end) {
        size_t word = i;        /* a segment: what lies between two break chances */
        i = wrap_next_break(s, start, end, i, brks);
        size_t word_end = i;
        while (word_end > word && is_space(s[word_end - 1])) word_end--;
        if (word_end == word) continue;         /* spaces alone */

        if (!empty) {
            int w = line_w + measure(ctx, s + line_end, word_end - line_end, style);
            if (w > width - slack && w <= width + slack)
                w = measure(ctx, s + line, word_end - line, style);    /* near: exactly */
            if (w <= width) {
                line_end = word_end;    /* the word joins the line */
                line_w = w;
                continue;
            }
        }
        if (!empty) wrap_emit(w, line, line_end - line, false);
        /* the word starts a line; cut it while it is wider than the line alone */
        while (measure(ctx, s + word, word_end - word, style) > width) {
            size_t cut = wrap_cut_word(s, word, word_end, width, measure, ctx, style);
            if (cut >= word_end) break;
            wrap_emit(w, word, cut - word, true);
            word = cut;
        }
        line = word;
        line_end = word_end;
        line_w = measure(ctx, s + word, word_end - word, style);
        empty = false;
    }
    wrap_emit(w, line, line_end - line, false);
}

/* greedy wrap of s into lines no wider than width (see text.h); a final '\n' ends
 * the last paragraph and adds no line; "" gives no lines */
int text_wrap(const char *s, int width, TextMeasureFn measure, void *ctx, int style,
              TextLine *lines, int max)
{
    assert(s != NULL && measure != NULL);
    WrapOut w = { lines, lines ? max : 0, 0 };
    size_t start = 0;
    char stack[TEXT_BREAKS_STACK];
    static bool indexed;        /* libunibreak's index of its tables, made once: without
                                   it each character's class is a linear search */
    if (!indexed) {
        init_linebreak();
        indexed = true;
    }
    for (;;) {
        const char *nl = strchr(s + start, '\n');
        size_t end = nl ? (size_t)(nl - s) : strlen(s);
        if (!nl && end == start) break;     /* "", or after a final '\n' */
        /* a long paragraph's breaks on the heap; if that fails, breaks at spaces */
        char *brks = end - start <= sizeof stack ? stack : malloc(end - start);
        if (brks) {
            set_linebreaks_utf8((const utf8_t *)s + start, end - start, NULL, brks);
            wrap_keep_numbers(s + start, end - start, brks);
        }
        wrap_paragraph(s, start, end, width, measure, ctx, style, &w, brks);
        if (brks != stack)
            free(brks);
        if (!nl) break;
        start = end + 1;
    }
    return w.count;
}
