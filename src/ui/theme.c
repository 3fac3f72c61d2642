/* theme.c - the colour tables of the two themes and the contrast computation that
 * tests/test_ui.c holds every drawn text to. */
#include "ui/theme.h"
#include <assert.h>
#include <math.h>

/* dark blue ink on white; the header is the City's deep blue with white text. render
 * copies a text's pixels from a table of its ink over its background, without blending
 * with what is under it, so every text is drawn on a rectangle of exactly its
 * background colour, or it would sit in a faint box: tests/test_render.c checks the
 * corner of every text on every screen. The white is FFFEFF, a step below pure white,
 * as every screenshot of the kiosk has shown it. */
static const uint32_t colors[THEME_COUNT][COLOR_COUNT] = {
    [THEME_NORMAL] = {
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
        [COLOR_FOCUS] = 0xF5A300,
        [COLOR_FOCUS_INNER] = 0x000000,
    },
    /* white and yellow on black; a lit switch is black on yellow. Tiles are a shade
     * off black so their edges show; QR codes keep black on white, as scanners want */
    [THEME_HIGH_CONTRAST] = {
        [COLOR_BG] = 0x000000,
        [COLOR_TEXT] = 0xFFFFFF,
        [COLOR_MUTED] = 0xE6E6E6,
        [COLOR_HEADER_BG] = 0x000000,
        [COLOR_HEADER_TEXT] = 0xFFFF00,
        [COLOR_TILE_BG] = 0x1A1A1A,
        [COLOR_TILE_TEXT] = 0xFFFFFF,
        [COLOR_ACCENT] = 0xFFFF00,
        [COLOR_OPEN] = 0x5CFF8A,
        [COLOR_CLOSED] = 0xFFA3A3,
        [COLOR_SWITCH_ON_BG] = 0xFFFF00,
        [COLOR_SWITCH_ON_TEXT] = 0x000000,
        [COLOR_TODAY_BG] = 0x33331A,
        [COLOR_NIGHT_BG] = 0x000000,
        [COLOR_NIGHT_TEXT] = 0xFFFFFF,
        [COLOR_QR_DARK] = 0x000000,
        [COLOR_QR_LIGHT] = 0xFFFFFF,
        [COLOR_DIVIDER] = 0x8C8C8C,
        [COLOR_FOCUS] = 0x00FFFF,
        [COLOR_FOCUS_INNER] = 0x000000,
    },
};

uint32_t theme_color(ThemeColor c)
{
    return theme_color_in(THEME_NORMAL, c);
}

uint32_t theme_color_in(ThemeMode mode, ThemeColor c)
{
    assert(mode >= 0 && mode < THEME_COUNT && c >= 0 && c < COLOR_COUNT);
    return colors[mode][c];
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
