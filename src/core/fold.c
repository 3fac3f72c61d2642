/* fold.c - text folded for search. Two steps: base_form() turns each code point into
 * its base letters (lower case, no accents, one Arabic letter for its variants) or a
 * separator; fold_text() then spells Greek and Latin letters as one Latin key, pair
 * by pair (greek_pairs[], latin_pairs[]), and drops a letter that repeats the one
 * before it ("Θεσσαλονίκη" and "thesaloniki" meet at "thesaloniki"). Other scripts
 * pass through in their base form. No locale, no allocation: static tables only. */
#include "core/fold.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"

#define SEP 0x20u

/* Latin-1 Supplement U+00C0..U+00FF and Latin Extended-A U+0100..U+017F: the base
 * letter of each ('.' marks a sign that separates words, '*' one spelt below) */
static const char latin1[] = "aaaaaa*ceeeeiiiidnooooo.ouuuuy**"
                             "aaaaaa*ceeeeiiiidnooooo.ouuuuy*y";
static const char latin_ext_a[] = "aaaaaa" "cccccccc" "dddd" "eeeeeeeeee" "gggggggg" "hhhh"
                                  "iiiiiiiiii" "ii" "jj" "kkk" "llllllllll" "nnnnnnn" "nn"
                                  "oooooo" "**" "rrrrrr" "ssssssss" "tttttt" "uuuuuuuuuuuu"
                                  "ww" "yyy" "zzzzzz" "s";
_Static_assert(sizeof latin1 == 65, "one letter for each of U+00C0..U+00FF");
_Static_assert(sizeof latin_ext_a == 129, "one letter for each of U+0100..U+017F");

/* the Latin letters written as two: Æ, ß, Þ, Œ */
static const char *latin_two(uint32_t c)
{
    switch (c) {
    case 0xC6: case 0xE6: return "ae";
    case 0xDF: return "ss";
    case 0xDE: case 0xFE: return "th";
    case 0x152: case 0x153: return "oe";
    default: return NULL;
    }
}

/* Greek U+0386..U+03CE without tonos and dialytika, in lower case: the base letter
 * (U+03B1 alpha .. U+03C9 omega; final sigma is sigma), or SEP for the ano teleia */
static uint32_t greek_base(uint32_t c)
{
    switch (c) {
    case 0x386: case 0x3AC: return 0x3B1;   /* ά */
    case 0x388: case 0x3AD: return 0x3B5;   /* έ */
    case 0x389: case 0x3AE: return 0x3B7;   /* ή */
    case 0x38A: case 0x3AF: case 0x390: case 0x3AA: case 0x3CA: return 0x3B9; /* ί ΐ ϊ */
    case 0x38C: case 0x3CC: return 0x3BF;   /* ό */
    case 0x38E: case 0x3CD: case 0x3B0: case 0x3AB: case 0x3CB: return 0x3C5; /* ύ ΰ ϋ */
    case 0x38F: case 0x3CE: return 0x3C9;   /* ώ */
    case 0x3C2: return 0x3C3;               /* ς */
    case 0x387: return SEP;
    default: break;
    }
    if (c >= 0x391 && c <= 0x3A9)
        return c + 0x20;
    return c >= 0x3B1 && c <= 0x3C9 ? c : 0;
}

/* Arabic script: one letter for the variants that Arabic, Persian and Urdu keyboards
 * type differently (ي ی ى, ك ک, ا أ إ آ ٱ, ه ة ۀ), 0 for harakat and the tatweel,
 * an ASCII digit for Arabic-Indic and Persian digits, SEP for punctuation */
static uint32_t arabic_base(uint32_t c)
{
    if ((c >= 0x64B && c <= 0x65F) || c == 0x670 || c == 0x640 || (c >= 0x6D6 && c <= 0x6ED))
        return 0;
    if (c >= 0x660 && c <= 0x669)
        return '0' + (c - 0x660);
    if (c >= 0x6F0 && c <= 0x6F9)
        return '0' + (c - 0x6F0);
    switch (c) {
    case 0x622: case 0x623: case 0x625: case 0x671: return 0x627;
    case 0x649: case 0x6CC: case 0x626: return 0x64A;
    case 0x6A9: return 0x643;
    case 0x629: case 0x6C0: return 0x647;
    case 0x624: return 0x648;
    case 0x60C: case 0x61B: case 0x61F: case 0x66A: case 0x66B: case 0x66C: case 0x6D4:
        return SEP;
    default: return c;
    }
}

