/* services.c - "Find a service": the member directory browsed by need, searched as the
 * visitor types, filtered. Categories first (the content's taxonomy, with a count
 * each); a search box with the on-screen keyboard; filter chips (open now, free, a
 * language, the category) that combine, each cleared by a tap and all by one; the
 * results a page at a time, read from the database when the query changed (never
 * every service in memory). "No results" offers the categories and the centre's phone.
 * The state is ui->dir; ui_dir_tap() is what its buttons do. */
#include "ui/ui_private.h"
#include "core/text.h"
#include <stdio.h>
#include <string.h>

/* what a directory button does: target = DIR_* * DIR_SPAN + an index */
enum {
    DIR_KEY,                    /* index: row * KB_MAX_KEYS + key */
    DIR_ERASE, DIR_SPACE, DIR_CLEAR_QUERY, DIR_LAYOUT, DIR_KEYBOARD,
    DIR_OPEN_NOW, DIR_FREE, DIR_LANGUAGE, DIR_CATEGORY_OFF, DIR_CLEAR_ALL,
    DIR_CATEGORY,               /* index: in ui->dir.cats */
    DIR_ROW,                    /* index: in ui->dir.rows */
    DIR_MORE, DIR_LESS
};
#define DIR_SPAN 1000

/* the languages the filter offers, each named in its own script; to add one, a row */
static const struct { const char *code, *name; } dir_languages[] = {
    { "el", "Ελληνικά" }, { "en", "English" }, { "ar", "العربية" }, { "fa", "فارسی" },
    { "ur", "اردو" }, { "fr", "Français" }, { "uk", "Українська" }, { "tr", "Türkçe" },
};
#define DIR_LANGUAGES ((int)(sizeof dir_languages / sizeof dir_languages[0]))

/* the icon of a category, by its code; the six committee areas have their own */
static const struct { const char *code, *icon; } category_icons[] = {
    { "skills-work", ICON_WORK },   { "city-life", ICON_CITY },   { "education", ICON_SCHOOL },
    { "gender", ICON_WOMAN },       { "rights-legal", ICON_GAVEL }, { "health", ICON_HOSPITAL },
    { "housing", ICON_CITY },       { "legal-counselling", ICON_GAVEL },
    { "asylum", ICON_GAVEL },       { "medical", ICON_HOSPITAL },
};

static const char *category_icon(const char *code)
{
    for (size_t i = 0; i < sizeof category_icons / sizeof category_icons[0]; i++)
        if (strcmp(category_icons[i].code, code) == 0)
            return category_icons[i].icon;
    return ICON_CATEGORY;
}

/* ---- the state ---- */

void ui_dir_reset(Ui *ui)
{
    UiDirectory *d = &ui->dir;
    d->query[0] = 0;
    d->layout = ui->lang == LANG_EL ? KB_GREEK : KB_LATIN;
    d->keyboard = false;
    d->open_now = d->free = false;
    d->language = -1;
    d->category[0] = d->category_name[0] = 0;
    d->page = 0;
    d->stale = d->cats_stale = true;
}

void ui_set_directory(Ui *ui, Db *db)
{
    ui->dir.db = db;
    ui->dir.members = db && db_directory_has_members(db) == 1;
    ui->dir.service[0] = 0;
    ui_dir_reset(ui);
    ui_invalidate(ui);
}

void ui_show_service(Ui *ui, const char *id)
{
    snprintf(ui->dir.service, sizeof ui->dir.service, "%s", id);
    ui->dir.card_stale = true;
    ui_show(ui, SCREEN_SERVICE, ui->lang);
    ui_invalidate(ui);
}

bool ui_dir_filtered(const Ui *ui)
{
    const UiDirectory *d = &ui->dir;
    return d->open_now || d->free || d->language >= 0 || d->category[0];
}

