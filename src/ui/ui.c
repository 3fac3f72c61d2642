/* ui.c - the Ui context and what the app sets and asks: the window size, the content,
 * the clock, the screen shown and its history, the staff facts; and ui_commands, which
 * lays the current state out (layout.c) only when something changed and hands the
 * draw list to render. Input is in input.c, dialogs and night mode in dialog.c. */
#include "ui/ui_private.h"
#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

Ui *ui_create(const UiMetrics *m, int width, int height, double dpi)
{
    Ui *ui = calloc(1, sizeof *ui);
    if (!ui)
        return NULL;
    ui->m = *m;
    ui->w = width, ui->h = height;
    ui->dpi = dpi > 0 ? dpi : 96.0;
    ui->lang = LANG_DEFAULT;
    ui->clip = ui->thumb = -1;
    ui->focus_kind = ui->focus_target = -1;
    ui->in.pressed = -1;
    ui_invalidate(ui);
    return ui;
}

void ui_destroy(Ui *ui)
{
    if (!ui)
        return;
    ui_qr_free(ui);
    free(ui);
}

void ui_invalidate(Ui *ui)
{
    ui->need_layout = ui->dirty = true;
}

void ui_set_size(Ui *ui, int width, int height)
{
    if (width == ui->w && height == ui->h)
        return;
    ui->w = width, ui->h = height;
    ui_invalidate(ui);
}

void ui_set_content(Ui *ui, const Content *content[LANG_COUNT], const HoursTable *hours)
{
    for (int l = 0; l < LANG_COUNT; l++)
        ui->content[l] = content[l];
    ui->hours = hours;
    ui_invalidate(ui);
}

void ui_set_content_source(Ui *ui, UiContentSource source, void *ctx)
{
    ui->content_source = source, ui->content_ctx = ctx;
    ui_invalidate(ui);
}

const Content *ui_content(const Ui *ui, Lang lang)
{
    if (ui->content[lang] || !ui->content_source)
        return ui->content[lang];
    return ui->content_source(ui->content_ctx, lang);
}

void ui_set_time(Ui *ui, time_t now)
{
    ui->now = now;
    if ((long)(now / 60) != ui->minute)
        ui_invalidate(ui);
}

void ui_show(Ui *ui, UiScreen screen, Lang lang)
{
    assert(screen < SCREEN_COUNT && lang < LANG_COUNT);
    if (screen != ui->screen) {
        if (screen == SCREEN_HOME)
            ui->n_history = 0;
        else if (ui->n_history < UI_HISTORY)
            ui->history[ui->n_history++] = ui->screen;
        ui->in.scroll = 0, ui->in.velocity = 0;
    }
    ui->screen = screen, ui->lang = lang;
    ui_invalidate(ui);
}

void ui_reset(Ui *ui, Lang lang)
{
    /* the directory too: no query, no filter, the keyboard closed */
    bool changed = ui->screen != SCREEN_HOME || ui->lang != lang || ui->dir.query[0] ||
                   ui->dir.keyboard || ui_dir_filtered(ui) || ui->dir.page;
    ui->n_history = 0;
    ui->in.scroll = 0, ui->in.velocity = 0;
    ui->in.pressing = ui->in.dragging = false;
    ui->in.pressed = -1;
    if (ui->large_text || ui->high_contrast || ui->keypad)
        changed = true;
    ui->large_text = ui->high_contrast = ui->keypad = false;   /* a new visitor starts fresh */
    ui->focus_kind = ui->focus_target = -1;
    ui->screen = SCREEN_HOME, ui->lang = lang;
    if (changed) {
        ui_dir_reset(ui);
        ui_invalidate(ui);
    }
}

void ui_set_staff_info(Ui *ui, const char *text)
{
    if (strcmp(ui->staff_info, text) == 0)
        return;
    snprintf(ui->staff_info, sizeof ui->staff_info, "%s", text);
    if (ui->screen == SCREEN_STAFF)
        ui_invalidate(ui);
}

uint32_t ui_color(const Ui *ui, ThemeColor c)
{
    return theme_color_in(ui->high_contrast ? THEME_HIGH_CONTRAST : THEME_NORMAL, c);
}

UiScreen ui_screen(const Ui *ui) { return ui->screen; }
Lang ui_lang(const Ui *ui) { return ui->lang; }
bool ui_dirty(const Ui *ui) { return ui->dirty; }

const UiCmd *ui_commands(Ui *ui, int *n)
{
    ui_layout(ui);
    if (ui->clip >= 0)          /* the body moves without a new layout */
        ui->list.cmds[ui->clip].scroll = (int)lroundf(ui->in.scroll);
    if (ui->thumb >= 0) {       /* the thumb follows the scroll without a new layout */
        UiCmd *t = &ui->list.cmds[ui->thumb];
        int h = ui->body_h * ui->body_h / ui->content_h;
        if (h < ui->target / 2)
            h = ui->target / 2;
        int range = ui->content_h - ui->body_h;
        t->h = h;
        t->y = ui->body_y + (int)((float)(ui->body_h - h) * ui->in.scroll / (float)range);
    }
    ui->dirty = false;
    *n = ui->list.n_cmds;
    return ui->list.cmds;
}

void ui_body(const Ui *ui, int *x, int *y, int *w, int *h, int *scroll)
{
    *x = ui->body_x, *y = ui->body_y, *w = ui->body_w, *h = ui->body_h;
    *scroll = (int)lroundf(ui->in.scroll);
}

int ui_dropped_lines(Ui *ui)
{
    ui_layout(ui);
    return ui->list.dropped;
}

int ui_cut_words(Ui *ui)
{
    ui_layout(ui);
    return ui->list.cut;
}

int ui_overflows(Ui *ui)
{
    ui_layout(ui);
    return ui->list.overflows;
}
