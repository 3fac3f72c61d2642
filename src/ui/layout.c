/* layout.c - one layout of the current state into the draw list: the header (back,
 * home, the clock, the language switch), the screen's body from the screen table, the
 * footer with the date of the content, the scroll bar, and a dialog over them, or the
 * night screen instead. The body is laid out in body coordinates, moved under the
 * header and put after a UI_CLIP; scrolling only changes that clip's scroll, so a
 * scrolling frame costs no layout. Sizes derive from one unit, a 44th of the window's shorter side, and from the
 * display's DPI for what must have a physical size (touch targets, QR codes). */
#include "ui/ui_private.h"
#include <math.h>
#include <stdio.h>
#include <string.h>

int ui_mm(const Ui *ui, double mm)
{
    return (int)ceil(mm / 25.4 * ui->dpi);
}

/* recomputes every size from the window and the DPI */
static void ui_measure_sizes(Ui *ui)
{
    int shorter = ui->w < ui->h ? ui->w : ui->h;
    ui->u = (float)shorter / 44.0f;
    ui->pad = (int)lroundf(1.6f * ui->u);
    ui->gap = (int)lroundf(1.0f * ui->u);
    ui->target = ui_mm(ui, 9.0);
    ui->s_body = (int)lroundf(fmaxf(16.0f, 1.7f * ui->u));
    ui->s_small = (int)lroundf(fmaxf(14.0f, 1.4f * ui->u));
    ui->s_h1 = (int)lroundf(fmaxf(22.0f, 2.5f * ui->u));
    ui->s_h2 = (int)lroundf(fmaxf(18.0f, 1.95f * ui->u));
    ui->s_tile = (int)lroundf(fmaxf(16.0f, 1.75f * ui->u));
    ui->s_icon = (int)lroundf(fmaxf(22.0f, 2.4f * ui->u));
    ui->s_big_icon = (int)lroundf(fmaxf(30.0f, 3.6f * ui->u));
}

/* the header's left part: the centre's short name at home, else back and home; returns
 * where the clock may start */
static int ui_header_nav(Ui *ui, int hh, int by, int bh)
{
    int x = ui->pad / 2;
    if (ui->screen == SCREEN_HOME) {
        const Content *c = ui->content[ui->lang];
        const char *name = c && *c->org_short ? c->org_short : "";
        int style = ui->s_h2 | UI_STYLE_BOLD;
        int lh = ui_line_height(ui, style);
        int w = ui_width(ui, name, strlen(name), style);
        ui_line(ui, x + ui->pad / 2, (hh - lh) / 2, w, name, strlen(name), style,
                COLOR_HEADER_TEXT, COLOR_HEADER_BG, ALIGN_LEFT);
        return x + w + ui->pad;
    }
    const char *back = i18n_str(ui->lang, STR_BACK);
    int style = ui->s_body | UI_STYLE_BOLD;
    int tw = ui_width(ui, back, strlen(back), style);
    int iw = ui->s_icon + ui->gap;
    int bw = iw + tw + ui->pad;
    if (bw < ui->target)
        bw = ui->target;
    ui_icon(ui, x + ui->gap / 2, by, iw, bh, ICON_BACK, ui->s_icon, COLOR_HEADER_TEXT,
            COLOR_HEADER_BG);
    int lh = ui_line_height(ui, style);
    ui_line(ui, x + iw + ui->gap / 2, by + (bh - lh) / 2, tw, back, strlen(back), style,
            COLOR_HEADER_TEXT, COLOR_HEADER_BG, ALIGN_LEFT);
    ui_button(ui, x, by, bw, bh, BTN_BACK, SCREEN_HOME);
    x += bw + ui->gap;
    int hw = bh > ui->target ? bh : ui->target;
    ui_rect(ui, x, by + ui->gap, 1, bh - 2 * ui->gap, COLOR_TILE_BG);
    ui_icon(ui, x + ui->gap, by, hw, bh, ui_screen_def(SCREEN_HOME)->icon, ui->s_icon,
            COLOR_HEADER_TEXT, COLOR_HEADER_BG);
    ui_button(ui, x, by, hw + ui->gap, bh, BTN_SCREEN, SCREEN_HOME);
    return x + hw + ui->gap * 2;
}

