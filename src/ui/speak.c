/* speak.c - a draw list as speech. Three passes: the lines of a wrapped paragraph
 * (text commands one under the other in the same style, drawn one after another)
 * become a block; a box (a rectangle drawn before two or more blocks that it holds: a
 * card, the header, a dialog) gathers its blocks; then boxes and lone blocks are read
 * row by row, a row being what overlaps its first item vertically. Within a row the
 * items are joined by commas, rows end with a full stop, so the synthesiser pauses
 * where the eye does. */
#include "ui/speak.h"
#include <stdlib.h>
#include <string.h>
#include "core/i18n.h"
#include "core/text.h"

#define SPEAK_MAX_BLOCKS 768
#define SPEAK_MAX_LINES  2048
#define SPEAK_BLOCK_TEXT 4096

typedef struct SpeakItem {
    int x, y, w, h;
    int key;                    /* across a row: x, or the right edge negated for RTL */
    int band;                   /* 0 the fixed top, 1 the scrolling body, 2 the fixed bottom */
    int row;                    /* set by speak_order */
    int index;                  /* a block, or a box (a command index) */
    int order;                  /* the draw order: ties keep it */
} SpeakItem;

typedef struct SpeakBlock {
    int x, y, w, h;
    int first, n_lines;         /* into the line list */
    int first_cmd;
    bool scrolls;
    int box;                    /* the command index of the box holding it, or -1 */
} SpeakBlock;

typedef struct SpeakOut {
    char *out;
    size_t cap;
    size_t len;                 /* what the whole text needs */
    size_t used;                /* what was written: len until a piece did not fit */
    bool full;                  /* a piece did not fit: nothing more is copied */
    char tail[3];               /* the whole text's last bytes, copied or not */
} SpeakOut;

/* appends n bytes whole or, once one does not fit, nothing more */
static void speak_put(SpeakOut *o, const char *s, size_t n)
{
    if (!o->full && o->used + n < o->cap) {
        memcpy(o->out + o->used, s, n);
        o->used += n;
    } else
        o->full = true;
    o->len += n;
    for (size_t i = n > 3 ? n - 3 : 0; i < n; i++) {
        memmove(o->tail, o->tail + 1, 2);
        o->tail[2] = s[i];
    }
}

static void speak_puts(SpeakOut *o, const char *s) { speak_put(o, s, strlen(s)); }

static bool speak_digit(char c) { return c >= '0' && c <= '9'; }

/* a time "9:05" or "09:00" at s (not inside a longer number): its length, else 0 */
static size_t speak_time_at(const char *s, const char *start)
{
    if (s > start && (speak_digit(s[-1]) || s[-1] == ':'))
        return 0;
    size_t h = speak_digit(s[0]) ? (speak_digit(s[1]) ? 2 : 1) : 0;
    if (!h || s[h] != ':' || !speak_digit(s[h + 1]) || !speak_digit(s[h + 2]) ||
        speak_digit(s[h + 3]))
        return 0;
    return h + 3;
}

/* writes a time as it is said: "09:00" -> "9", "16:30" -> "16:30" */
static void speak_time(SpeakOut *o, const char *s, size_t n)
{
    size_t colon = n - 3;
    const char *h = s;
    if (colon == 2 && h[0] == '0')
        h++, colon--;
    speak_put(o, h, colon);
    if (!(s[n - 2] == '0' && s[n - 1] == '0'))
        speak_put(o, s + n - 3, 3);
}

