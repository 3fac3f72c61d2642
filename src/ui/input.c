/* input.c - touches as data: a press, drags and a release make a tap (the button under
 * the finger acts on release, if the finger is still on it: sliding off cancels) or a
 * drag that scrolls the body and, when let go moving,
 * keeps going and slows down (ui_animate). A press held on the top-left corner asks
 * for the staff PIN (ui_hold). Also the lookups that tests and scripts tap through. */
#include "ui/ui_private.h"
#include <math.h>
#include <stdlib.h>

/* a button's top in window pixels now: a body button moves with the scroll */
static int ui_button_top(const Ui *ui, const UiButton *b)
{
    return b->scrolls ? b->y - (int)lroundf(ui->in.scroll) : b->y;
}

/* the index of the button under (x, y), in window pixels, or -1 */
static int ui_hit(Ui *ui, int x, int y)
{
    for (int i = ui->list.n_buttons - 1; i >= 0; i--) {
        const UiButton *b = &ui->list.buttons[i];
        int by = ui_button_top(ui, b);
        if (b->scrolls && (y < ui->body_y || y >= ui->body_y + ui->body_h))
            continue;
        if (x >= b->x && x < b->x + b->w && y >= by && y < by + b->h)
            return i;
    }
    return -1;
}

void ui_scroll_by(Ui *ui, float dy)
{
    UiGesture *g = &ui->in;
    float max = (float)(ui->content_h - ui->body_h);
    if (max < 0)
        max = 0;
    float s = g->scroll + dy;
    if (s < 0)
        s = 0, g->velocity = 0;
    if (s > max)
        s = max, g->velocity = 0;
    if (s != g->scroll) {
        ui->dirty = true;
        if (ui->keypad)
            ui->need_layout = true;     /* the focus ring moves with the page */
    }
    g->scroll = s;
}

void ui_press(Ui *ui, int x, int y, uint32_t ms)
{
    UiGesture *g = &ui->in;
    if (ui->night) {            /* the touch wakes the screen and does nothing else */
        ui_set_night(ui, false);
        g->pressing = false;
        return;
    }
    ui_layout(ui);
    g->pressing = true, g->dragging = false;
    g->press_x = x, g->press_y = g->last_y = y;
    g->last_ms = g->press_ms = ms;
    g->pressed = ui_hit(ui, x, y);
    if (g->velocity != 0)
        g->dragging = true;     /* a touch stops a moving list and is not a tap */
    g->velocity = 0;
}

void ui_drag(Ui *ui, int x, int y, uint32_t ms)
{
    UiGesture *g = &ui->in;
    if (!g->pressing)
        return;
    int slop = ui_mm(ui, 2.5);
    if (!g->dragging && (abs(y - g->press_y) > slop || abs(x - g->press_x) > slop))
        g->dragging = ui->dialog.kind == UI_DIALOG_NONE;   /* a dialog does not scroll */
    if (g->dragging) {
        float dy = (float)(g->last_y - y);
        uint32_t dt = ms - g->last_ms;
        if (dt > 0) {   /* px/ms, smoothed over the last few moves */
            float v = dy / (float)dt;
            g->velocity = 0.6f * v + 0.4f * g->velocity;
        }
        ui_scroll_by(ui, dy);
        g->last_y = y;
        g->last_ms = ms;
    }
}

void ui_tap(Ui *ui, const UiButton *b)
{
    switch (b->kind) {
    case BTN_SCREEN:
        ui_show(ui, (UiScreen)b->target, ui->lang);
        break;
    case BTN_BACK:
        if (ui->n_history > 0) {
            ui->screen = ui->history[--ui->n_history];
            ui->in.scroll = 0;
            ui_invalidate(ui);
        } else
            ui_show(ui, SCREEN_HOME, ui->lang);
        break;
    case BTN_LANG:     /* back to the screen the picker was opened on, in lang */
        ui->lang = (Lang)b->target;
        ui->screen = ui->n_history > 0 ? ui->history[--ui->n_history] : SCREEN_HOME;
        ui->in.scroll = 0;
        ui_invalidate(ui);
        break;
    case BTN_ACTION:
        ui->action = (UiAction)b->target;
        break;
    case BTN_KEY:
        ui_pin_key(ui, b->target);
        break;
    case BTN_LARGE_TEXT:
        ui_set_large_text(ui, !ui->large_text);
        break;
    case BTN_CONTRAST:
        ui_set_high_contrast(ui, !ui->high_contrast);
        break;
    case BTN_SCROLL:    /* most of a page, so the last line stays in sight */
        ui->in.velocity = 0;
        ui_scroll_by(ui, (float)(b->target * ui->body_h * 4 / 5));
        break;
    case BTN_DIR:
        ui_dir_tap(ui, b->target);
        break;
    }
}

