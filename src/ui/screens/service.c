/* service.c - one service of the directory, with what a person needs to go there: a
 * status that is not active or an alert first and plainly; the name and organisation;
 * open now by its own hours; description, who it is for, how to apply, documents to
 * bring, cost, languages; the week's hours; the address; QR codes that carry the text
 * itself (tel:, mailto:, the website, a map link, a vCard) so they work without
 * mobile data; the date the data was last checked. Read when shown (ui->dir.service). */
#include "ui/ui_private.h"
#include <stdio.h>
#include <string.h>

/* reads the card and its hours when another service or language is asked */
static void card_refresh(Ui *ui)
{
    UiDirectory *d = &ui->dir;
    if (!d->db || (!d->card_stale && strcmp(d->card.id, d->service) == 0 && d->card_lang == ui->lang))
        return;
    if (db_directory_card(d->db, d->service, ui->lang, &d->card) != 0 ||
        db_directory_load_hours(d->db, d->service, &d->hours) != 0) {
        memset(&d->card, 0, sizeof d->card);
        memset(&d->hours, 0, sizeof d->hours);
    }
    d->card_lang = ui->lang;
    d->card_stale = false;
}

/* a box in the closed colour's tint with a warning icon and text, shown first */
static int card_alert(Ui *ui, int x, int y, int w, const char *text)
{
    int is = ui->s_icon, inner = w - is - 3 * ui->gap;
    int th = ui_count_lines(ui, text, inner, ui->s_body | UI_STYLE_BOLD) *
             ui_line_height(ui, ui->s_body | UI_STYLE_BOLD);
    int h = th + 2 * ui->gap;
    ui_rect(ui, x, y, w, h, COLOR_TILE_BG);
    ui_rect(ui, x, y, 4, h, COLOR_CLOSED);
    ui_icon(ui, x + ui->gap, y, is, h, ICON_WARNING, is, COLOR_CLOSED, COLOR_TILE_BG);
    ui_text(ui, x + is + 2 * ui->gap, y + ui->gap, inner, text, ui->s_body | UI_STYLE_BOLD,
            COLOR_TILE_TEXT, COLOR_TILE_BG, ALIGN_LEFT, 0);
    return h + ui->gap;
}

/* the next seven days, one line each: "Tuesday  09:00-17:00" or why it is closed */
static int card_week(Ui *ui, int x, int y, int w)
{
    UiDirectory *d = &ui->dir;
    if (d->hours.n_periods == 0)
        return 0;
    int top = y;
    y += ui_text(ui, x, y, w, i18n_str(ui->lang, STR_DIR_HOURS), ui->s_small | UI_STYLE_BOLD,
                 COLOR_MUTED, COLOR_BG, ALIGN_LEFT, 0);
    struct tm tm;
    localtime_r(&ui->now, &tm);
    int dw = w / 3;
    for (int i = 0; i < 7; i++) {
        struct tm t = tm;
        t.tm_mday += i;
        t.tm_hour = 12;
        mktime(&t);
        HoursDay day;
        if (hours_day(&d->hours, t.tm_year + 1900, t.tm_mon + 1, t.tm_mday, &day) != 0)
            continue;
        char spans[160] = "";
        size_t len = 0;
        for (int k = 0; k < day.n_spans && len < sizeof spans - 16; k++)
            len += (size_t)snprintf(spans + len, sizeof spans - len, "%s%02d:%02d-%02d:%02d",
                                    k ? ", " : "", day.spans[k].opens_min / 60,
                                    day.spans[k].opens_min % 60, day.spans[k].closes_min / 60,
                                    day.spans[k].closes_min % 60);
        if (!day.n_spans)
            snprintf(spans, sizeof spans, "%s%s%s", i18n_str(ui->lang, STR_CLOSED),
                     day.name[ui->lang][0] ? " · " : "", day.name[ui->lang]);
        int style = ui->s_body | (i == 0 ? UI_STYLE_BOLD : 0);
        const char *wd = i18n_weekday(ui->lang, (t.tm_wday + 6) % 7);
        int lh = ui_line(ui, x, y, dw, wd, strlen(wd), style, COLOR_TEXT, COLOR_BG, ALIGN_LEFT);
        int h = ui_text(ui, x + dw, y, w - dw, ui_printf(ui, "%s", spans), style,
                        day.n_spans ? COLOR_TEXT : COLOR_MUTED, COLOR_BG, ALIGN_LEFT, 0);
        y += h > lh ? h : lh;
    }
    return y - top + ui->gap;
}

