/* listen.c - the speech controls: the Listen button in the header of every screen (the
 * same place on each), the bar of pause, repeat, softer and louder while it speaks,
 * and "Still there?" before the idle reset. The UI only draws them and reports a tap
 * as an action: the app owns the voice and tells the UI its state. */
#include "ui/ui_private.h"
#include <stdio.h>
#include <string.h>

void ui_set_listen(Ui *ui, UiListenState state)
{
    if (state == ui->listen)
        return;
    ui->listen = state;
    ui_invalidate(ui);
}

UiListenState ui_listen(const Ui *ui) { return ui->listen; }

void ui_set_still_there(Ui *ui, bool shown)
{
    if (shown == ui->still_there)
        return;
    ui->still_there = shown;
    ui_invalidate(ui);
}

bool ui_still_there(const Ui *ui) { return ui->still_there; }

const char *ui_listen_label(const Ui *ui, UiAction action)
{
    switch (action) {
    case UI_ACTION_LISTEN:
        return i18n_str(ui->lang, ui->listen == UI_LISTEN_NO_VOICE ? STR_LISTEN_NO_VOICE
                                  : ui->listen == UI_LISTEN_READY ? STR_LISTEN
                                  : STR_LISTEN_STOP);
    case UI_ACTION_PAUSE:
        return i18n_str(ui->lang, ui->listen == UI_LISTEN_PAUSED ? STR_LISTEN_RESUME
                                                                 : STR_LISTEN_PAUSE);
    case UI_ACTION_REPEAT: return i18n_str(ui->lang, STR_LISTEN_REPEAT);
    case UI_ACTION_SOFTER: return i18n_str(ui->lang, STR_LISTEN_SOFTER);
    case UI_ACTION_LOUDER: return i18n_str(ui->lang, STR_LISTEN_LOUDER);
    default: return NULL;
    }
}

static bool ui_listen_action(int a)
{
    return a == UI_ACTION_LISTEN || a == UI_ACTION_PAUSE || a == UI_ACTION_REPEAT ||
           a == UI_ACTION_SOFTER || a == UI_ACTION_LOUDER;
}

bool ui_on_listen(Ui *ui, int x, int y)
{
    ui_layout(ui);
    for (int i = 0; i < ui->list.n_buttons; i++) {
        const UiButton *b = &ui->list.buttons[i];
        if (b->kind == BTN_ACTION && ui_listen_action(b->target) && !b->scrolls &&
            x >= b->x && x < b->x + b->w && y >= b->y && y < b->y + b->h)
            return true;
    }
    return false;
}

int ui_find_listen_button(Ui *ui, UiAction action, int *x, int *y)
{
    ui_layout(ui);
    for (int i = 0; i < ui->list.n_buttons; i++) {
        const UiButton *b = &ui->list.buttons[i];
        if (b->kind == BTN_ACTION && b->target == (int)action) {
            *x = b->x + b->w / 2, *y = b->y + b->h / 2;
            return 0;
        }
    }
    return -1;
}

/* an icon and a one-line label side by side in a button w x h at (x, y), in the
 * header's colours; the label is left out when it does not fit */
static void ui_icon_button(Ui *ui, int x, int y, int w, int h, const char *icon,
                           const char *label, int style, ThemeColor ink, ThemeColor bg,
                           UiAction action)
{
    if (bg != COLOR_HEADER_BG)
        ui_rect(ui, x, y, w, h, bg);
    int iw = ui->s_icon + ui->gap;
    int tw = label ? ui_width(ui, label, strlen(label), style) : 0;
    bool text = label && iw + tw + ui->pad <= w;
    int left = x + (w - (text ? iw + tw : iw)) / 2;
    ui_icon(ui, left, y, iw, h, icon, ui->s_icon, ink, bg);
    if (text) {
        int lh = ui_line_height(ui, style);
        ui_line(ui, left + iw, y + (h - lh) / 2, tw, label, strlen(label), style, ink, bg,
                ALIGN_LEFT);
    }
    ui_button(ui, x, y, w, h, BTN_ACTION, action);
}

