/* theme.c - the colour table and the contrast computation that keeps it honest. */
#include "ui/theme.h"
#include <assert.h>
#include <math.h>

/* dark blue ink on white; the header is the City's deep blue with white text. render
 * copies a text's pixels from a table of its ink over its background, without blending
 * with what is under it, so every text is drawn on a rectangle of exactly its
 * background colour, or it would sit in a faint box: tests/test_render.c checks the
 * corner of every text on every screen. The white is FFFEFF, a step below pure white,
 * as every screenshot of the kiosk has shown it. */
static const uint32_t colors[COLOR_COUNT] = {
    [COLOR_BG] = 0xFFFEFF,
    [COLOR_TEXT] = 0x182029,
    [COLOR_MUTED] = 0x394552,
    [COLOR_HEADER_BG] = 0x08386A,
    [COLOR_HEADER_TEXT] = 0xFFFFFF,
    [COLOR_TILE_BG] = 0xE6EEF6,
    [COLOR_TILE_TEXT] = 0x102442,
    [COLOR_ACCENT] = 0x08386B,
    [COLOR_OPEN] = 0x085921,
    [COLOR_CLOSED] = 0x8C1010,
    [COLOR_SWITCH_ON_BG] = 0xFFFEFF,
    [COLOR_SWITCH_ON_TEXT] = 0x08386B,
    [COLOR_TODAY_BG] = 0xFFF2C5,
    [COLOR_NIGHT_BG] = 0x080808,
    [COLOR_NIGHT_TEXT] = 0xB5C3CE,
    [COLOR_QR_DARK] = 0x000000,
    [COLOR_QR_LIGHT] = 0xFFFFFF,
    [COLOR_DIVIDER] = 0xC6CFD6,
};

/* to add a colour that text is drawn in, add its pair here: the test checks it */
static const ThemePair pairs[] = {
    { COLOR_TEXT, COLOR_BG },           { COLOR_MUTED, COLOR_BG },
    { COLOR_HEADER_TEXT, COLOR_HEADER_BG }, { COLOR_TILE_TEXT, COLOR_TILE_BG },
    { COLOR_ACCENT, COLOR_TILE_BG },    { COLOR_ACCENT, COLOR_BG },
    { COLOR_OPEN, COLOR_BG },           { COLOR_CLOSED, COLOR_BG },
    { COLOR_OPEN, COLOR_TILE_BG },      { COLOR_CLOSED, COLOR_TILE_BG },
    { COLOR_SWITCH_ON_TEXT, COLOR_SWITCH_ON_BG },
    { COLOR_TEXT, COLOR_TODAY_BG },     { COLOR_TEXT, COLOR_TILE_BG },
    { COLOR_MUTED, COLOR_TILE_BG },     { COLOR_NIGHT_TEXT, COLOR_NIGHT_BG },
    { COLOR_QR_DARK, COLOR_QR_LIGHT },
};

uint32_t theme_color(ThemeColor c)
{
    assert(c >= 0 && c < COLOR_COUNT);
    return colors[c];
}

const ThemePair *theme_pairs(int *n)
{
    *n = (int)(sizeof pairs / sizeof pairs[0]);
    return pairs;
}

/* relative luminance of one sRGB channel, per WCAG 2 */
static double channel(uint32_t v)
{
    double c = (double)v / 255.0;
    return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

static double luminance(uint32_t rgb)
{
    return 0.2126 * channel((rgb >> 16) & 0xFF) + 0.7152 * channel((rgb >> 8) & 0xFF) +
           0.0722 * channel(rgb & 0xFF);
}

double theme_contrast(uint32_t a, uint32_t b)
{
    double la = luminance(a), lb = luminance(b);
    return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}
