/* layout.c - one layout of the current state into the draw list: the header (back,
 * home, the clock, the mode switches, Listen and the language picker's globe), the
 * screen's body from the screen table, the footer with the date of the content and the
 * scroll buttons, the scroll bar, and a dialog over them, or the
 * night screen instead. The body is laid out in body coordinates, moved under the
 * header and put after a UI_CLIP; scrolling only changes that clip's scroll, so a
 * scrolling frame costs no layout. Sizes derive from one unit, a 44th of the window's shorter side, and from the
 * display's DPI for what must have a physical size (touch targets, QR codes). */
#include "ui/ui_private.h"
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "core/text.h"

int ui_mm(const Ui *ui, double mm)
{
    return (int)ceil(mm / 25.4 * ui->dpi);
}

/* recomputes every size from the window and the DPI; text sizes times k (large
 * text), small text no smaller than body text then */
static void ui_measure_sizes(Ui *ui, float k)
{
    int shorter = ui->w < ui->h ? ui->w : ui->h;
    ui->u = (float)shorter / 44.0f;
    ui->pad = (int)lroundf(1.6f * ui->u);
    ui->gap = (int)lroundf(1.0f * ui->u);
    ui->target = ui_mm(ui, 9.0);
    ui->s_body = (int)lroundf(k * fmaxf(16.0f, 1.7f * ui->u));
    ui->s_small = (int)lroundf(k * fmaxf(14.0f, 1.4f * ui->u));
    ui->s_h1 = (int)lroundf(k * fmaxf(22.0f, 2.5f * ui->u));
    ui->s_h2 = (int)lroundf(k * fmaxf(18.0f, 1.95f * ui->u));
    ui->s_tile = (int)lroundf(k * fmaxf(16.0f, 1.75f * ui->u));
    ui->s_icon = (int)lroundf(k * fmaxf(22.0f, 2.4f * ui->u));
    ui->s_big_icon = (int)lroundf(k * fmaxf(30.0f, 3.6f * ui->u));
    if (k > 1.0f && ui->s_small < ui->s_body)
        ui->s_small = ui->s_body;
    ui->s_bar = (int)lroundf(fmaxf(14.0f, 1.4f * ui->u));
    ui->s_bar_icon = (int)lroundf(fmaxf(22.0f, 2.4f * ui->u));
}

/* a label style of size that fits a header button bh high: smaller for a script whose
 * lines are tall (Nastaliq's 2.5 em) */
static int ui_header_style(Ui *ui, int size, int bh)
{
    int style = size | UI_STYLE_BOLD;
    int lh = ui_line_height(ui, style);
    if (lh > bh - 4)
        style = (size * (bh - 4) / lh) | UI_STYLE_BOLD;
    return style;
}

/* the header's left part: the centre's short name at home, else back and home, back
 * without its word when the header has no room up to limit; returns where the clock
 * may start */
