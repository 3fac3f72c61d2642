/* ui_private.h - what the files of src/ui share and nothing outside sees but
 * tests/test_ui.c (which reads the screen table and fills the draw list): the Ui
 * context, split by the file that owns each part, the sizes, and each file's
 * functions. The files, in reading order:
 *   ui.c            the public setters and getters; ui_commands hands out the list
 *   layout.c        sizes; one layout: header, body (the screen's own), footer, scroll bar
 *   screens/        the table of screens (screens.c) and one file a screen
 *   widgets.c       text, icons, headings, fields, tiles, links, the open/closed line
 *   qrcard.c        QR codes (encoded once, kept across layouts) and the cards around them
 *   drawlist.c      the command list, the text arena and the touch targets of a layout
 *   dialog.c        dialogs over a screen, the PIN pad, night mode
 *   input.c         press, drag, release, momentum, the staff hold, finding buttons
 *   access.c        large text, high contrast, the keypad's focus and what it speaks
 * Every list below has a fixed size: a layout allocates nothing (but a QR code, encoded
 * once when first shown). What does not fit is left out and counted (ui_overflows);
 * the tests assert none is. */
#ifndef UI_PRIVATE_H
#define UI_PRIVATE_H
#include "core/directory.h"
#include "ui/icons.h"
#include "ui/keyboard.h"
#include "ui/theme.h"
#include "ui/ui.h"

#define UI_MAX_CMDS    2048
#define UI_MAX_BUTTONS 128     /* the directory: a keyboard, chips and a page of rows */
#define UI_MAX_QR      8
#define UI_ARENA       (64 * 1024)
#define UI_MAX_LINES   256
#define UI_HISTORY     8

/* ---- the screen table (screens/screens.c) ---- */

/* a screen's body from y in a column x .. x + w wide; returns its bottom (the layout
 * adds the last pad). Declared in the table and defined in the screen's file through
 * this one macro, so the two cannot disagree. */
#define UI_SCREEN_LAYOUT(fn) int fn(Ui *ui, int x, int y, int w)
typedef int (*UiScreenLayout)(Ui *ui, int x, int y, int w);

typedef struct UiScreenDef {
    const char *name;           /* short English name: --screen, scripts, tests */
    StrId title;                /* its heading, and its label on tiles and links */
    const char *icon;           /* on its tile and links */
    UiScreenLayout layout;
    UiScreen related[SCREEN_COUNT]; /* links at its end (home: its tiles), in order; the
                                       list ends at the first SCREEN_HOME */
    bool hidden;                /* no tile or link leads here (staff) */
} UiScreenDef;

/* the row of screen s, which must be < SCREEN_COUNT */
const UiScreenDef *ui_screen_def(UiScreen s);
/* the screens s links to (home: its tiles), in order, in *targets; their number */
int ui_screen_related(UiScreen s, const UiScreen **targets);

/* ---- the context ---- */

typedef enum { BTN_SCREEN, BTN_LANG, BTN_BACK, BTN_ACTION, BTN_KEY,
               BTN_LARGE_TEXT, BTN_CONTRAST, /* the footer's mode switches */
               BTN_SCROLL,      /* target -1: a page up, 1: a page down */
               BTN_DIR          /* the member directory's keys, chips, tiles and rows */
} UiButtonKind;

typedef struct UiButton {
    int x, y, w, h;
    UiButtonKind kind;
    int target;                 /* a UiScreen, a Lang for BTN_LANG, a UiAction, a key, a
                                   directory action (screens/services.c) */
    bool scrolls;
} UiButton;

/* the draw list of one layout and what lives as long as it (drawlist.c) */
typedef struct UiList {
    UiCmd cmds[UI_MAX_CMDS];
    int n_cmds;
    UiButton buttons[UI_MAX_BUTTONS];
    int n_buttons;
    char arena[UI_ARENA];       /* formatted texts */
    size_t arena_used;
    UiCmd spare;                /* takes a command when cmds is full: never drawn */
    bool in_body;               /* what is added belongs to the scrolling body */
    int overflows;              /* commands, texts, buttons, lines, codes left out */
    int dropped;                /* texts cut short by a line limit */
    int cut;                    /* words broken across lines */
} UiList;

