/* focus.c - the keypad: a visible focus moved over every control of the screen in
 * reading order (rows top to bottom; across a row left to right, right to left in a
 * right-to-left language), Enter acting as a tap on it, Back going back. A touch ends
 * the keypad's focus; the idle reset forgets it. The app speaks what is focused. */
#include "ui/ui_private.h"
#include <math.h>
#include <stdlib.h>

/* whether the language on screen is written right to left */
static bool ui_rtl(const Ui *ui)
{
    return i18n_direction(ui->lang) == I18N_RTL;
}

/* the buttons' indices in reading order; their number */
static int ui_focus_order(const Ui *ui, int *order)
{
    const UiList *l = &ui->list;
    int n = l->n_buttons;
    for (int i = 0; i < n; i++)
        order[i] = i;
    /* insertion sort by top, then rows (what overlaps the row's first vertically) by x */
    for (int i = 1; i < n; i++)
        for (int k = i; k > 0 && l->buttons[order[k]].y < l->buttons[order[k - 1]].y; k--) {
            int t = order[k];
            order[k] = order[k - 1], order[k - 1] = t;
        }
    bool rtl = ui_rtl(ui);
    for (int start = 0; start < n;) {
        const UiButton *a = &l->buttons[order[start]];
        int end = start + 1;
        while (end < n && l->buttons[order[end]].y < a->y + a->h)
            end++;
        for (int i = start + 1; i < end; i++)
            for (int k = i; k > start; k--) {
                const UiButton *p = &l->buttons[order[k - 1]], *q = &l->buttons[order[k]];
                if (rtl ? q->x + q->w <= p->x + p->w : q->x >= p->x)
                    break;
                int t = order[k];
                order[k] = order[k - 1], order[k - 1] = t;
            }
        start = end;
    }
    return n;
}

/* the body scrolled so that the focused button shows whole */
static void ui_focus_show(Ui *ui)
{
    const UiButton *b = &ui->list.buttons[ui->focus];
    if (!b->scrolls)
        return;
    float top = (float)(b->y - ui->body_y), bottom = top + (float)b->h;
    float max = (float)(ui->content_h - ui->body_h);
    if (top < ui->in.scroll)
        ui->in.scroll = top - (float)ui->gap;
    else if (bottom > ui->in.scroll + (float)ui->body_h)
        ui->in.scroll = bottom - (float)ui->body_h + (float)ui->gap;
    if (ui->in.scroll > max)
        ui->in.scroll = max;
    if (ui->in.scroll < 0)
        ui->in.scroll = 0;
    ui->in.velocity = 0;
}

bool ui_key(Ui *ui, UiKey key)
{
    ui_layout(ui);
    if (ui->night) {
        ui_set_night(ui, false);
        return true;
    }
    int order[UI_MAX_BUTTONS];
    int n = ui_focus_order(ui, order);
    int at = -1;
    for (int i = 0; i < n; i++)
        if (order[i] == ui->focus)
            at = i;
    bool rtl = ui_rtl(ui);
    switch (key) {
    case UI_KEY_NEXT:
    case UI_KEY_PREV: {
        if (n == 0)
            return false;
        int step = key == UI_KEY_NEXT ? 1 : -1;
        at = at < 0 ? (step > 0 ? 0 : n - 1) : (at + step + n) % n;
        ui->focus = order[at];
        ui_focus_show(ui);
        break;
    }
    case UI_KEY_RIGHT:
        return ui_key(ui, rtl ? UI_KEY_PREV : UI_KEY_NEXT);
    case UI_KEY_LEFT:
        return ui_key(ui, rtl ? UI_KEY_NEXT : UI_KEY_PREV);
    case UI_KEY_ENTER:
        if (at < 0)
            return ui_key(ui, UI_KEY_NEXT);
        {
            UiButton b = ui->list.buttons[ui->focus];
            UiScreen before = ui->screen;
            Lang lang = ui->lang;
            ui_tap_button(ui, &b);
            if (ui->screen != before || ui->lang != lang)
                ui->focus = -1;     /* a new screen: its first control comes next */
        }
        break;
    case UI_KEY_BACK:
        if (ui->dialog.kind != UI_DIALOG_NONE) {
            ui->action = UI_ACTION_CANCEL;
            break;
        }
        if (ui->screen == SCREEN_HOME)
            return false;
        {
            UiButton back = { 0, 0, 0, 0, BTN_BACK, SCREEN_HOME, false };
            ui_tap_button(ui, &back);
            ui->focus = -1;
        }
        break;
    default:
        return false;
    }
    ui->keypad = true;
    ui_invalidate(ui);
    return true;
}