/* reads the page of results (and the categories) again when what was asked changed */
static void dir_refresh(Ui *ui)
{
    UiDirectory *d = &ui->dir;
    long minute = (long)(ui->now / 60);
    if (d->minute != minute || d->lang != ui->lang)
        d->stale = d->cats_stale = true;    /* "open now" and the names follow */
    d->minute = minute, d->lang = ui->lang;
    if (!d->db)
        return;
    if (d->cats_stale) {
        d->n_cats = db_directory_categories(d->db, NULL, ui->lang, d->cats, UI_DIR_CATS);
        if (d->n_cats < 0)
            d->n_cats = 0;
        d->cats_stale = false;
    }
    if (!d->stale)
        return;
    DirQuery q = { .words = d->query, .category = d->category,
                   .language = d->language >= 0 ? dir_languages[d->language].code : NULL,
                   .open_now = d->open_now, .free = d->free, .now = ui->now };
    d->n_rows = db_directory_search(d->db, &q, ui->lang, d->page * UI_DIR_PAGE, UI_DIR_PAGE,
                                    d->rows, &d->total);
    if (d->n_rows < 0)          /* a database fault: an empty list, never a crash */
        d->n_rows = d->total = 0;
    d->stale = false;
}

/* what a directory button does */
void ui_dir_tap(Ui *ui, int target)
{
    UiDirectory *d = &ui->dir;
    int what = target / DIR_SPAN, i = target % DIR_SPAN;
    bool query = true;
    switch (what) {
    case DIR_KEY: {
        char key[8];
        if (kb_key(d->layout, i / KB_MAX_KEYS, i % KB_MAX_KEYS, key) == 0)
            kb_type(d->query, sizeof d->query, key);
        break;
    }
    case DIR_ERASE: kb_erase(d->query); break;
    case DIR_SPACE: kb_type(d->query, sizeof d->query, " "); break;
    case DIR_CLEAR_QUERY: d->query[0] = 0; break;
    case DIR_LAYOUT: d->layout = (KbLayout)((d->layout + 1) % KB_COUNT); query = false; break;
    case DIR_KEYBOARD: d->keyboard = !d->keyboard; query = false; break;
    case DIR_OPEN_NOW: d->open_now = !d->open_now; break;
    case DIR_FREE: d->free = !d->free; break;
    case DIR_LANGUAGE: d->language = d->language + 1 < DIR_LANGUAGES ? d->language + 1 : -1; break;
    case DIR_CATEGORY_OFF: d->category[0] = d->category_name[0] = 0; break;
    case DIR_CLEAR_ALL:
        d->open_now = d->free = false;
        d->language = -1;
        d->category[0] = d->category_name[0] = 0;
        break;
    case DIR_CATEGORY:          /* from "no results" too: the category's services, all */
        d->query[0] = 0;
        if (i < d->n_cats) {
            snprintf(d->category, sizeof d->category, "%s", d->cats[i].id);
            snprintf(d->category_name, sizeof d->category_name, "%s", d->cats[i].name);
        }
        break;
    case DIR_ROW:
        if (i < d->n_rows)
            ui_show_service(ui, d->rows[i].id);
        return;
    case DIR_MORE: d->page++; break;
    case DIR_LESS: d->page = d->page > 0 ? d->page - 1 : 0; break;
    default: return;
    }
    if (query) {
        d->stale = true;
        if (what != DIR_MORE && what != DIR_LESS)
            d->page = 0;
        if (what != DIR_MORE && what != DIR_LESS && what != DIR_KEY && what != DIR_ERASE &&
            what != DIR_SPACE)
            ui->in.scroll = 0;
    }
    ui_invalidate(ui);
}

/* ---- drawing ---- */

/* the height of a key, a chip and the search box: a touch target, and room for the
 * text of this window's size */
static int dir_row_h(Ui *ui)
{
    int h = (int)(2.7f * ui->u);
    int text = ui_line_height(ui, ui->s_body | UI_STYLE_BOLD) + ui->gap / 2;
    int icon = ui_line_height(ui, ui->s_icon | UI_STYLE_ICON) + ui->gap / 2;
    h = h > text ? h : text;    /* large text makes both larger */
    h = h > icon ? h : icon;
    return h > ui->target ? h : ui->target;
}