/* the finger and the scroll (input.c) */
typedef struct UiGesture {
    float scroll, velocity;     /* px from the top; px/ms */
    bool pressing, dragging;
    int pressed;                /* the button under the press, or -1: only it may act */
    int press_x, press_y, last_y;
    uint32_t last_ms, anim_ms, press_ms;
} UiGesture;

/* the member directory (screens/services.c, screens/service.c): what the visitor asked,
 * and the page of results, the categories and the card read for it */
#define UI_DIR_PAGE 12
#define UI_DIR_CATS 24
typedef struct UiDirectory {
    struct Db *db;              /* borrowed; NULL: no directory */
    bool members;               /* services of other organisations: the home tile */
    char query[96];             /* typed on the keyboard */
    KbLayout layout;
    bool keyboard;              /* open (a wide screen always shows it) */
    bool open_now, free;
    int language;               /* a row of the language filter, -1: any */
    char category[DIR_ID_MAX], category_name[DIR_NAME_MAX];
    int page;
    bool stale, cats_stale;     /* read the results, the categories again at layout */
    long minute;                /* the clock and language they were read for */
    Lang lang;
    DirRow rows[UI_DIR_PAGE];
    int n_rows, total;
    DirCategory cats[UI_DIR_CATS];
    int n_cats;
    char service[DIR_ID_MAX];   /* the card shown */
    bool card_stale;
    Lang card_lang;
    DirCard card;
    HoursTable hours;           /* the card's service's schedule */
} UiDirectory;

/* the dialog over the screen (dialog.c) */
typedef struct UiDialogState {
    UiDialogKind kind;
    char title[128], text[1024];
    int countdown;
    char pin[24];               /* digits typed on the PIN pad; wiped once taken */
} UiDialogState;

struct Ui {
    UiMetrics m;
    int w, h;
    double dpi;
    /* what is shown (ui.c) */
    const Content *content[LANG_COUNT];    /* NULL: asked of content_source (ui_content) */
    UiContentSource content_source;
    void *content_ctx;
    const HoursTable *hours;
    time_t now;
    long minute;                /* now / 60 at the last layout */
    UiScreen screen;
    Lang lang;
    bool night;
    bool mirror;                /* a right-to-left language: x runs from the right */
    int lang_style;             /* its texts' direction and face bits (core/text.h) */
    UiScreen history[UI_HISTORY];
    int n_history;
    UiAction action;            /* decided, not yet taken */
    char staff_info[4096];
    UiDialogState dialog;
    /* the visitor's modes (access.c); ui_reset turns them off */
    bool large_text, high_contrast;
    bool keypad;                /* a key was pressed: speech mode, a visible focus */
    int focus_kind, focus_target; /* the focused button, as kind and target, or -1 */
    UiSpeech speech;
    UiListenState listen;       /* the speech controls (listen.c) */
    bool still_there;
    bool listen_below;          /* Listen is in the footer: the header has no room */
    /* the layout (layout.c) */
    bool need_layout, dirty;
    int body_x, body_y, body_w, body_h, content_h;
    int footer_h;               /* the bar of mode switches and scroll buttons */
    int clip;                   /* the body's UI_CLIP command, or -1 */
    int thumb;                  /* the scroll bar's thumb command, or -1 */
    /* sizes for this window, from one unit u: a 44th of the shorter side */
    float u;
    int pad, gap, target, s_body, s_small, s_h1, s_h2, s_tile, s_icon, s_big_icon;
    int s_bar, s_bar_icon;      /* the footer's, the same in large text */
    UiList list;
    struct { char *payload; QrMatrix *m; bool used; } qr[UI_MAX_QR]; /* kept across layouts */
    UiGesture in;
    UiDirectory dir;
};

/* ---- ui.c ---- */

/* something shown changed: lay out again and draw */
void ui_invalidate(Ui *ui);
/* colour c in the current theme */
uint32_t ui_color(const Ui *ui, ThemeColor c);

/* ---- listen.c ---- */

/* the Listen button in the header, ending at right; with its word when the room from
 * left allows, else its icon alone. Returns its left edge less a gap (right when it is
 * not shown). */
int ui_listen_header(Ui *ui, int left, int right, int by, int bh);
/* the height of the bar of speech controls: 0 unless speaking or paused */
int ui_listen_bar_height(const Ui *ui);
/* that bar, across the screen from y */
void ui_listen_bar(Ui *ui, int y);
/* "Still there?" over everything, when asked; only a touch answers it */
void ui_layout_still_there(Ui *ui);
/* what a speech control is called, for the keypad; NULL for another action */
const char *ui_listen_label(const Ui *ui, UiAction action);