/* Cyrillic in lower case, ё as е */
static uint32_t cyrillic_base(uint32_t c)
{
    if (c >= 0x410 && c <= 0x42F)
        c += 0x20;
    else if (c >= 0x400 && c <= 0x40F)
        c += 0x50;
    else if (((c >= 0x460 && c <= 0x481) || (c >= 0x48A && c <= 0x4BF) ||
              (c >= 0x4D0 && c <= 0x4FF)) && c % 2 == 0)
        c += 1;
    else if (c >= 0x4C1 && c <= 0x4CE && c % 2 == 1)
        c += 1;
    return c == 0x451 ? 0x435 : c;
}

/* The base form of c into b[0..]: returns how many (0: dropped, as combining marks
 * and invisible format characters are). A separator is SEP. */
static int base_form(uint32_t c, uint32_t b[2])
{
    if (c < 0x80) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            b[0] = c;
        else if (c >= 'A' && c <= 'Z')
            b[0] = c + 32;
        else
            b[0] = SEP;
        return 1;
    }
    if ((c >= 0x300 && c <= 0x36F) || c == 0xAD || c == 0xFEFF || (c >= 0x200B && c <= 0x200F) ||
        (c >= 0x2060 && c <= 0x206F))
        return 0;
    const char *two = latin_two(c);
    if (two) {
        b[0] = (uint8_t)two[0];
        b[1] = (uint8_t)two[1];
        return 2;
    }
    char l = c >= 0xC0 && c <= 0xFF ? latin1[c - 0xC0]
             : c >= 0x100 && c <= 0x17F ? latin_ext_a[c - 0x100] : 0;
    if (l) {
        b[0] = l == '.' ? SEP : (uint8_t)l;
        return 1;
    }
    if (c < 0xC0 || (c >= 0x2000 && c <= 0x206F) || (c >= 0x3000 && c <= 0x303F) ||
        c == 0xFFFD || (c >= 0xFE10 && c <= 0xFE6F) || (c >= 0xFF01 && c <= 0xFF0F))
        b[0] = SEP;             /* spaces, punctuation, a malformed byte */
    else if (c >= 0x370 && c <= 0x3FF)
        b[0] = greek_base(c) ? greek_base(c) : c;
    else if (c >= 0x600 && c <= 0x6FF) {
        b[0] = arabic_base(c);
        return b[0] ? 1 : 0;
    } else if (c >= 0x400 && c <= 0x4FF)
        b[0] = cyrillic_base(c);
    else
        b[0] = c;
    return 1;
}

/* ---- the base letters as a stream with a short look-ahead ---- */

typedef struct Reader {
    const char *s;
    uint32_t q[8];              /* base letters read ahead; 0 past the end */
    int n;
} Reader;

/* the base letter k places ahead (k < 4); 0 at the end */
static uint32_t peek(Reader *r, int k)
{
    while (r->n <= k) {
        uint32_t b[2];
        if (!*r->s) {
            r->q[r->n++] = 0;
            continue;
        }
        int m = base_form(text_utf8_next(&r->s), b);
        for (int i = 0; i < m; i++)
            r->q[r->n++] = b[i];
    }
    return r->q[k];
}

/* drops k base letters (after peek() has read them) */
static void take(Reader *r, int k)
{
    memmove(r->q, r->q + k, (size_t)(r->n - k) * sizeof r->q[0]);
    r->n -= k;
}

/* ---- the key ---- */

/* Greek letters alpha..omega (final sigma between rho and sigma) as the Latin key.
 * The key follows Greeklish as people type it: η, ι, υ are all "i", ω is "o". */
static const char *const greek_key[25] = {
    "a", "v", "g", "d", "e", "z", "i", "th", "i", "k", "l", "m", "n", "x", "o", "p",
    "r", "s", "s", "t", "i", "f", "x", "ps", "o",
};

/* Greek pairs spelt as one sound; Greeklish writes them either way. "~" is the υ of
 * αυ, ευ, ηυ: "f" before a voiceless consonant (ευχαριστώ, efcharisto), else "v". */
