/* ui.c - the screens. ui_commands lays the current screen out once (when the screen,
 * language, size, content or minute changed) into a list of draw commands in body
 * coordinates; scrolling only moves the body's commands, so a scrolling frame costs no
 * layout. Sizes derive from one unit, a 44th of the window's shorter side, and from the
 * display's DPI for the things that must have a physical size (touch targets, QR codes).
 * Sections: sizes, the draw list, widgets, screens, input. */
#include "ui/ui.h"
#include <assert.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/text.h"
#include "ui/theme.h"

#define UI_MAX_CMDS    2048
#define UI_MAX_BUTTONS 48
#define UI_MAX_QR      8
#define UI_ARENA       (64 * 1024)
#define UI_MAX_LINES   256
#define UI_HISTORY     8

/* Material Icons code points, as UTF-8 */
#define ICON_INFO      "\xee\xa2\x8e" /* e88e info */
#define ICON_GROUPS    "\xef\x88\xb3" /* f233 groups */
#define ICON_SCHEDULE  "\xee\xa2\xb5" /* e8b5 schedule */
#define ICON_CALL      "\xee\x82\xb0" /* e0b0 call */
#define ICON_PLACE     "\xee\x95\x9f" /* e55f place */
#define ICON_HANDSHAKE "\xee\xaf\x8b" /* ebcb handshake */
#define ICON_BALANCE   "\xee\xa1\x8f" /* e84f account_balance */
#define ICON_BACK      "\xee\x97\x84" /* e5c4 arrow_back */
#define ICON_HOME      "\xee\xa2\x8a" /* e88a home */
#define ICON_EMAIL     "\xee\x82\xbe" /* e0be email */
#define ICON_PUBLIC    "\xee\xa0\x8b" /* e80b public */
#define ICON_CONTACT   "\xee\x83\x8f" /* e0cf contact_phone */
#define ICON_DIRECTIONS "\xee\x94\xae" /* e52e directions */
#define ICON_EVENT     "\xee\xa1\xb8" /* e878 event */
#define ICON_TRANSLATE "\xee\xa3\xa2" /* e8e2 translate */
#define ICON_USB       "\xee\x87\xa0" /* e1e0 usb */
#define ICON_BACKSPACE "\xee\x85\x8a" /* e14a backspace */
#define ICON_CHECK     "\xee\x97\x8a" /* e5ca check */

typedef enum { BTN_SCREEN, BTN_LANG, BTN_BACK, BTN_ACTION, BTN_KEY } UiButtonKind;

typedef struct UiButton {
    int x, y, w, h;
    UiButtonKind kind;
    int target;                 /* a UiScreen, or a Lang for BTN_LANG */
    bool scrolls;
} UiButton;

/* the home tiles, in order; to add a screen, add its tile here */
static const struct { UiScreen screen; StrId label; const char *icon; } tiles[] = {
    { SCREEN_ABOUT, STR_ABOUT, ICON_INFO },
    { SCREEN_HOURS, STR_HOURS, ICON_SCHEDULE },
    { SCREEN_CONTACT, STR_CONTACT, ICON_CALL },
    { SCREEN_LOCATION, STR_LOCATION, ICON_PLACE },
    { SCREEN_COMMITTEES, STR_COMMITTEES, ICON_GROUPS },
    { SCREEN_JOIN, STR_JOIN, ICON_HANDSHAKE },
    { SCREEN_FUNDING, STR_FUNDING, ICON_BALANCE },
};

static const char *const screen_names[SCREEN_COUNT] = {
    "home", "about", "committees", "hours", "contact", "location", "join", "funding", "staff",
};

static const StrId screen_titles[SCREEN_COUNT] = {
    STR_HOME, STR_ABOUT, STR_COMMITTEES, STR_HOURS, STR_CONTACT, STR_LOCATION, STR_JOIN,
    STR_FUNDING, STR_STAFF,
};

struct Ui {
    UiMetrics m;
    int w, h;
    double dpi;
    const Content *content[LANG_COUNT];
    const HoursTable *hours;
    time_t now;
    long minute;                /* now / 60 at the last layout */
    UiScreen screen;
    Lang lang;
    bool night;
    /* the dialog over the screen, and what was decided in it */
    UiDialogKind dialog;
    char dialog_title[128], dialog_text[1024];
    int countdown;
    char pin[24];
    UiAction action;
    char staff_info[4096];
    UiScreen history[UI_HISTORY];
    int n_history;
    /* the layout */
    bool need_layout, dirty;
    UiCmd cmds[UI_MAX_CMDS];
    int n_cmds;
    UiButton buttons[UI_MAX_BUTTONS];
    int n_buttons;
    struct { char *payload; QrMatrix *m; bool used; } qr[UI_MAX_QR]; /* kept across layouts */
    char arena[UI_ARENA];
    size_t arena_used;
    int body_x, body_y, body_w, body_h, content_h;
    int thumb;                  /* the scroll bar's thumb command, or -1 */
    int dropped;                /* texts of this layout cut short by a line limit */
    int cut;                    /* words of this layout broken across lines */
    bool in_body;               /* widgets being added belong to the scrolling body */
    /* sizes for this window */
    float u;
    int pad, gap, target, s_body, s_small, s_h1, s_h2, s_tile, s_icon, s_big_icon;
    /* scrolling and the gesture in progress */
    float scroll, velocity;
    bool pressing, dragging;
    int press_x, press_y, last_y;
    uint32_t last_ms, anim_ms, press_ms;
};

/* clears a secret so it does not linger in memory */
static void ui_wipe(char *p, size_t n)
{
    volatile char *v = p;
    while (n--)
        *v++ = 0;
}

/* ---- sizes ---- */

/* pixels for mm millimetres on this display */
static int mm(const Ui *ui, double mm)
{
    return (int)ceil(mm / 25.4 * ui->dpi);
}

/* recomputes every size from the window and the DPI */
static void ui_measure_sizes(Ui *ui)
{
    int shorter = ui->w < ui->h ? ui->w : ui->h;
    ui->u = (float)shorter / 44.0f;
    ui->pad = (int)lroundf(1.6f * ui->u);
    ui->gap = (int)lroundf(1.0f * ui->u);
    ui->target = mm(ui, 9.0);
    ui->s_body = (int)lroundf(fmaxf(16.0f, 1.7f * ui->u));
    ui->s_small = (int)lroundf(fmaxf(14.0f, 1.4f * ui->u));
    ui->s_h1 = (int)lroundf(fmaxf(22.0f, 2.5f * ui->u));
    ui->s_h2 = (int)lroundf(fmaxf(18.0f, 1.95f * ui->u));
    ui->s_tile = (int)lroundf(fmaxf(16.0f, 1.75f * ui->u));
    ui->s_icon = (int)lroundf(fmaxf(22.0f, 2.4f * ui->u));
    ui->s_big_icon = (int)lroundf(fmaxf(30.0f, 3.6f * ui->u));
}

/* ---- the draw list ---- */

/* a copy of a formatted string that lives until the next layout; "" when full */
static const char *ui_printf(Ui *ui, const char *fmt, ...)
{
    size_t room = UI_ARENA - ui->arena_used;
    char *p = ui->arena + ui->arena_used;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(p, room, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= room)
        return "";
    ui->arena_used += (size_t)n + 1;
    return p;
}

/* the next free command, zeroed; the last one is reused when the list is full */
static UiCmd *ui_push(Ui *ui, UiCmdKind kind)
{
    if (ui->n_cmds == UI_MAX_CMDS)
        ui->n_cmds--;
    UiCmd *c = &ui->cmds[ui->n_cmds++];
    memset(c, 0, sizeof *c);
    c->kind = kind;
    c->scrolls = ui->in_body;
    return c;
}

static void ui_rect(Ui *ui, int x, int y, int w, int h, ThemeColor color)
{
    UiCmd *c = ui_push(ui, UI_RECT);
    c->x = x, c->y = y, c->w = w, c->h = h;
    c->color = theme_color(color);
}

static void ui_button(Ui *ui, int x, int y, int w, int h, UiButtonKind kind, int target)
{
    if (ui->n_buttons == UI_MAX_BUTTONS)
        return;
    ui->buttons[ui->n_buttons++] = (UiButton){ x, y, w, h, kind, target, ui->in_body };
}

static int ui_width(Ui *ui, const char *s, size_t len, int style)
{
    return ui->m.measure(ui->m.ctx, s, len, style);
}

