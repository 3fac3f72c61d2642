/* hours.c - open or closed now, this week's hours with today marked, the languages
 * spoken, and the closures of the next 60 days */
#include "ui/ui_private.h"
#include <stdio.h>
#include <string.h>

/* "09:00 – 17:00" in the language's digits */
static const char *hours_span(Ui *ui, int opens, int closes, char *out, size_t n)
{
    char a[32], b[32];
    i18n_format_time(ui->lang, opens, a, sizeof a);
    i18n_format_time(ui->lang, closes, b, sizeof b);
    snprintf(out, n, "%s – %s", a, b);
    return out;
}

/* day's hours as "09:00 – 17:00, ...", or "Closed: <holiday>", or "" if unknown */
static const char *hours_of_day(Ui *ui, const struct tm *day)
{
    HoursDay hd;
    char hours[256] = "";
    if (ui->hours && hours_day(ui->hours, day->tm_year + 1900, day->tm_mon + 1, day->tm_mday,
                               &hd) == 0) {
        size_t len = 0;
        for (int s = 0; s < hd.n_spans && len < sizeof hours - 32; s++) {
            char span[96];
            len += (size_t)snprintf(hours + len, sizeof hours - len, "%s%s", s ? ", " : "",
                                    hours_span(ui, hd.spans[s].opens_min,
                                               hd.spans[s].closes_min, span, sizeof span));
        }
        if (hd.n_spans == 0)
            snprintf(hours, sizeof hours, "%s%s%s", i18n_str(ui->lang, STR_CLOSED),
                     *hd.name[ui->lang] ? ": " : "", hd.name[ui->lang]);
    }
    return ui_printf(ui, "%s", hours);
}

/* this week, Monday to Sunday, a row a day with today marked; returns the bottom */
static int hours_week(Ui *ui, int x, int y, int w)
{
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
        ThemeColor bg = d == today ? COLOR_TODAY_BG : COLOR_BG;
        const char *hs = hours_of_day(ui, &day);
        bool stack = ui->large_text;    /* the hours under the day's name */
        int vx = stack ? ui->gap + ui->pad : name_w, vy = stack ? lh : 0;
        int vw = w - vx - ui->pad;
        int vh = ui_count_lines(ui, hs, vw, ui->s_body) * lh;
        int h = (stack ? lh + vh : vh > lh ? vh : lh) + ui->gap;
        if (d == today)
            ui_rect(ui, x, y, w, h, COLOR_TODAY_BG);
        const char *name = i18n_weekday(ui->lang, d);
        ui_line(ui, x + ui->gap, y + ui->gap / 2, stack ? w - 2 * ui->gap : name_w - ui->gap,
                name, strlen(name), ui->s_body | UI_STYLE_BOLD, COLOR_TEXT, bg, ALIGN_LEFT);
        ui_text(ui, x + vx, y + vy + ui->gap / 2, vw, hs, ui->s_body, COLOR_TEXT, bg,
                ALIGN_LEFT, 0);
        y += h > row_h ? h : row_h;
    }
    return y;
}

/* the languages spoken, under a heading, when the content names any; returns the
 * height used */
static int hours_languages(Ui *ui, int x, int y, int w)
{
    const Content *c = ui_content(ui, ui->lang);
    if (c->n_languages == 0)
        return 0;
    char langs[512] = "";
    size_t len = 0;
    const char *sep = ui->mirror ? "\xd8\x8c " : ", ";     /* Arabic script's comma, U+060C */
    for (int i = 0; i < c->n_languages && len < sizeof langs; i++)
        len += (size_t)snprintf(langs + len, sizeof langs - len, "%s%s", i ? sep : "",
                                c->languages[i]);
    int h = ui_heading(ui, x, y, w, i18n_str(ui->lang, STR_LANGUAGES), ui->s_body);
    return h + ui_paragraph(ui, x, y + h, w, ui_printf(ui, "%s", langs)) + ui->pad;
}

/* one closure: when, and why (with the special hours), side by side on a wide
 * screen, else one under the other; returns the height used */
static int hours_closure(Ui *ui, int x, int y, int w, const HoursClosing *cl)
{
    char from[64], to[64];
    i18n_format_date(ui->lang, cl->from / 10000, cl->from / 100 % 100, cl->from % 100, from,
                     sizeof from);
    i18n_format_date(ui->lang, cl->to / 10000, cl->to / 100 % 100, cl->to % 100, to, sizeof to);
    const char *when = cl->from == cl->to ? ui_printf(ui, "%s", from)
                                          : ui_printf(ui, "%s – %s", from, to);
    char span[96];
    const char *what = cl->reason == HOURS_SPECIAL
        ? ui_printf(ui, "%s (%s)", cl->name[ui->lang],
                    hours_span(ui, cl->opens_min, cl->closes_min, span, sizeof span))
        : ui_printf(ui, "%s", cl->name[ui->lang]);
    int lw = w / 2 > (int)(16 * ui->u) && !ui->large_text ? w / 2 : w;
    int h1 = ui_text(ui, x, y, lw, when, ui->s_body | UI_STYLE_BOLD, COLOR_TEXT, COLOR_BG,
                     ALIGN_LEFT, 0);
    int h2;
    if (lw == w)
        h1 += ui_paragraph(ui, x + ui->pad, y + h1, w - ui->pad, what), h2 = 0;
    else
        h2 = ui_paragraph(ui, x + lw, y, w - lw, what);
    return (h1 > h2 ? h1 : h2) + ui->gap / 2;
}

UI_SCREEN_LAYOUT(screen_hours)
{
    y += ui_status(ui, x, y, w, ui->s_body) + ui->pad;
    y += ui_heading(ui, x, y, w, i18n_str(ui->lang, STR_WEEK), ui->s_body) + ui->gap / 2;
    y = hours_week(ui, x, y, w) + ui->pad;
    y += hours_languages(ui, x, y, w);
    y += ui_heading(ui, x, y, w, i18n_str(ui->lang, STR_CLOSURES), ui->s_body);
    HoursClosing cl[16];
    int n = ui->hours ? hours_upcoming_closures(ui->hours, ui->now, 60, cl, 16) : 0;
    if (n == 0)
        y += ui_paragraph(ui, x, y, w, i18n_str(ui->lang, STR_NO_CLOSURES));
    for (int i = 0; i < n; i++)
        y += hours_closure(ui, x, y, w, &cl[i]);
    return y + ui->pad + ui_links(ui, x, y + ui->pad, w);
}