static const struct { uint32_t a, b; const char *key; } greek_pairs[] = {
    { 0x3BF, 0x3C5, "u" },  /* ου */   { 0x3B1, 0x3B9, "e" },  /* αι */
    { 0x3B5, 0x3B9, "i" },  /* ει */   { 0x3BF, 0x3B9, "i" },  /* οι */
    { 0x3C5, 0x3B9, "i" },  /* υι */   { 0x3B1, 0x3C5, "a~" }, /* αυ */
    { 0x3B5, 0x3C5, "e~" }, /* ευ */   { 0x3B7, 0x3C5, "i~" }, /* ηυ */
    { 0x3B3, 0x3B3, "ng" }, /* γγ */   { 0x3B3, 0x3BA, "g" },  /* γκ */
    { 0x3BC, 0x3C0, "b" },  /* μπ */   { 0x3BD, 0x3C4, "d" },  /* ντ */
};

/* Latin pairs that Greeklish uses for one Greek letter or pair, spelt as the Greek
 * above is; to add one, keep it in step with greek_key[] and greek_pairs[] */
static const struct { char a, b; const char *key; } latin_pairs[] = {
    { 'o', 'u', "u" }, { 'a', 'i', "e" }, { 'e', 'i', "i" }, { 'o', 'i', "i" },
    { 'a', 'u', "a~" }, { 'e', 'u', "e~" }, { 'p', 'h', "f" }, { 't', 'h', "th" },
    { 'c', 'h', "x" }, { 'k', 's', "x" }, { 'g', 'g', "ng" },
    { 'g', 'k', "g" }, { 'm', 'p', "b" }, { 'n', 't', "d" },
};

/* Latin letters that Greeklish uses for another: y and h for η/υ, w for ω, c for κ */
static char latin_single(char c)
{
    switch (c) {
    case 'y': case 'h': return 'i';
    case 'w': return 'o';
    case 'c': return 'k';
    default: return c;
    }
}

typedef struct Out {
    char *s;
    size_t n, len;
    bool full;
} Out;

/* appends key letters, dropping an ASCII letter that repeats the last one written and
 * a space at the start or after a space; sets full when they do not all fit */
static void put(Out *o, const char *key, size_t len)
{
    if (o->full)
        return;
    size_t need = 0;
    char last = o->len ? o->s[o->len - 1] : ' ';
    for (size_t i = 0; i < len; i++) {
        char c = key[i];
        bool letter = c >= 'a' && c <= 'z';
        if ((c == ' ' && last == ' ') || (letter && c == last))
            continue;
        need++;
        last = c;
    }
    if (o->len + need >= o->n) {
        o->full = true;
        return;
    }
    last = o->len ? o->s[o->len - 1] : ' ';
    for (size_t i = 0; i < len; i++) {
        char c = key[i];
        if ((c == ' ' && last == ' ') || (c >= 'a' && c <= 'z' && c == last))
            continue;
        o->s[o->len++] = c;
        last = c;
    }
}

/* true when the base letter c is a voiceless consonant, Greek or Latin: the υ of
 * αυ/ευ before it sounds, and Greeklish is written, "f" */
static bool voiceless(uint32_t c)
{
    static const uint32_t greek[] = { 0x3BA, 0x3C0, 0x3C4, 0x3C7, 0x3C6, 0x3B8, 0x3C3, 0x3BE, 0x3C8 };
    for (size_t i = 0; i < sizeof greek / sizeof greek[0]; i++)
        if (c == greek[i])
            return true;
    return c < 0x80 && c && strchr("kcptxfsq", (int)c);
}

/* writes a key, its "~" as "f" or "v" by the letter that follows (next) */
static void put_key(Out *o, const char *key, uint32_t next)
{
    size_t len = strlen(key);
    if (len && key[len - 1] == '~') {
        char k[4];
        memcpy(k, key, len - 1);
        k[len - 1] = voiceless(next) ? 'f' : 'v';
        put(o, k, len);
    } else {
        put(o, key, len);
    }
}