static int ui_line_height(Ui *ui, int style)
{
    return ui->m.line_height(ui->m.ctx, style);
}

typedef enum { ALIGN_LEFT, ALIGN_CENTER, ALIGN_RIGHT } UiAlign;

/* one line of text at (x, y) in a box of width w; returns its height */
static int ui_line(Ui *ui, int x, int y, int w, const char *s, size_t len, int style,
                   ThemeColor ink, ThemeColor bg, UiAlign align)
{
    int full = ui_width(ui, s, len, style), tw = full;
    int lh = ui_line_height(ui, style);
    if (tw > w)
        tw = w;     /* a caller laid out too little room: the test of clipping sees it */
    UiCmd *c = ui_push(ui, UI_TEXT);
    c->x = x, c->y = y, c->w = w, c->h = lh;
    if (align == ALIGN_CENTER)
        c->x = x + (w - tw) / 2, c->w = tw;
    else if (align == ALIGN_RIGHT)
        c->x = x + w - tw, c->w = tw;
    c->text = s, c->len = (int)len, c->style = style, c->text_w = full;
    c->color = theme_color(ink), c->bg = theme_color(bg);
    return lh;
}

/* wrapped text in a box of width w from (x, y); returns the height used. At most
 * max_lines lines (0: no limit). */
static int ui_text(Ui *ui, int x, int y, int w, const char *s, int style, ThemeColor ink,
                   ThemeColor bg, UiAlign align, int max_lines)
{
    TextLine lines[UI_MAX_LINES];
    if (!s || !*s)
        return 0;
    int n = text_wrap(s, w, (TextMeasureFn)ui->m.measure, ui->m.ctx, style, lines, UI_MAX_LINES);
    if (n > UI_MAX_LINES)
        n = UI_MAX_LINES;
    if (max_lines > 0 && n > max_lines) {
        n = max_lines;
        ui->dropped++;          /* lines a visitor will not see: the tests count them */
    }
    for (int i = 0; i + 1 < n; i++) {
        char after = s[lines[i].off + lines[i].len];
        if (after != ' ' && after != '\n' && after != '\0')
            ui->cut++;          /* a word wider than the box, broken: the tests count them */
    }
    int lh = ui_line_height(ui, style), h = 0;
    for (int i = 0; i < n; i++) {
        if (lines[i].len > 0)
            ui_line(ui, x, y + h, w, s + lines[i].off, lines[i].len, style, ink, bg, align);
        h += lines[i].len > 0 ? lh : lh / 2;    /* a blank line between paragraphs */
    }
    return h;
}

/* how many lines s needs in width w */
static int ui_count_lines(Ui *ui, const char *s, int w, int style)
{
    TextLine lines[UI_MAX_LINES];
    return text_wrap(s, w, (TextMeasureFn)ui->m.measure, ui->m.ctx, style, lines, UI_MAX_LINES);
}

/* an icon glyph centred in a box */
static void ui_icon(Ui *ui, int x, int y, int w, int h, const char *icon, int size,
                    ThemeColor ink, ThemeColor bg)
{
    int style = size | UI_STYLE_ICON;
    int lh = ui_line_height(ui, style);
    ui_line(ui, x, y + (h - lh) / 2, w, icon, strlen(icon), style, ink, bg, ALIGN_CENTER);
}

/* the matrix of payload, encoded once and kept while layouts use it; NULL when it
 * cannot be encoded or the cache is full of codes in use */
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
    if (free_slot < 0)
        return NULL;
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

/* a QR code of payload whose side, quiet zone included, is at least min_px; returns
 * its side in pixels, 0 if the payload cannot be encoded */
static int ui_qr(Ui *ui, int x, int y, const char *payload, int min_px, int *side)
{
    *side = 0;
    const QrMatrix *q = ui_qr_matrix(ui, payload);
    if (!q)
        return 0;
    int modules = q->width + 8;
    int module = (min_px + modules - 1) / modules;
    if (module < 2)
        module = 2;
    UiCmd *c = ui_push(ui, UI_QR);
    c->x = x, c->y = y, c->w = c->h = modules * module;
    c->qr = q, c->module = module;
    c->color = theme_color(COLOR_QR_DARK), c->bg = theme_color(COLOR_QR_LIGHT);
    *side = c->w;
    return c->w;
}

/* a QR code's smallest side: 30 mm on this display, and larger on a large screen */
static int ui_qr_min(const Ui *ui)
{
    int px = mm(ui, 30.0), big = (int)(8.0f * ui->u);
    return px > big ? px : big;
}

/* the side a QR of payload will take, quiet zone included, for min_px */
static int ui_qr_side(Ui *ui, const char *payload, int min_px)
{
    const QrMatrix *q = ui_qr_matrix(ui, payload);
    if (!q)
        return 0;
    int modules = q->width + 8;
    int module = (min_px + modules - 1) / modules;
    return modules * (module < 2 ? 2 : module);
}

/* ---- widgets ---- */

/* the top bar: back and home (except at home), the clock, and the language switch */
static void ui_header(Ui *ui, int hh)
{
    const Content *c = ui->content[ui->lang];
    ui_rect(ui, 0, 0, ui->w, hh, COLOR_HEADER_BG);
    int x = ui->pad / 2, bh = hh - ui->gap;
    int by = (hh - bh) / 2;
    if (ui->screen == SCREEN_HOME) {
        const char *name = c && *c->org_short ? c->org_short : "";
        int style = ui->s_h2 | UI_STYLE_BOLD;
        int lh = ui_line_height(ui, style);
        int w = ui_width(ui, name, strlen(name), style);
        ui_line(ui, x + ui->pad / 2, (hh - lh) / 2, w, name, strlen(name), style,
                COLOR_HEADER_TEXT, COLOR_HEADER_BG, ALIGN_LEFT);
        x += w + ui->pad;
    } else {
        const char *back = i18n_str(ui->lang, STR_BACK);
        int style = ui->s_body | UI_STYLE_BOLD;
        int tw = ui_width(ui, back, strlen(back), style);
        int iw = ui->s_icon + ui->gap;
        int bw = iw + tw + ui->pad;
        if (bw < ui->target)
            bw = ui->target;
        ui_icon(ui, x + ui->gap / 2, by, iw, bh, ICON_BACK, ui->s_icon, COLOR_HEADER_TEXT,
                COLOR_HEADER_BG);
        int lh = ui_line_height(ui, style);
        ui_line(ui, x + iw + ui->gap / 2, by + (bh - lh) / 2, tw, back, strlen(back), style,
                COLOR_HEADER_TEXT, COLOR_HEADER_BG, ALIGN_LEFT);
        ui_button(ui, x, by, bw, bh, BTN_BACK, SCREEN_HOME);
        x += bw + ui->gap;
        int hw = bh > ui->target ? bh : ui->target;
        ui_rect(ui, x, by + ui->gap, 1, bh - 2 * ui->gap, COLOR_TILE_BG);
        ui_icon(ui, x + ui->gap, by, hw, bh, ICON_HOME, ui->s_icon, COLOR_HEADER_TEXT,
                COLOR_HEADER_BG);
        ui_button(ui, x, by, hw + ui->gap, bh, BTN_SCREEN, SCREEN_HOME);
        x += hw + ui->gap * 2;
    }
    /* the language switch, right-aligned: both names always shown, the current one lit */
    int style = ui->s_body | UI_STYLE_BOLD;
    int right = ui->w - ui->pad / 2;
    for (int l = LANG_COUNT - 1; l >= 0; l--) {
        const char *name = i18n_name((Lang)l);
        int tw = ui_width(ui, name, strlen(name), style);
        int bw = tw + 2 * ui->pad;
        if (bw < ui->target)
            bw = ui->target;
        int bx = right - bw;
        bool on = (Lang)l == ui->lang;
        ThemeColor bg = on ? COLOR_SWITCH_ON_BG : COLOR_HEADER_BG;
        if (on)
            ui_rect(ui, bx, by, bw, bh, COLOR_SWITCH_ON_BG);
        else {
            ui_rect(ui, bx, by, bw, 2, COLOR_TILE_BG);
            ui_rect(ui, bx, by + bh - 2, bw, 2, COLOR_TILE_BG);
            ui_rect(ui, bx, by, 2, bh, COLOR_TILE_BG);
            ui_rect(ui, bx + bw - 2, by, 2, bh, COLOR_TILE_BG);
        }
        int lh = ui_line_height(ui, style);
        ui_line(ui, bx, by + (bh - lh) / 2, bw, name, strlen(name), style,
                on ? COLOR_SWITCH_ON_TEXT : COLOR_HEADER_TEXT, bg, ALIGN_CENTER);
        ui_button(ui, bx, by, bw, bh, BTN_LANG, l);
        right = bx - ui->gap / 2;
    }
    /* the clock between them, when there is room */
    struct tm tm;
    localtime_r(&ui->now, &tm);
    const char *clock = ui_printf(ui, "%02d:%02d", tm.tm_hour, tm.tm_min);
    int cs = ui->s_h2 | UI_STYLE_BOLD;
    int cw = ui_width(ui, clock, strlen(clock), cs);
    int room = right - ui->gap - x;
    if (room >= cw) {
        int lh = ui_line_height(ui, cs);
        ui_line(ui, x, (hh - lh) / 2, room, clock, strlen(clock), cs, COLOR_HEADER_TEXT,
                COLOR_HEADER_BG, ALIGN_CENTER);
    }
}

