/* textrun.c - a line of text as shaper runs in visual order. Start at textrun_split:
 * it decodes the line, isolates numbers in right-to-left lines (textrun_isolate),
 * takes the bidi levels from FriBidi, picks each character's script and face, cuts
 * runs where any of the three changes, and reverses them as the bidi algorithm's
 * rule L2 says. The characters inside a right-to-left run stay in reading order:
 * HarfBuzz, told the run is right to left, lays them out so. */
#include "render/textrun.h"
#include "core/text.h"

#include <assert.h>
#include <fribidi.h>
#include <string.h>

#define TEXTRUN_LRI 0x2066u     /* left-to-right isolate */
#define TEXTRUN_PDI 0x2069u     /* pop directional isolate */
#define TEXTRUN_SEPS_MAX 3      /* " – " between two numbers still joins them */

/* Scripts by code point block, for choosing a face and telling HarfBuzz the script.
 * To add a script: a row here (ISO 15924 tag), then a face for it in render_text.c's
 * face table. Blocks not listed are "Zyyy" (common: digits, spaces, punctuation). Rows are
 * in code point order. */
typedef struct ScriptRange { uint32_t lo, hi; const char *tag; } ScriptRange;
static const ScriptRange script_ranges[] = {
    { 0x0041, 0x005A, "Latn" }, { 0x0061, 0x007A, "Latn" }, { 0x00C0, 0x00D6, "Latn" },
    { 0x00D8, 0x00F6, "Latn" }, { 0x00F8, 0x024F, "Latn" }, { 0x0300, 0x036F, "Zinh" },
    { 0x0370, 0x03FF, "Grek" }, { 0x0400, 0x052F, "Cyrl" }, { 0x0530, 0x058F, "Armn" },
    { 0x0590, 0x05FF, "Hebr" }, { 0x0600, 0x06FF, "Arab" }, { 0x0700, 0x074F, "Syrc" },
    { 0x0750, 0x077F, "Arab" }, { 0x0780, 0x07BF, "Thaa" }, { 0x0870, 0x08FF, "Arab" },
    { 0x0900, 0x097F, "Deva" }, { 0x0980, 0x09FF, "Beng" }, { 0x1200, 0x139F, "Ethi" },
    { 0x1AB0, 0x1AFF, "Zinh" }, { 0x1C80, 0x1C8F, "Cyrl" }, { 0x1DC0, 0x1DFF, "Zinh" },
    { 0x1E00, 0x1EFF, "Latn" }, { 0x1F00, 0x1FFF, "Grek" }, { 0x20D0, 0x20FF, "Zinh" },
    { 0x2C60, 0x2C7F, "Latn" }, { 0x2D80, 0x2DDF, "Ethi" }, { 0x2DE0, 0x2DFF, "Cyrl" },
    { 0xA640, 0xA69F, "Cyrl" }, { 0xA720, 0xA7FF, "Latn" }, { 0xAB00, 0xAB2F, "Ethi" },
    { 0xAB30, 0xAB6F, "Latn" }, { 0xFB00, 0xFB06, "Latn" }, { 0xFB1D, 0xFB4F, "Hebr" },
    { 0xFB50, 0xFDFF, "Arab" }, { 0xFE20, 0xFE2F, "Zinh" }, { 0xFE70, 0xFEFE, "Arab" },
    { 0xFF21, 0xFF3A, "Latn" }, { 0xFF41, 0xFF5A, "Latn" },
};

const char *textrun_script(uint32_t cp)
{
    size_t lo = 0, hi = sizeof script_ranges / sizeof script_ranges[0];
    while (lo < hi) {           /* binary search: the rows are in order */
        size_t mid = (lo + hi) / 2;
        if (cp < script_ranges[mid].lo) hi = mid;
        else if (cp > script_ranges[mid].hi) lo = mid + 1;
        else return script_ranges[mid].tag;
    }
    return "Zyyy";
}

/* invisible format characters (joiners, bidi controls, soft hyphen, variation
 * selectors): they go with the run around them and need no glyph of their own */
