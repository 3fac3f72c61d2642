/* about.c - what the centre is: its description, its parent body, whom it serves */
#include "ui/ui_private.h"

UI_SCREEN_LAYOUT(screen_about)
{
    const Content *c = ui_content(ui, ui->lang);
    y += ui_content_text(ui, x, y, w, c->org_name, ui->s_h2 | UI_STYLE_BOLD, COLOR_TEXT,
                         COLOR_BG) + ui->gap;
    y += ui_content_paragraph(ui, x, y, w, c->org_description) + ui->pad;
    const char *parent = *c->department ? ui_printf(ui, "%s\n%s", c->parent_name, c->department)
                                        : c->parent_name;
    const char *parts[] = { c->parent_name, c->department };
    y += ui_field_in(ui, x, y, w, STR_PARENT_BODY, parent, ui_texts_lang(ui, parts, 2));
    y += ui_field(ui, x, y, w, STR_AUDIENCE, c->audience);
    y += ui_field(ui, x, y, w, STR_CATEGORY, c->category);
    return y + ui->gap + ui_links(ui, x, y + ui->gap, w);
}