/* a section heading in the body; returns the height used */
static int ui_heading(Ui *ui, int x, int y, int w, const char *s, int size)
{
    char caps[512];
    text_upper(s, caps, sizeof caps);
    const char *t = ui_printf(ui, "%s", caps);
    return ui_text(ui, x, y, w, t, size | UI_STYLE_BOLD, COLOR_ACCENT, COLOR_BG, ALIGN_LEFT, 0);
}

/* "Label: value" as a bold label line above a value; returns the height used */
static int ui_field(Ui *ui, int x, int y, int w, StrId label, const char *value)
{
    if (!value || !*value)
        return 0;
    int h = ui_text(ui, x, y, w, i18n_str(ui->lang, label), ui->s_small | UI_STYLE_BOLD,
                    COLOR_MUTED, COLOR_BG, ALIGN_LEFT, 0);
    h += ui_text(ui, x, y + h, w, value, ui->s_body, COLOR_TEXT, COLOR_BG, ALIGN_LEFT, 0);
    return h + ui->gap;
}

typedef struct QrCard {
    const char *icon;
    StrId label;
    const char *value;          /* shown under the label: the number, the address */
    StrId caption;              /* what scanning does */
    const char *payload;
} QrCard;

/* QR cards side by side, wrapping to more rows when the width is short; returns the
 * height used */
static int ui_qr_cards(Ui *ui, int x, int y, int w, const QrCard *cards, int n)
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
    int cols = (w + ui->gap) / (card_w + ui->gap);
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
        int cx = x + col * (card_w + ui->gap), cy = y + used;
        int inner = card_w - 2 * ui->pad;
        /* measure first, to draw the card background behind its contents */
        int ls = ui->s_body | UI_STYLE_BOLD;
        int h = ui->pad;
        int lh = ui_line_height(ui, ls);
        int label_lines = ui_count_lines(ui, i18n_str(ui->lang, cards[i].label),
                                         inner - ui->s_icon - ui->gap, ls);
        int label_h = (label_lines > 0 ? label_lines : 1) * lh;
        h += (label_h > ui->s_icon ? label_h : ui->s_icon) + ui->gap / 2;
        int value_h = 0;
        if (cards[i].value && *cards[i].value)
            value_h = ui_count_lines(ui, cards[i].value, inner, ui->s_small) *
                      ui_line_height(ui, ui->s_small) + ui->gap / 2;
        h += value_h + side + ui->gap / 2;
        int cap_h = ui_count_lines(ui, i18n_str(ui->lang, cards[i].caption), inner,
                                   ui->s_small) * ui_line_height(ui, ui->s_small);
        h += cap_h + ui->pad;
        ui_rect(ui, cx, cy, card_w, h, COLOR_TILE_BG);
        int yy = cy + ui->pad;
        ui_icon(ui, cx + ui->pad, yy, ui->s_icon, lh, cards[i].icon, ui->s_icon,
                COLOR_ACCENT, COLOR_TILE_BG);
        ui_text(ui, cx + ui->pad + ui->s_icon + ui->gap, yy, inner - ui->s_icon - ui->gap,
                i18n_str(ui->lang, cards[i].label), ls, COLOR_TILE_TEXT, COLOR_TILE_BG,
                ALIGN_LEFT, 0);
        yy += (label_h > ui->s_icon ? label_h : ui->s_icon) + ui->gap / 2;
        if (value_h) {
            ui_text(ui, cx + ui->pad, yy, inner, cards[i].value, ui->s_small, COLOR_TEXT,
                    COLOR_TILE_BG, ALIGN_CENTER, 0);
            yy += value_h;
        }
        int qs;
        ui_qr(ui, cx + (card_w - side) / 2, yy, cards[i].payload, min_px, &qs);
        yy += side + ui->gap / 2;
        ui_text(ui, cx + ui->pad, yy, inner, i18n_str(ui->lang, cards[i].caption),
                ui->s_small, COLOR_MUTED, COLOR_TILE_BG, ALIGN_CENTER, 0);
        if (h > row_h)
            row_h = h;
    }
    return used + row_h + ui->gap;
}

/* whether every word of s fits in width w */
static bool ui_words_fit(Ui *ui, const char *s, int w, int style)
{
    for (const char *p = s; *p;) {
        size_t n = strcspn(p, " \n");
        if (n > 0 && ui_width(ui, p, n, style) > w)
            return false;
        p += n;
        p += strspn(p, " \n");
    }
    return true;
}

/* the tiles' label style for labels w wide: the tile size, else the body's, else the
 * small one, the largest at which no word of any tile's label is cut. One for all
 * the tiles, so that they look alike. */
static int ui_tile_style(Ui *ui, int w)
{
    const int sizes[] = { ui->s_tile, ui->s_body, ui->s_small };
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        bool fit = true;
        for (size_t t = 0; t < sizeof tiles / sizeof tiles[0] && fit; t++)
            fit = ui_words_fit(ui, i18n_str(ui->lang, tiles[t].label), w,
                               sizes[k] | UI_STYLE_BOLD);
        if (fit)
            return sizes[k] | UI_STYLE_BOLD;
    }
    return ui->s_small | UI_STYLE_BOLD;
}

/* a button to another screen, drawn as a tile: icon and label (in style ls), at (x, y),
 * w x h */
static void ui_tile(Ui *ui, int x, int y, int w, int h, UiScreen target, StrId label,
                    const char *icon, bool row, int ls)
{
    ui_rect(ui, x, y, w, h, COLOR_TILE_BG);
    ui_rect(ui, x, y + h - 3, w, 3, COLOR_ACCENT);
    const char *text = i18n_str(ui->lang, label);
    if (row) {  /* icon left, label right: the related-screen links */
        ui_icon(ui, x + ui->gap, y, ui->s_icon + ui->gap, h, icon, ui->s_icon, COLOR_ACCENT,
                COLOR_TILE_BG);
        int tx = x + ui->s_icon + 2 * ui->gap, tw = w - (tx - x) - ui->gap;
        int th = ui_count_lines(ui, text, tw, ls) * ui_line_height(ui, ls);
        ui_text(ui, tx, y + (h - th) / 2, tw, text, ls, COLOR_TILE_TEXT, COLOR_TILE_BG,
                ALIGN_LEFT, 2);
    } else {
        int inner = w - 2 * ui->gap;
        int lines = ui_count_lines(ui, text, inner, ls);
        if (lines > 2)
            lines = 2;
        int th = lines * ui_line_height(ui, ls);
        int ih = ui_line_height(ui, ui->s_big_icon | UI_STYLE_ICON);
        int top = y + (h - ih - th) / 2;
        ui_icon(ui, x, top, w, ih, icon, ui->s_big_icon, COLOR_ACCENT, COLOR_TILE_BG);
        ui_text(ui, x + ui->gap, top + ih, inner, text, ls, COLOR_TILE_TEXT, COLOR_TILE_BG,
                ALIGN_CENTER, 2);
    }
    ui_button(ui, x, y, w, h, BTN_SCREEN, target);
}

