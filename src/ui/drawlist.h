/* drawlist.h - what the UI hands to render: a list of draw commands, and the text
 * measuring render lends the UI. The only UI header render includes. */
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

typedef enum { UI_RECT, UI_TEXT, UI_QR } UiCmdKind;

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
    bool scrolls;               /* in the scrolling body: shift by the scroll, clip to it */
} UiCmd;

typedef struct UiMetrics {
    int (*measure)(void *ctx, const char *s, size_t len, int style); /* width, px */
    int (*line_height)(void *ctx, int style);                        /* px */
    void *ctx;
} UiMetrics;
#endif
