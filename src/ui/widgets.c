/* widgets.c - what the screens are made of: lines and wrapped text (measured through
 * UiMetrics), icons, headings, label-and-value fields, tiles and the links to related
 * screens, the open/closed line. Each adds commands (and buttons) to the draw list. */
#include "ui/ui_private.h"
#include <string.h>
#include "core/text.h"

/* Faces a language's script needs beyond its direction, by code: Urdu reads in
 * Nastaliq. To add one: a row (a language of another script needs its face in
 * render_text.c's table first). */
static const struct { const char *code; int style; } ui_lang_faces[] = {
    { "ur", TEXT_STYLE_NASTALIQ },
};

int ui_lang_style(Lang lang)
{
    if (i18n_direction(lang) != I18N_RTL)
        return 0;
    int style = TEXT_STYLE_RTL;
    for (size_t i = 0; i < sizeof ui_lang_faces / sizeof ui_lang_faces[0]; i++)
        if (strcmp(i18n_code(lang), ui_lang_faces[i].code) == 0)
            style |= ui_lang_faces[i].style;
    return style;
}

int ui_style(const Ui *ui, int style)
{
    if (style & (UI_STYLE_ICON | TEXT_STYLE_RTL | TEXT_STYLE_LTR))
        return style;
    return style | ui->lang_style;
}

Lang ui_text_lang(const Ui *ui, const char *text)
{
    const Content *c = ui_content(ui, ui->lang);
    return c ? content_text_lang(c, text) : ui->lang;
}

/* the width of s[0..len) in style, from render's fonts (or a test's fake) */
int ui_width(Ui *ui, const char *s, size_t len, int style)
{
    return ui->m.measure(ui->m.ctx, s, len, ui_style(ui, style));
}

/* the height of a line in style */
int ui_line_height(Ui *ui, int style)
{
    return ui->m.line_height(ui->m.ctx, ui_style(ui, style));
}

/* one line of text at (x, y) in a box of width w; returns its height */
int ui_line(Ui *ui, int x, int y, int w, const char *s, size_t len, int style,
            ThemeColor ink, ThemeColor bg, UiAlign align)
{
    style = ui_style(ui, style);
    int full = ui_width(ui, s, len, style), tw = full;
    int lh = ui_line_height(ui, style);
    if (tw > w)
        tw = w;     /* a caller laid out too little room: the test of clipping sees it */
    if (ui->mirror) {   /* the box from the right; a text starts at the right edge of
                           its box, unless it is a left-to-right one of its own */
        x = ui_mirror_x(ui, x, w);
        if (!(style & TEXT_STYLE_LTR) || align == ALIGN_CENTER)
            align = align == ALIGN_LEFT ? ALIGN_RIGHT
                  : align == ALIGN_RIGHT ? ALIGN_LEFT : ALIGN_CENTER;
    } else if (style & TEXT_STYLE_RTL && align == ALIGN_LEFT)
        align = ALIGN_RIGHT;    /* a right-to-left text in a left-to-right layout */
    UiCmd *c = ui_push(ui, UI_TEXT);
    c->x = x, c->y = y, c->w = w, c->h = lh;
    if (align == ALIGN_CENTER)
        c->x = x + (w - tw) / 2, c->w = tw;
    else if (align == ALIGN_RIGHT)
        c->x = x + w - tw, c->w = tw;
    c->text = s, c->len = (int)len, c->style = style, c->text_w = full;
    c->color = ui_color(ui, ink), c->bg = ui_color(ui, bg);
    return lh;
}

/* wrapped text in a box of width w from (x, y); returns the height used. At most
 * max_lines lines (0: no limit). */