int ui_listen_header(Ui *ui, int left, int right, int by, int bh)
{
    if (ui->listen == UI_LISTEN_HIDDEN)
        return right;
    StrId label = ui->listen == UI_LISTEN_NO_VOICE ? STR_LISTEN_NO_VOICE
                  : ui->listen == UI_LISTEN_READY ? STR_LISTEN : STR_LISTEN_STOP;
    const char *icon = ui->listen == UI_LISTEN_NO_VOICE ? ICON_VOICE_OFF
                       : ui->listen == UI_LISTEN_READY ? ICON_LISTEN : ICON_STOP;
    const char *text = i18n_str(ui->lang, label);
    int style = ui->s_body | UI_STYLE_BOLD;
    int iw = ui->s_icon + ui->gap;
    int bw = iw + ui_width(ui, text, strlen(text), style) + 2 * ui->pad;
    if (bw > right - left) {    /* a narrow screen: the icon alone */
        bw = ui->s_icon + 2 * ui->gap;
        text = NULL;
    }
    if (bw < ui->target)
        bw = ui->target;
    bool on = ui->listen == UI_LISTEN_SPEAKING || ui->listen == UI_LISTEN_PAUSED;
    ThemeColor bg = on ? COLOR_SWITCH_ON_BG : COLOR_HEADER_BG;
    ThemeColor ink = on ? COLOR_SWITCH_ON_TEXT : COLOR_HEADER_TEXT;
    int bx = right - bw;
    if (!on) {      /* outlined, like the languages not shown */
        ui_rect(ui, bx, by, bw, 2, COLOR_TILE_BG);
        ui_rect(ui, bx, by + bh - 2, bw, 2, COLOR_TILE_BG);
        ui_rect(ui, bx, by, 2, bh, COLOR_TILE_BG);
        ui_rect(ui, bx + bw - 2, by, 2, bh, COLOR_TILE_BG);
    }
    ui_icon_button(ui, bx, by, bw, bh, icon, text, style, ink, bg, UI_ACTION_LISTEN);
    return bx - ui->gap;
}

/* the bar's buttons, in order */
static const struct { const char *icon, *icon_paused; StrId label, label_paused;
                      UiAction action; } listen_keys[] = {
    { ICON_PAUSE, ICON_PLAY, STR_LISTEN_PAUSE, STR_LISTEN_RESUME, UI_ACTION_PAUSE },
    { ICON_REPLAY, ICON_REPLAY, STR_LISTEN_REPEAT, STR_LISTEN_REPEAT, UI_ACTION_REPEAT },
    { ICON_VOLUME_DOWN, ICON_VOLUME_DOWN, STR_LISTEN_SOFTER, STR_LISTEN_SOFTER, UI_ACTION_SOFTER },
    { ICON_VOLUME_UP, ICON_VOLUME_UP, STR_LISTEN_LOUDER, STR_LISTEN_LOUDER, UI_ACTION_LOUDER },
};
#define LISTEN_KEYS ((int)(sizeof listen_keys / sizeof listen_keys[0]))

/* the bar's buttons' left edge, width, and whether their labels go beside the icons
 * (else under them, in the small size) */
static void ui_listen_bar_geometry(const Ui *ui, int *x, int *w, bool *row)
{
    int side = ui->w > 2 * ui->h ? (ui->w - 2 * ui->h) / 2 : 0;
    *x = ui->pad / 2 + side;
    *w = (ui->w - 2 * *x - (LISTEN_KEYS - 1) * ui->gap) / LISTEN_KEYS;
    int widest = 0;
    for (int i = 0; i < LISTEN_KEYS; i++)
        for (int k = 0; k < 2; k++) {
            const char *t = i18n_str(ui->lang, k ? listen_keys[i].label_paused
                                                 : listen_keys[i].label);
            int tw = ui->m.measure(ui->m.ctx, t, strlen(t), ui->s_body | UI_STYLE_BOLD);
            widest = tw > widest ? tw : widest;
        }
    *row = ui->s_icon + ui->gap + widest + ui->pad <= *w;
}