void ui_end_keypad(Ui *ui)
{
    if (!ui->keypad && ui->focus < 0)
        return;
    ui->keypad = false;
    ui->focus = -1;
    ui_invalidate(ui);
}

bool ui_keypad(const Ui *ui) { return ui->keypad; }

int ui_focus_rect(Ui *ui, int *x, int *y, int *w, int *h)
{
    ui_layout(ui);
    if (ui->focus < 0 || ui->focus >= ui->list.n_buttons)
        return -1;
    const UiButton *b = &ui->list.buttons[ui->focus];
    *x = b->x, *y = b->y, *w = b->w, *h = b->h;
    return 0;
}

const char *ui_focus_label(Ui *ui)
{
    ui_layout(ui);
    if (ui->focus < 0 || ui->focus >= ui->list.n_buttons)
        return "";
    const UiButton *b = &ui->list.buttons[ui->focus];
    switch (b->kind) {
    case BTN_SCREEN:
        return i18n_str(ui->lang, ui_screen_def((UiScreen)b->target)->title);
    case BTN_BACK:
        return i18n_str(ui->lang, STR_BACK);
    case BTN_LANG:
        return i18n_name((Lang)b->target);
    case BTN_KEY:   /* the PIN pad: 1..9, erase, 0, done */
        return b->target < 9 ? ui_printf(ui, "%d", b->target + 1)
               : b->target == 10 ? "0" : i18n_str(ui->lang, b->target == 9 ? STR_ERASE : STR_OK);
    case BTN_SCROLL:
        return i18n_str(ui->lang, b->target < 0 ? STR_SCROLL_UP : STR_SCROLL_DOWN);
    case BTN_CONTRAST:
        return i18n_str(ui->lang, ui->contrast ? STR_CONTRAST_OFF : STR_CONTRAST_ON);
    case BTN_ACTION:
        break;
    }
    static const struct { UiAction action; StrId label; } labels[] = {
        { UI_ACTION_CANCEL, STR_CANCEL }, { UI_ACTION_CONFIRM, STR_APPLY_NOW },
        { UI_ACTION_ROLLBACK, STR_ROLLBACK }, { UI_ACTION_EXPORT, STR_EXPORT_TITLE },
        { UI_ACTION_RESTART, STR_RESTART }, { UI_ACTION_REPEAT, STR_LISTEN_REPEAT },
        { UI_ACTION_SOFTER, STR_LISTEN_SOFTER }, { UI_ACTION_LOUDER, STR_LISTEN_LOUDER },
    };
    if (b->target == UI_ACTION_LISTEN)
        return i18n_str(ui->lang, ui->listen == UI_LISTEN_READY ? STR_LISTEN
                                  : ui->listen == UI_LISTEN_NO_VOICE ? STR_LISTEN_NO_VOICE
                                  : STR_LISTEN_STOP);
    if (b->target == UI_ACTION_PAUSE)
        return i18n_str(ui->lang, ui->listen == UI_LISTEN_PAUSED ? STR_LISTEN_RESUME
                                                                 : STR_LISTEN_PAUSE);
    if (ui->dialog.kind == UI_DIALOG_MESSAGE && b->target == UI_ACTION_CANCEL)
        return i18n_str(ui->lang, STR_OK);
    for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
        if (labels[i].action == (UiAction)b->target)
            return i18n_str(ui->lang, labels[i].label);
    return "";
}

void ui_layout_focus(Ui *ui)
{
    if (!ui->keypad || ui->focus < 0)
        return;
    if (ui->focus >= ui->list.n_buttons) {
        ui->focus = -1;
        return;
    }
    const UiButton *b = &ui->list.buttons[ui->focus];
    int t = ui->gap / 2 > 3 ? ui->gap / 2 : 3;     /* a ring around it, seen from afar */
    int y = b->scrolls ? b->y - (int)lroundf(ui->in.scroll) : b->y;
    for (int k = 0; k < 2; k++) {   /* amber outside, dark inside: seen on light and dark */
        int x0 = k ? b->x : b->x - t, y0 = k ? y : y - t;
        int w0 = k ? b->w : b->w + 2 * t, h0 = k ? b->h : b->h + 2 * t, r = k ? t / 2 + 1 : t;
        ThemeColor c = k ? COLOR_TEXT : COLOR_FOCUS;
        ui_rect(ui, x0, y0, w0, r, c);
        ui_rect(ui, x0, y0 + h0 - r, w0, r, c);
        ui_rect(ui, x0, y0, r, h0, c);
        ui_rect(ui, x0 + w0 - r, y0, r, h0, c);
    }
}