int ui_text(Ui *ui, int x, int y, int w, const char *s, int style, ThemeColor ink,
            ThemeColor bg, UiAlign align, int max_lines)
{
    TextLine lines[UI_MAX_LINES];
    if (!s || !*s)
        return 0;
    style = ui_style(ui, style);
    int n = text_wrap(s, w, (TextMeasureFn)ui->m.measure, ui->m.ctx, style, lines, UI_MAX_LINES);
    if (n > UI_MAX_LINES) {
        n = UI_MAX_LINES;
        ui->list.overflows++;
    }
    if (max_lines > 0 && n > max_lines) {
        n = max_lines;
        ui->list.dropped++;     /* lines a visitor will not see: the tests count them */
    }
    for (int i = 0; i + 1 < n; i++)
        if (lines[i].cut)
            ui->list.cut++;     /* a word wider than the box, broken: the tests count them */
    int lh = ui_line_height(ui, style), h = 0;
    for (int i = 0; i < n; i++) {
        if (lines[i].len > 0)
            ui_line(ui, x, y + h, w, s + lines[i].off, lines[i].len, style, ink, bg, align);
        h += lines[i].len > 0 ? lh : lh / 2;    /* a blank line between paragraphs */
    }
    return h;
}

/* body text in a box of width w; returns the height used */
int ui_paragraph(Ui *ui, int x, int y, int w, const char *s)
{
    return ui_text(ui, x, y, w, s, ui->s_body, COLOR_TEXT, COLOR_BG, ALIGN_LEFT, 0);
}

/* how many lines s needs in width w */
int ui_count_lines(Ui *ui, const char *s, int w, int style)
{
    TextLine lines[UI_MAX_LINES];
    return text_wrap(s, w, (TextMeasureFn)ui->m.measure, ui->m.ctx, ui_style(ui, style), lines,
                     UI_MAX_LINES);
}

Lang ui_texts_lang(const Ui *ui, const char *const *parts, int n)
{
    for (int i = 0; i < n; i++) {
        Lang from = parts[i] && *parts[i] ? ui_text_lang(ui, parts[i]) : ui->lang;
        if (from != ui->lang)
            return from;
    }
    return ui->lang;
}

int ui_content_text(Ui *ui, int x, int y, int w, const char *s, int style, ThemeColor ink,
                    ThemeColor bg)
{
    return ui_content_text_in(ui, x, y, w, s, ui_text_lang(ui, s), style, ink, bg);
}

int ui_content_text_in(Ui *ui, int x, int y, int w, const char *s, Lang from, int style,
                       ThemeColor ink, ThemeColor bg)
{
    if (!s || !*s || from == ui->lang)
        return ui_text(ui, x, y, w, s, style, ink, bg, ALIGN_LEFT, 0);
    int own = ui_lang_style(from);
    const char *note = i18n_str(ui->lang, from == LANG_EL ? STR_IN_GREEK : STR_IN_ENGLISH);
    int ns = ui->s_small, is = ns * 5 / 4;
    int lh = ui_line_height(ui, ns);
    ui_icon(ui, x, y, is, lh, ICON_TRANSLATE, is, COLOR_MUTED, bg);
    int h = ui_text(ui, x + is + ui->gap / 2, y, w - is - ui->gap / 2, note, ns, COLOR_MUTED, bg,
                    ALIGN_LEFT, 0);
    if (h < lh)
        h = lh;
    return h + ui_text(ui, x, y + h, w, s, style | (own ? own : TEXT_STYLE_LTR), ink, bg,
                       ALIGN_LEFT, 0);
}

int ui_content_paragraph(Ui *ui, int x, int y, int w, const char *s)
{
    return ui_content_text(ui, x, y, w, s, ui->s_body, COLOR_TEXT, COLOR_BG);
}

/* an icon glyph centred in a box */
void ui_icon(Ui *ui, int x, int y, int w, int h, const char *icon, int size,
             ThemeColor ink, ThemeColor bg)
{
    int style = size | UI_STYLE_ICON;
    int lh = ui_line_height(ui, style);
    ui_line(ui, x, y + (h - lh) / 2, w, icon, strlen(icon), style, ink, bg, ALIGN_CENTER);
}

static bool ui_words_fit(Ui *ui, const char *s, int w, int style);

/* size, made smaller until every word of s fits the width w whole (a long word in
 * large text or a narrow screen), but not below body text */
int ui_fit_words(Ui *ui, const char *s, int w, int size, int flags)
{
    while (size > ui->s_body && !ui_words_fit(ui, s, w, size | flags))
        size -= size / 16 > 1 ? size / 16 : 1;
    return size;
}

