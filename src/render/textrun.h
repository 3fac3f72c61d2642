/* textrun.h - one line of text as the runs a shaper draws: split by the Unicode
 * bidirectional algorithm (FriBidi), by script, and by the font that has the glyphs,
 * and put in visual order. No SDL here: the fonts are asked through a function the
 * caller gives (render gives one backed by SDL_ttf; a test can give its own). */
#ifndef TEXTRUN_H
#define TEXTRUN_H
#include <stdbool.h>
#include <stdint.h>

#define TEXTRUN_MAX_CHARS 1024  /* a longer line is cut: a line on a screen holds ~200 */

typedef struct TextRun {
    int off, len;               /* bytes of the line, in logical (reading) order */
    int face;                   /* the caller's font index that draws the run */
    bool rtl;                   /* shaped right to left: an odd bidi level */
    char script[5];             /* ISO 15924 tag for HarfBuzz: "Arab", "Latn", "Zyyy"... */
} TextRun;

/* the face that draws cp of script (ISO 15924; "Zyyy" common, "Zinh" a mark), given
 * the face of the run so far (-1 at a run's start): sets *found to false and returns a
 * face to draw it with anyway when no face provides it */
typedef int (*TextRunFaceFn)(void *ctx, uint32_t cp, const char *script, int current,
                             bool *found);

/* Splits s[0..len) into runs in visual order, left to right on the screen. dir: 1
 * right to left, -1 left to right, 0 from the first strong letter (left to right when
 * none). In a right-to-left line, numbers with their separators ("09:00–17:00",
 * "+30 210 3638625") are isolated left to right, so their groups keep their order.
 * Returns the number of runs (only max are written); *missing (may be NULL) counts
 * the code points no face provides. A line past TEXTRUN_MAX_CHARS code points is cut. */
int textrun_split(const char *s, int len, int dir, TextRunFaceFn face, void *ctx,
                  TextRun *runs, int max, int *missing);
/* the ISO 15924 script of cp as textrun sees it ("Zyyy" for digits, spaces, signs) */
const char *textrun_script(uint32_t cp);
#endif
