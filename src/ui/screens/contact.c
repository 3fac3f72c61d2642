/* contact.c - phone, email, website and the saved contact, each with its QR code */
#include "ui/ui_private.h"

UI_SCREEN_LAYOUT(screen_contact)
{
    const Content *c = ui_content(ui, ui->lang);
    y += ui_contact_cards(ui, x, y, w, true);
    if (!*c->email)     /* say so calmly rather than leave visitors looking for it */
        y += ui_text(ui, x, y, w, i18n_str(ui->lang, STR_NO_EMAIL), ui->s_small, COLOR_MUTED,
                     COLOR_BG, ALIGN_LEFT, 0) + ui->gap;
    return y + ui->gap + ui_links(ui, x, y + ui->gap, w);
}
