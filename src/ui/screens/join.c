/* join.c - how to join or take part, and whom to ask */
#include "ui/ui_private.h"

UI_SCREEN_LAYOUT(screen_join)
{
    const Content *c = ui_content(ui, ui->lang);
    y += ui_content_paragraph(ui, x, y, w, c->application_process) + ui->pad;
    y += ui_contact_cards(ui, x, y, w, false);
    return y + ui->gap + ui_links(ui, x, y + ui->gap, w);
}
