/* qrcard.c - QR codes and the cards around them: an icon and a label, the value a
 * visitor could also type, the code, and what scanning it does. A payload is encoded
 * once and its matrix kept while layouts still use it (UI_MAX_QR of them). */
#include "ui/ui_private.h"
#include <stdlib.h>
#include <string.h>

/* the matrix of payload, encoded once and kept while layouts use it; NULL when it
 * cannot be encoded, or (counted) when the cache is full of codes in use */
static const QrMatrix *ui_qr_matrix(Ui *ui, const char *payload)
{
    int free_slot = -1;
    for (int i = 0; i < UI_MAX_QR; i++) {
        if (ui->qr[i].m && strcmp(ui->qr[i].payload, payload) == 0) {
            ui->qr[i].used = true;
            return ui->qr[i].m;
        }
        if (free_slot < 0 && (!ui->qr[i].m || !ui->qr[i].used))
            free_slot = i;
    }
    if (free_slot < 0) {
        ui->list.overflows++;
        return NULL;
    }
    QrMatrix *m = qr_encode(payload);
    char *copy = m ? strdup(payload) : NULL;
    if (!copy) {
        qr_free(m);
        return NULL;
    }
    qr_free(ui->qr[free_slot].m);
    free(ui->qr[free_slot].payload);
    ui->qr[free_slot].payload = copy, ui->qr[free_slot].m = m, ui->qr[free_slot].used = true;
    return m;
}

void ui_qr_free(Ui *ui)
{
    for (int i = 0; i < UI_MAX_QR; i++) {
        qr_free(ui->qr[i].m);
        free(ui->qr[i].payload);
        ui->qr[i].m = NULL, ui->qr[i].payload = NULL;
    }
}

/* pixels a module of q so that the code, quiet zone included, is at least min_px */
static int ui_qr_module(const QrMatrix *q, int min_px)
{
    int modules = q->width + 8;
    int module = (min_px + modules - 1) / modules;
    return module < 2 ? 2 : module;
}

/* a QR code of payload at (x, y) whose side is at least min_px */
static void ui_qr(Ui *ui, int x, int y, const char *payload, int min_px)
{
    const QrMatrix *q = ui_qr_matrix(ui, payload);
    if (!q)
        return;
    UiCmd *c = ui_push(ui, UI_QR);
    c->module = ui_qr_module(q, min_px);
    c->w = c->h = (q->width + 8) * c->module;
    c->x = ui_mirror_x(ui, x, c->w), c->y = y;
    c->qr = q;
    c->color = ui_color(ui, COLOR_QR_DARK), c->bg = ui_color(ui, COLOR_QR_LIGHT);
}

int ui_qr_min(const Ui *ui)
{
    int px = ui_mm(ui, 30.0), big = (int)(8.0f * ui->u);
    return px > big ? px : big;
}

int ui_qr_side(Ui *ui, const char *payload, int min_px)
{
    const QrMatrix *q = ui_qr_matrix(ui, payload);
    return q ? (q->width + 8) * ui_qr_module(q, min_px) : 0;
}

/* one card at (cx, cy), card_w wide, its code side px a side; returns its height. It
 * measures first, to draw the card's background behind what it holds. */