/* a section heading in the body, smaller when one of its words would not fit the
 * width whole (a long word in large text); returns the height used */
int ui_heading(Ui *ui, int x, int y, int w, const char *s, int size)
{
    char caps[512];
    text_upper(s, caps, sizeof caps);
    const char *t = ui_printf(ui, "%s", caps);
    size = ui_fit_words(ui, t, w, size, UI_STYLE_BOLD);
    return ui_text(ui, x, y, w, t, size | UI_STYLE_BOLD, COLOR_ACCENT, COLOR_BG, ALIGN_LEFT, 0);
}

/* "Label: value" as a bold label line above a value; returns the height used */
int ui_field(Ui *ui, int x, int y, int w, StrId label, const char *value)
{
    return ui_field_in(ui, x, y, w, label, value, ui_text_lang(ui, value));
}

int ui_field_in(Ui *ui, int x, int y, int w, StrId label, const char *value, Lang from)
{
    if (!value || !*value)
        return 0;
    int h = ui_text(ui, x, y, w, i18n_str(ui->lang, label), ui->s_small | UI_STYLE_BOLD,
                    COLOR_MUTED, COLOR_BG, ALIGN_LEFT, 0);
    h += ui_content_text_in(ui, x, y + h, w, value, from, ui->s_body, COLOR_TEXT, COLOR_BG);
    return h + ui->gap;
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
int ui_tile_style(Ui *ui, int w)
{
    const UiScreen *tiles;
    int n = ui_screen_related(SCREEN_HOME, &tiles);
    const int sizes[] = { ui->s_tile, ui->s_body, ui->s_small };
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        bool fit = true;
        for (int t = 0; t < n && fit; t++)
            fit = ui_words_fit(ui, i18n_str(ui->lang, ui_screen_def(tiles[t])->title), w,
                               sizes[k] | UI_STYLE_BOLD);
        if (fit)
            return sizes[k] | UI_STYLE_BOLD;
    }
    return ui->s_small | UI_STYLE_BOLD;
}

/* a button to another screen, drawn as a tile: its icon and title (in style ls), at
 * (x, y), w x h */
void ui_tile(Ui *ui, int x, int y, int w, int h, UiScreen target, bool row, int ls)
{
    ui_rect(ui, x, y, w, h, COLOR_TILE_BG);
    ui_rect(ui, x, y + h - 3, w, 3, COLOR_ACCENT);
    const UiScreenDef *def = ui_screen_def(target);
    const char *text = i18n_str(ui->lang, def->title), *icon = def->icon;
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

/* the links to the current screen's related screens, as in the table: side by side
 * on a wide screen, else one a row; returns the height used */
int ui_links(Ui *ui, int x, int y, int w)
{
    const UiScreen *all;
    UiScreen targets[SCREEN_COUNT];
    int n = 0, related = ui_screen_related(ui->screen, &all);
    for (int i = 0; i < related; i++)   /* the directory only when it has member services */
        if (all[i] != SCREEN_SERVICES || ui->dir.members)
            targets[n++] = all[i];
    if (n == 0)
        return 0;
    int cols = w > 60 * ui->u && !ui->large_text ? n : 1;
    int tw = (w - (cols - 1) * ui->gap) / cols;
    int th = ui->target > (int)(5 * ui->u) ? ui->target : (int)(5 * ui->u);
    int h = 0, ls = ui_tile_style(ui, tw - ui->s_icon - 3 * ui->gap);
    if (ui->large_text && th < 2 * ui_line_height(ui, ls) + ui->gap)
        th = 2 * ui_line_height(ui, ls) + ui->gap;     /* room for a label of two lines */
    for (int i = 0; i < n; i++) {
        int col = i % cols, row = i / cols;
        ui_tile(ui, x + col * (tw + ui->gap), y + row * (th + ui->gap), tw, th, targets[i],
                true, ls);
        h = (row + 1) * (th + ui->gap);
    }
    return h;
}

/* the status line with its icon in the open or closed colour; returns the height */
int ui_status(Ui *ui, int x, int y, int w, int size)
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