static int ui_header_nav(Ui *ui, int hh, int by, int bh, int limit)
{
    int x = ui->pad / 2;
    if (ui->screen == SCREEN_HOME) {
        const Content *c = ui_content(ui, ui->lang);
        const char *name = c && *c->org_short ? c->org_short : "";
        /* a Latin short name ("ACCMR") keeps its size in an Urdu header */
        int style = text_is_rtl(name, strlen(name)) ? ui_header_style(ui, ui->s_h2, bh)
                                                    : ui->s_h2 | UI_STYLE_BOLD | TEXT_STYLE_LTR;
        int lh = ui_line_height(ui, style);
        int w = ui_width(ui, name, strlen(name), style);
        ui_line(ui, x + ui->pad / 2, (hh - lh) / 2, w, name, strlen(name), style,
                COLOR_HEADER_TEXT, COLOR_HEADER_BG, ALIGN_LEFT);
        return x + w + ui->pad;
    }
    const char *back = i18n_str(ui->lang, STR_BACK);
    int style = ui_header_style(ui, ui->s_body, bh);
    int tw = ui_width(ui, back, strlen(back), style);
    int iw = ui->s_icon + ui->gap;
    int hw = bh > ui->target ? bh : ui->target;
    if (x + iw + tw + ui->pad + hw + 3 * ui->gap > limit)
        tw = 0;                 /* large text: the arrow alone, its word is spoken */
    int bw = iw + tw + ui->pad;
    if (bw < ui->target)
        bw = ui->target;
    /* the arrow points the way the visitor reads back: left, or right when mirrored */
    ui_icon(ui, x + ui->gap / 2, by, iw, bh, ui->mirror ? ICON_FORWARD : ICON_BACK, ui->s_icon,
            COLOR_HEADER_TEXT, COLOR_HEADER_BG);
    int lh = ui_line_height(ui, style);
    if (tw)
        ui_line(ui, x + iw + ui->gap / 2, by + (bh - lh) / 2, tw, back, strlen(back), style,
                COLOR_HEADER_TEXT, COLOR_HEADER_BG, ALIGN_LEFT);
    ui_button(ui, x, by, bw, bh, BTN_BACK, SCREEN_HOME);
    x += bw + ui->gap;
    ui_rect(ui, x, by + ui->gap, 1, bh - 2 * ui->gap, COLOR_TILE_BG);
    ui_icon(ui, x + ui->gap, by, hw, bh, ui_screen_def(SCREEN_HOME)->icon, ui->s_icon,
            COLOR_HEADER_TEXT, COLOR_HEADER_BG);
    ui_button(ui, x, by, hw + ui->gap, bh, BTN_SCREEN, SCREEN_HOME);
    return x + hw + ui->gap * 2;
}

/* a header button's ground: lit when on, else a frame on the header */
static void ui_header_frame(Ui *ui, int bx, int by, int bw, int bh, bool on)
{
    if (on)
        ui_rect(ui, bx, by, bw, bh, COLOR_SWITCH_ON_BG);
    else {
        ui_rect(ui, bx, by, bw, 2, COLOR_TILE_BG);
        ui_rect(ui, bx, by + bh - 2, bw, 2, COLOR_TILE_BG);
        ui_rect(ui, bx, by, 2, bh, COLOR_TILE_BG);
        ui_rect(ui, bx + bw - 2, by, 2, bh, COLOR_TILE_BG);
    }
}

/* a switch of the header: lit (a mode that is on), or framed */
static void ui_header_switch(Ui *ui, int bx, int by, int bw, int bh, const char *label,
                             int style, bool on, UiButtonKind kind, int target)
{
    ThemeColor bg = on ? COLOR_SWITCH_ON_BG : COLOR_HEADER_BG;
    ThemeColor ink = on ? COLOR_SWITCH_ON_TEXT : COLOR_HEADER_TEXT;
    ui_header_frame(ui, bx, by, bw, bh, on);
    if (style & UI_STYLE_ICON)
        ui_icon(ui, bx, by, bw, bh, label, UI_STYLE_SIZE(style), ink, bg);
    else {
        int lh = ui_line_height(ui, style);
        ui_line(ui, bx, by + (bh - lh) / 2, bw, label, strlen(label), style, ink, bg,
                ALIGN_CENTER);
    }
    ui_button(ui, bx, by, bw, bh, kind, target);
}

/* the width of the language picker's control in a header bh high */
static int ui_header_picker_width(Ui *ui, int bh)
{
    const char *name = i18n_name(ui->lang);
    int tw = ui_width(ui, name, strlen(name), ui_header_style(ui, ui->s_body, bh));
    int bw = ui->gap + ui->s_icon + ui->gap + tw + ui->pad;
    return bw < ui->target ? ui->target : bw;
}

/* The language picker's control, at the end of the header on every screen and the
 * same everywhere: a globe and the current language's name in its own script, framed
 * as a button (lit while the picker is open). It opens SCREEN_LANGUAGES, where every
 * language is a big button; a second tap there goes back. Returns its left edge. */