/* links to related screens at the end of a screen; returns the height used */
static int ui_related(Ui *ui, int x, int y, int w, const UiScreen *targets, int n)
{
    int cols = w > 60 * ui->u ? n : 1;
    int tw = (w - (cols - 1) * ui->gap) / cols;
    int th = ui->target > (int)(5 * ui->u) ? ui->target : (int)(5 * ui->u);
    int h = 0, ls = ui_tile_style(ui, tw - ui->s_icon - 3 * ui->gap);
    for (int i = 0; i < n; i++) {
        int col = i % cols, row = i / cols;
        for (size_t t = 0; t < sizeof tiles / sizeof tiles[0]; t++)
            if (tiles[t].screen == targets[i])
                ui_tile(ui, x + col * (tw + ui->gap), y + row * (th + ui->gap), tw, th,
                        targets[i], tiles[t].label, tiles[t].icon, true, ls);
        h = (row + 1) * (th + ui->gap);
    }
    return h;
}

/* the status line with its icon in the open or closed colour; returns the height */
static int ui_status(Ui *ui, int x, int y, int w, int size)
{
    if (!ui->hours)
        return 0;
    HoursStatus st;
    hours_status_at(ui->hours, ui->now, &st);
    char line[320];
    hours_format_status(&st, ui->now, ui->lang, line, sizeof line);
    const char *t = ui_printf(ui, "%s", line);
    ThemeColor ink = st.open ? COLOR_OPEN : COLOR_CLOSED;
    int style = size | UI_STYLE_BOLD;
    int is = size * 5 / 4;
    int lh = ui_line_height(ui, style);
    ui_icon(ui, x, y, is, lh, ICON_SCHEDULE, is, ink, COLOR_BG);
    int h = ui_text(ui, x + is + ui->gap, y, w - is - ui->gap, t, style, ink, COLOR_BG,
                    ALIGN_LEFT, 0);
    return h > lh ? h : lh;
}

/* ---- screens: each lays out its body from y = 0 in a column of width w ---- */

static int screen_home(Ui *ui, int x, int w, int avail_h)
{
    const Content *c = ui->content[ui->lang];
    int y = ui->pad;
    int name_size = ui->h >= 600 ? ui->s_h1 : ui->s_h2;   /* short screens: room for the tiles */
    y += ui_text(ui, x, y, w, c->org_name, name_size | UI_STYLE_BOLD, COLOR_TEXT, COLOR_BG,
                 ALIGN_LEFT, 0);
    const char *parent = *c->parent_name ? c->parent_name : c->department;
    y += ui_text(ui, x, y, w, parent, ui->s_body, COLOR_MUTED, COLOR_BG, ALIGN_LEFT, 0);
    y += ui->gap;
    y += ui_status(ui, x, y, w, ui->s_body);
    struct tm tm;
    localtime_r(&ui->now, &tm);
    char date[128];
    i18n_format_long_date(ui->lang, tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                          (tm.tm_wday + 6) % 7, date, sizeof date);
    y += ui_text(ui, x, y, w, ui_printf(ui, "%s", date), ui->s_body, COLOR_TEXT, COLOR_BG,
                 ALIGN_LEFT, 0);
    y += ui->pad;
    /* the tiles fill what is left: 4 columns in landscape, 2 in portrait */
    int n = (int)(sizeof tiles / sizeof tiles[0]);
    int cols = ui->w > ui->h ? 4 : 2;
    int rows = (n + cols - 1) / cols;
    int tw = (w - (cols - 1) * ui->gap) / cols;
    int ls = ui_tile_style(ui, tw - 2 * ui->gap);
    int min_h = ui_line_height(ui, ui->s_big_icon | UI_STYLE_ICON) +
                2 * ui_line_height(ui, ls) + ui->gap;
    if (min_h < ui->target)
        min_h = ui->target;
    int th = (avail_h - y - ui->pad - (rows - 1) * ui->gap) / rows;
    if (th < min_h)
        th = min_h;
    if (th > tw)
        th = tw > min_h ? tw : min_h;
    for (int i = 0; i < n; i++) {
        int row = i / cols, col = i % cols;
        int in_row = (row == rows - 1) ? n - row * cols : cols;
        int offset = (w - (in_row * tw + (in_row - 1) * ui->gap)) / 2;
        ui_tile(ui, x + offset + col * (tw + ui->gap), y + row * (th + ui->gap), tw, th,
                tiles[i].screen, tiles[i].label, tiles[i].icon, false, ls);
    }
    return y + rows * th + (rows - 1) * ui->gap;   /* the layout adds the last pad */
}

static int screen_about(Ui *ui, int x, int w, int y)
{
    const Content *c = ui->content[ui->lang];
    y += ui_text(ui, x, y, w, c->org_name, ui->s_h2 | UI_STYLE_BOLD, COLOR_TEXT, COLOR_BG,
                 ALIGN_LEFT, 0) + ui->gap;
    y += ui_text(ui, x, y, w, c->org_description, ui->s_body, COLOR_TEXT, COLOR_BG,
                 ALIGN_LEFT, 0) + ui->pad;
    const char *parent = *c->department ? ui_printf(ui, "%s\n%s", c->parent_name, c->department)
                                        : c->parent_name;
    y += ui_field(ui, x, y, w, STR_PARENT_BODY, parent);
    y += ui_field(ui, x, y, w, STR_AUDIENCE, c->audience);
    y += ui_field(ui, x, y, w, STR_CATEGORY, c->category);
    static const UiScreen related[] = { SCREEN_COMMITTEES, SCREEN_FUNDING };
    return y + ui->gap + ui_related(ui, x, y + ui->gap, w, related, 2);
}

static int screen_committees(Ui *ui, int x, int w, int y)
{
    const Content *c = ui->content[ui->lang];
    y += ui_text(ui, x, y, w, c->service_description, ui->s_body, COLOR_TEXT, COLOR_BG,
                 ALIGN_LEFT, 0) + ui->pad;
    int is = ui->s_icon;
    for (int i = 0; i < c->n_programs; i++) {
        const ContentProgram *p = &c->programs[i];
        int tx = x + is + ui->gap, tw = w - is - ui->gap;
        int lh = ui_line_height(ui, ui->s_body | UI_STYLE_BOLD);
        ui_icon(ui, x, y, is, lh, ICON_GROUPS, is, COLOR_ACCENT, COLOR_BG);
        y += ui_text(ui, tx, y, tw, p->name, ui->s_body | UI_STYLE_BOLD, COLOR_TEXT, COLOR_BG,
                     ALIGN_LEFT, 0);
        if (*p->description)
            y += ui_text(ui, tx, y, tw, p->description, ui->s_body, COLOR_TEXT, COLOR_BG,
                         ALIGN_LEFT, 0);
        y += ui->gap;
        ui_rect(ui, tx, y - ui->gap / 2, tw, 1, COLOR_DIVIDER);
    }
    static const UiScreen related[] = { SCREEN_JOIN, SCREEN_ABOUT };
    return y + ui->pad + ui_related(ui, x, y + ui->pad, w, related, 2);
}