/* a button with a border (or filled when on), an icon and a label; returns its width */
static int dir_chip(Ui *ui, int x, int y, int h, const char *icon, const char *label, bool on,
                    int target, int maxw)
{
    int style = ui->s_small | UI_STYLE_BOLD;
    int is = ui->s_icon;
    int tw = ui_width(ui, label, strlen(label), style);
    int room = maxw - (icon ? is + ui->gap : 0) - 2 * ui->pad;
    if (tw > room && room > 0) {    /* large text on a narrow screen: a smaller label */
        int size = UI_STYLE_SIZE(style) * room / tw;
        style = (size > 8 ? size : 8) | UI_STYLE_BOLD;
        tw = ui_width(ui, label, strlen(label), style);
    }
    int w = (icon ? is + ui->gap : 0) + tw + 2 * ui->pad;
    if (w < ui->target)
        w = ui->target;
    /* on: the header's colours, which stand out from the page as the switch does there */
    ThemeColor bg = on ? COLOR_HEADER_BG : COLOR_TILE_BG;
    ThemeColor ink = on ? COLOR_HEADER_TEXT : COLOR_TILE_TEXT;
    ui_rect(ui, x, y, w, h, bg);
    int lx = x + ui->pad;
    if (icon) {
        ui_icon(ui, lx, y, is, h, icon, is, on ? COLOR_HEADER_TEXT : COLOR_ACCENT, bg);
        lx += is + ui->gap;
    }
    int lh = ui_line_height(ui, style);
    ui_line(ui, lx, y + (h - lh) / 2, tw, label, strlen(label), style, ink, bg, ALIGN_LEFT);
    ui_button(ui, x, y, w, h, BTN_DIR, target);
    return w;
}

typedef struct DirChip {
    const char *icon, *label;
    bool on;
    int target;
} DirChip;

/* the filters as a row of chips that wraps; returns the height used */
static int dir_filters(Ui *ui, int x, int y, int w)
{
    UiDirectory *d = &ui->dir;
    int h = dir_row_h(ui), cx = x, cy = y;
    DirChip chips[5];
    int n = 0;
    chips[n++] = (DirChip){ ICON_SCHEDULE, i18n_str(ui->lang, STR_DIR_OPEN_NOW),
                                     d->open_now, DIR_OPEN_NOW * DIR_SPAN };
    chips[n++] = (DirChip){ ICON_MONEY_OFF, i18n_str(ui->lang, STR_DIR_FREE), d->free,
                                     DIR_FREE * DIR_SPAN };
    chips[n++] = (DirChip){ ICON_TRANSLATE,
                                     d->language >= 0 ? dir_languages[d->language].name
                                                      : i18n_str(ui->lang, STR_DIR_ANY_LANGUAGE),
                                     d->language >= 0, DIR_LANGUAGE * DIR_SPAN };
    if (d->category[0])
        chips[n++] = (DirChip){ ICON_CLOSE, d->category_name, true,
                                         DIR_CATEGORY_OFF * DIR_SPAN };
    if (ui_dir_filtered(ui))
        chips[n++] = (DirChip){ ICON_FILTER_OFF, i18n_str(ui->lang, STR_DIR_CLEAR),
                                         false, DIR_CLEAR_ALL * DIR_SPAN };
    for (int i = 0; i < n; i++) {
        int style = ui->s_small | UI_STYLE_BOLD;
        int cw = ui->s_icon + ui->gap + ui_width(ui, chips[i].label, strlen(chips[i].label), style) +
                 2 * ui->pad;
        if (cx > x && cx + cw > x + w) {
            cx = x;
            cy += h + ui->gap;
        }
        cx += dir_chip(ui, cx, cy, h, chips[i].icon, chips[i].label, chips[i].on,
                       chips[i].target, w) + ui->gap;
    }
    return cy + h - y + ui->gap;
}

