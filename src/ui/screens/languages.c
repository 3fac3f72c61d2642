/* languages.c - the language picker: every language the kiosk speaks as a big button
 * named in its own script and direction (no flags), the current one lit, in the
 * table's order from the start of the reading side. A tap shows the screen the
 * picker was opened on in that language. Two columns in landscape, one in portrait;
 * the buttons share what is left of the body and scroll when there is too little. */
#include "ui/ui_private.h"
#include <string.h>
#include "core/text.h"

UI_SCREEN_LAYOUT(screen_languages)
{
    int cols = ui->w > ui->h ? 2 : 1;
    int rows = (LANG_COUNT + cols - 1) / cols;
    int bw = (w - (cols - 1) * ui->gap) / cols;
    int size = ui->s_h2 | UI_STYLE_BOLD, tall = 0;
    for (int l = 0; l < LANG_COUNT; l++) {  /* the tallest name (Nastaliq's) sets the row */
        int own = ui_lang_style((Lang)l);
        int lh = ui_line_height(ui, size | (own ? own : TEXT_STYLE_LTR));
        if (lh > tall)
            tall = lh;
    }
    int min_h = tall + ui->gap > ui->target ? tall + ui->gap : ui->target;
    int bh = (ui->body_h - y - ui->pad - (rows - 1) * ui->gap) / rows;
    int max_h = (int)(9.0f * ui->u);
    if (bh > max_h)
        bh = max_h;
    if (bh < min_h)
        bh = min_h;
    for (int l = 0; l < LANG_COUNT; l++) {
        int bx = x + (l % cols) * (bw + ui->gap), by = y + (l / cols) * (bh + ui->gap);
        bool on = (Lang)l == ui->lang;
        ThemeColor bg = on ? COLOR_HEADER_BG : COLOR_TILE_BG;
        ThemeColor ink = on ? COLOR_HEADER_TEXT : COLOR_TILE_TEXT;
        ui_rect(ui, bx, by, bw, bh, bg);
        ui_rect(ui, bx, by + bh - 3, bw, 3, COLOR_ACCENT);
        const char *name = i18n_name((Lang)l);
        int own = ui_lang_style((Lang)l);
        int style = size | (own ? own : TEXT_STYLE_LTR);
        int lh = ui_line_height(ui, style);
        ui_line(ui, bx + ui->gap, by + (bh - lh) / 2, bw - 2 * ui->gap, name, strlen(name), style,
                ink, bg, ALIGN_CENTER);
        ui_button(ui, bx, by, bw, bh, BTN_LANG, l);
    }
    return y + rows * bh + (rows - 1) * ui->gap;
}
