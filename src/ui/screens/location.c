/* location.c - the address, the municipal community, and a QR code for directions
 * beside the address when the width allows, else below it */
#include "ui/ui_private.h"

UI_SCREEN_LAYOUT(screen_location)
{
    const Content *c = ui_content(ui, ui->lang);
    const Content *el = ui_content(ui, LANG_EL);
    const char *addr = *c->postal_code
        ? ui_printf(ui, "%s\n%s %s", c->address, c->postal_code, c->city)
        : ui_printf(ui, "%s\n%s", c->address, c->city);
    char dir[1024];
    int qw = 0;
    /* maps search works best with the address as written locally */
    int ok = qr_payload_directions(el->address, el->city, el->country, el->has_coords,
                                   el->latitude, el->longitude, dir, sizeof dir);
    QrCard card = { ICON_DIRECTIONS, STR_DIRECTIONS, "", STR_SCAN_DIRECTIONS,
                    ui_printf(ui, "%s", dir) };
    if (ok > 0)
        qw = ui_qr_side(ui, dir, ui_qr_min(ui)) + 2 * ui->pad;
    int min_card = (int)(20.0f * ui->u);
    if (qw && qw < min_card)
        qw = min_card;
    bool side = qw > 0 && w - qw - ui->pad >= (int)(20 * ui->u) && !ui->large_text;
    int tw = side ? w - qw - ui->pad : w;
    int ty = y;
    int lh = ui_line_height(ui, ui->s_h2 | UI_STYLE_BOLD);
    ui_icon(ui, x, ty, ui->s_icon, lh, ICON_PLACE, ui->s_icon, COLOR_ACCENT, COLOR_BG);
    const char *parts[] = { c->address, c->postal_code, c->city };
    ty += ui_content_text_in(ui, x + ui->s_icon + ui->gap, ty, tw - ui->s_icon - ui->gap, addr,
                             ui_texts_lang(ui, parts, 3), ui->s_h2 | UI_STYLE_BOLD, COLOR_TEXT,
                             COLOR_BG) + ui->pad;
    ty += ui_field(ui, x, ty, tw, STR_COMMUNITY, c->community);
    int qy = side ? y : ty;
    int qh = ok > 0 ? ui_qr_cards(ui, side ? x + w - qw : x, qy, side ? qw : w, &card, 1) : 0;
    y = side ? (ty > y + qh ? ty : y + qh) : ty + qh;
    return y + ui->gap + ui_links(ui, x, y + ui->gap, w);
}
