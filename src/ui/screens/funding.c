/* funding.c - who funds and supports the centre */
#include "ui/ui_private.h"

UI_SCREEN_LAYOUT(screen_funding)
{
    const Content *c = ui->content[ui->lang];
    y += ui_text(ui, x, y, w, c->funding, ui->s_body, COLOR_TEXT, COLOR_BG, ALIGN_LEFT, 0) +
         ui->pad;
    y += ui_field(ui, x, y, w, STR_PARENT_BODY, c->parent_name);
    return y + ui->gap + ui_links(ui, x, y + ui->gap, w);
}
