/* theme.c - the colour table and the contrast computation that keeps it honest. */
#include "ui/theme.h"
#include <assert.h>
#include <math.h>

/* dark blue ink on white; the header is the City's deep blue with white text */
static const uint32_t colors[COLOR_COUNT] = {
    [COLOR_BG] = 0xFFFFFF,
    [COLOR_TEXT] = 0x16202A,
    [COLOR_MUTED] = 0x3C4650,
    [COLOR_HEADER_BG] = 0x0B3A6E,
    [COLOR_HEADER_TEXT] = 0xFFFFFF,
    [COLOR_TILE_BG] = 0xE8F0F8,
    [COLOR_TILE_TEXT] = 0x0E2440,
    [COLOR_ACCENT] = 0x0B3A6E,
    [COLOR_OPEN] = 0x0B5D1E,
    [COLOR_CLOSED] = 0x8A1010,
    [COLOR_SWITCH_ON_BG] = 0xFFFFFF,
    [COLOR_SWITCH_ON_TEXT] = 0x0B3A6E,
    [COLOR_TODAY_BG] = 0xFFF3C4,
    [COLOR_NIGHT_BG] = 0x05080C,
    [COLOR_NIGHT_TEXT] = 0xB8C4D0,
    [COLOR_QR_DARK] = 0x000000,
    [COLOR_QR_LIGHT] = 0xFFFFFF,
    [COLOR_DIVIDER] = 0xC4CED8,
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