/* the search box: what was typed (or a hint), the keyboard and clear buttons */
static int dir_search_box(Ui *ui, int x, int y, int w)
{
    UiDirectory *d = &ui->dir;
    int h = dir_row_h(ui) + ui->gap;
    int bw = h;
    ui_rect(ui, x, y, w, h, COLOR_TILE_BG);
    ui_rect(ui, x, y + h - 3, w, 3, COLOR_ACCENT);
    ui_icon(ui, x, y, bw, h, ICON_SEARCH, ui->s_icon, COLOR_ACCENT, COLOR_TILE_BG);
    const char *t = d->query[0] ? d->query : i18n_str(ui->lang, STR_DIR_SEARCH_HINT);
    int style = ui->s_body | (d->query[0] ? UI_STYLE_BOLD : 0);
    int tw = w - 3 * bw - ui->gap;
    if (!d->query[0] && ui_width(ui, t, strlen(t), style) > tw)
        style = ui->s_small;    /* the hint, smaller; then left out if it still does not fit */
    if (d->query[0])            /* a long query: its end, where the visitor types */
        while (*t && ui_width(ui, t, strlen(t), style) > tw)
            text_utf8_next(&t);
    int lh = ui_line_height(ui, style);
    if (ui_width(ui, t, strlen(t), style) <= tw)
        ui_line(ui, x + bw, y + (h - lh) / 2, tw, t, strlen(t), style,
                d->query[0] ? COLOR_TILE_TEXT : COLOR_MUTED, COLOR_TILE_BG, ALIGN_LEFT);
    ui_icon(ui, x + w - 2 * bw, y, bw, h, d->keyboard ? ICON_KEYBOARD_HIDE : ICON_KEYBOARD,
            ui->s_icon, COLOR_ACCENT, COLOR_TILE_BG);
    /* one button for the box and its keyboard icon: each control once for the keypad */
    ui_button(ui, x, y, w - bw, h, BTN_DIR, DIR_KEYBOARD * DIR_SPAN);
    if (d->query[0]) {
        ui_icon(ui, x + w - bw, y, bw, h, ICON_CLOSE, ui->s_icon, COLOR_TILE_TEXT, COLOR_TILE_BG);
        ui_button(ui, x + w - bw, y, bw, h, BTN_DIR, DIR_CLEAR_QUERY * DIR_SPAN);
    }
    return h + ui->gap;
}

/* one key: its label centred on a tile, in style (a letter key's) */
static void dir_key(Ui *ui, int x, int y, int w, int h, const char *label, bool icon,
                    int target, int style)
{
    ui_rect(ui, x, y, w, h, COLOR_TILE_BG);
    if (icon)
        ui_icon(ui, x, y, w, h, label, ui->s_icon, COLOR_TILE_TEXT, COLOR_TILE_BG);
    else {
        int lh = ui_line_height(ui, style);
        ui_line(ui, x, y + (h - lh) / 2, w, label, strlen(label), style, COLOR_TILE_TEXT,
                COLOR_TILE_BG, ALIGN_CENTER);
    }
    ui_button(ui, x, y, w, h, BTN_DIR, target);
}

/* the keyboard of the current layout, its rows centred, and a last row with the
 * layout switch, space and erase; returns the height used */
static int dir_keyboard(Ui *ui, int x, int y, int w)
{
    UiDirectory *d = &ui->dir;
    const char *const *rows;
    int nr = kb_rows(d->layout, &rows), most = 0;
    for (int r = 0; r < nr; r++)
        if (kb_row_keys(d->layout, r) > most)
            most = kb_row_keys(d->layout, r);
    int g = ui->gap / 2 > 2 ? ui->gap / 2 : 2;
    int kw = (w - (most - 1) * g) / most;
    if (kw > 2 * dir_row_h(ui))
        kw = 2 * dir_row_h(ui);
    int kh = dir_row_h(ui);
    int top = y;
    /* the letters' size: the body's, smaller where the widest letter would not fit a key
       (large text on a narrow screen) */
    int style = ui->s_body | UI_STYLE_BOLD, widest = 0;
    for (int r = 0; r < nr; r++)
        for (int k = 0; k < kb_row_keys(d->layout, r); k++) {
            char key[8];
            kb_key(d->layout, r, k, key);
            int kw0 = ui_width(ui, key, strlen(key), style);
            widest = kw0 > widest ? kw0 : widest;
        }
    if (widest > kw - 4 && widest > 0) {
        int size = UI_STYLE_SIZE(style) * (kw - 4) / widest;
        style = (size > 8 ? size : 8) | UI_STYLE_BOLD;
    }
    for (int r = 0; r < nr; r++) {
        int n = kb_row_keys(d->layout, r);
        int rx = x + (w - (n * kw + (n - 1) * g)) / 2;
        for (int k = 0; k < n; k++) {
            char key[8];
            kb_key(d->layout, r, k, key);
            dir_key(ui, rx + k * (kw + g), y, kw, kh, ui_printf(ui, "%s", key), false,
                    DIR_KEY * DIR_SPAN + r * KB_MAX_KEYS + k, style);
        }
        y += kh + g;
    }
    /* the layout switch shows the next layout's letters; space; erase */
    int sw = 3 * kw, ew = 2 * kw, spw = most * kw + (most - 1) * g - sw - ew - 2 * g;
    int rx = x + (w - (most * kw + (most - 1) * g)) / 2;
    dir_key(ui, rx, y, sw, kh, kb_label((KbLayout)((d->layout + 1) % KB_COUNT)), false,
            DIR_LAYOUT * DIR_SPAN, style);
    dir_key(ui, rx + sw + g, y, spw, kh, ICON_SPACE_BAR, true, DIR_SPACE * DIR_SPAN, style);
    dir_key(ui, rx + sw + spw + 2 * g, y, ew, kh, ICON_BACKSPACE, true, DIR_ERASE * DIR_SPAN,
            style);
    y += kh + ui->gap;
    return y - top;
}

