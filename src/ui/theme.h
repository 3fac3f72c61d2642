/* theme.h - the kiosk's colours, as tables: the day theme and high contrast. Text
 * colours are chosen for a contrast ratio of at least 7:1 against the backgrounds they
 * are drawn on (WCAG AAA); tests/test_access.c checks every text and icon the screens
 * draw against the colour really behind it. */
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
    COLOR_SWITCH_ON_BG, /* the language shown */
    COLOR_SWITCH_ON_TEXT,
    COLOR_TODAY_BG,     /* today's row on the hours screen */
    COLOR_NIGHT_BG,
    COLOR_NIGHT_TEXT,
    COLOR_QR_DARK,
    COLOR_QR_LIGHT,
    COLOR_DIVIDER,      /* lines and card borders: not text */
    COLOR_FOCUS,        /* the keypad's focus ring, outside a dark one: seen on either */
    COLOR_OUTLINE,      /* the outline of a header button that is not lit */
    COLOR_COUNT
} ThemeColor;

/* the day theme, and high contrast (light on black: every text at least 7:1 as in
 * the day theme, for low vision) */
typedef enum { THEME_DAY, THEME_CONTRAST, THEME_COUNT } ThemeKind;

/* 0xRRGGBB, in the day theme */
uint32_t theme_color(ThemeColor c);
/* 0xRRGGBB, in theme k */
uint32_t theme_color_of(ThemeKind k, ThemeColor c);

/* WCAG 2 contrast ratio of two 0xRRGGBB colours, 1..21 */
double theme_contrast(uint32_t a, uint32_t b);
#endif
