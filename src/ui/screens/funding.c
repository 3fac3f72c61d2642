/* funding.c - who funds and supports the centre */
#include "ui/ui_private.h"

UI_SCREEN_LAYOUT(screen_funding)
{
    const Content *c = ui_content(ui, ui->lang);
    y += ui_content_paragraph(ui, x, y, w, c->funding) + ui->pad;
    y += ui_field(ui, x, y, w, STR_PARENT_BODY, c->parent_name);
    return y + ui->gap + ui_links(ui, x, y + ui->gap, w);
}