/* the categories as tiles with an icon, the name and the count; returns the height */
static int dir_categories(Ui *ui, int x, int y, int w)
{
    UiDirectory *d = &ui->dir;
    if (d->n_cats == 0)
        return 0;
    int cols = w > 90 * ui->u ? 3 : w > 55 * ui->u ? 2 : 1;    /* names of two words a line */
    int tw = (w - (cols - 1) * ui->gap) / cols;
    int th = ui->target + 2 * ui->gap > (int)(6 * ui->u) ? ui->target + 2 * ui->gap
                                                          : (int)(6 * ui->u);
    int ls = ui->s_body | UI_STYLE_BOLD;
    /* one height for all the tiles: the longest name's */
    int lw0 = tw - ui->s_big_icon - 3 * ui->gap - ui_width(ui, "0000", 4, ui->s_small | UI_STYLE_BOLD) -
              2 * ui->gap;
    for (int i = 0; i < d->n_cats; i++) {
        int need = ui_count_lines(ui, d->cats[i].name, lw0, ls) * ui_line_height(ui, ls) +
                   2 * ui->gap;
        if (need > th)
            th = need;
    }
    for (int i = 0; i < d->n_cats; i++) {
        int tx = x + (i % cols) * (tw + ui->gap), ty = y + (i / cols) * (th + ui->gap);
        ui_rect(ui, tx, ty, tw, th, COLOR_TILE_BG);
        ui_rect(ui, tx, ty + th - 3, tw, 3, COLOR_ACCENT);
        ui_icon(ui, tx + ui->gap, ty, ui->s_big_icon, th, category_icon(d->cats[i].code),
                ui->s_icon, COLOR_ACCENT, COLOR_TILE_BG);
        const char *count = ui_printf(ui, "%d", d->cats[i].count);
        int cw = ui_width(ui, count, strlen(count), ui->s_small | UI_STYLE_BOLD) + ui->gap;
        int lx = tx + ui->s_big_icon + 2 * ui->gap, lw = tw - (lx - tx) - cw - ui->gap;
        int lh = ui_count_lines(ui, d->cats[i].name, lw, ls) * ui_line_height(ui, ls);
        ui_text(ui, lx, ty + (th - lh) / 2, lw, d->cats[i].name, ls, COLOR_TILE_TEXT,
                COLOR_TILE_BG, ALIGN_LEFT, 0);
        int sh = ui_line_height(ui, ui->s_small | UI_STYLE_BOLD);
        ui_line(ui, tx + tw - cw - ui->gap, ty + (th - sh) / 2, cw, count, strlen(count),
                ui->s_small | UI_STYLE_BOLD, COLOR_MUTED, COLOR_TILE_BG, ALIGN_RIGHT);
        ui_button(ui, tx, ty, tw, th, BTN_DIR, DIR_CATEGORY * DIR_SPAN + i);
    }
    int rows = (d->n_cats + cols - 1) / cols;
    return rows * (th + ui->gap);
}