/* the language switch, right-aligned: every name always shown, the current one lit;
 * returns its left edge */
static int ui_header_langs(Ui *ui, int by, int bh)
{
    int style = ui->s_body | UI_STYLE_BOLD;
    int right = ui->w - ui->pad / 2;
    for (int l = LANG_COUNT - 1; l >= 0; l--) {
        const char *name = i18n_name((Lang)l);
        int tw = ui_width(ui, name, strlen(name), style);
        int bw = tw + 2 * ui->pad;
        if (bw < ui->target)
            bw = ui->target;
        int bx = right - bw;
        bool on = (Lang)l == ui->lang;
        ThemeColor bg = on ? COLOR_SWITCH_ON_BG : COLOR_HEADER_BG;
        if (on)
            ui_rect(ui, bx, by, bw, bh, COLOR_SWITCH_ON_BG);
        else {
            ui_rect(ui, bx, by, bw, 2, COLOR_TILE_BG);
            ui_rect(ui, bx, by + bh - 2, bw, 2, COLOR_TILE_BG);
            ui_rect(ui, bx, by, 2, bh, COLOR_TILE_BG);
            ui_rect(ui, bx + bw - 2, by, 2, bh, COLOR_TILE_BG);
        }
        int lh = ui_line_height(ui, style);
        ui_line(ui, bx, by + (bh - lh) / 2, bw, name, strlen(name), style,
                on ? COLOR_SWITCH_ON_TEXT : COLOR_HEADER_TEXT, bg, ALIGN_CENTER);
        ui_button(ui, bx, by, bw, bh, BTN_LANG, l);
        right = bx - ui->gap / 2;
    }
    return right;
}

/* the top bar, hh high: back and home (except at home), the clock between them and the
 * language switch when there is room */
static void ui_header(Ui *ui, int hh)
{
    ui_rect(ui, 0, 0, ui->w, hh, COLOR_HEADER_BG);
    int bh = hh - ui->gap;
    int by = (hh - bh) / 2;
    int x = ui_header_nav(ui, hh, by, bh);
    int right = ui_header_langs(ui, by, bh);
    struct tm tm;
    localtime_r(&ui->now, &tm);
    const char *clock = ui_printf(ui, "%02d:%02d", tm.tm_hour, tm.tm_min);
    int cs = ui->s_h2 | UI_STYLE_BOLD;
    int cw = ui_width(ui, clock, strlen(clock), cs);
    int room = right - ui->gap - x;
    if (room >= cw) {
        int lh = ui_line_height(ui, cs);
        ui_line(ui, x, (hh - lh) / 2, room, clock, strlen(clock), cs, COLOR_HEADER_TEXT,
                COLOR_HEADER_BG, ALIGN_CENTER);
    }
}

/* "Last updated: <date>" for the footer of a content screen, and the footer's height
 * in *h; NULL (and 0) at home or when the content has no date */
static const char *ui_footer_text(Ui *ui, int *h)
{
    const Content *c = ui->content[ui->lang];
    int y, m, d;
    char date[64];
    *h = 0;
    if (ui->screen == SCREEN_HOME || !c || !*c->last_updated ||
        sscanf(c->last_updated, "%4d-%2d-%2d", &y, &m, &d) != 3)
        return NULL;
    i18n_format_date(ui->lang, y, m, d, date, sizeof date);
    *h = ui_line_height(ui, ui->s_small) + ui->gap;
    return ui_printf(ui, "%s: %s", i18n_str(ui->lang, STR_LAST_UPDATED), date);
}

/* the screen's body: its title (but at home), then its own layout from the table;
 * returns the height of what it holds */