/* ---- access.c ---- */

/* large text: capital H of the body text at least this high on the glass, and the
 * height of Noto Sans's capital H in em, to turn it into a font size: 0.70, a little
 * under its outline's 0.72, as hinting rounds the glyph down to whole pixels (44 px
 * drew a 31 px H, 5.92 mm at 133 dpi; tests/test_render.c measures it) */
#define UI_LARGE_CAP_MM 6.0
#define UI_CAP_EM       0.70
/* the text sizes' factor: 1, or in large text at least 2 and enough for the cap height */
float ui_text_scale(const Ui *ui);
/* the focus ring over the focused button, last, when the keypad is in use */
void ui_layout_focus(Ui *ui);
/* what a button is called, in the screen's language, for speech */
const char *ui_button_label(Ui *ui, const UiButton *b);
/* what a tap on b does (input.c) */
void ui_tap(Ui *ui, const UiButton *b);
/* moves the scroll by dy px, within the body */
void ui_scroll_by(Ui *ui, float dy);

/* ---- layout.c ---- */

/* pixels for mm millimetres on this display */
int ui_mm(const Ui *ui, double mm);
/* lays the current state out again if something changed since the last time */
void ui_layout(Ui *ui);

/* ---- drawlist.c ---- */

/* Mirroring: screens lay out as if every language read left to right; in a
 * right-to-left one the commands and targets are mirrored as they are added (x
 * counted from the right, text aligned to the right), so Back, arrows, tiles and
 * tables read from the right with no screen knowing. */
/* the left edge of a box x .. x + w as drawn */
int ui_mirror_x(const Ui *ui, int x, int w);

/* a copy of a formatted string that lives until the next layout; "" (counted) when
 * the arena is full */