/* text as lang says it: times, ranges of times, en dashes, "&" and middle dots */
static void speak_normalise(SpeakOut *o, const char *s, const char *lang)
{
    /* the words for a range ("09:00-17:00": "9 to 17") and for "&", from the
     * interface's words; a language the kiosk does not have says a range with a
     * pause and leaves "&" to the voice */
    Lang l = lang ? i18n_from_code(lang) : LANG_COUNT;
    const char *to = l < LANG_COUNT ? i18n_str(l, STR_SPEAK_TO) : NULL;
    const char *and = l < LANG_COUNT ? i18n_str(l, STR_SPEAK_AND) : NULL;
    const char *start = s;
    bool after_time = false;
    while (*s) {
        size_t t = speak_time_at(s, start);
        if (t) {
            speak_time(o, s, t);
            s += t;
            after_time = true;
            continue;
        }
        const char *p = s;
        while (*p == ' ')
            p++;
        bool hyphen = after_time && *p == '-' && speak_time_at(p + 1 + strspn(p + 1, " "), start);
        bool en_dash = strncmp(p, "\xe2\x80\x93", 3) == 0;
        bool number_before = s > start && speak_digit(s[-1]);
        if (en_dash && !(number_before && speak_digit(p[3 + strspn(p + 3, " ")]))) {
            speak_puts(o, ",");         /* "Plaka – Omonia": a pause */
            s = p + 3;
            after_time = false;
            continue;
        }
        if (hyphen || en_dash) {        /* "09:00-17:00", "9–17" */
            if (to) {
                speak_puts(o, " ");
                speak_puts(o, to);
                speak_puts(o, " ");
            } else
                speak_puts(o, ", ");
            s = p + (hyphen ? 1 : 3);
            s += strspn(s, " ");
            after_time = false;
            continue;
        }
        after_time = false;
        if (*s == '&' && and) {
            speak_puts(o, and);
            s++;
        } else if (*s == ' ' && (strncmp(p, "\xc2\xb7", 2) == 0 ||
                                 strncmp(p, "\xe2\x80\xa2", 3) == 0)) {
            s = p;                      /* no space before the dot's comma */
        } else if (strncmp(s, "\xc2\xb7", 2) == 0 || strncmp(s, "\xe2\x80\xa2", 3) == 0) {
            /* "Open now · closes at 16:00": a pause, where the dot is */
            speak_puts(o, ",");
            s += s[0] == '\xc2' ? 2 : 3;
        } else {
            size_t k = 1;
            while ((s[k] & 0xC0) == 0x80)
                k++;
            speak_put(o, s, k);
            s += k;
        }
    }
}

/* whether the text so far ends a clause: no full stop or comma to add */
static bool speak_ends_clause(const SpeakOut *o)
{
    if (o->len == 0)
        return true;
    static const char *const marks[] = { ".", "!", "?", ":", ";", ",", "\xe2\x80\xa6",
                                         "\xd8\x9f" /* ؟ */, "\xd8\x8c" /* ، */,
                                         "\xdb\x94" /* ۔ */, "\xcd\xbe" /* ; */ };
    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++) {
        size_t n = strlen(marks[i]);
        if (o->len >= n && memcmp(o->tail + 3 - n, marks[i], n) == 0)
            return true;
    }
    return false;
}

/* a separator before the next item: a comma within a row, a full stop between rows */
static void speak_separate(SpeakOut *o, bool same_row)
{
    if (o->len == 0)
        return;
    if (!speak_ends_clause(o))
        speak_puts(o, same_row ? "," : ".");
    speak_puts(o, " ");
}

static int speak_by_position(const void *pa, const void *pb)
{
    const SpeakItem *a = pa, *b = pb;
    if (a->band != b->band)
        return a->band - b->band;
    if (a->y != b->y)
        return a->y - b->y;
    return a->order - b->order;
}

static int speak_by_row(const void *pa, const void *pb)
{
    const SpeakItem *a = pa, *b = pb;
    if (a->row != b->row)
        return a->row - b->row;
    if (a->key != b->key)
        return a->key - b->key;
    return a->order - b->order;
}

/* sorts items into reading order and numbers their rows */
static void speak_order(SpeakItem *items, int n, bool rtl)
{
    qsort(items, (size_t)n, sizeof *items, speak_by_position);
    int row = -1, anchor = -1;
    for (int i = 0; i < n; i++) {
        const SpeakItem *a = anchor >= 0 ? &items[anchor] : NULL;
        if (!a || items[i].band != a->band || items[i].y >= a->y + a->h) {
            anchor = i;
            row++;
        }
        items[i].row = row;
        items[i].key = rtl ? -(items[i].x + items[i].w) : items[i].x;
    }
    qsort(items, (size_t)n, sizeof *items, speak_by_row);
}

