/* dialog.c - what covers a screen: a dialog (the USB update's progress and questions,
 * the staff PIN with its pad) over the dimmed layout, and night mode, which replaces
 * the screen with a dim clock until a touch. */
#include "ui/ui_private.h"
#include <stdio.h>
#include <string.h>

/* clears a secret so it does not linger in memory */
static void ui_wipe(char *p, size_t n)
{
    volatile char *v = p;
    while (n--)
        *v++ = 0;
}

void ui_dialog(Ui *ui, UiDialogKind kind, const char *title, const char *text, int countdown)
{
    UiDialogState *d = &ui->dialog;
    snprintf(d->title, sizeof d->title, "%s", title ? title : "");
    snprintf(d->text, sizeof d->text, "%s", text ? text : "");
    if (kind != d->kind)
        d->pin[0] = '\0';
    d->kind = kind;
    d->countdown = countdown;
    ui->in.pressing = ui->in.dragging = false;
    ui_invalidate(ui);
}

UiDialogKind ui_dialog_kind(const Ui *ui) { return ui->dialog.kind; }

UiAction ui_take_action(Ui *ui, char *pin, size_t n)
{
    UiAction a = ui->action;
    ui->action = UI_ACTION_NONE;
    if (a == UI_ACTION_PIN && pin && n) {
        snprintf(pin, n, "%s", ui->dialog.pin);
        ui_wipe(ui->dialog.pin, sizeof ui->dialog.pin);
    }
    return a;
}

void ui_pin_key(Ui *ui, int key)
{
    char *pin = ui->dialog.pin;
    size_t len = strlen(pin);
    if (key == 9 && len > 0)
        pin[len - 1] = '\0';
    else if (key == 11)
        ui->action = UI_ACTION_PIN;
    else if (key != 9 && len < 16) {
        pin[len] = key == 10 ? '0' : (char)('1' + key);
        pin[len + 1] = '\0';
    }
    ui_invalidate(ui);
}

/* a button in a dialog: a filled box with a centred label or icon */
static void ui_dialog_button(Ui *ui, int x, int y, int w, int h, const char *label,
                             bool primary, UiButtonKind kind, int target)
{
    ThemeColor bg = primary ? COLOR_HEADER_BG : COLOR_BG;
    ThemeColor ink = primary ? COLOR_HEADER_TEXT : COLOR_TILE_TEXT;
    ui_rect(ui, x, y, w, h, primary ? COLOR_HEADER_BG : COLOR_ACCENT);
    if (!primary)
        ui_rect(ui, x + 2, y + 2, w - 4, h - 4, COLOR_BG);
    int style = ui->s_body | UI_STYLE_BOLD, lh = ui_line_height(ui, style);
    bool icon = label[0] == '\xee';
    int in = ui->gap < w / 8 ? ui->gap : w / 8;    /* small keys keep room for a digit */
    if (icon)
        ui_icon(ui, x, y, w, h, label, ui->s_icon, ink, bg);
    else
        ui_text(ui, x + in, y + (h - lh) / 2, w - 2 * in, label, style, ink, bg,
                ALIGN_CENTER, 1);
    ui_button(ui, x, y, w, h, kind, target);
}

/* the side of a PIN key: a third of the panel, as the height left for the panel's
 * other h pixels allows, between one and two touch targets */
static int ui_pin_key_side(const Ui *ui, int inner, int h)
{
    int key = (inner - 2 * ui->gap) / 3;
    int max_key = (ui->h - h - 6 * ui->pad) / 5 - ui->gap;
    if (key > max_key)
        key = max_key;
    if (key > 2 * ui->target)
        key = 2 * ui->target;
    if (key < ui->target)
        key = ui->target;
    return key;
}

/* the PIN pad from y: the digits typed so far as dots, then the keys, key px a side */
static void ui_pin_pad(Ui *ui, int x, int y, int inner, int bh, int key)
{
    char dots[3 * 24 + 1] = "";
    size_t len = strlen(ui->dialog.pin);
    for (size_t i = 0; i < len; i++)
        strcat(dots, "\xe2\x97\x8f");  /* U+25CF */
    ui_rect(ui, x, y, inner, bh, COLOR_TILE_BG);
    if (len)
        ui_line(ui, x, y + (bh - ui_line_height(ui, ui->s_h2)) / 2, inner,
                ui_printf(ui, "%s", dots), strlen(dots), ui->s_h2, COLOR_TEXT, COLOR_TILE_BG,
                ALIGN_CENTER);
    y += bh + ui->gap;
    static const char *const keys[12] = { "1", "2", "3", "4", "5", "6", "7", "8", "9",
                                          ICON_BACKSPACE, "0", ICON_CHECK };
    int kx = x + (inner - 3 * key - 2 * ui->gap) / 2;
    for (int i = 0; i < 12; i++) {
        int cx = kx + (i % 3) * (key + ui->gap), cy = y + (i / 3) * (key + ui->gap);
        ui_dialog_button(ui, cx, cy, key, key, keys[i], i == 11, BTN_KEY, i);
    }
}

/* the buttons under the text from y: Cancel and Apply now under the countdown, OK, or
 * the PIN pad */
