/* committees.c - the committees and the Forum: the service, then each program */
#include "ui/ui_private.h"

UI_SCREEN_LAYOUT(screen_committees)
{
    const Content *c = ui_content(ui, ui->lang);
    y += ui_content_paragraph(ui, x, y, w, c->service_description) + ui->pad;
    int is = ui->s_icon;
    for (int i = 0; i < c->n_programs; i++) {
        const ContentProgram *p = &c->programs[i];
        int tx = x + is + ui->gap, tw = w - is - ui->gap;
        int lh = ui_line_height(ui, ui->s_body | UI_STYLE_BOLD);
        ui_icon(ui, x, y, is, lh, ICON_GROUPS, is, COLOR_ACCENT, COLOR_BG);
        y += ui_content_text(ui, tx, y, tw, p->name, ui->s_body | UI_STYLE_BOLD, COLOR_TEXT,
                             COLOR_BG);
        if (*p->description)
            y += ui_content_paragraph(ui, tx, y, tw, p->description);
        y += ui->gap;
        ui_rect(ui, tx, y - ui->gap / 2, tw, 1, COLOR_DIVIDER);
    }
    return y + ui->pad + ui_links(ui, x, y + ui->pad, w);
}