int ui_listen_bar_height(const Ui *ui)
{
    if (ui->listen != UI_LISTEN_SPEAKING && ui->listen != UI_LISTEN_PAUSED)
        return 0;
    int x, w;
    bool row;
    ui_listen_bar_geometry(ui, &x, &w, &row);
    int h = row ? ui->target
                : ui->m.line_height(ui->m.ctx, ui->s_icon | UI_STYLE_ICON) +
                  ui->m.line_height(ui->m.ctx, ui->s_small | UI_STYLE_BOLD) + ui->gap;
    return (h > ui->target ? h : ui->target) + 2 * ui->gap;
}

void ui_listen_bar(Ui *ui, int y)
{
    int h = ui_listen_bar_height(ui);
    if (!h)
        return;
    ui_rect(ui, 0, y, ui->w, h, COLOR_HEADER_BG);
    bool paused = ui->listen == UI_LISTEN_PAUSED;
    int x, w;
    bool row;
    ui_listen_bar_geometry(ui, &x, &w, &row);
    int bh = h - 2 * ui->gap;
    for (int i = 0; i < LISTEN_KEYS; i++) {
        const char *icon = paused ? listen_keys[i].icon_paused : listen_keys[i].icon;
        const char *label = i18n_str(ui->lang, paused ? listen_keys[i].label_paused
                                                      : listen_keys[i].label);
        int bx = x + i * (w + ui->gap), by = y + ui->gap;
        if (row) {
            ui_icon_button(ui, bx, by, w, bh, icon, label, ui->s_body | UI_STYLE_BOLD,
                           COLOR_SWITCH_ON_TEXT, COLOR_SWITCH_ON_BG, listen_keys[i].action);
            continue;
        }
        /* icon above its label */
        int style = ui->s_small | UI_STYLE_BOLD;
        int ih = ui_line_height(ui, ui->s_icon | UI_STYLE_ICON);
        int lh = ui_line_height(ui, style);
        int top = by + (bh - ih - lh) / 2;
        ui_rect(ui, bx, by, w, bh, COLOR_SWITCH_ON_BG);
        ui_icon(ui, bx, top, w, ih, icon, ui->s_icon, COLOR_SWITCH_ON_TEXT, COLOR_SWITCH_ON_BG);
        ui_text(ui, bx + ui->gap / 2, top + ih, w - ui->gap, label, style, COLOR_SWITCH_ON_TEXT,
                COLOR_SWITCH_ON_BG, ALIGN_CENTER, 1);
        ui_button(ui, bx, by, w, bh, BTN_ACTION, listen_keys[i].action);
    }
}

void ui_layout_still_there(Ui *ui)
{
    if (!ui->still_there)
        return;
    ui->list.n_buttons = 0;     /* the touch that answers it only answers it */
    int w = ui->w * 9 / 10, max_w = (int)(50 * ui->u);
    if (w > max_w)
        w = max_w;
    int inner = w - 2 * ui->pad, x = (ui->w - w) / 2;
    const char *text = i18n_str(ui->lang, STR_STILL_THERE);
    int style = ui->s_h2 | UI_STYLE_BOLD;
    int ih = ui_line_height(ui, ui->s_big_icon | UI_STYLE_ICON);
    int th = ui_count_lines(ui, text, inner, style) * ui_line_height(ui, style);
    int h = 2 * ui->pad + ih + ui->gap + th;
    int y = (ui->h - h) / 2;
    ui_rect(ui, x - 3, y - 3, w + 6, h + 6, COLOR_ACCENT);
    ui_rect(ui, x, y, w, h, COLOR_BG);
    ui_icon(ui, x, y + ui->pad, w, ih, ICON_TOUCH, ui->s_big_icon, COLOR_ACCENT, COLOR_BG);
    ui_text(ui, x + ui->pad, y + ui->pad + ih + ui->gap, inner, text, style, COLOR_TEXT,
            COLOR_BG, ALIGN_CENTER, 0);
}
