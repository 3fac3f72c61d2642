/* drawlist.h - what the UI hands to render: a list of draw commands (rectangles, texts,
 * QR codes, and clips that scroll what follows), and the text measuring render lends
 * the UI. The only UI header render includes. */
#ifndef UI_DRAWLIST_H
#define UI_DRAWLIST_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "core/qr.h"

/* text style: pixel size in the low bits, plus flags */
#define UI_STYLE_BOLD 0x10000
#define UI_STYLE_ICON 0x20000
#define UI_STYLE_SIZE(s) ((s) & 0xFFFF)

/* UI_CLIP: the commands after it, up to the next UI_CLIP, are cut to its rectangle and
 * drawn its scroll px higher (the scrolling body); one with w == 0 ends the clip. The
 * list starts unclipped. */
typedef enum { UI_RECT, UI_TEXT, UI_QR, UI_CLIP } UiCmdKind;

typedef struct UiCmd {
    UiCmdKind kind;
    int x, y, w, h;             /* text: the box the line was laid out in */
    uint32_t color;             /* 0xRRGGBB: fill, ink, or QR dark */
    uint32_t bg;                /* text and QR: the colour behind them */
    int style;                  /* text: UI_STYLE_* | size */
    const char *text;           /* text: not NUL-terminated; len bytes */
    int len;
    int text_w;                 /* text: measured width, <= w */
    const QrMatrix *qr;         /* QR: module matrix; x,y is the quiet zone's corner */
    int module;                 /* QR: pixels a module */
    int scroll;                 /* CLIP: px what follows is moved up */
    bool scrolls;               /* in the scrolling body, after its CLIP: for tests and
                                   tools, render goes by the CLIP */
} UiCmd;

/* a key of a keypad or keyboard, as render hands it over: what the kiosk does with
 * it, not which key it was */
typedef enum { UI_KEY_NONE, UI_KEY_UP, UI_KEY_DOWN, UI_KEY_LEFT, UI_KEY_RIGHT,
               UI_KEY_ENTER, UI_KEY_BACK, UI_KEY_HELP, UI_KEY_VOLUME_UP,
               UI_KEY_VOLUME_DOWN } UiKey;

typedef struct UiMetrics {
    int (*measure)(void *ctx, const char *s, size_t len, int style); /* width, px */
    int (*line_height)(void *ctx, int style);                        /* px */
    void *ctx;
} UiMetrics;
#endif
