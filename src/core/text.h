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
/* one line that is safe to show, log or write to a report, from untrusted bytes (a
 * name on a stick): well-formed UTF-8 is kept, a control character (newline, tab,
 * escape, DEL, C1) or a byte that is not UTF-8 becomes a visible "\xNN", a backslash
 * "\\". Writes a NUL-terminated result, truncated at a whole character or escape;
 * returns out. */
char *text_escape(const char *s, size_t len, char *out, size_t n);
/* heading capitals: upper-cases s; Greek letters lose their accents as Greek
 * typography requires (Επικοινωνία -> ΕΠΙΚΟΙΝΩΝΙΑ) but keep the dialytika where it
 * shows (ΪΫ). Writes a NUL-terminated result, truncated at a character boundary. */
void text_upper(const char *s, char *out, size_t n);

/* width in pixels of s[0..len) in the given style */
typedef int (*TextMeasureFn)(void *ctx, const char *s, size_t len, int style);

typedef struct TextLine {
    size_t off, len;            /* a slice of the input, without the trailing space */
} TextLine;

/* breaks s into lines no wider than width: at spaces, never inside a word, and
 * at '\n' (an empty line for each blank one; a final '\n' adds none, "" gives
 * none). A word wider than width alone is broken between characters, never inside
 * one nor before a combining accent. Returns the number of lines, which may exceed
 * max (only max are written; lines may be NULL when max is 0). */
int text_wrap(const char *s, int width, TextMeasureFn measure, void *ctx, int style,
              TextLine *lines, int max);
#endif