static bool is_ignorable(uint32_t cp)
{
    return cp == 0x00AD || cp == 0x034F || cp == 0x061C || (cp >= 0x180B && cp <= 0x180F) ||
           (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2060 && cp <= 0x206F) || (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0xFEFF;
}

/* the separators that join two numbers into one left-to-right token: times, ranges,
 * dates, phone numbers ("09:00–17:00", "25/11/2026", "+30 210 3638625") */
static bool is_number_joiner(uint32_t cp)
{
    return cp == ':' || cp == '.' || cp == ',' || cp == '/' || cp == '-' || cp == ' ' ||
           cp == 0x00A0 || cp == 0x202F || (cp >= 0x2010 && cp <= 0x2013) || cp == 0x2212;
}

/* decodes one code point of s[0..n) at *i (advancing it); U+FFFD and one byte when the
 * bytes are malformed */
static uint32_t decode(const unsigned char *s, int n, int *i)
{
    unsigned char b = s[*i];
    int len = b < 0x80 ? 1 : b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3
            : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
    if (len == 0 || *i + len > n) {
        (*i)++;
        return 0xFFFD;
    }
    uint32_t cp = len == 1 ? b : (uint32_t)(b & (0x7F >> len));
    for (int k = 1; k < len; k++) {
        if ((s[*i + k] & 0xC0) != 0x80) {
            (*i)++;
            return 0xFFFD;
        }
        cp = (cp << 6) | (s[*i + k] & 0x3F);
    }
    *i += len;
    return cp;
}

/* The line's characters with what the runs need of each. off: the byte where the
 * character starts (an isolate textrun adds takes no bytes: added is true). */
typedef struct Line {
    FriBidiChar cp[TEXTRUN_MAX_CHARS];
    FriBidiCharType type[TEXTRUN_MAX_CHARS];
    FriBidiBracketType bracket[TEXTRUN_MAX_CHARS];
    FriBidiLevel level[TEXTRUN_MAX_CHARS];
    int off[TEXTRUN_MAX_CHARS + 1];
    bool added[TEXTRUN_MAX_CHARS];
    int face[TEXTRUN_MAX_CHARS];
    const char *script[TEXTRUN_MAX_CHARS];
    int n;
} Line;

/* appends a character; false when the line is full */
static bool line_add(Line *l, uint32_t cp, int off, bool added)
{
    if (l->n == TEXTRUN_MAX_CHARS)
        return false;
    l->cp[l->n] = cp, l->off[l->n] = off, l->added[l->n] = added;
    l->n++;
    return true;
}

/* the bidi class of a character, FriBidi's */
static bool is_en(uint32_t cp) { return fribidi_get_bidi_type(cp) == FRIBIDI_TYPE_EN; }

/* the length of the number token at cps[i..n): digits joined by up to TEXTRUN_SEPS_MAX
 * separators to more digits, after an optional '+'; 0 when none starts at i, or when it
 * is a plain number (the bidi algorithm keeps that in order alone) */
static int number_token(const uint32_t *cps, int i, int n)
{
    int j = i;
    if (cps[j] == '+' && j + 1 < n && is_en(cps[j + 1]))
        j++;
    if (j >= n || !is_en(cps[j]))
        return 0;
    bool joined = j > i;
    while (j < n) {
        if (is_en(cps[j])) {
            j++;
            continue;
        }
        int k = j;
        while (k < n && k - j < TEXTRUN_SEPS_MAX && is_number_joiner(cps[k]))
            k++;
        if (k == j || k >= n || !is_en(cps[k]))
            break;
        joined = true;
        j = k;
    }
    return joined ? j - i : 0;
}

/* decodes s[0..len) into l; in a right-to-left line each number token goes inside a
 * left-to-right isolate, since the bidi algorithm alone turns "+30 210 3638625" into
 * "3638625 210 +30" there (digits count as right to left for the spaces between) */
static void line_decode(Line *l, const char *s, int len, bool rtl)
{
    uint32_t cps[TEXTRUN_MAX_CHARS];
    int offs[TEXTRUN_MAX_CHARS + 1], n = 0, i = 0;
    while (i < len && n < TEXTRUN_MAX_CHARS) {
        offs[n] = i;
        cps[n++] = decode((const unsigned char *)s, len, &i);
    }
    offs[n] = i;
    l->n = 0;
    for (int k = 0; k < n;) {
        int t = rtl ? number_token(cps, k, n) : 0;
        if (t > 0 && l->n + t + 2 <= TEXTRUN_MAX_CHARS) {
            line_add(l, TEXTRUN_LRI, offs[k], true);
            for (int m = k; m < k + t; m++)
                line_add(l, cps[m], offs[m], false);
            line_add(l, TEXTRUN_PDI, offs[k + t], true);
            k += t;
        } else if (!line_add(l, cps[k], offs[k], false))
            break;
        else
            k++;
    }
    l->off[l->n] = offs[n];
}

/* the bidi level of each character (rules up to L1: a line's trailing spaces go back
 * to the paragraph's level); the paragraph's level */
static int line_levels(Line *l, int dir)
{
    fribidi_get_bidi_types(l->cp, l->n, l->type);
    fribidi_get_bracket_types(l->cp, l->n, l->type, l->bracket);
    FriBidiParType base = dir > 0 ? FRIBIDI_PAR_RTL : dir < 0 ? FRIBIDI_PAR_LTR : FRIBIDI_PAR_ON;
    if (!fribidi_get_par_embedding_levels_ex(l->type, l->bracket, l->n, &base, l->level))
        memset(l->level, dir > 0, (size_t)l->n);  /* out of memory: the base level */
    int par = base == FRIBIDI_PAR_RTL ? 1 : 0;
    for (int i = l->n - 1; i >= 0; i--) {
        if (!FRIBIDI_IS_EXPLICIT_OR_BN_OR_WS(l->type[i]) && !FRIBIDI_IS_ISOLATE(l->type[i]))
            break;
        l->level[i] = (FriBidiLevel)par;
    }
    return par;
}

/* the previous real character of the same level as i, or -1 */
static int prev_same(const Line *l, int i)
{
    int p = i - 1;
    while (p >= 0 && l->added[p])
        p--;
    return p >= 0 && l->level[p] == l->level[i] ? p : -1;
}

/* the face and script of each character: a sign, digit or mark stays in the run's
 * face while that face has it, and takes the run's script */
static int line_faces(Line *l, TextRunFaceFn face, void *ctx)
{
    int missing = 0;
    for (int i = 0; i < l->n; i++) {
        if (l->added[i])
            continue;
        int p = prev_same(l, i), cur = p >= 0 ? l->face[p] : -1;
        const char *sc = textrun_script(l->cp[i]);
        bool found = true;
        if (is_ignorable(l->cp[i]) && cur >= 0)
            l->face[i] = cur;
        else if (is_ignorable(l->cp[i]))
            l->face[i] = face(ctx, ' ', "Zyyy", -1, &found);
        else
            l->face[i] = face(ctx, l->cp[i], sc, cur, &found);
        missing += !found;
        bool common = strcmp(sc, "Zyyy") == 0 || strcmp(sc, "Zinh") == 0;
        l->script[i] = common ? NULL : sc;
    }
    /* common characters take the script of the run: from before, else from after */
    for (int i = 0; i < l->n; i++) {
        int p = l->added[i] ? -1 : prev_same(l, i);
        if (!l->added[i] && !l->script[i] && p >= 0 && l->face[p] == l->face[i])
            l->script[i] = l->script[p];
    }
    for (int i = l->n - 1; i >= 0; i--) {
        if (l->added[i] || l->script[i])
            continue;
        int q = i + 1;
        while (q < l->n && l->added[q])
            q++;
        if (q < l->n && l->level[q] == l->level[i] && l->face[q] == l->face[i] && l->script[q])
            l->script[i] = l->script[q];
        else
            l->script[i] = "Zyyy";
    }
    return missing;
}

int textrun_split(const char *s, int len, int dir, TextRunFaceFn face, void *ctx,
                  TextRun *runs, int max, int *missing)
{
    assert(s != NULL && face != NULL && len >= 0);
    Line line;                  /* ~30 KB on the stack, as the runs below (~20 KB) */
    Line *l = &line;
    bool rtl = dir > 0 || (dir == 0 && text_is_rtl(s, (size_t)len));
    line_decode(l, s, len, rtl);
    line_levels(l, dir != 0 ? dir : rtl ? 1 : -1);
    int miss = line_faces(l, face, ctx);
    if (missing)
        *missing = miss;

    /* runs in logical order, with their levels */
    TextRun all[TEXTRUN_MAX_CHARS];
    FriBidiLevel lev[TEXTRUN_MAX_CHARS];
    int n = 0;
    for (int i = 0; i < l->n;) {
        if (l->added[i]) {
            i++;
            continue;
        }
        int j = i + 1;
        while (j < l->n && !l->added[j] && l->level[j] == l->level[i] &&
               l->face[j] == l->face[i] && strcmp(l->script[j], l->script[i]) == 0)
            j++;
        TextRun *r = &all[n];
        r->off = l->off[i], r->len = l->off[j] - l->off[i];
        r->face = l->face[i], r->rtl = l->level[i] & 1;
        memcpy(r->script, l->script[i], 5);
        lev[n++] = l->level[i];
        i = j;
    }
    /* L2: from the highest level down to the lowest odd one, reverse every stretch of
     * runs at that level or higher */
    int hi = 0, lo_odd = 255;
    for (int i = 0; i < n; i++) {
        if (lev[i] > hi) hi = lev[i];
        if ((lev[i] & 1) && lev[i] < lo_odd) lo_odd = lev[i];
    }
    for (int v = hi; v >= lo_odd && v > 0; v--)
        for (int i = 0; i < n;) {
            if (lev[i] < v) {
                i++;
                continue;
            }
            int j = i;
            while (j < n && lev[j] >= v)
                j++;
            for (int a = i, b = j - 1; a < b; a++, b--) {
                TextRun t = all[a];
                all[a] = all[b], all[b] = t;
                FriBidiLevel tl = lev[a];
                lev[a] = lev[b], lev[b] = tl;
            }
            i = j;
        }
    for (int i = 0; i < n && i < max; i++)
        runs[i] = all[i];
    return n;
}
