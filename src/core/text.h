/* text.h - UTF-8 text: validation, decoding, Greek capitals, and word wrapping.
 * Wrapping measures through a function the caller gives (render provides one), so
 * this module never knows about fonts or SDL. */
#ifndef TEXT_H
#define TEXT_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* true when s[0..n) is well-formed UTF-8 (no overlongs, no surrogates, no NUL) */
bool text_utf8_valid(const char *s, size_t n);
/* decodes one code point at *s and advances *s; U+FFFD on a malformed sequence
 * (advancing one byte); 0 at the terminating NUL, without advancing */
uint32_t text_utf8_next(const char **s);
/* heading capitals: upper-cases s; Greek letters lose their accents as Greek
 * typography requires (Επικοινωνία -> ΕΠΙΚΟΙΝΩΝΙΑ) but keep the dialytika where it
 * shows (ΪΫ). Writes a NUL-terminated result, truncated at a character boundary. */
void text_upper(const char *s, char *out, size_t n);

/* A paragraph's direction and its script's face, in a text style's high bits, beside
 * ui's size and weight bits (UI_STYLE_*): render reads them when it measures and draws.
 * The direction is the language's: a line of an Arabic paragraph that starts with a
 * Latin name is still laid out right to left. */
#define TEXT_STYLE_RTL      0x100000    /* right to left (Arabic, Farsi, Urdu) */
#define TEXT_STYLE_LTR      0x200000    /* left to right; neither: the first strong letter's */
#define TEXT_STYLE_NASTALIQ 0x400000    /* Arabic script in the Urdu Nastaliq face: lines
                                           about 2.5 em tall */

/* true when the first strong letter of s[0..len) is right to left (Arabic, Hebrew):
 * the direction of a paragraph whose language does not say it */
bool text_is_rtl(const char *s, size_t len);

/* width in pixels of s[0..len) in the given style */
typedef int (*TextMeasureFn)(void *ctx, const char *s, size_t len, int style);

typedef struct TextLine {
    size_t off, len;            /* a slice of the input, without the trailing space */
    bool cut;                   /* it ends inside a word too wide for a line alone,
                                   broken between two characters (not at a hyphen) */
} TextLine;

/* breaks s into lines no wider than width: where the Unicode line breaking rules
 * allow (after a space, a hyphen or a dash; libunibreak), never inside a word, and
 * at '\n' (an empty line for each blank one; a final '\n' adds none, "" gives
 * none). A word wider than width alone is broken between characters, never inside
 * one nor before a combining accent. Returns the number of lines, which may exceed
 * max (only max are written; lines may be NULL when max is 0). */
int text_wrap(const char *s, int width, TextMeasureFn measure, void *ctx, int style,
              TextLine *lines, int max);
#endif