const char *ui_printf(Ui *ui, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* the next free command, zeroed; when the list is full, a spare that is not drawn
 * (counted) */
UiCmd *ui_push(Ui *ui, UiCmdKind kind);
void ui_rect(Ui *ui, int x, int y, int w, int h, ThemeColor color);
/* what follows is cut to this rectangle and scrolls with the body; w == 0: no more */
void ui_clip(Ui *ui, int x, int y, int w, int h);
/* a touch target; left out (counted) when the list is full */
void ui_button(Ui *ui, int x, int y, int w, int h, UiButtonKind kind, int target);
/* forgets the previous layout's commands, texts, targets and counts */
void ui_list_clear(Ui *ui);

/* ---- widgets.c ---- */

typedef enum { ALIGN_LEFT, ALIGN_CENTER, ALIGN_RIGHT } UiAlign;

/* the direction and face bits (core/text.h) of texts in lang: TEXT_STYLE_RTL for
 * Arabic script, with TEXT_STYLE_NASTALIQ for Urdu; 0 for a left-to-right language */
int ui_lang_style(Lang lang);
/* style with the current language's bits, unless it has its own direction or is an
 * icon: measuring and drawing must agree */
int ui_style(const Ui *ui, int style);
/* the language of a text of the current content: the content's, or the one it fell
 * back to (core/content.h) */
Lang ui_text_lang(const Ui *ui, const char *text);
/* the content in lang (ui_set_content, else its source); NULL when there is none */
const Content *ui_content(const Ui *ui, Lang lang);
/* the language of a text made of texts of the content (street, postal code and city):
 * the first part's that fell back, else the visitor's */
Lang ui_texts_lang(const Ui *ui, const char *const *parts, int n);
int ui_width(Ui *ui, const char *s, size_t len, int style);
int ui_line_height(Ui *ui, int style);
/* one line of text at (x, y) in a box of width w; returns its height */
int ui_line(Ui *ui, int x, int y, int w, const char *s, size_t len, int style,
            ThemeColor ink, ThemeColor bg, UiAlign align);
/* wrapped text in a box of width w from (x, y); returns the height used. At most
 * max_lines lines (0: no limit). */
int ui_text(Ui *ui, int x, int y, int w, const char *s, int style, ThemeColor ink,
            ThemeColor bg, UiAlign align, int max_lines);
/* ui_text of body text: the body size, the text colour, on the background */
int ui_paragraph(Ui *ui, int x, int y, int w, const char *s);
/* ui_text of a text of the content: one that has no translation in the visitor's
 * language is set in its own language's direction under a line saying which
 * language it is in ("This text is in English"); returns the height used */
int ui_content_text(Ui *ui, int x, int y, int w, const char *s, int style, ThemeColor ink,
                    ThemeColor bg);
/* ui_content_text of a text whose language is from (ui_texts_lang) */
int ui_content_text_in(Ui *ui, int x, int y, int w, const char *s, Lang from, int style,
                       ThemeColor ink, ThemeColor bg);
/* ui_content_text of body text */
int ui_content_paragraph(Ui *ui, int x, int y, int w, const char *s);
/* how many lines s needs in width w */
int ui_count_lines(Ui *ui, const char *s, int w, int style);
/* an icon glyph centred in a box */
void ui_icon(Ui *ui, int x, int y, int w, int h, const char *icon, int size,
             ThemeColor ink, ThemeColor bg);
/* size, smaller until every word of s fits w whole, not below body text */
int ui_fit_words(Ui *ui, const char *s, int w, int size, int flags);
/* a section heading in capitals; returns the height used */
int ui_heading(Ui *ui, int x, int y, int w, const char *s, int size);
/* "Label: value" as a bold label line above a value; 0 when there is no value */
int ui_field(Ui *ui, int x, int y, int w, StrId label, const char *value);
/* ui_field of a value whose language is from (ui_texts_lang) */
int ui_field_in(Ui *ui, int x, int y, int w, StrId label, const char *value, Lang from);
/* the label style for tiles and links whose labels are w wide: one for all of them */
int ui_tile_style(Ui *ui, int w);
/* a button to another screen drawn as a tile, its label in style ls: icon above
 * the label, or (row) beside it */
void ui_tile(Ui *ui, int x, int y, int w, int h, UiScreen target, bool row, int ls);
/* the links to the current screen's related screens; returns the height used */
int ui_links(Ui *ui, int x, int y, int w);
/* the open/closed line with its icon in the open or closed colour; returns the height */
int ui_status(Ui *ui, int x, int y, int w, int size);

/* ---- qrcard.c ---- */

typedef struct QrCard {
    const char *icon;
    StrId label;
    const char *value;          /* shown under the label: the number, the address */
    StrId caption;              /* what scanning does */
    const char *payload;
} QrCard;

/* a QR code's smallest side: 30 mm on this display, and larger on a large screen */
int ui_qr_min(const Ui *ui);
/* the side a QR of payload takes, quiet zone included, for min_px; 0 if it cannot
 * be encoded */
int ui_qr_side(Ui *ui, const char *payload, int min_px);
/* QR cards side by side, in more rows when the width is short; returns the height */
int ui_qr_cards(Ui *ui, int x, int y, int w, const QrCard *cards, int n);
/* the cards of the phone, the email (when known), the website, and the vCard when
 * asked; returns the height */
int ui_contact_cards(Ui *ui, int x, int y, int w, bool vcard);
/* frees the codes kept across layouts */
void ui_qr_free(Ui *ui);

/* ---- dialog.c ---- */

/* the dialog, over everything; only its buttons answer */
void ui_layout_dialog(Ui *ui);
/* the night screen, instead of everything */
void ui_layout_night(Ui *ui);
/* a key of the PIN pad: 0..8 the digits 1..9, 9 erase, 10 the digit 0, 11 done */
void ui_pin_key(Ui *ui, int key);
/* ---- screens/services.c ---- */

/* the directory's state as an idle kiosk has it: no query, no filter, keyboard closed */
void ui_dir_reset(Ui *ui);
/* what a directory button says to the keypad's speech: the key, the chip, the name */
const char *ui_dir_label(Ui *ui, int target);
/* what a directory button (BTN_DIR) does */
void ui_dir_tap(Ui *ui, int target);
/* true when a filter is on */
bool ui_dir_filtered(const Ui *ui);
/* "Open now · closes at 17:00" for a service's hours, its colour in *ink; NULL when
 * the data has no schedule for it */
const char *ui_dir_badge(Ui *ui, const HoursStatus *s, bool has_hours, ThemeColor *ink);

#endif
