/* home.c - the first screen: the centre's name and parent body, open or closed now,
 * today's date, and a tile for each screen in home's row of the table. */
#include "ui/ui_private.h"

/* the height a tile w wide needs for its icon and the longest label's lines (at most
 * two: Urdu's one-line labels keep its tall lines short), in label style ls */
static int home_tile_min_h(Ui *ui, const UiScreen *tiles, int n, int w, int ls)
{
    int lines = 1;
    for (int i = 0; i < n && lines < 2; i++)
        lines = ui_count_lines(ui, i18n_str(ui->lang, ui_screen_def(tiles[i])->title),
                               w - 2 * ui->gap, ls) > 1 ? 2 : 1;
    int h = ui_line_height(ui, ui->s_big_icon | UI_STYLE_ICON) +
            lines * ui_line_height(ui, ls) + ui->gap;
    return h < ui->target ? ui->target : h;
}

/* the tiles in what is left of the body below y: 4 columns in landscape, 2 in
 * portrait, the last row centred (in large text, a column of links); returns their
 * bottom */
static int home_tiles(Ui *ui, int x, int y, int w)
{
    const UiScreen *all;
    UiScreen tiles[SCREEN_COUNT];
    int n = 0, related = ui_screen_related(SCREEN_HOME, &all);
    for (int i = 0; i < related; i++)   /* the directory only when it has member services */
        if (all[i] != SCREEN_SERVICES || ui->dir.members)
            tiles[n++] = all[i];
    if (ui->large_text)         /* one column of links, the page scrolls */
        return y + ui_links(ui, x, y, w) - ui->gap;
    int cols = ui->w > ui->h ? 4 : 2;
    int rows = (n + cols - 1) / cols;
    int tw = (w - (cols - 1) * ui->gap) / cols;
    int ls = ui_tile_style(ui, tw - 2 * ui->gap);
    int min_h = home_tile_min_h(ui, tiles, n, tw, ls);
    int th = (ui->body_h - y - ui->pad - (rows - 1) * ui->gap) / rows;
    if (th < min_h)
        th = min_h;
    if (th > tw)
        th = tw > min_h ? tw : min_h;
    for (int i = 0; i < n; i++) {
        int row = i / cols, col = i % cols;
        int in_row = (row == rows - 1) ? n - row * cols : cols;
        int offset = (w - (in_row * tw + (in_row - 1) * ui->gap)) / 2;
        ui_tile(ui, x + offset + col * (tw + ui->gap), y + row * (th + ui->gap), tw, th,
                tiles[i], false, ls);
    }
    return y + rows * th + (rows - 1) * ui->gap;
}

UI_SCREEN_LAYOUT(screen_home)
{
    const Content *c = ui_content(ui, ui->lang);
    int name_size = ui->h >= 600 ? ui->s_h1 : ui->s_h2;   /* short screens: room for the tiles */
    name_size = ui_fit_words(ui, c->org_name, w, name_size, UI_STYLE_BOLD);
    y += ui_content_text(ui, x, y, w, c->org_name, name_size | UI_STYLE_BOLD, COLOR_TEXT,
                         COLOR_BG);
    const char *parent = *c->parent_name ? c->parent_name : c->department;
    y += ui_content_text(ui, x, y, w, parent, ui->s_body, COLOR_MUTED, COLOR_BG);
    y += ui->gap;
    y += ui_status(ui, x, y, w, ui->s_body);
    struct tm tm;
    localtime_r(&ui->now, &tm);
    char date[128];
    i18n_format_long_date(ui->lang, tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                          (tm.tm_wday + 6) % 7, date, sizeof date);
    y += ui_paragraph(ui, x, y, w, ui_printf(ui, "%s", date));
    return home_tiles(ui, x, y + ui->pad, w);
}