/* the open-now badge of a row's hours: its text and colour; NULL when no schedule */
const char *ui_dir_badge(Ui *ui, const HoursStatus *s, bool has_hours, ThemeColor *ink)
{
    if (!has_hours)
        return NULL;
    char line[320];
    hours_format_status(s, ui->now, ui->lang, line, sizeof line);
    *ink = s->open ? COLOR_OPEN : COLOR_CLOSED;
    return ui_printf(ui, "%s", line);
}

/* one result: name, organisation, then the badge, languages and "free"; a button */
static int dir_row(Ui *ui, int x, int y, int w, int i)
{
    const DirRow *r = &ui->dir.rows[i];
    int top = y;
    y += ui->gap;
    int ix = ui->s_icon + ui->gap, tw = w - ix - ui->gap;
    y += ui_text(ui, x, y, tw, r->name, ui->s_body | UI_STYLE_BOLD, COLOR_TEXT, COLOR_BG,
                 ALIGN_LEFT, 0);
    if (r->org[0])
        y += ui_text(ui, x, y, tw, r->org, ui->s_small, COLOR_MUTED, COLOR_BG, ALIGN_LEFT, 0);
    ThemeColor ink = COLOR_MUTED;
    const char *badge = !r->active ? i18n_str(ui->lang, STR_DIR_NOT_ACTIVE)
                                   : ui_dir_badge(ui, &r->hours, r->has_hours, &ink);
    if (!r->active)
        ink = COLOR_CLOSED;
    char more[256];
    snprintf(more, sizeof more, "%s%s%s", r->languages, r->free && r->languages[0] ? " · " : "",
             r->free ? i18n_str(ui->lang, STR_DIR_FREE) : "");
    if (badge)
        y += ui_text(ui, x, y, tw, badge, ui->s_small | UI_STYLE_BOLD, ink, COLOR_BG,
                     ALIGN_LEFT, 0);
    if (more[0])
        y += ui_text(ui, x, y, tw, ui_printf(ui, "%s", more), ui->s_small, COLOR_TEXT, COLOR_BG,
                     ALIGN_LEFT, 0);
    y += ui->gap;
    ui_icon(ui, x + w - ix, top, ix, y - top, r->alert ? ICON_WARNING : ICON_CHEVRON,
            ui->s_icon, r->alert ? COLOR_CLOSED : COLOR_ACCENT, COLOR_BG);
    ui_rect(ui, x, y, w, 1, COLOR_DIVIDER);
    ui_button(ui, x, top, w, y - top, BTN_DIR, DIR_ROW * DIR_SPAN + i);
    return y + 1 - top;
}

/* "no results": say so, offer the categories and the centre's phone */
static int dir_no_results(Ui *ui, int x, int y, int w)
{
    int top = y;
    y += ui_text(ui, x, y, w, i18n_str(ui->lang, STR_DIR_NO_RESULTS), ui->s_h2 | UI_STYLE_BOLD,
                 COLOR_TEXT, COLOR_BG, ALIGN_LEFT, 0) + ui->gap;
    const Content *c = ui_content(ui, ui->lang);
    if (c && *c->phone)
        y += ui_text(ui, x, y, w, ui_printf(ui, "%s %s", i18n_str(ui->lang, STR_DIR_ASK_CENTRE),
                                             c->phone),
                     ui->s_body, COLOR_TEXT, COLOR_BG, ALIGN_LEFT, 0) + ui->gap;
    y += dir_categories(ui, x, y, w);
    return y - top;
}