static int ui_header_picker(Ui *ui, int by, int bh)
{
    const char *name = i18n_name(ui->lang);
    int style = ui_header_style(ui, ui->s_body, bh);
    int tw = ui_width(ui, name, strlen(name), style);
    int is = ui->s_icon;
    int bw = ui_header_picker_width(ui, bh);
    int bx = ui->w - ui->pad / 2 - bw;
    bool open = ui->screen == SCREEN_LANGUAGES;
    ThemeColor bg = open ? COLOR_SWITCH_ON_BG : COLOR_HEADER_BG;
    ThemeColor ink = open ? COLOR_SWITCH_ON_TEXT : COLOR_HEADER_TEXT;
    ui_header_frame(ui, bx, by, bw, bh, open);
    ui_icon(ui, bx + ui->gap, by, is, bh, ICON_LANGUAGE, is, ink, bg);
    int lh = ui_line_height(ui, style);
    ui_line(ui, bx + 2 * ui->gap + is, by + (bh - lh) / 2, tw, name, strlen(name), style, ink,
            bg, ALIGN_LEFT);
    if (open)       /* its own target, so the keypad tells it from the header's Back */
        ui_button(ui, bx, by, bw, bh, BTN_BACK, SCREEN_LANGUAGES);
    else
        ui_button(ui, bx, by, bw, bh, BTN_SCREEN, SCREEN_LANGUAGES);
    return bx - ui->gap / 2;
}

/* large text and high contrast, left of the language switch, the same size in both
 * modes so that they stay where a visitor found them; returns their left edge */
static int ui_header_modes(Ui *ui, int right, int by, int bh)
{
    int side = bh > ui->target ? bh : ui->target;
    int glyph = bh * 11 / 20;   /* grows with the header in large text */
    right -= ui->gap / 2 + side;
    ui_header_switch(ui, right, by, side, bh, ICON_CONTRAST, glyph | UI_STYLE_ICON,
                     ui->high_contrast, BTN_CONTRAST, 0);
    right -= ui->gap / 2 + side;
    ui_header_switch(ui, right, by, side, bh, "Aa", glyph | UI_STYLE_BOLD | TEXT_STYLE_LTR,
                     ui->large_text, BTN_LARGE_TEXT, 0);
    return right - ui->gap / 2;
}

/* the header's left part at its narrowest: the short name at home, else Back's arrow
 * and home */
static int ui_header_nav_min(Ui *ui, int bh)
{
    int nav_min = ui->pad / 2;
    if (ui->screen == SCREEN_HOME) {
        const Content *c = ui_content(ui, ui->lang);
        const char *name = c && *c->org_short ? c->org_short : "";
        return nav_min + ui_width(ui, name, strlen(name), ui->s_h2 | UI_STYLE_BOLD) + ui->pad;
    }
    int hw = bh > ui->target ? bh : ui->target;
    int bw = ui->s_icon + ui->gap + ui->pad;
    return nav_min + (bw > ui->target ? bw : ui->target) + hw + 3 * ui->gap;
}

/* whether the header has room for Listen beside the rest (else it goes to the footer):
 * the language switch and the mode switches measured as ui_header lays them out */
static bool ui_listen_in_header(Ui *ui, int bh)
{
    int right = ui->w - ui->pad / 2;
    if (!ui->large_text)
        right -= ui_header_picker_width(ui, bh) + ui->gap / 2;
    int side = bh > ui->target ? bh : ui->target;
    right -= 2 * (ui->gap / 2 + side) + ui->gap / 2;
    int listen = ui->s_icon + 2 * ui->gap;
    return right - (listen > ui->target ? listen : ui->target) - ui->gap >=
           ui_header_nav_min(ui, bh);
}

/* the top bar, hh high: back and home (except at home), the clock between them and the
 * language switch when there is room */