/* folds s into out; see fold.h */
size_t fold_text(const char *s, char *out, size_t n)
{
    Out o = { out, n, 0, false };
    Reader r = { .s = s ? s : "" };
    uint32_t c;
    while (!o.full && (c = peek(&r, 0)) != 0) {
        uint32_t d = peek(&r, 1);
        if (c >= 0x3B1 && c <= 0x3C9) {
            size_t k = 0;
            while (k < sizeof greek_pairs / sizeof greek_pairs[0] &&
                   !(greek_pairs[k].a == c && greek_pairs[k].b == d))
                k++;
            if (k < sizeof greek_pairs / sizeof greek_pairs[0]) {
                put_key(&o, greek_pairs[k].key, peek(&r, 2));
                take(&r, 2);
            } else {
                put(&o, greek_key[c - 0x3B1], strlen(greek_key[c - 0x3B1]));
                take(&r, 1);
            }
        } else if (c >= 'a' && c <= 'z') {
            size_t k = 0;
            while (k < sizeof latin_pairs / sizeof latin_pairs[0] &&
                   !((uint32_t)latin_pairs[k].a == c && (uint32_t)latin_pairs[k].b == d))
                k++;
            if (k < sizeof latin_pairs / sizeof latin_pairs[0]) {
                put_key(&o, latin_pairs[k].key, peek(&r, 2));
                take(&r, 2);
            } else {
                char l = latin_single((char)c);
                put(&o, &l, 1);
                take(&r, 1);
            }
        } else {
            char buf[4];
            size_t len = 1;
            if (c < 0x80)
                buf[0] = (char)c;
            else if (c < 0x800) {
                buf[0] = (char)(0xC0 | (c >> 6));
                buf[1] = (char)(0x80 | (c & 0x3F));
                len = 2;
            } else if (c < 0x10000) {
                buf[0] = (char)(0xE0 | (c >> 12));
                buf[1] = (char)(0x80 | ((c >> 6) & 0x3F));
                buf[2] = (char)(0x80 | (c & 0x3F));
                len = 3;
            } else {
                buf[0] = (char)(0xF0 | (c >> 18));
                buf[1] = (char)(0x80 | ((c >> 12) & 0x3F));
                buf[2] = (char)(0x80 | ((c >> 6) & 0x3F));
                buf[3] = (char)(0x80 | (c & 0x3F));
                len = 4;
            }
            put(&o, buf, len);
            take(&r, 1);
        }
    }
    while (o.len && o.s[o.len - 1] == ' ')
        o.len--;
    if (n)
        o.s[o.len] = '\0';
    return o.len;
}

/* the key's last word after fold_text(text + second), copied into key */
static void completion(const char *text, uint32_t second, char *key)
{
    size_t len = strlen(text);
    char *buf = malloc(len + 5), out[512];
    key[0] = 0;
    if (!buf)
        return;
    memcpy(buf, text, len);
    size_t k = len;
    if (second < 0x80) {
        buf[k++] = (char)second;
    } else {                    /* Greek: two bytes */
        buf[k++] = (char)(0xC0 | (second >> 6));
        buf[k++] = (char)(0x80 | (second & 0x3F));
    }
    buf[k] = 0;
    /* only the end matters: fold the last 400 bytes, from a character's start */
    const char *from = buf;
    if (k > 400) {
        from = buf + k - 400;
        while (((unsigned char)*from & 0xC0) == 0x80)
            from++;
    }
    fold_text(from, out, sizeof out);
    free(buf);
    const char *w = strrchr(out, ' ');
    w = w ? w + 1 : out;
    size_t wl = strlen(w);
    if (wl >= FOLD_WORD)
        wl = FOLD_WORD - 1;
    memcpy(key, w, wl);
    key[wl] = 0;
}

/* the keys the last word may grow into; see fold.h */
int fold_completions(const char *text, char (*keys)[FOLD_WORD], int max)
{
    if (!text || !*text)
        return 0;
    /* the base form of the last code point */
    const char *p = text, *last = text;
    while (*p) {
        last = p;
        text_utf8_next(&p);
    }
    const char *q = last;
    uint32_t b[2];
    if (base_form(text_utf8_next(&q), b) != 1)
        return 0;
    int n = 0;
    if (b[0] >= 0x3B1 && b[0] <= 0x3C9) {
        for (size_t k = 0; k < sizeof greek_pairs / sizeof greek_pairs[0] && n < max; k++)
            if (greek_pairs[k].a == b[0])
                completion(text, greek_pairs[k].b, keys[n++]);
    } else if (b[0] >= 'a' && b[0] <= 'z') {
        for (size_t k = 0; k < sizeof latin_pairs / sizeof latin_pairs[0] && n < max; k++)
            if ((uint32_t)latin_pairs[k].a == b[0])
                completion(text, (uint32_t)latin_pairs[k].b, keys[n++]);
    }
    return n;
}
