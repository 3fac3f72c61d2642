/* theme.h - the kiosk's colours, as one table a theme: the normal one and high
 * contrast (light text on black, for low vision). Every text and icon colour has a
 * contrast ratio of at least 7:1 (WCAG AAA) against what it is drawn on, in both:
 * tests/test_ui.c takes every text command each screen emits, in both themes, and
 * computes its ink against its background. */
#ifndef THEME_H
#define THEME_H
#include <stdint.h>

typedef enum {
    COLOR_BG,           /* screen background */
    COLOR_TEXT,         /* body text */
    COLOR_MUTED,        /* secondary text: dates, captions */
    COLOR_HEADER_BG,    /* top bar */
    COLOR_HEADER_TEXT,
    COLOR_TILE_BG,      /* home tiles and buttons */
    COLOR_TILE_TEXT,
    COLOR_ACCENT,       /* icons on tiles, headings */
    COLOR_OPEN,         /* "open now" */
    COLOR_CLOSED,       /* "closed" */
    COLOR_SWITCH_ON_BG, /* the language shown, a mode that is on */
    COLOR_SWITCH_ON_TEXT,
    COLOR_TODAY_BG,     /* today's row on the hours screen */
    COLOR_NIGHT_BG,
    COLOR_NIGHT_TEXT,
    COLOR_QR_DARK,
    COLOR_QR_LIGHT,
    COLOR_DIVIDER,      /* lines and card borders: not text */
    COLOR_FOCUS,        /* the keypad's focus ring, outside ... */
    COLOR_FOCUS_INNER,  /* ... and inside: one of the two shows on any background */
    COLOR_COUNT
} ThemeColor;

typedef enum { THEME_NORMAL, THEME_HIGH_CONTRAST, THEME_COUNT } ThemeMode;

/* 0xRRGGBB of the normal theme */
uint32_t theme_color(ThemeColor c);
/* 0xRRGGBB in theme mode */
uint32_t theme_color_in(ThemeMode mode, ThemeColor c);
/* WCAG 2 contrast ratio of two 0xRRGGBB colours, 1..21 */
double theme_contrast(uint32_t a, uint32_t b);
#endif