/* the results: the count, the rows of this page, and the page buttons */
static int dir_results(Ui *ui, int x, int y, int w)
{
    UiDirectory *d = &ui->dir;
    if (d->n_rows == 0)
        return dir_no_results(ui, x, y, w);
    int top = y;
    char found[96];
    i18n_format_count(ui->lang, found, sizeof found, STR_DIR_FOUND, (unsigned long)d->total,
                      d->total);
    y += ui_text(ui, x, y, w, ui_printf(ui, "%s", found),
                 ui->s_small | UI_STYLE_BOLD, COLOR_MUTED, COLOR_BG, ALIGN_LEFT, 0);
    ui_rect(ui, x, y, w, 1, COLOR_DIVIDER);
    y += 1;
    for (int i = 0; i < d->n_rows; i++)
        y += dir_row(ui, x, y, w, i);
    y += ui->gap;
    int cx = x;
    if (d->page > 0)
        cx += dir_chip(ui, cx, y, dir_row_h(ui), ICON_BACK, i18n_str(ui->lang, STR_DIR_PREVIOUS),
                       false, DIR_LESS * DIR_SPAN, w / 2 - ui->gap) + ui->gap;
    if ((d->page + 1) * UI_DIR_PAGE < d->total)
        dir_chip(ui, cx, y, dir_row_h(ui), ICON_EXPAND, i18n_str(ui->lang, STR_DIR_MORE), false,
                 DIR_MORE * DIR_SPAN, w / 2 - ui->gap);
    if (d->page > 0 || (d->page + 1) * UI_DIR_PAGE < d->total)
        y += dir_row_h(ui) + ui->gap;
    return y - top;
}

UI_SCREEN_LAYOUT(screen_services)
{
    UiDirectory *d = &ui->dir;
    dir_refresh(ui);
    bool browse = !d->query[0] && !ui_dir_filtered(ui);
    /* wide: the search and its keyboard on the left, what it finds on the right */
    int g = ui->gap / 2 > 2 ? ui->gap / 2 : 2, most = 0;
    for (int l = 0; l < KB_COUNT; l++)
        for (int r = 0; r < KB_MAX_ROWS; r++)
            most = kb_row_keys((KbLayout)l, r) > most ? kb_row_keys((KbLayout)l, r) : most;
    int need = most * ui->target + (most - 1) * g;   /* the longest row, each key a target */
    int lw = (w - 2 * ui->pad) * 2 / 5;
    if (lw < need)
        lw = need;
    bool wide = w > ui->h && lw <= (w - 2 * ui->pad) / 2;
    if (!wide)
        lw = w;
    int ly = y;
    ly += dir_search_box(ui, x, ly, lw);
    if (d->keyboard || wide)
        ly += dir_keyboard(ui, x, ly, lw);
    ly += dir_filters(ui, x, ly, lw);
    int rx = wide ? x + lw + 2 * ui->pad : x, rw = wide ? w - lw - 2 * ui->pad : w;
    int ry = wide ? y : ly;
    if (browse && d->n_cats > 0)
        ry += dir_categories(ui, rx, ry, rw);
    else
        ry += dir_results(ui, rx, ry, rw);
    return ly > ry ? ly : ry;
}

const char *ui_dir_label(Ui *ui, int target)
{
    UiDirectory *d = &ui->dir;
    int what = target / DIR_SPAN, i = target % DIR_SPAN;
    char key[8];
    switch (what) {
    case DIR_KEY:
        return kb_key(d->layout, i / KB_MAX_KEYS, i % KB_MAX_KEYS, key) == 0
                   ? ui_printf(ui, "%s", key) : "";
    case DIR_ERASE: return i18n_str(ui->lang, STR_ERASE);
    case DIR_SPACE: return " ";
    case DIR_CLEAR_QUERY: case DIR_KEYBOARD: return i18n_str(ui->lang, STR_DIR_SEARCH_HINT);
    case DIR_LAYOUT: return kb_label((KbLayout)((d->layout + 1) % KB_COUNT));
    case DIR_OPEN_NOW: return i18n_str(ui->lang, STR_DIR_OPEN_NOW);
    case DIR_FREE: return i18n_str(ui->lang, STR_DIR_FREE);
    case DIR_LANGUAGE:
        return d->language >= 0 ? dir_languages[d->language].name
                                : i18n_str(ui->lang, STR_DIR_ANY_LANGUAGE);
    case DIR_CATEGORY_OFF: return d->category_name;
    case DIR_CLEAR_ALL: return i18n_str(ui->lang, STR_DIR_CLEAR);
    case DIR_CATEGORY: return i < d->n_cats ? d->cats[i].name : "";
    case DIR_ROW: return i < d->n_rows ? d->rows[i].name : "";
    case DIR_MORE: return i18n_str(ui->lang, STR_DIR_MORE);
    case DIR_LESS: return i18n_str(ui->lang, STR_DIR_PREVIOUS);
    default: return "";
    }
}