/* the QR cards: phone, email, website, directions, the contact card */
static int card_codes(Ui *ui, int x, int y, int w)
{
    const DirCard *c = &ui->dir.card;
    QrCard cards[5];
    int n = 0;
    char tel[64], mail[320], url[512], map[768], vcard[2048];
    if (qr_payload_tel(c->phone, tel, sizeof tel) > 0)
        cards[n++] = (QrCard){ ICON_CALL, STR_PHONE, c->phone, STR_SCAN_CALL,
                               ui_printf(ui, "%s", tel) };
    if (c->email[0] && qr_payload_mailto(c->email, mail, sizeof mail) > 0)
        cards[n++] = (QrCard){ ICON_EMAIL, STR_EMAIL, c->email, STR_SCAN_EMAIL,
                               ui_printf(ui, "%s", mail) };
    if (qr_payload_url(c->website, url, sizeof url) > 0) {
        /* shown without "https://" (the code carries it): a narrow card keeps it whole */
        const char *shown = strstr(c->website, "://") ? strstr(c->website, "://") + 3 : c->website;
        cards[n++] = (QrCard){ ICON_PUBLIC, STR_WEBSITE, shown, STR_SCAN_WEBSITE,
                               ui_printf(ui, "%s", url) };
    }
    if ((c->has_coords || c->address[0]) &&
        qr_payload_directions(c->address, c->city, c->country, c->has_coords, c->latitude,
                              c->longitude, map, sizeof map) > 0)
        cards[n++] = (QrCard){ ICON_DIRECTIONS, STR_DIRECTIONS, "", STR_SCAN_DIRECTIONS,
                               ui_printf(ui, "%s", map) };
    QrContact qc = { c->name, c->org, c->phone, c->email, c->website, c->address, c->city,
                     c->postal_code, c->country };
    if (qr_payload_vcard(&qc, vcard, sizeof vcard) > 0)
        cards[n++] = (QrCard){ ICON_CONTACT, STR_SAVE_CONTACT, "", STR_SCAN_SAVE,
                               ui_printf(ui, "%s", vcard) };
    return ui_qr_cards(ui, x, y, w, cards, n);
}

UI_SCREEN_LAYOUT(screen_service)
{
    card_refresh(ui);
    const DirCard *c = &ui->dir.card;
    if (!c->id[0])
        return y + ui_paragraph(ui, x, y, w, i18n_str(ui->lang, STR_DIR_NO_RESULTS));
    if (!c->active)
        y += card_alert(ui, x, y, w, ui_printf(ui, "%s (%s)", i18n_str(ui->lang, STR_DIR_NOT_ACTIVE),
                                               c->status));
    if (c->alert[0])
        y += card_alert(ui, x, y, w, c->alert);
    y += ui_text(ui, x, y, w, c->name, ui->s_h2 | UI_STYLE_BOLD, COLOR_TEXT, COLOR_BG,
                 ALIGN_LEFT, 0);
    if (c->org[0])
        y += ui_text(ui, x, y, w, c->org, ui->s_body, COLOR_MUTED, COLOR_BG, ALIGN_LEFT, 0);
    y += ui->gap;
    ThemeColor ink;
    HoursStatus st;
    hours_status_at(&ui->dir.hours, ui->now, &st);
    const char *badge = ui_dir_badge(ui, &st, ui->dir.hours.n_periods > 0, &ink);
    if (badge) {
        int is = ui->s_body * 5 / 4, lh = ui_line_height(ui, ui->s_body | UI_STYLE_BOLD);
        ui_icon(ui, x, y, is, lh, ICON_SCHEDULE, is, ink, COLOR_BG);
        y += ui_text(ui, x + is + ui->gap, y, w - is - ui->gap, badge, ui->s_body | UI_STYLE_BOLD,
                     ink, COLOR_BG, ALIGN_LEFT, 0) + ui->gap;
    }
    /* the texts side by side with the codes when wide, else the codes follow */
    bool wide = w >= 90 * ui->u;
    int tw = wide ? w * 3 / 5 - ui->pad : w, top = y;
    if (c->description[0])
        y += ui_paragraph(ui, x, y, tw, c->description) + ui->gap;
    const char *who = c->eligibility;
    if (c->min_age > 0 || c->max_age > 0) {
        char ages[96];
        i18n_format(ui->lang, ages, sizeof ages, STR_DIR_AGES, c->min_age,
                    c->max_age > 0 ? c->max_age : 120);
        who = ui_printf(ui, "%s%s%s", c->eligibility, c->eligibility[0] ? "\n" : "", ages);
    }
    y += ui_field(ui, x, y, tw, STR_DIR_ELIGIBILITY, who);
    y += ui_field(ui, x, y, tw, STR_DIR_APPLY, c->application);
    y += ui_field(ui, x, y, tw, STR_DIR_DOCUMENTS, c->documents);
    y += ui_field(ui, x, y, tw, STR_DIR_COST,
                  c->cost[0] ? c->cost : c->free ? i18n_str(ui->lang, STR_DIR_FREE) : "");
    y += ui_field(ui, x, y, tw, STR_LANGUAGES, c->languages);
    y += card_week(ui, x, y, tw);
    const char *where = ui_printf(ui, "%s%s%s%s%s", c->address,
                                  c->address[0] && (c->postal_code[0] || c->city[0]) ? ", " : "",
                                  c->postal_code, c->postal_code[0] && c->city[0] ? " " : "",
                                  c->city);
    y += ui_field(ui, x, y, tw, STR_ADDRESS, where);
    if (c->last_checked[0]) {
        int yy, mm, dd;
        char date[64];
        if (sscanf(c->last_checked, "%4d-%2d-%2d", &yy, &mm, &dd) == 3) {
            char line[160];
            i18n_format_date(ui->lang, yy, mm, dd, date, sizeof date);
            i18n_format(ui->lang, line, sizeof line, STR_DIR_CHECKED, date);
            y += ui_text(ui, x, y, tw, ui_printf(ui, "%s", line),
                         ui->s_small, COLOR_MUTED, COLOR_BG, ALIGN_LEFT, 0) + ui->gap;
        }
    }
    if (wide) {
        int cy = top + card_codes(ui, x + tw + 2 * ui->pad, top, w - tw - 2 * ui->pad);
        return cy > y ? cy : y;
    }
    return y + card_codes(ui, x, y, w);
}
