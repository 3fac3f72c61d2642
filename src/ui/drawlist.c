/* drawlist.c - the draw list of one layout: commands, the arena their texts live in,
 * and the touch targets. Each has a fixed size, so a layout allocates nothing; what
 * does not fit is left out and counted in list.overflows, which the tests assert is 0
 * on every screen, language and size (raise the limit in ui_private.h if it is not). */
#include "ui/ui_private.h"
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

const char *ui_printf(Ui *ui, const char *fmt, ...)
{
    UiList *l = &ui->list;
    size_t room = UI_ARENA - l->arena_used;
    char *p = l->arena + l->arena_used;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(p, room, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= room) {
        l->overflows++;
        return "";
    }
    l->arena_used += (size_t)n + 1;
    return p;
}

UiCmd *ui_push(Ui *ui, UiCmdKind kind)
{
    UiList *l = &ui->list;
    UiCmd *c = &l->spare;
    if (l->n_cmds < UI_MAX_CMDS)
        c = &l->cmds[l->n_cmds++];
    else
        l->overflows++;
    memset(c, 0, sizeof *c);
    c->kind = kind;
    c->scrolls = l->in_body;
    return c;
}

void ui_rect(Ui *ui, int x, int y, int w, int h, ThemeColor color)
{
    UiCmd *c = ui_push(ui, UI_RECT);
    c->x = x, c->y = y, c->w = w, c->h = h;
    c->color = ui_color(ui, color);
}

void ui_clip(Ui *ui, int x, int y, int w, int h)
{
    UiCmd *c = ui_push(ui, UI_CLIP);
    c->x = x, c->y = y, c->w = w, c->h = h;
}

void ui_button(Ui *ui, int x, int y, int w, int h, UiButtonKind kind, int target)
{
    UiList *l = &ui->list;
    if (l->n_buttons == UI_MAX_BUTTONS) {
        l->overflows++;
        return;
    }
    l->buttons[l->n_buttons++] = (UiButton){ x, y, w, h, kind, target, l->in_body };
}

void ui_list_clear(Ui *ui)
{
    for (int i = 0; i < UI_MAX_QR; i++)     /* codes of the last layout may serve again */
        ui->qr[i].used = false;
    UiList *l = &ui->list;
    l->n_cmds = 0;
    l->n_buttons = 0;
    l->arena_used = 0;
    l->in_body = false;
    l->overflows = 0;
    l->dropped = 0;
    l->cut = 0;
    ui->clip = -1;
    ui->thumb = -1;
}