static int screen_hours(Ui *ui, int x, int w, int y)
{
    const Content *c = ui->content[ui->lang];
    y += ui_status(ui, x, y, w, ui->s_body) + ui->pad;
    y += ui_heading(ui, x, y, w, i18n_str(ui->lang, STR_WEEK), ui->s_body) + ui->gap / 2;
    /* this week, Monday to Sunday, today marked */
    struct tm tm;
    localtime_r(&ui->now, &tm);
    int today = (tm.tm_wday + 6) % 7;
    int lh = ui_line_height(ui, ui->s_body);
    int row_h = lh + ui->gap;
    int name_w = 0;
    for (int d = 0; d < 7; d++) {
        const char *n = i18n_weekday(ui->lang, d);
        int nw = ui_width(ui, n, strlen(n), ui->s_body | UI_STYLE_BOLD);
        if (nw > name_w)
            name_w = nw;
    }
    name_w += ui->gap + ui->pad;     /* the name starts a gap in, then a pad before the hours */
    for (int d = 0; d < 7; d++) {
        struct tm day = tm;
        day.tm_mday += d - today;
        day.tm_hour = 12, day.tm_min = 0, day.tm_sec = 0, day.tm_isdst = -1;
        mktime(&day);
        HoursDay hd;
        char hours[256] = "";
        if (ui->hours && hours_day(ui->hours, day.tm_year + 1900, day.tm_mon + 1, day.tm_mday,
                                   &hd) == 0) {
            size_t len = 0;
            for (int s = 0; s < hd.n_spans && len < sizeof hours - 32; s++)
                len += (size_t)snprintf(hours + len, sizeof hours - len, "%s%02d:%02d – %02d:%02d",
                                        s ? ", " : "", hd.spans[s].opens_min / 60,
                                        hd.spans[s].opens_min % 60, hd.spans[s].closes_min / 60,
                                        hd.spans[s].closes_min % 60);
            if (hd.n_spans == 0)
                snprintf(hours, sizeof hours, "%s%s%s", i18n_str(ui->lang, STR_CLOSED),
                         *hd.name[ui->lang] ? ": " : "", hd.name[ui->lang]);
        }
        ThemeColor bg = d == today ? COLOR_TODAY_BG : COLOR_BG;
        const char *hs = ui_printf(ui, "%s", hours);
        int vw = w - name_w - ui->pad;
        int vh = ui_count_lines(ui, hs, vw, ui->s_body) * lh;
        int h = (vh > lh ? vh : lh) + ui->gap;
        if (d == today)
            ui_rect(ui, x, y, w, h, COLOR_TODAY_BG);
        const char *name = i18n_weekday(ui->lang, d);
        ui_line(ui, x + ui->gap, y + ui->gap / 2, name_w - ui->gap, name, strlen(name),
                ui->s_body | UI_STYLE_BOLD, COLOR_TEXT, bg, ALIGN_LEFT);
        ui_text(ui, x + name_w, y + ui->gap / 2, vw, hs, ui->s_body, COLOR_TEXT, bg,
                ALIGN_LEFT, 0);
        y += h > row_h ? h : row_h;
    }
    y += ui->pad;
    /* languages spoken */
    if (c->n_languages > 0) {
        char langs[512] = "";
        size_t len = 0;
        for (int i = 0; i < c->n_languages && len < sizeof langs; i++)
            len += (size_t)snprintf(langs + len, sizeof langs - len, "%s%s", i ? ", " : "",
                                    c->languages[i]);
        y += ui_heading(ui, x, y, w, i18n_str(ui->lang, STR_LANGUAGES), ui->s_body);
        y += ui_text(ui, x, y, w, ui_printf(ui, "%s", langs), ui->s_body, COLOR_TEXT, COLOR_BG,
                     ALIGN_LEFT, 0) + ui->pad;
    }
    /* closures in the next 60 days */
    y += ui_heading(ui, x, y, w, i18n_str(ui->lang, STR_CLOSURES), ui->s_body);
    HoursClosing cl[16];
    int n = ui->hours ? hours_upcoming_closures(ui->hours, ui->now, 60, cl, 16) : 0;
    if (n == 0)
        y += ui_text(ui, x, y, w, i18n_str(ui->lang, STR_NO_CLOSURES), ui->s_body, COLOR_TEXT,
                     COLOR_BG, ALIGN_LEFT, 0);
    for (int i = 0; i < n; i++) {
        char from[64], to[64];
        i18n_format_date(ui->lang, cl[i].from / 10000, cl[i].from / 100 % 100, cl[i].from % 100,
                         from, sizeof from);
        i18n_format_date(ui->lang, cl[i].to / 10000, cl[i].to / 100 % 100, cl[i].to % 100, to,
                         sizeof to);
        const char *when = cl[i].from == cl[i].to ? ui_printf(ui, "%s", from)
                                                  : ui_printf(ui, "%s – %s", from, to);
        const char *what = cl[i].reason == HOURS_SPECIAL
            ? ui_printf(ui, "%s (%02d:%02d – %02d:%02d)", cl[i].name[ui->lang],
                        cl[i].opens_min / 60, cl[i].opens_min % 60, cl[i].closes_min / 60,
                        cl[i].closes_min % 60)
            : ui_printf(ui, "%s", cl[i].name[ui->lang]);
        int lw = w / 2 > (int)(16 * ui->u) ? w / 2 : w;
        int h1 = ui_text(ui, x, y, lw, when, ui->s_body | UI_STYLE_BOLD, COLOR_TEXT, COLOR_BG,
                         ALIGN_LEFT, 0);
        int h2;
        if (lw == w)
            h2 = ui_text(ui, x + ui->pad, y + h1, w - ui->pad, what, ui->s_body, COLOR_TEXT,
                         COLOR_BG, ALIGN_LEFT, 0), h1 += h2, h2 = 0;
        else
            h2 = ui_text(ui, x + lw, y, w - lw, what, ui->s_body, COLOR_TEXT, COLOR_BG,
                         ALIGN_LEFT, 0);
        y += (h1 > h2 ? h1 : h2) + ui->gap / 2;
    }
    static const UiScreen related[] = { SCREEN_LOCATION, SCREEN_CONTACT };
    return y + ui->pad + ui_related(ui, x, y + ui->pad, w, related, 2);
}

/* the QR cards of the contact and join screens: phone, email (when known), website,
 * and the vCard when asked */