void ui_release(Ui *ui, int x, int y, uint32_t ms)
{
    UiGesture *g = &ui->in;
    if (!g->pressing)
        return;
    g->pressing = false;
    if (g->dragging && ui->dialog.kind == UI_DIALOG_NONE) {
        ui_drag(ui, x, y, ms);
        g->dragging = false;
        if (ms - g->last_ms > 100)
            g->velocity = 0;    /* the finger stopped before lifting */
        g->anim_ms = ms;
        return;
    }
    g->velocity = 0;
    int hit = ui_hit(ui, x, y);
    if (hit >= 0 && hit == g->pressed) {    /* slid off the button, or onto another: nothing */
        UiButton b = ui->list.buttons[hit];
        ui_tap(ui, &b);
    }
    g->pressed = -1;
}

bool ui_animate(Ui *ui, uint32_t ms)
{
    UiGesture *g = &ui->in;
    if (g->pressing || g->velocity == 0)
        return false;
    uint32_t dt = ms - g->anim_ms;
    g->anim_ms = ms;
    if (dt > 100)
        dt = 100;
    ui_scroll_by(ui, g->velocity * (float)dt);
    g->velocity *= powf(0.995f, (float)dt);    /* about a second to settle */
    if (fabsf(g->velocity) < 0.02f)
        g->velocity = 0;
    return g->velocity != 0;
}

void ui_hold(Ui *ui, uint32_t ms)
{
    UiGesture *g = &ui->in;
    int corner = 3 * ui->target;
    if (g->pressing && !g->dragging && ui->dialog.kind == UI_DIALOG_NONE &&
        g->press_x < corner && g->press_y < corner && ms - g->press_ms >= UI_STAFF_HOLD_MS) {
        g->pressing = false;        /* the release that follows is not a tap */
        ui->action = UI_ACTION_STAFF;
    }
}

bool ui_pressing(const Ui *ui) { return ui->in.pressing; }

/* the centre of the first button matching kind and target, in window pixels */
static int ui_find(Ui *ui, UiButtonKind kind, int target, int *x, int *y)
{
    ui_layout(ui);
    for (int i = 0; i < ui->list.n_buttons; i++) {
        const UiButton *b = &ui->list.buttons[i];
        if (b->kind != kind || b->target != target)
            continue;
        int cy = ui_button_top(ui, b) + b->h / 2;
        if (b->scrolls && (cy < ui->body_y || cy >= ui->body_y + ui->body_h))
            continue;
        *x = b->x + b->w / 2, *y = cy;
        return 0;
    }
    return -1;
}

int ui_find_button(Ui *ui, UiScreen target, int *x, int *y)
{
    if (ui_find(ui, BTN_SCREEN, target, x, y) == 0)
        return 0;
    return target == SCREEN_HOME ? ui_find(ui, BTN_BACK, SCREEN_HOME, x, y) : -1;
}

int ui_find_lang_button(Ui *ui, Lang lang, int *x, int *y)
{
    return ui_find(ui, BTN_LANG, lang, x, y);
}

int ui_target(Ui *ui, int i, int *x, int *y, int *w, int *h)
{
    ui_layout(ui);
    if (i >= 0 && i < ui->list.n_buttons) {
        const UiButton *b = &ui->list.buttons[i];
        *x = b->x, *y = ui_button_top(ui, b);
        *w = b->w, *h = b->h;
    }
    return ui->list.n_buttons;
}