static void ui_header(Ui *ui, int hh)
{
    ui_rect(ui, 0, 0, ui->w, hh, COLOR_HEADER_BG);
    int bh = hh - ui->gap;
    int by = (hh - bh) / 2;
    int right = ui->large_text ? ui->w - ui->pad / 2 : ui_header_picker(ui, by, bh);
    right = ui_header_modes(ui, right, by, bh);
    /* Listen, with its word when there is room beside the narrowest left part; on a
     * header too narrow for it, at the footer's start */
    if (!ui->listen_below)
        right = ui_listen_header(ui, ui_header_nav_min(ui, bh), right, by, bh);
    int x = ui_header_nav(ui, hh, by, bh, right);
    struct tm tm;
    localtime_r(&ui->now, &tm);
    char hm[32];
    i18n_format_time(ui->lang, tm.tm_hour * 60 + tm.tm_min, hm, sizeof hm);
    const char *clock = ui_printf(ui, "%s", hm);
    int cs = ui->s_h2 | UI_STYLE_BOLD | TEXT_STYLE_LTR;  /* digits: the line of digits */
    int cw = ui_width(ui, clock, strlen(clock), cs);
    int room = right - ui->gap - x;
    if (room >= cw) {
        int lh = ui_line_height(ui, cs);
        ui_line(ui, x, (hh - lh) / 2, room, clock, strlen(clock), cs, COLOR_HEADER_TEXT,
                COLOR_HEADER_BG, ALIGN_CENTER);
    }
}

/* "Last updated: <date>" for the footer of a content screen; NULL at home or when
 * the content has no date */
static const char *ui_footer_text(Ui *ui)
{
    const Content *c = ui_content(ui, ui->lang);
    int y, m, d;
    char date[64];
    if (ui->screen == SCREEN_HOME || ui->screen == SCREEN_LANGUAGES || !c || !*c->last_updated ||
        sscanf(c->last_updated, "%4d-%2d-%2d", &y, &m, &d) != 3)
        return NULL;
    i18n_format_date(ui->lang, y, m, d, date, sizeof date);
    char line[256];
    i18n_format(ui->lang, line, sizeof line, STR_LAST_UPDATED, date);
    return ui_printf(ui, "%s", line);
}

/* the side of a footer button: a touch target, or more for its icon */
static int ui_footer_side(Ui *ui)
{
    int side = ui_line_height(ui, ui->s_bar_icon | UI_STYLE_ICON) + 4;
    return side > ui->target ? side : ui->target;
}

/* a square button of the footer at x */
static void ui_footer_button(Ui *ui, int x, int y, int side, const char *icon,
                             UiButtonKind kind, int target)
{
    ui_rect(ui, x, y, side, side, COLOR_DIVIDER);
    ui_rect(ui, x + 2, y + 2, side - 4, side - 4, COLOR_TILE_BG);
    ui_icon(ui, x + 2, y + 2, side - 4, side - 4, icon, ui->s_bar_icon, COLOR_TILE_TEXT,
            COLOR_TILE_BG);
    ui_button(ui, x, y, side, side, kind, target);
}

/* the bar at the bottom: the date of the content, and a page up and down at the end
 * when the body scrolls, so that nothing needs a drag. Its sizes stay as they are in
 * large text, where the date goes to the end of the body. */
static void ui_footer(Ui *ui, const char *updated)
{
    int fh = ui->footer_h, top = ui->h - fh;
    if (fh == 0)
        return;
    ui_rect(ui, 0, top, ui->w, fh, COLOR_BG);
    ui_rect(ui, 0, top, ui->w, 1, COLOR_DIVIDER);
    int right = ui->w - ui->pad / 2, left = ui->pad;
    if (ui->listen_below && ui->listen != UI_LISTEN_HIDDEN) {     /* its icon alone */
        int side = ui_footer_side(ui);
        const char *icon = ui->listen == UI_LISTEN_NO_VOICE ? ICON_VOICE_OFF
                           : ui->listen == UI_LISTEN_READY ? ICON_LISTEN : ICON_STOP;
        ui_footer_button(ui, ui->pad / 2, top + (fh - side) / 2, side, icon, BTN_ACTION,
                         UI_ACTION_LISTEN);
        left = ui->pad / 2 + side + ui->pad;
    }
    if (ui->content_h > ui->body_h) {
        int side = ui_footer_side(ui), by = top + (fh - side) / 2;
        right -= side;
        ui_footer_button(ui, right, by, side, ICON_DOWN, BTN_SCROLL, 1);
        right -= side + ui->gap;
        ui_footer_button(ui, right, by, side, ICON_UP, BTN_SCROLL, -1);
        right -= ui->pad;
    }
    if (updated && !ui->large_text) {
        int st = ui->s_bar;     /* a little smaller where Listen shares the footer */
        while (st > 12 && ui_width(ui, updated, strlen(updated), st) > right - left)
            st--;
        int lh = ui_line_height(ui, st);
        ui_line(ui, left, top + (fh - lh) / 2, right - left, updated, strlen(updated), st,
                COLOR_MUTED, COLOR_BG, ALIGN_LEFT);
    }
}