static int contact_cards(Ui *ui, int x, int w, int y, bool vcard)
{
    const Content *c = ui->content[ui->lang];
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

static int screen_contact(Ui *ui, int x, int w, int y)
{
    const Content *c = ui->content[ui->lang];
    y += contact_cards(ui, x, w, y, true);
    if (!*c->email)     /* say so calmly rather than leave visitors looking for it */
        y += ui_text(ui, x, y, w, i18n_str(ui->lang, STR_NO_EMAIL), ui->s_small, COLOR_MUTED,
                     COLOR_BG, ALIGN_LEFT, 0) + ui->gap;
    static const UiScreen related[] = { SCREEN_LOCATION, SCREEN_HOURS };
    return y + ui->gap + ui_related(ui, x, y + ui->gap, w, related, 2);
}

static int screen_location(Ui *ui, int x, int w, int y)
{
    const Content *c = ui->content[ui->lang];
    const Content *el = ui->content[LANG_EL];
    const char *addr = *c->postal_code
        ? ui_printf(ui, "%s\n%s %s", c->address, c->postal_code, c->city)
        : ui_printf(ui, "%s\n%s", c->address, c->city);
    /* the address beside its QR when the width allows, else above it */
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
    bool side = qw > 0 && w - qw - ui->pad >= (int)(20 * ui->u);
    int tw = side ? w - qw - ui->pad : w;
    int ty = y;
    int lh = ui_line_height(ui, ui->s_h2 | UI_STYLE_BOLD);
    ui_icon(ui, x, ty, ui->s_icon, lh, ICON_PLACE, ui->s_icon, COLOR_ACCENT, COLOR_BG);
    ty += ui_text(ui, x + ui->s_icon + ui->gap, ty, tw - ui->s_icon - ui->gap, addr,
                  ui->s_h2 | UI_STYLE_BOLD, COLOR_TEXT, COLOR_BG, ALIGN_LEFT, 0) + ui->pad;
    ty += ui_field(ui, x, ty, tw, STR_COMMUNITY, c->community);
    int qy = side ? y : ty;
    int qh = ok > 0 ? ui_qr_cards(ui, side ? x + w - qw : x, qy, side ? qw : w, &card, 1) : 0;
    y = side ? (ty > y + qh ? ty : y + qh) : ty + qh;
    static const UiScreen related[] = { SCREEN_HOURS, SCREEN_CONTACT };
    return y + ui->gap + ui_related(ui, x, y + ui->gap, w, related, 2);
}

static int screen_join(Ui *ui, int x, int w, int y)
{
    const Content *c = ui->content[ui->lang];
    y += ui_text(ui, x, y, w, c->application_process, ui->s_body, COLOR_TEXT, COLOR_BG,
                 ALIGN_LEFT, 0) + ui->pad;
    y += contact_cards(ui, x, w, y, false);
    static const UiScreen related[] = { SCREEN_COMMITTEES, SCREEN_CONTACT };
    return y + ui->gap + ui_related(ui, x, y + ui->gap, w, related, 2);
}

static int screen_funding(Ui *ui, int x, int w, int y)
{
    const Content *c = ui->content[ui->lang];
    y += ui_text(ui, x, y, w, c->funding, ui->s_body, COLOR_TEXT, COLOR_BG, ALIGN_LEFT, 0) +
         ui->pad;
    y += ui_field(ui, x, y, w, STR_PARENT_BODY, c->parent_name);
    static const UiScreen related[] = { SCREEN_ABOUT, SCREEN_COMMITTEES };
    return y + ui->gap + ui_related(ui, x, y + ui->gap, w, related, 2);
}

/* the staff screen: the facts the app gives, then the actions */
static int screen_staff(Ui *ui, int x, int w, int y)
{
    const char *p = ui->staff_info;
    int label_w = w / 3;
    while (*p) {
        const char *nl = strchr(p, '\n'), *tab = strchr(p, '\t');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        if (tab && tab < p + len) {
            const char *label = ui_printf(ui, "%.*s", (int)(tab - p), p);
            const char *value = ui_printf(ui, "%.*s", (int)(p + len - tab - 1), tab + 1);
            int h1 = ui_text(ui, x, y, label_w - ui->gap, label, ui->s_small | UI_STYLE_BOLD,
                             COLOR_MUTED, COLOR_BG, ALIGN_LEFT, 0);
            int h2 = ui_text(ui, x + label_w, y, w - label_w, value, ui->s_small, COLOR_TEXT,
                             COLOR_BG, ALIGN_LEFT, 0);
            y += (h1 > h2 ? h1 : h2) + ui->gap / 2;
        }
        p += len + (nl ? 1 : 0);
    }
    static const struct { UiAction action; StrId label; } actions[] = {
        { UI_ACTION_ROLLBACK, STR_ROLLBACK }, { UI_ACTION_EXPORT, STR_EXPORT_TITLE },
        { UI_ACTION_RESTART, STR_RESTART },
    };
    int n = 3, cols = w > 50 * ui->u ? 3 : 1;
    int bw = (w - (cols - 1) * ui->gap) / cols, bh = ui->target + ui->gap;
    int ls = ui->s_body | UI_STYLE_BOLD, lh = ui_line_height(ui, ls);
    for (int i = 0; i < n; i++) {   /* as tall as the longest label needs */
        int lines = ui_count_lines(ui, i18n_str(ui->lang, actions[i].label), bw - 2 * ui->gap, ls);
        if (lines * lh + ui->gap > bh)
            bh = lines * lh + ui->gap;
    }
    y += ui->pad;
    for (int i = 0; i < n; i++) {
        int bx = x + (i % cols) * (bw + ui->gap), by = y + (i / cols) * (bh + ui->gap);
        ui_rect(ui, bx, by, bw, bh, COLOR_TILE_BG);
        const char *t = i18n_str(ui->lang, actions[i].label);
        int th = ui_count_lines(ui, t, bw - 2 * ui->gap, ls) * lh;
        ui_text(ui, bx + ui->gap, by + (bh - th) / 2, bw - 2 * ui->gap, t, ls, COLOR_TILE_TEXT,
                COLOR_TILE_BG, ALIGN_CENTER, 0);
        ui_button(ui, bx, by, bw, bh, BTN_ACTION, actions[i].action);
    }
    return y + ((n + cols - 1) / cols) * (bh + ui->gap);
}

/* a button in a dialog: a filled box with a centred label */
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

/* the dialog, over everything: a panel with a title, the text, and its buttons */
static void ui_layout_dialog(Ui *ui)
{
    int w = ui->w * 9 / 10, max_w = (int)(60 * ui->u);
    if (w > max_w)
        w = max_w;
    int inner = w - 2 * ui->pad, x = (ui->w - w) / 2 + ui->pad;
    int ts = ui->s_h2 | UI_STYLE_BOLD;
    int bh = ui->target + ui->gap;
    /* measure, then place the panel in the middle */
    int h = ui->pad + ui_count_lines(ui, ui->dialog_title, inner - ui->s_icon - ui->gap, ts) *
                          ui_line_height(ui, ts) + ui->gap;
    h += ui_count_lines(ui, ui->dialog_text, inner, ui->s_body) * ui_line_height(ui, ui->s_body);
    int key = 0;
    if (ui->dialog == UI_DIALOG_PIN) {
        key = (inner - 2 * ui->gap) / 3;
        int max_key = (ui->h - h - 6 * ui->pad) / 5 - ui->gap;
        if (key > max_key)
            key = max_key;
        if (key > 2 * ui->target)
            key = 2 * ui->target;
        if (key < ui->target)
            key = ui->target;
        h += ui->gap + bh + 4 * (key + ui->gap);
    } else if (ui->dialog == UI_DIALOG_CONFIRM)
        h += ui->gap + ui_line_height(ui, ui->s_body | UI_STYLE_BOLD) + ui->gap + bh;
    else if (ui->dialog == UI_DIALOG_MESSAGE)
        h += ui->gap + bh;
    else if (ui->dialog == UI_DIALOG_PROGRESS)
        h += 2 * ui->gap + ui->gap + bh;
    h += ui->pad;
    int y = (ui->h - h) / 2;
    if (y < 0)
        y = 0;
    ui_rect(ui, x - ui->pad - 3, y - 3, w + 6, h + 6, COLOR_ACCENT);
    ui_rect(ui, x - ui->pad, y, w, h, COLOR_BG);
    y += ui->pad;
    int lh = ui_line_height(ui, ts);
    ui_icon(ui, x, y, ui->s_icon, lh, ui->dialog == UI_DIALOG_PIN ? ICON_CONTACT : ICON_USB,
            ui->s_icon, COLOR_ACCENT, COLOR_BG);
    y += ui_text(ui, x + ui->s_icon + ui->gap, y, inner - ui->s_icon - ui->gap, ui->dialog_title,
                 ts, COLOR_TEXT, COLOR_BG, ALIGN_LEFT, 0) + ui->gap;
    y += ui_text(ui, x, y, inner, ui->dialog_text, ui->s_body, COLOR_TEXT, COLOR_BG, ALIGN_LEFT, 0);
    int half = (inner - ui->gap) / 2;
    switch (ui->dialog) {
    case UI_DIALOG_CONFIRM: {
        char line[96];
        snprintf(line, sizeof line, i18n_str(ui->lang, STR_APPLIES_IN), ui->countdown);
        y += ui->gap;
        y += ui_text(ui, x, y, inner, ui_printf(ui, "%s", line), ui->s_body | UI_STYLE_BOLD,
                     COLOR_ACCENT, COLOR_BG, ALIGN_LEFT, 0) + ui->gap;
        ui_dialog_button(ui, x, y, half, bh, i18n_str(ui->lang, STR_CANCEL), false, BTN_ACTION,
                         UI_ACTION_CANCEL);
        ui_dialog_button(ui, x + half + ui->gap, y, half, bh, i18n_str(ui->lang, STR_APPLY_NOW),
                         true, BTN_ACTION, UI_ACTION_CONFIRM);
        break;
    }
    case UI_DIALOG_MESSAGE:
        y += ui->gap;
        ui_dialog_button(ui, x + inner - half, y, half, bh, i18n_str(ui->lang, STR_OK), true,
                         BTN_ACTION, UI_ACTION_CANCEL);
        break;
    case UI_DIALOG_PROGRESS: {
        /* the bar: the part done, or an empty track while the size is not known */
        y += ui->gap;
        int done = ui->countdown < 0 ? 0 : ui->countdown > 1000 ? 1000 : ui->countdown;
        ui_rect(ui, x, y, inner, ui->gap, COLOR_TILE_BG);
        if (done > 0)
            ui_rect(ui, x, y, (int)((long)inner * done / 1000), ui->gap, COLOR_ACCENT);
        y += 2 * ui->gap;
        ui_dialog_button(ui, x, y, half, bh, i18n_str(ui->lang, STR_CANCEL), false, BTN_ACTION,
                         UI_ACTION_CANCEL);
        break;
    }
    case UI_DIALOG_PIN: {
        /* the digits typed so far, as dots */
        char dots[3 * 24 + 1] = "";
        size_t len = strlen(ui->pin);
        for (size_t i = 0; i < len; i++)
            strcat(dots, "\xe2\x97\x8f");  /* U+25CF */
        y += ui->gap;
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
        break;
    }
    default:
        break;
    }
}

/* night: the clock, the date and when the centre opens, dim, in both languages */
static void ui_layout_night(Ui *ui)
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

/* frees what the previous layout made */
static void ui_clear(Ui *ui)
{
    for (int i = 0; i < UI_MAX_QR; i++)     /* codes of the last layout may serve again */
        ui->qr[i].used = false;
    ui->n_cmds = 0;
    ui->n_buttons = 0;
    ui->arena_used = 0;
    ui->thumb = -1;
    ui->dropped = 0;
    ui->cut = 0;
}

/* the whole screen: header, body (title first, then the screen's own layout), footer */
static void ui_layout(Ui *ui)
{
    ui_clear(ui);
    ui_measure_sizes(ui);
    if (ui->night) {
        ui_layout_night(ui);
        ui->minute = (long)(ui->now / 60);
        ui->need_layout = false;
        return;
    }
    const Content *c = ui->content[ui->lang];
    int hh = (int)lroundf(5.2f * ui->u);
    if (hh < ui->target + ui->gap)
        hh = ui->target + ui->gap;
    ui_rect(ui, 0, 0, ui->w, ui->h, COLOR_BG);
    int footer = 0;
    const char *updated = NULL;
    if (ui->screen != SCREEN_HOME && c && *c->last_updated) {
        int y, m, d;
        char date[64];
        if (sscanf(c->last_updated, "%4d-%2d-%2d", &y, &m, &d) == 3) {
            i18n_format_date(ui->lang, y, m, d, date, sizeof date);
            updated = ui_printf(ui, "%s: %s", i18n_str(ui->lang, STR_LAST_UPDATED), date);
            footer = ui_line_height(ui, ui->s_small) + ui->gap;
        }
    }
    ui->body_x = 0, ui->body_y = hh, ui->body_w = ui->w, ui->body_h = ui->h - hh - footer;
    /* the body, in body coordinates: 0 is its top */
    int x = ui->pad, w = ui->w - 2 * ui->pad;
    int side = ui->w > 2 * ui->h ? (ui->w - 2 * ui->h) / 2 : 0;     /* very wide: a column */
    x += side, w -= 2 * side;
    ui->in_body = true;
    int first = ui->n_cmds;
    int y = ui->pad, h = 0;
    if (c && ui->screen != SCREEN_HOME)
        y += ui_heading(ui, x, y, w, i18n_str(ui->lang, screen_titles[ui->screen]), ui->s_h1) +
             ui->gap;
    if (c) {
        switch (ui->screen) {
        case SCREEN_HOME: h = screen_home(ui, x, w, ui->body_h); break;
        case SCREEN_ABOUT: h = screen_about(ui, x, w, y); break;
        case SCREEN_COMMITTEES: h = screen_committees(ui, x, w, y); break;
        case SCREEN_HOURS: h = screen_hours(ui, x, w, y); break;
        case SCREEN_CONTACT: h = screen_contact(ui, x, w, y); break;
        case SCREEN_LOCATION: h = screen_location(ui, x, w, y); break;
        case SCREEN_JOIN: h = screen_join(ui, x, w, y); break;
        case SCREEN_FUNDING: h = screen_funding(ui, x, w, y); break;
        case SCREEN_STAFF: h = screen_staff(ui, x, w, y); break;
        default: break;
        }
    }
    ui->content_h = h + ui->pad;
    /* body commands were laid out from 0: move them under the header */
    for (int i = first; i < ui->n_cmds; i++)
        ui->cmds[i].y += ui->body_y;
    for (int i = 0; i < ui->n_buttons; i++)
        if (ui->buttons[i].scrolls)
            ui->buttons[i].y += ui->body_y;
    ui->in_body = false;
    /* fixed parts over the body: header and footer */
    ui_header(ui, hh);
    if (updated) {
        ui_rect(ui, 0, ui->h - footer, ui->w, footer, COLOR_BG);
        ui_rect(ui, 0, ui->h - footer, ui->w, 1, COLOR_DIVIDER);
        ui_line(ui, ui->pad, ui->h - footer + ui->gap / 2, ui->w - 2 * ui->pad, updated,
                strlen(updated), ui->s_small, COLOR_MUTED, COLOR_BG, ALIGN_LEFT);
    }
    float max = (float)(ui->content_h - ui->body_h);
    if (ui->scroll > max)
        ui->scroll = max > 0 ? max : 0;
    /* a scroll bar when the body holds more than it shows: a visitor sees there is more */
    ui->thumb = -1;
    if (ui->content_h > ui->body_h) {
        int bw = ui->gap / 2 > 4 ? ui->gap / 2 : 4;
        ui_rect(ui, ui->w - bw - 2, ui->body_y, bw, ui->body_h, COLOR_DIVIDER);
        ui->thumb = ui->n_cmds;
        ui_rect(ui, ui->w - bw - 2, ui->body_y, bw, 1, COLOR_ACCENT);
    }
    if (ui->dialog != UI_DIALOG_NONE) {     /* only the dialog's buttons answer */
        ui->n_buttons = 0;
        ui_layout_dialog(ui);
    }
    ui->minute = (long)(ui->now / 60);
    ui->need_layout = false;
}

/* ---- the public API ---- */

Ui *ui_create(const UiMetrics *m, int width, int height, double dpi)
{
    Ui *ui = calloc(1, sizeof *ui);
    if (!ui)
        return NULL;
    ui->m = *m;
    ui->w = width, ui->h = height;
    ui->dpi = dpi > 0 ? dpi : 96.0;
    ui->lang = LANG_DEFAULT;
    ui->thumb = -1;
    ui->need_layout = ui->dirty = true;
    return ui;
}

void ui_destroy(Ui *ui)
{
    if (!ui)
        return;
    ui_clear(ui);
    for (int i = 0; i < UI_MAX_QR; i++) {
        qr_free(ui->qr[i].m);
        free(ui->qr[i].payload);
    }
    free(ui);
}

void ui_set_size(Ui *ui, int width, int height)
{
    if (width == ui->w && height == ui->h)
        return;
    ui->w = width, ui->h = height;
    ui->need_layout = ui->dirty = true;
}

void ui_set_content(Ui *ui, const Content *content[LANG_COUNT], const HoursTable *hours)
{
    for (int l = 0; l < LANG_COUNT; l++)
        ui->content[l] = content[l];
    ui->hours = hours;
    ui->need_layout = ui->dirty = true;
}

void ui_set_time(Ui *ui, time_t now)
{
    ui->now = now;
    if ((long)(now / 60) != ui->minute)
        ui->need_layout = ui->dirty = true;
}

void ui_show(Ui *ui, UiScreen screen, Lang lang)
{
    assert(screen < SCREEN_COUNT && lang < LANG_COUNT);
    if (screen != ui->screen) {
        if (screen == SCREEN_HOME)
            ui->n_history = 0;
        else if (ui->n_history < UI_HISTORY)
            ui->history[ui->n_history++] = ui->screen;
        ui->scroll = 0, ui->velocity = 0;
    }
    ui->screen = screen, ui->lang = lang;
    ui->need_layout = ui->dirty = true;
}

void ui_reset(Ui *ui, Lang lang)
{
    ui->n_history = 0;
    ui->scroll = 0, ui->velocity = 0;
    ui->pressing = ui->dragging = false;
    if (ui->screen != SCREEN_HOME || ui->lang != lang)
        ui->need_layout = ui->dirty = true;
    ui->screen = SCREEN_HOME, ui->lang = lang;
}

void ui_set_night(Ui *ui, bool night)
{
    if (night != ui->night)
        ui->need_layout = ui->dirty = true;
    ui->night = night;
}

bool ui_night(const Ui *ui) { return ui->night; }

void ui_dialog(Ui *ui, UiDialogKind kind, const char *title, const char *text, int countdown)
{
    if (kind == ui->dialog && countdown == ui->countdown &&
        !strcmp(title ? title : "", ui->dialog_title) && !strcmp(text ? text : "", ui->dialog_text))
        return;                 /* the same again: nothing to draw */
    snprintf(ui->dialog_title, sizeof ui->dialog_title, "%s", title ? title : "");
    snprintf(ui->dialog_text, sizeof ui->dialog_text, "%s", text ? text : "");
    if (kind != ui->dialog) {
        ui->pin[0] = '\0';
        ui->pressing = ui->dragging = false;
    }
    ui->dialog = kind;
    ui->countdown = countdown;
    ui->need_layout = ui->dirty = true;
}

UiDialogKind ui_dialog_kind(const Ui *ui) { return ui->dialog; }
bool ui_pressing(const Ui *ui) { return ui->pressing; }

UiAction ui_take_action(Ui *ui, char *pin, size_t n)
{
    UiAction a = ui->action;
    ui->action = UI_ACTION_NONE;
    if (a == UI_ACTION_PIN && pin && n) {
        snprintf(pin, n, "%s", ui->pin);
        ui_wipe(ui->pin, sizeof ui->pin);
    }
    return a;
}

void ui_set_staff_info(Ui *ui, const char *text)
{
    if (strcmp(ui->staff_info, text) == 0)
        return;
    snprintf(ui->staff_info, sizeof ui->staff_info, "%s", text);
    if (ui->screen == SCREEN_STAFF)
        ui->need_layout = ui->dirty = true;
}

void ui_hold(Ui *ui, uint32_t ms)
{
    int corner = 3 * ui->target;
    if (ui->pressing && !ui->dragging && ui->dialog == UI_DIALOG_NONE &&
        ui->press_x < corner && ui->press_y < corner && ms - ui->press_ms >= UI_STAFF_HOLD_MS) {
        ui->pressing = false;   /* the release that follows is not a tap */
        ui->action = UI_ACTION_STAFF;
    }
}
UiScreen ui_screen(const Ui *ui) { return ui->screen; }
Lang ui_lang(const Ui *ui) { return ui->lang; }
bool ui_dirty(const Ui *ui) { return ui->dirty; }

const UiCmd *ui_commands(Ui *ui, int *n)
{
    if (ui->need_layout)
        ui_layout(ui);
    if (ui->thumb >= 0) {       /* the thumb follows the scroll without a new layout */
        UiCmd *t = &ui->cmds[ui->thumb];
        int h = ui->body_h * ui->body_h / ui->content_h;
        if (h < ui->target / 2)
            h = ui->target / 2;
        int range = ui->content_h - ui->body_h;
        t->h = h;
        t->y = ui->body_y + (int)((float)(ui->body_h - h) * ui->scroll / (float)range);
    }
    ui->dirty = false;
    *n = ui->n_cmds;
    return ui->cmds;
}

void ui_body(const Ui *ui, int *x, int *y, int *w, int *h, int *scroll)
{
    *x = ui->body_x, *y = ui->body_y, *w = ui->body_w, *h = ui->body_h;
    *scroll = (int)lroundf(ui->scroll);
}

const char *ui_screen_name(UiScreen s)
{
    return s < SCREEN_COUNT ? screen_names[s] : "";
}

UiScreen ui_screen_from_name(const char *name)
{
    for (int s = 0; s < SCREEN_COUNT; s++)
        if (strcmp(name, screen_names[s]) == 0)
            return (UiScreen)s;
    return SCREEN_COUNT;
}

/* ---- input ---- */

/* the button under (x, y), in window pixels, or NULL */
static const UiButton *ui_hit(Ui *ui, int x, int y)
{
    int scroll = (int)lroundf(ui->scroll);
    for (int i = ui->n_buttons - 1; i >= 0; i--) {
        const UiButton *b = &ui->buttons[i];
        int by = b->scrolls ? b->y - scroll : b->y;
        if (b->scrolls && (y < ui->body_y || y >= ui->body_y + ui->body_h))
            continue;
        if (x >= b->x && x < b->x + b->w && y >= by && y < by + b->h)
            return b;
    }
    return NULL;
}

static void ui_scroll_by(Ui *ui, float dy)
{
    float max = (float)(ui->content_h - ui->body_h);
    if (max < 0)
        max = 0;
    float s = ui->scroll + dy;
    if (s < 0)
        s = 0, ui->velocity = 0;
    if (s > max)
        s = max, ui->velocity = 0;
    if (s != ui->scroll)
        ui->dirty = true;
    ui->scroll = s;
}

void ui_press(Ui *ui, int x, int y, uint32_t ms)
{
    if (ui->night) {            /* the touch wakes the screen and does nothing else */
        ui_set_night(ui, false);
        ui->pressing = false;
        return;
    }
    if (ui->need_layout)
        ui_layout(ui);
    ui->pressing = true, ui->dragging = false;
    ui->press_x = x, ui->press_y = ui->last_y = y;
    ui->last_ms = ui->press_ms = ms;
    if (ui->velocity != 0)
        ui->dragging = true;    /* a touch stops a moving list and is not a tap */
    ui->velocity = 0;
}

void ui_drag(Ui *ui, int x, int y, uint32_t ms)
{
    if (!ui->pressing)
        return;
    int slop = mm(ui, 2.5);
    if (!ui->dragging && (abs(y - ui->press_y) > slop || abs(x - ui->press_x) > slop))
        ui->dragging = ui->dialog == UI_DIALOG_NONE;   /* a dialog does not scroll */
    if (ui->dragging) {
        float dy = (float)(ui->last_y - y);
        uint32_t dt = ms - ui->last_ms;
        if (dt > 0) {   /* px/ms, smoothed over the last few moves */
            float v = dy / (float)dt;
            ui->velocity = 0.6f * v + 0.4f * ui->velocity;
        }
        ui_scroll_by(ui, dy);
        ui->last_y = y;
        ui->last_ms = ms;
    }
}

void ui_release(Ui *ui, int x, int y, uint32_t ms)
{
    if (!ui->pressing)
        return;
    ui->pressing = false;
    if (ui->dragging && ui->dialog == UI_DIALOG_NONE) {
        ui_drag(ui, x, y, ms);
        ui->dragging = false;
        if (ms - ui->last_ms > 100)
            ui->velocity = 0;   /* the finger stopped before lifting */
        ui->anim_ms = ms;
        return;
    }
    ui->velocity = 0;
    const UiButton *b = ui_hit(ui, x, y);
    if (!b)
        return;
    switch (b->kind) {
    case BTN_SCREEN:
        ui_show(ui, (UiScreen)b->target, ui->lang);
        break;
    case BTN_BACK:
        if (ui->n_history > 0) {
            UiScreen prev = ui->history[--ui->n_history];
            ui->screen = prev, ui->scroll = 0;
            ui->need_layout = ui->dirty = true;
        } else
            ui_show(ui, SCREEN_HOME, ui->lang);
        break;
    case BTN_LANG:
        if ((Lang)b->target != ui->lang) {  /* same screen, same place */
            ui->lang = (Lang)b->target;
            ui->need_layout = ui->dirty = true;
        }
        break;
    case BTN_ACTION:
        ui->action = (UiAction)b->target;
        break;
    case BTN_KEY: {
        size_t len = strlen(ui->pin);
        if (b->target == 9 && len > 0)
            ui->pin[len - 1] = '\0';
        else if (b->target == 11)
            ui->action = UI_ACTION_PIN;
        else if (b->target != 9 && len < 16) {
            ui->pin[len] = b->target == 10 ? '0' : (char)('1' + b->target);
            ui->pin[len + 1] = '\0';
        }
        ui->need_layout = ui->dirty = true;
        break;
    }
    }
}

bool ui_animate(Ui *ui, uint32_t ms)
{
    if (ui->pressing || ui->velocity == 0)
        return false;
    uint32_t dt = ms - ui->anim_ms;
    ui->anim_ms = ms;
    if (dt > 100)
        dt = 100;
    ui_scroll_by(ui, ui->velocity * (float)dt);
    ui->velocity *= powf(0.995f, (float)dt);    /* about a second to settle */
    if (fabsf(ui->velocity) < 0.02f)
        ui->velocity = 0;
    return ui->velocity != 0;
}

/* the centre of the first button matching kind and target, in window pixels */
static int ui_find(Ui *ui, UiButtonKind kind, int target, int *x, int *y)
{
    if (ui->need_layout)
        ui_layout(ui);
    int scroll = (int)lroundf(ui->scroll);
    for (int i = 0; i < ui->n_buttons; i++) {
        const UiButton *b = &ui->buttons[i];
        if (b->kind != kind || b->target != target)
            continue;
        int cy = (b->scrolls ? b->y - scroll : b->y) + b->h / 2;
        if (b->scrolls && (cy < ui->body_y || cy >= ui->body_y + ui->body_h))
            continue;
        *x = b->x + b->w / 2, *y = cy;
        return 0;
    }
    return -1;
}

int ui_find_button(Ui *ui, UiScreen target, int *x, int *y)
{
    if (ui_find(ui, BTN_SCREEN, target, x, y) == 0)
        return 0;
    return target == SCREEN_HOME ? ui_find(ui, BTN_BACK, SCREEN_HOME, x, y) : -1;
}

int ui_find_lang_button(Ui *ui, Lang lang, int *x, int *y)
{
    return ui_find(ui, BTN_LANG, lang, x, y);
}

int ui_target(Ui *ui, int i, int *x, int *y, int *w, int *h)
{
    if (ui->need_layout)
        ui_layout(ui);
    if (i >= 0 && i < ui->n_buttons) {
        const UiButton *b = &ui->buttons[i];
        *x = b->x, *y = b->scrolls ? b->y - (int)lroundf(ui->scroll) : b->y;
        *w = b->w, *h = b->h;
    }
    return ui->n_buttons;
}

int ui_dropped_lines(Ui *ui)
{
    if (ui->need_layout)
        ui_layout(ui);
    return ui->dropped;
}

int ui_cut_words(Ui *ui)
{
    if (ui->need_layout)
        ui_layout(ui);
    return ui->cut;
}