/* ---- lookups for tests and the benchmark ---- */

/* the centre of the first directory button whose target is in [lo, hi) and passes
 * match (when given), in window pixels; 0, or -1 */
static int dir_find(Ui *ui, int lo, int hi, bool (*match)(Ui *, int, const void *),
                    const void *arg, int *x, int *y)
{
    ui_layout(ui);
    for (int i = 0; i < ui->list.n_buttons; i++) {
        const UiButton *b = &ui->list.buttons[i];
        if (b->kind != BTN_DIR || b->target < lo || b->target >= hi ||
            (match && !match(ui, b->target, arg)))
            continue;
        if (b->scrolls) {       /* out of sight: scrolled into view, as a visitor would */
            float max = (float)(ui->content_h - ui->body_h), s = ui->in.scroll;
            if (b->y - s < ui->body_y)
                s = (float)(b->y - ui->body_y);
            else if (b->y + b->h - s > ui->body_y + ui->body_h)
                s = (float)(b->y + b->h - ui->body_y - ui->body_h);
            s = s > max ? max : s < 0 ? 0 : s;
            if (s != ui->in.scroll)
                ui->in.scroll = s, ui->dirty = true;
        }
        int top = b->scrolls ? b->y - (int)(ui->in.scroll + 0.5f) : b->y;
        *x = b->x + b->w / 2, *y = top + b->h / 2;
        return 0;
    }
    return -1;
}

static bool key_types(Ui *ui, int target, const void *arg)
{
    char key[8];
    int i = target % DIR_SPAN;
    return kb_key(ui->dir.layout, i / KB_MAX_KEYS, i % KB_MAX_KEYS, key) == 0 &&
           strcmp(key, arg) == 0;
}

int ui_find_key(Ui *ui, const char *key, int *x, int *y)
{
    int what = strcmp(key, " ") == 0 ? DIR_SPACE : strcmp(key, "\b") == 0 ? DIR_ERASE
             : strcmp(key, "\t") == 0 ? DIR_LAYOUT : strcmp(key, "\x1b") == 0 ? DIR_CLEAR_QUERY
             : DIR_KEY;
    if (ui->screen == SCREEN_SERVICES && !ui->dir.keyboard && what != DIR_CLEAR_QUERY &&
        dir_find(ui, DIR_KEY * DIR_SPAN, (DIR_KEY + 1) * DIR_SPAN, NULL, NULL, x, y) != 0)
        ui_dir_tap(ui, DIR_KEYBOARD * DIR_SPAN);     /* the keyboard opens as a tap would */
    return dir_find(ui, what * DIR_SPAN, (what + 1) * DIR_SPAN, what == DIR_KEY ? key_types : NULL,
                    key, x, y);
}

int ui_find_category(Ui *ui, int i, int *x, int *y)
{
    return dir_find(ui, DIR_CATEGORY * DIR_SPAN + i, DIR_CATEGORY * DIR_SPAN + i + 1, NULL, NULL,
                    x, y);
}

int ui_find_result(Ui *ui, int i, int *x, int *y)
{
    return dir_find(ui, DIR_ROW * DIR_SPAN + i, DIR_ROW * DIR_SPAN + i + 1, NULL, NULL, x, y);
}

int ui_find_filter(Ui *ui, UiFilter f, int *x, int *y)
{
    static const int what[] = { [UI_FILTER_OPEN_NOW] = DIR_OPEN_NOW, [UI_FILTER_FREE] = DIR_FREE,
                                [UI_FILTER_LANGUAGE] = DIR_LANGUAGE,
                                [UI_FILTER_CATEGORY] = DIR_CATEGORY_OFF,
                                [UI_FILTER_CLEAR] = DIR_CLEAR_ALL };
    return dir_find(ui, what[f] * DIR_SPAN, what[f] * DIR_SPAN + 1, NULL, NULL, x, y);
}