static int ui_qr_card(Ui *ui, int cx, int cy, int card_w, int side, int min_px,
                      const QrCard *card)
{
    int inner = card_w - 2 * ui->pad;
    const char *label = i18n_str(ui->lang, card->label);
    const char *caption = i18n_str(ui->lang, card->caption);
    int ls = ui->s_body | UI_STYLE_BOLD;
    int lh = ui_line_height(ui, ls);
    int label_lines = ui_count_lines(ui, label, inner - ui->s_icon - ui->gap, ls);
    int label_h = (label_lines > 0 ? label_lines : 1) * lh;
    if (label_h < ui->s_icon)
        label_h = ui->s_icon;
    int small_lh = ui_line_height(ui, ui->s_small), value_h = 0;
    if (card->value && *card->value)
        value_h = ui_count_lines(ui, card->value, inner, ui->s_small) * small_lh + ui->gap / 2;
    int cap_h = ui_count_lines(ui, caption, inner, ui->s_small) * small_lh;
    int h = ui->pad + label_h + ui->gap / 2 + value_h + side + ui->gap / 2 + cap_h + ui->pad;
    ui_rect(ui, cx, cy, card_w, h, COLOR_TILE_BG);
    int y = cy + ui->pad;
    ui_icon(ui, cx + ui->pad, y, ui->s_icon, lh, card->icon, ui->s_icon, COLOR_ACCENT,
            COLOR_TILE_BG);
    ui_text(ui, cx + ui->pad + ui->s_icon + ui->gap, y, inner - ui->s_icon - ui->gap, label,
            ls, COLOR_TILE_TEXT, COLOR_TILE_BG, ALIGN_LEFT, 0);
    y += label_h + ui->gap / 2;
    if (value_h) {
        ui_text(ui, cx + ui->pad, y, inner, card->value, ui->s_small, COLOR_TEXT, COLOR_TILE_BG,
                ALIGN_CENTER, 0);
        y += value_h;
    }
    ui_qr(ui, cx + (card_w - side) / 2, y, card->payload, min_px);
    y += side + ui->gap / 2;
    ui_text(ui, cx + ui->pad, y, inner, caption, ui->s_small, COLOR_MUTED, COLOR_TILE_BG,
            ALIGN_CENTER, 0);
    return h;
}

int ui_qr_cards(Ui *ui, int x, int y, int w, const QrCard *cards, int n)
{
    int min_px = ui_qr_min(ui);
    int side = 0;
    for (int i = 0; i < n; i++) {
        int s = ui_qr_side(ui, cards[i].payload, min_px);
        if (s > side)
            side = s;
    }
    if (side == 0)
        return 0;
    int card_w = side + 2 * ui->pad;
    int min_card = (int)(18.0f * ui->u);    /* room for a label of two words a line */
    if (card_w < min_card)
        card_w = min_card;
    int cols = ui->large_text ? 1 : (w + ui->gap) / (card_w + ui->gap);
    if (cols < 1)
        cols = 1;
    if (cols > n)
        cols = n;
    card_w = (w - (cols - 1) * ui->gap) / cols;
    int used = 0, row_h = 0;
    for (int i = 0; i < n; i++) {
        int col = i % cols;
        if (col == 0 && i > 0) {
            used += row_h + ui->gap;
            row_h = 0;
        }
        int h = ui_qr_card(ui, x + col * (card_w + ui->gap), y + used, card_w, side, min_px,
                           &cards[i]);
        if (h > row_h)
            row_h = h;
    }
    return used + row_h + ui->gap;
}

int ui_contact_cards(Ui *ui, int x, int y, int w, bool vcard)
{
    const Content *c = ui_content(ui, ui->lang);
    QrCard cards[4];
    int n = 0;
    char tel[64], mail[320], url[512], card[2048];
    if (qr_payload_tel(c->phone, tel, sizeof tel) > 0)
        cards[n++] = (QrCard){ ICON_CALL, STR_PHONE, c->phone, STR_SCAN_CALL,
                               ui_printf(ui, "%s", tel) };
    if (qr_payload_mailto(c->email, mail, sizeof mail) > 0)
        cards[n++] = (QrCard){ ICON_EMAIL, STR_EMAIL, c->email, STR_SCAN_EMAIL,
                               ui_printf(ui, "%s", mail) };
    if (qr_payload_url(c->website, url, sizeof url) > 0)
        cards[n++] = (QrCard){ ICON_PUBLIC, STR_WEBSITE, c->website, STR_SCAN_WEBSITE,
                               ui_printf(ui, "%s", url) };
    if (vcard) {
        QrContact qc = { c->org_name, c->parent_name, c->phone, c->email, c->website,
                         c->address, c->city, c->postal_code, c->country };
        if (qr_payload_vcard(&qc, card, sizeof card) > 0)
            cards[n++] = (QrCard){ ICON_CONTACT, STR_SAVE_CONTACT, "", STR_SCAN_SAVE,
                                   ui_printf(ui, "%s", card) };
    }
    return ui_qr_cards(ui, x, y, w, cards, n);
}