static int ui_layout_body(Ui *ui)
{
    const Content *c = ui->content[ui->lang];
    if (!c)
        return 0;
    int x = ui->pad, w = ui->w - 2 * ui->pad;
    int side = ui->w > 2 * ui->h ? (ui->w - 2 * ui->h) / 2 : 0;     /* very wide: a column */
    x += side, w -= 2 * side;
    int y = ui->pad;
    const UiScreenDef *def = ui_screen_def(ui->screen);
    if (ui->screen != SCREEN_HOME)
        y += ui_heading(ui, x, y, w, i18n_str(ui->lang, def->title), ui->s_h1) + ui->gap;
    return def->layout(ui, x, y, w);
}

/* a scroll bar when the body holds more than it shows, so a visitor sees there is
 * more; ui_commands moves its thumb with the scroll */
static void ui_scroll_bar(Ui *ui)
{
    ui->thumb = -1;
    if (ui->content_h <= ui->body_h)
        return;
    int bw = ui->gap / 2 > 4 ? ui->gap / 2 : 4;
    ui_rect(ui, ui->w - bw - 2, ui->body_y, bw, ui->body_h, COLOR_DIVIDER);
    ui->thumb = ui->list.n_cmds;
    ui_rect(ui, ui->w - bw - 2, ui->body_y, bw, 1, COLOR_ACCENT);
}

/* the whole screen: body first (under the header), then header, footer, scroll bar
 * and dialog over it */
static void ui_layout_screen(Ui *ui)
{
    int hh = (int)lroundf(5.2f * ui->u);
    if (hh < ui->target + ui->gap)
        hh = ui->target + ui->gap;
    ui_rect(ui, 0, 0, ui->w, ui->h, COLOR_BG);
    int footer;
    const char *updated = ui_footer_text(ui, &footer);
    ui->body_x = 0, ui->body_y = hh, ui->body_w = ui->w, ui->body_h = ui->h - hh - footer;
    UiList *l = &ui->list;
    ui->clip = l->n_cmds;
    ui_clip(ui, ui->body_x, ui->body_y, ui->body_w, ui->body_h);
    l->in_body = true;
    int first = l->n_cmds;
    ui->content_h = ui_layout_body(ui) + ui->pad;
    /* body commands were laid out from 0: move them under the header */
    for (int i = first; i < l->n_cmds; i++)
        l->cmds[i].y += ui->body_y;
    for (int i = 0; i < l->n_buttons; i++)
        if (l->buttons[i].scrolls)
            l->buttons[i].y += ui->body_y;
    l->in_body = false;
    ui_clip(ui, 0, 0, 0, 0);
    ui_header(ui, hh);
    if (updated) {
        ui_rect(ui, 0, ui->h - footer, ui->w, footer, COLOR_BG);
        ui_rect(ui, 0, ui->h - footer, ui->w, 1, COLOR_DIVIDER);
        ui_line(ui, ui->pad, ui->h - footer + ui->gap / 2, ui->w - 2 * ui->pad, updated,
                strlen(updated), ui->s_small, COLOR_MUTED, COLOR_BG, ALIGN_LEFT);
    }
    float max = (float)(ui->content_h - ui->body_h);
    if (ui->in.scroll > max)
        ui->in.scroll = max > 0 ? max : 0;
    ui_scroll_bar(ui);
    if (ui->dialog.kind != UI_DIALOG_NONE) {    /* only the dialog's buttons answer */
        ui->list.n_buttons = 0;
        ui_layout_dialog(ui);
    }
}

void ui_layout(Ui *ui)
{
    if (!ui->need_layout)
        return;
    ui_list_clear(ui);
    ui_measure_sizes(ui);
    if (ui->night)
        ui_layout_night(ui);
    else
        ui_layout_screen(ui);
    ui->minute = (long)(ui->now / 60);
    ui->need_layout = false;
}