/* a heading drawn in capitals ("ΩΡΑΡΙΟ ΛΕΙΤΟΥΡΓΙΑΣ"), as the interface word it was
 * made from ("Ωράριο λειτουργίας"): capitals lose the Greek accents, and a voice
 * stresses the wrong syllable or spells short words ("IT") without them. Other
 * texts stay as they are. */
static const char *speak_uncapitalise(const char *text, const char *lang)
{
    Lang l = lang ? i18n_from_code(lang) : LANG_COUNT;
    if (l == LANG_COUNT)
        return text;
    char caps[SPEAK_BLOCK_TEXT];
    for (int id = 0; id < STR_COUNT; id++) {
        const char *word = i18n_str(l, (StrId)id);
        if (strlen(word) >= sizeof caps / 2)
            continue;
        text_upper(word, caps, sizeof caps);
        if (strcmp(caps, text) == 0)
            return word;
    }
    return text;
}

/* a block's lines joined by spaces, then as said */
static void speak_block(SpeakOut *o, const UiCmd *cmds, const int *lines, const SpeakBlock *b,
                        const char *lang)
{
    char text[SPEAK_BLOCK_TEXT];
    size_t len = 0;
    for (int i = 0; i < b->n_lines; i++) {
        const UiCmd *c = &cmds[lines[b->first + i]];
        if (len + (size_t)c->len + 2 >= sizeof text)
            break;
        if (i > 0 && len > 0 && text[len - 1] != ' ')
            text[len++] = ' ';
        memcpy(text + len, c->text, (size_t)c->len);
        len += (size_t)c->len;
    }
    text[len] = '\0';
    speak_normalise(o, speak_uncapitalise(text, lang), lang);
}

static bool speak_inside(const UiCmd *r, const SpeakBlock *b)
{
    return b->x >= r->x && b->y >= r->y && b->x + b->w <= r->x + r->w &&
           b->y + b->h <= r->y + r->h;
}

