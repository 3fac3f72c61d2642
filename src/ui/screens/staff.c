/* staff.c - the hidden staff screen: the facts the app gives (ui_set_staff_info, one
 * "label\tvalue" a line), then the actions: roll back, export, restart */
#include "ui/ui_private.h"
#include <string.h>

/* the facts as two columns from y; returns their bottom */
static int staff_facts(Ui *ui, int x, int y, int w)
{
    const char *p = ui->staff_info;
    int label_w = ui->large_text ? 0 : w / 3;     /* large text: the label above */
    while (*p) {
        const char *nl = strchr(p, '\n'), *tab = strchr(p, '\t');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        if (tab && tab < p + len) {
            const char *label = ui_printf(ui, "%.*s", (int)(tab - p), p);
            const char *value = ui_printf(ui, "%.*s", (int)(p + len - tab - 1), tab + 1);
            int h1 = ui_text(ui, x, y, label_w ? label_w - ui->gap : w, label,
                             ui->s_small | UI_STYLE_BOLD, COLOR_MUTED, COLOR_BG, ALIGN_LEFT, 0);
            int vy = label_w ? y : y + h1;
            int h2 = ui_text(ui, x + label_w, vy, w - label_w, value, ui->s_small, COLOR_TEXT,
                             COLOR_BG, ALIGN_LEFT, 0);
            y = label_w ? y + (h1 > h2 ? h1 : h2) : vy + h2;
            y += ui->gap / 2;
        }
        p += len + (nl ? 1 : 0);
    }
    return y;
}

UI_SCREEN_LAYOUT(screen_staff)
{
    static const struct { UiAction action; StrId label; } actions[] = {
        { UI_ACTION_ROLLBACK, STR_ROLLBACK }, { UI_ACTION_EXPORT, STR_EXPORT_TITLE },
        { UI_ACTION_RESTART, STR_RESTART },
    };
    int n = (int)(sizeof actions / sizeof actions[0]);
    int cols = w > 50 * ui->u && !ui->large_text ? n : 1;
    int bw = (w - (cols - 1) * ui->gap) / cols, bh = ui->target + ui->gap;
    int ls = ui->s_body | UI_STYLE_BOLD, lh = ui_line_height(ui, ls);
    for (int i = 0; i < n; i++) {   /* as tall as the longest label needs */
        int lines = ui_count_lines(ui, i18n_str(ui->lang, actions[i].label), bw - 2 * ui->gap, ls);
        if (lines * lh + ui->gap > bh)
            bh = lines * lh + ui->gap;
    }
    y = staff_facts(ui, x, y, w) + ui->pad;
    for (int i = 0; i < n; i++) {
        int bx = x + (i % cols) * (bw + ui->gap), by = y + (i / cols) * (bh + ui->gap);
        ui_rect(ui, bx, by, bw, bh, COLOR_TILE_BG);
        const char *t = i18n_str(ui->lang, actions[i].label);
        int th = ui_count_lines(ui, t, bw - 2 * ui->gap, ls) * lh;
        ui_text(ui, bx + ui->gap, by + (bh - th) / 2, bw - 2 * ui->gap, t, ls, COLOR_TILE_TEXT,
                COLOR_TILE_BG, ALIGN_CENTER, 0);
        ui_button(ui, bx, by, bw, bh, BTN_ACTION, actions[i].action);
    }
    return y + ((n + cols - 1) / cols) * (bh + ui->gap);
}