/* the screen's body: its title (but at home), then its own layout from the table;
 * returns the height of what it holds */
static int ui_layout_body(Ui *ui)
{
    const Content *c = ui_content(ui, ui->lang);
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

/* large text: the language picker's control at the top of the body, as the header has
 * no room for it at that size: the globe and the language's own name, opening
 * SCREEN_LANGUAGES like the header's; returns the height used */
static int ui_body_langs(Ui *ui, int x, int y, int w)
{
    int style = ui->s_body | UI_STYLE_BOLD | ui->lang_style, lh = ui_line_height(ui, style);
    int bh = lh + ui->gap > ui->target ? lh + ui->gap : ui->target;
    const char *name = i18n_name(ui->lang);
    int is = ui->s_icon;
    int bw = ui->gap + is + ui->gap + ui_width(ui, name, strlen(name), style) + ui->pad;
    if (bw > w)
        bw = w;
    if (bw < ui->target)
        bw = ui->target;
    int bx = x;                 /* the primitives mirror it for a right-to-left language */
    bool open = ui->screen == SCREEN_LANGUAGES;
    ThemeColor bg = open ? COLOR_SWITCH_ON_BG : COLOR_TILE_BG;
    ThemeColor ink = open ? COLOR_SWITCH_ON_TEXT : COLOR_TILE_TEXT;
    ui_rect(ui, bx, y, bw, bh, open ? COLOR_ACCENT : COLOR_TILE_BG);
    ui_rect(ui, bx + 2, y + 2, bw - 4, bh - 4, bg);
    ui_icon(ui, bx + ui->gap, y, is, bh, ICON_LANGUAGE, is, ink, bg);
    ui_line(ui, bx + 2 * ui->gap + is, y + (bh - lh) / 2, bw - 3 * ui->gap - is, name,
            strlen(name), style, ink, bg, ALIGN_LEFT);
    if (open)
        ui_button(ui, bx, y, bw, bh, BTN_BACK, SCREEN_LANGUAGES);
    else
        ui_button(ui, bx, y, bw, bh, BTN_SCREEN, SCREEN_LANGUAGES);
    return bh + ui->gap;
}

/* large text: the date of the content under the body that ends at y; the bottom */
static int ui_layout_body_end(Ui *ui, const char *updated, int y)
{
    if (!updated || !ui->large_text)
        return y;
    return y + ui->gap + ui_text(ui, ui->pad, y + ui->gap, ui->w - 2 * ui->pad, updated,
                                 ui->s_small, COLOR_MUTED, COLOR_BG, ALIGN_LEFT, 0);
}

/* the body, and in large text the language switch at its top and the date of the
 * content at its end (the footer has no room for it at that size) */
static int ui_layout_body_all(Ui *ui, const char *updated)
{
    int y0 = ui->large_text ? ui_body_langs(ui, ui->pad, ui->pad, ui->w - 2 * ui->pad) : 0;
    if (y0) {                   /* the screen's own body goes below it */
        UiList *l = &ui->list;
        int first = l->n_cmds, first_button = l->n_buttons;
        int y = ui_layout_body(ui);
        for (int i = first; i < l->n_cmds; i++)
            l->cmds[i].y += y0;
        for (int i = first_button; i < l->n_buttons; i++)
            l->buttons[i].y += y0;
        return ui_layout_body_end(ui, updated, y + y0);
    }
    return ui_layout_body_end(ui, updated, ui_layout_body(ui));
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
    int hl = ui_line_height(ui, ui->s_body | UI_STYLE_BOLD) + 2 * ui->gap;
    int hi = ui_line_height(ui, ui->s_icon | UI_STYLE_ICON) + ui->gap;
    hl = hl > hi ? hl : hi;
    if (hh < hl)        /* large text: the header's words and icons need the room */
        hh = hl;
    ui_rect(ui, 0, 0, ui->w, ui->h, COLOR_BG);
    const char *updated = ui_footer_text(ui);
    int footer = updated && !ui->large_text ? ui_line_height(ui, ui->s_bar) + ui->gap : 0;
    ui->listen_below = ui->listen != UI_LISTEN_HIDDEN && !ui_listen_in_header(ui, hh - ui->gap);
    if (ui->listen_below && footer < ui_footer_side(ui) + ui->gap)
        footer = ui_footer_side(ui) + ui->gap;      /* room for Listen */
    int bar = ui_listen_bar_height(ui);     /* the speech controls, while it speaks */
    ui->body_x = 0, ui->body_y = hh, ui->body_w = ui->w;
    ui->body_h = ui->h - hh - footer - bar;
    UiList *l = &ui->list;
    ui->clip = l->n_cmds;
    ui_clip(ui, ui->body_x, ui->body_y, ui->body_w, ui->body_h);
    l->in_body = true;
    int first = l->n_cmds;
    ui->content_h = ui_layout_body_all(ui, updated) + ui->pad;
    /* body commands were laid out from 0: move them under the header */
    for (int i = first; i < l->n_cmds; i++)
        l->cmds[i].y += ui->body_y;
    for (int i = 0; i < l->n_buttons; i++)
        if (l->buttons[i].scrolls)
            l->buttons[i].y += ui->body_y;
    l->in_body = false;
    int side = ui_footer_side(ui);
    if (ui->content_h > ui->body_h && footer < side + ui->gap) {
        footer = side + ui->gap;            /* room for the scroll buttons */
        ui->body_h = ui->h - hh - footer - bar;
        l->cmds[ui->clip].h = ui->body_h;
    }
    ui->footer_h = footer;
    ui_clip(ui, 0, 0, 0, 0);
    ui_header(ui, hh);
    ui_footer(ui, updated);
    float max = (float)(ui->content_h - ui->body_h);
    if (ui->in.scroll > max)
        ui->in.scroll = max > 0 ? max : 0;
    ui_scroll_bar(ui);
    ui_listen_bar(ui, ui->body_y + ui->body_h);
    if (ui->dialog.kind != UI_DIALOG_NONE) {    /* only the dialog's buttons answer */
        ui->list.n_buttons = 0;
        /* a dialog is laid out at the normal sizes: the staff's PIN pad and the update's
         * questions must fit the panel whole, with nothing to scroll */
        ui_measure_sizes(ui, 1.0f);
        ui_layout_dialog(ui);
        ui_measure_sizes(ui, ui_text_scale(ui));
    }
    ui_layout_focus(ui);
    ui_layout_still_there(ui);
}

void ui_layout(Ui *ui)
{
    if (!ui->need_layout)
        return;
    ui_list_clear(ui);
    ui->mirror = i18n_direction(ui->lang) == I18N_RTL;
    ui->lang_style = ui_lang_style(ui->lang);
    ui_measure_sizes(ui, 1.0f);
    if (!ui->night)     /* the night screen shows only when idle, after the reset */
        ui_measure_sizes(ui, ui_text_scale(ui));
    if (ui->night)
        ui_layout_night(ui);
    else
        ui_layout_screen(ui);
    ui->minute = (long)(ui->now / 60);
    ui->need_layout = false;
}