size_t speak_text(const UiCmd *cmds, int n, bool rtl, const char *lang, char *out, size_t cap)
{
    SpeakOut o = { out, cap, 0, 0, false, { 0, 0, 0 } };
    if (cap > 0)
        out[0] = '\0';
    /* one allocation for the working lists: ~80 KB, once per Listen */
    struct {
        int lines[SPEAK_MAX_LINES];
        SpeakBlock blocks[SPEAK_MAX_BLOCKS];
        SpeakItem items[SPEAK_MAX_BLOCKS], inner[SPEAK_MAX_BLOCKS];
    } *w = malloc(sizeof *w);
    if (!w)
        return 0;
    int *lines = w->lines;
    SpeakBlock *blocks = w->blocks;
    SpeakItem *items = w->items, *inner = w->inner;
    int n_lines = 0, n_blocks = 0, prev_text = -1;
    int screen_w = 0, screen_h = 0;
    /* pass 1: blocks */
    for (int i = 0; i < n; i++) {
        const UiCmd *c = &cmds[i];
        if (!c->scrolls) {
            if (c->x + c->w > screen_w) screen_w = c->x + c->w;
            if (c->y + c->h > screen_h) screen_h = c->y + c->h;
        }
        if (c->kind != UI_TEXT || (c->style & UI_STYLE_ICON) || c->len <= 0 || !c->text)
            continue;
        SpeakBlock *b = n_blocks ? &blocks[n_blocks - 1] : NULL;
        const UiCmd *last = b ? &cmds[lines[b->first + b->n_lines - 1]] : NULL;
        bool joins = b && prev_text == i - 1 && last->style == c->style &&
                     last->color == c->color && last->bg == c->bg &&
                     last->scrolls == c->scrolls && abs(c->y - (last->y + last->h)) <= 1 &&
                     c->x < last->x + last->w && last->x < c->x + c->w;
        prev_text = i;
        if (n_lines == SPEAK_MAX_LINES || (!joins && n_blocks == SPEAK_MAX_BLOCKS))
            break;
        lines[n_lines++] = i;
        if (joins) {
            int x2 = b->x + b->w > c->x + c->w ? b->x + b->w : c->x + c->w;
            b->x = b->x < c->x ? b->x : c->x;
            b->w = x2 - b->x;
            b->h = c->y + c->h - b->y;
            b->n_lines++;
            continue;
        }
        blocks[n_blocks++] = (SpeakBlock){ c->x, c->y, c->w, c->h, n_lines - 1, 1, i,
                                           c->scrolls, -1 };
    }
    /* pass 2: boxes, the smallest rectangle drawn under two or more blocks (not the
     * screen's background) */
    for (int i = 0; i < n && screen_w == 0; i++)    /* no fixed part: the whole list */
        for (int k = 0; k < n; k++) {
            if (cmds[k].x + cmds[k].w > screen_w) screen_w = cmds[k].x + cmds[k].w;
            if (cmds[k].y + cmds[k].h > screen_h) screen_h = cmds[k].y + cmds[k].h;
        }
    long screen_area = (long)screen_w * screen_h;
    for (int i = 0; i < n_blocks; i++) {
        long best = -1;
        for (int r = 0; r < blocks[i].first_cmd; r++) {
            const UiCmd *c = &cmds[r];
            long area = (long)c->w * c->h;
            if (c->kind != UI_RECT || c->scrolls != blocks[i].scrolls ||
                area * 10 >= screen_area * 8 || (best >= 0 && area >= best) ||
                !speak_inside(c, &blocks[i]))
                continue;
            int held = 0;
            for (int k = 0; k < n_blocks && held < 2; k++)
                held += blocks[k].first_cmd > r && blocks[k].scrolls == c->scrolls &&
                        speak_inside(c, &blocks[k]);
            if (held >= 2) {
                best = area;
                blocks[i].box = r;
            }
        }
    }
    /* pass 3: boxes and lone blocks in reading order, a box's blocks in theirs */
    int body_top = -1;
    for (int i = 0; i < n_blocks; i++)
        if (blocks[i].scrolls && (body_top < 0 || blocks[i].y < body_top))
            body_top = blocks[i].y;
    int n_items = 0;
    for (int i = 0; i < n_blocks; i++) {
        int box = blocks[i].box;
        bool seen = false;
        for (int k = 0; k < i && box >= 0 && !seen; k++)
            seen = blocks[k].box == box;
        if (seen)
            continue;
        const UiCmd *r = box >= 0 ? &cmds[box] : NULL;
        SpeakItem it = { r ? r->x : blocks[i].x, r ? r->y : blocks[i].y,
                         r ? r->w : blocks[i].w, r ? r->h : blocks[i].h, 0, 0, 0, i, i };
        it.band = blocks[i].scrolls ? 1 : body_top >= 0 && it.y >= body_top ? 2 : 0;
        items[n_items++] = it;
    }
    speak_order(items, n_items, rtl);
    for (int i = 0; i < n_items; i++) {
        const SpeakBlock *b = &blocks[items[i].index];
        /* a comma between the lone texts of a row; boxes are sentences of their own */
        speak_separate(&o, i > 0 && items[i - 1].row == items[i].row && b->box < 0 &&
                               blocks[items[i - 1].index].box < 0);
        if (b->box < 0) {
            speak_block(&o, cmds, lines, b, lang);
            continue;
        }
        int n_inner = 0;
        for (int k = 0; k < n_blocks; k++)
            if (blocks[k].box == b->box)
                inner[n_inner++] = (SpeakItem){ blocks[k].x, blocks[k].y, blocks[k].w,
                                                blocks[k].h, 0, 0, 0, k, k };
        speak_order(inner, n_inner, rtl);
        for (int k = 0; k < n_inner; k++) {
            if (k > 0)
                speak_separate(&o, inner[k - 1].row == inner[k].row);
            speak_block(&o, cmds, lines, &blocks[inner[k].index], lang);
        }
    }
    if (o.len > 0 && !speak_ends_clause(&o))
        speak_puts(&o, ".");
    if (cap > 0)
        out[o.used] = '\0';
    free(w);
    return o.len;
}