static void ui_dialog_buttons(Ui *ui, int x, int y, int inner, int bh, int key)
{
    int half = (inner - ui->gap) / 2;
    y += ui->gap;
    switch (ui->dialog.kind) {
    case UI_DIALOG_CONFIRM: {
        char line[96];
        snprintf(line, sizeof line, i18n_str(ui->lang, STR_APPLIES_IN), ui->dialog.countdown);
        y += ui_text(ui, x, y, inner, ui_printf(ui, "%s", line), ui->s_body | UI_STYLE_BOLD,
                     COLOR_ACCENT, COLOR_BG, ALIGN_LEFT, 0) + ui->gap;
        ui_dialog_button(ui, x, y, half, bh, i18n_str(ui->lang, STR_CANCEL), false, BTN_ACTION,
                         UI_ACTION_CANCEL);
        ui_dialog_button(ui, x + half + ui->gap, y, half, bh, i18n_str(ui->lang, STR_APPLY_NOW),
                         true, BTN_ACTION, UI_ACTION_CONFIRM);
        break;
    }
    case UI_DIALOG_MESSAGE:
        ui_dialog_button(ui, x + inner - half, y, half, bh, i18n_str(ui->lang, STR_OK), true,
                         BTN_ACTION, UI_ACTION_CANCEL);
        break;
    case UI_DIALOG_PIN:
        ui_pin_pad(ui, x, y, inner, bh, key);
        break;
    default:
        break;
    }
}

void ui_layout_dialog(Ui *ui)
{
    const UiDialogState *d = &ui->dialog;
    int w = ui->w * 9 / 10, max_w = (int)(60 * ui->u);
    if (w > max_w)
        w = max_w;
    int inner = w - 2 * ui->pad, x = (ui->w - w) / 2 + ui->pad;
    int ts = ui->s_h2 | UI_STYLE_BOLD;
    int bh = ui->target + ui->gap;
    /* measure, then place the panel in the middle */
    int h = ui->pad + ui_count_lines(ui, d->title, inner - ui->s_icon - ui->gap, ts) *
                          ui_line_height(ui, ts) + ui->gap;
    h += ui_count_lines(ui, d->text, inner, ui->s_body) * ui_line_height(ui, ui->s_body);
    int key = 0;
    if (d->kind == UI_DIALOG_PIN) {
        key = ui_pin_key_side(ui, inner, h);
        h += ui->gap + bh + 4 * (key + ui->gap);
    } else if (d->kind == UI_DIALOG_CONFIRM)
        h += ui->gap + ui_line_height(ui, ui->s_body | UI_STYLE_BOLD) + ui->gap + bh;
    else if (d->kind == UI_DIALOG_MESSAGE)
        h += ui->gap + bh;
    h += ui->pad;
    int y = (ui->h - h) / 2;
    if (y < 0)
        y = 0;
    ui_rect(ui, x - ui->pad - 3, y - 3, w + 6, h + 6, COLOR_ACCENT);
    ui_rect(ui, x - ui->pad, y, w, h, COLOR_BG);
    y += ui->pad;
    int lh = ui_line_height(ui, ts);
    ui_icon(ui, x, y, ui->s_icon, lh, d->kind == UI_DIALOG_PIN ? ICON_CONTACT : ICON_USB,
            ui->s_icon, COLOR_ACCENT, COLOR_BG);
    y += ui_text(ui, x + ui->s_icon + ui->gap, y, inner - ui->s_icon - ui->gap, d->title, ts,
                 COLOR_TEXT, COLOR_BG, ALIGN_LEFT, 0) + ui->gap;
    y += ui_paragraph(ui, x, y, inner, d->text);
    ui_dialog_buttons(ui, x, y, inner, bh, key);
}

void ui_set_night(Ui *ui, bool night)
{
    if (night != ui->night)
        ui_invalidate(ui);
    ui->night = night;
}

bool ui_night(const Ui *ui) { return ui->night; }

void ui_layout_night(Ui *ui)
{
    ui_rect(ui, 0, 0, ui->w, ui->h, COLOR_NIGHT_BG);
    struct tm tm;
    localtime_r(&ui->now, &tm);
    const char *clock = ui_printf(ui, "%02d:%02d", tm.tm_hour, tm.tm_min);
    int cs = (int)(6.0f * ui->u) | UI_STYLE_BOLD;
    int w = ui->w - 2 * ui->pad;
    int y = ui->h / 5;
    y += ui_line(ui, ui->pad, y, w, clock, strlen(clock), cs, COLOR_NIGHT_TEXT, COLOR_NIGHT_BG,
                 ALIGN_CENTER) + ui->pad;
    for (int l = 0; l < LANG_COUNT; l++) {
        char date[128], line[320] = "";
        i18n_format_long_date((Lang)l, tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                              (tm.tm_wday + 6) % 7, date, sizeof date);
        if (ui->hours) {
            HoursStatus st;
            hours_status_at(ui->hours, ui->now, &st);
            hours_format_status(&st, ui->now, (Lang)l, line, sizeof line);
        }
        const char *t = ui_printf(ui, "%s\n%s", date, line);
        y += ui_text(ui, ui->pad, y, w, t, ui->s_body, COLOR_NIGHT_TEXT, COLOR_NIGHT_BG,
                     ALIGN_CENTER, 0) + ui->pad;
    }
    const char *wake = ui_printf(ui, "%s · %s", i18n_str(LANG_EL, STR_TAP_TO_WAKE),
                                 i18n_str(LANG_EN, STR_TAP_TO_WAKE));
    ui_text(ui, ui->pad, y + ui->pad, w, wake, ui->s_small, COLOR_NIGHT_TEXT, COLOR_NIGHT_BG,
            ALIGN_CENTER, 0);
    ui->body_x = 0, ui->body_y = 0, ui->body_w = ui->w, ui->body_h = ui->h, ui->content_h = 0;
}
