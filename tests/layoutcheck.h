/* layoutcheck.h - what a visitor would see as broken in a draw list: text wider than
 * its box (clipped), text outside the window, two texts on top of each other. Shared
 * by the UI tests (fake font metrics) and the render tests (the real fonts). */
#ifndef LAYOUTCHECK_H
#define LAYOUTCHECK_H
#include <stdio.h>
#include "ui/drawlist.h"

/* the number of faults found; each is described on stderr with the context */
static inline int layout_faults(const UiCmd *c, int n, int w, int h, int scroll_h,
                                const char *context)
{
    int faults = 0;
    for (int i = 0; i < n; i++) {
        if (c[i].kind != UI_TEXT)
            continue;
        const UiCmd *a = &c[i];
        if (a->text_w > a->w + 1 || a->x < 0 || a->x + a->w > w || a->y < 0 ||
            (!a->scrolls && a->y + a->h > h) || (a->scrolls && a->y + a->h > h + scroll_h)) {
            fprintf(stderr, "%s: \"%.*s\" does not fit: box %d,%d %dx%d, text %d wide, window %dx%d\n",
                    context, a->len, a->text, a->x, a->y, a->w, a->h, a->text_w, w, h);
            faults++;
        }
        for (int j = i + 1; j < n; j++) {
            const UiCmd *b = &c[j];
            if (b->kind != UI_TEXT || b->scrolls != a->scrolls)
                continue;
            int ax1 = a->x, ax2 = a->x + (a->text_w < a->w ? a->text_w : a->w);
            int bx1 = b->x, bx2 = b->x + (b->text_w < b->w ? b->text_w : b->w);
            /* glyph boxes include the line gap: compare the middle 60% of each line */
            int ay1 = a->y + a->h / 5, ay2 = a->y + a->h - a->h / 5;
            int by1 = b->y + b->h / 5, by2 = b->y + b->h - b->h / 5;
            if (ax1 < bx2 && bx1 < ax2 && ay1 < by2 && by1 < ay2) {
                fprintf(stderr, "%s: \"%.*s\" overlaps \"%.*s\"\n", context, a->len, a->text,
                        b->len, b->text);
                faults++;
            }
        }
    }
    return faults;
}
#endif
