/* access.c - what makes the kiosk usable with low vision or without sight: large text
 * (the text sizes' factor; layout.c and the screens reflow to one column), high
 * contrast (the other theme of theme.c), and a keypad or keyboard: a focus that the
 * arrows move over every control in reading order, drawn as a ring, whose label goes
 * to the speech output the app lends (UiSpeech). ui_reset turns everything off. */
#include "ui/ui_private.h"
#include <math.h>

float ui_text_scale(const Ui *ui)
{
    if (!ui->large_text)
        return 1.0f;
    int shorter = ui->w < ui->h ? ui->w : ui->h;
    float body = fmaxf(16.0f, 1.7f * (float)shorter / 44.0f);  /* as layout.c sizes it */
    float cap_px = (float)(UI_LARGE_CAP_MM / 25.4 * ui->dpi);
    float k = cap_px / (float)UI_CAP_EM / body;
    return k > 2.0f ? k : 2.0f;
}

void ui_set_large_text(Ui *ui, bool on)
{
    if (on != ui->large_text) {
        ui->large_text = on;
        ui->in.scroll = 0, ui->in.velocity = 0;     /* the page is another length now */
        ui_invalidate(ui);
    }
}

bool ui_large_text(const Ui *ui) { return ui->large_text; }

void ui_set_high_contrast(Ui *ui, bool on)
{
    if (on != ui->high_contrast) {
        ui->high_contrast = on;
        ui_invalidate(ui);
    }
}

bool ui_high_contrast(const Ui *ui) { return ui->high_contrast; }

void ui_set_speech(Ui *ui, const UiSpeech *speech)
{
    ui->speech = *speech;
}

bool ui_keypad(const Ui *ui) { return ui->keypad; }

const char *ui_button_label(Ui *ui, const UiButton *b)
{
    static const char *const digits[] = { "1", "2", "3", "4", "5", "6", "7", "8", "9" };
    switch (b->kind) {
    case BTN_SCREEN:
        return i18n_str(ui->lang, ui_screen_def((UiScreen)b->target)->title);
    case BTN_LANG:
        return i18n_name((Lang)b->target);
    case BTN_BACK:
        return i18n_str(ui->lang, STR_BACK);
    case BTN_ACTION:
        switch ((UiAction)b->target) {
        case UI_ACTION_CANCEL:
            return i18n_str(ui->lang, ui->dialog.kind == UI_DIALOG_MESSAGE ? STR_OK : STR_CANCEL);
        case UI_ACTION_CONFIRM:  return i18n_str(ui->lang, STR_APPLY_NOW);
        case UI_ACTION_ROLLBACK: return i18n_str(ui->lang, STR_ROLLBACK);
        case UI_ACTION_EXPORT:   return i18n_str(ui->lang, STR_EXPORT_TITLE);
        case UI_ACTION_RESTART:  return i18n_str(ui->lang, STR_RESTART);
        default: {
            const char *l = ui_listen_label(ui, (UiAction)b->target);
            return l ? l : "";
        }
        }
    case BTN_KEY:
        return b->target < 9 ? digits[b->target] : b->target == 10 ? "0"
             : i18n_str(ui->lang, b->target == 9 ? STR_ERASE : STR_OK);
    case BTN_LARGE_TEXT:
        return i18n_str(ui->lang, STR_LARGE_TEXT);
    case BTN_CONTRAST:
        return i18n_str(ui->lang, STR_HIGH_CONTRAST);
    case BTN_SCROLL:
        return i18n_str(ui->lang, b->target < 0 ? STR_SCROLL_UP : STR_SCROLL_DOWN);
    case BTN_DIR:
        return ui_dir_label(ui, b->target);
    }
    return "";
}

/* whether button a comes before b in reading order: the header, the body from the
 * top, then the footer (or a dialog); in a row, from the side the language reads from */
static bool ui_reads_before(const Ui *ui, const UiButton *a, const UiButton *b)
{
    int ra = a->scrolls ? 1 : a->y < ui->body_y ? 0 : 2;
    int rb = b->scrolls ? 1 : b->y < ui->body_y ? 0 : 2;
    if (ra != rb)
        return ra < rb;
    if (a->y + a->h <= b->y || b->y + b->h <= a->y)  /* not side by side: the higher first */
        return a->y < b->y;
    return i18n_direction(ui->lang) == I18N_RTL ? a->x > b->x : a->x < b->x;
}

/* the buttons' indices in reading order in order[] (an insertion sort: a few dozen
 * buttons, and stable, so buttons in the same place keep the layout's order); their
 * number */
static int ui_reading_order(Ui *ui, int order[UI_MAX_BUTTONS])
{
    ui_layout(ui);
    int n = ui->list.n_buttons;
    for (int i = 0; i < n; i++) {
        int j = i;
        while (j > 0 && ui_reads_before(ui, &ui->list.buttons[i],
                                        &ui->list.buttons[order[j - 1]])) {
            order[j] = order[j - 1];
            j--;
        }
        order[j] = i;
    }
    return n;
}

/* the focused button's place in order[], or -1 when it is no longer shown */
static int ui_focus_place(const Ui *ui, const int *order, int n)
{
    for (int i = 0; i < n; i++) {
        const UiButton *b = &ui->list.buttons[order[i]];
        if ((int)b->kind == ui->focus_kind && b->target == ui->focus_target)
            return i;
    }
    return -1;
}

/* scrolls so that a body button is in sight whole */
static void ui_scroll_to(Ui *ui, const UiButton *b)
{
    if (!b->scrolls)
        return;
    float top = (float)(b->y - ui->body_y), bottom = top + (float)b->h;
    float s = ui->in.scroll;
    if (top < s)
        s = top - (float)ui->gap;
    else if (bottom > s + (float)ui->body_h)
        s = bottom - (float)ui->body_h + (float)ui->gap;
    ui->in.velocity = 0;
    ui_scroll_by(ui, s - ui->in.scroll);
}

/* focuses the button at place p of order[] and speaks its label */
static void ui_focus_on(Ui *ui, const int *order, int p)
{
    const UiButton *b = &ui->list.buttons[order[p]];
    ui->focus_kind = (int)b->kind, ui->focus_target = b->target;
    ui_scroll_to(ui, b);
    if (ui->speech.say)
        ui->speech.say(ui->speech.ctx, ui_button_label(ui, b), ui->lang);
    ui_invalidate(ui);
}

/* Back: a dialog's cancel, else the back button's step */
static void ui_key_back(Ui *ui)
{
    if (ui->dialog.kind == UI_DIALOG_MESSAGE || ui->dialog.kind == UI_DIALOG_CONFIRM)
        ui->action = UI_ACTION_CANCEL;
    else if (ui->dialog.kind == UI_DIALOG_NONE && ui->screen != SCREEN_HOME) {
        UiButton back = { .kind = BTN_BACK, .target = SCREEN_HOME };
        ui_tap(ui, &back);
    }
}

void ui_key(Ui *ui, UiKey key)
{
    int order[UI_MAX_BUTTONS];
    if (ui->night)
        ui_set_night(ui, false);
    int n = ui_reading_order(ui, order);
    int p = ui_focus_place(ui, order, n);
    bool first = !ui->keypad;
    ui->keypad = true;
    bool rtl = i18n_direction(ui->lang) == I18N_RTL;
    switch (key) {
    case UI_KEY_UP: case UI_KEY_DOWN: case UI_KEY_LEFT: case UI_KEY_RIGHT: {
        bool next = key == UI_KEY_DOWN || key == (rtl ? UI_KEY_LEFT : UI_KEY_RIGHT);
        if (n == 0)
            break;
        if (p < 0 || first)     /* the first key shows where the focus is */
            p = 0;
        else
            p = next ? (p + 1) % n : (p + n - 1) % n;
        ui_focus_on(ui, order, p);
        break;
    }
    case UI_KEY_ENTER:
        if (p >= 0 && !first) {
            UiButton b = ui->list.buttons[order[p]];
            ui_tap(ui, &b);
            ui_invalidate(ui);
            n = ui_reading_order(ui, order);
            p = ui_focus_place(ui, order, n);
            if (n > 0)          /* on a new screen, its first control */
                ui_focus_on(ui, order, p >= 0 ? p : 0);
        } else if (n > 0)
            ui_focus_on(ui, order, p >= 0 ? p : 0);
        break;
    case UI_KEY_BACK:
        ui_key_back(ui);
        n = ui_reading_order(ui, order);
        if (n > 0)
            ui_focus_on(ui, order, 0);
        break;
    case UI_KEY_HELP:
        if (ui->speech.say)
            ui->speech.say(ui->speech.ctx, i18n_str(ui->lang, STR_KEYPAD_HELP), ui->lang);
        ui_invalidate(ui);
        break;
    case UI_KEY_VOLUME_UP:
    case UI_KEY_VOLUME_DOWN:
        if (ui->speech.volume)
            ui->speech.volume(ui->speech.ctx, key == UI_KEY_VOLUME_UP ? 1 : -1);
        break;
    case UI_KEY_NONE:
        break;
    }
}

/* the focused button, or NULL */
static const UiButton *ui_focused(Ui *ui)
{
    if (!ui->keypad || ui->focus_kind < 0)
        return NULL;
    for (int i = 0; i < ui->list.n_buttons; i++) {
        const UiButton *b = &ui->list.buttons[i];
        if ((int)b->kind == ui->focus_kind && b->target == ui->focus_target)
            return b;
    }
    return NULL;
}

const char *ui_focus(Ui *ui, int *x, int *y, int *w, int *h)
{
    ui_layout(ui);
    const UiButton *b = ui_focused(ui);
    if (!b)
        return NULL;
    *x = b->x, *w = b->w, *h = b->h;
    *y = b->scrolls ? b->y - (int)lroundf(ui->in.scroll) : b->y;
    return ui_button_label(ui, b);
}

/* a frame t px thick around (x, y, w, h), outside it */
static void ui_frame(Ui *ui, int x, int y, int w, int h, int t, ThemeColor c)
{
    ui_rect(ui, x - t, y - t, w + 2 * t, t, c);
    ui_rect(ui, x - t, y + h, w + 2 * t, t, c);
    ui_rect(ui, x - t, y, t, h, c);
    ui_rect(ui, x + w, y, t, h, c);
}

void ui_layout_focus(Ui *ui)
{
    const UiButton *b = ui_focused(ui);
    if (!b)
        return;
    int y = b->y, h = b->h;
    if (b->scrolls) {           /* where it is now, cut to the body */
        y -= (int)lroundf(ui->in.scroll);
        int top = y > ui->body_y ? y : ui->body_y;
        int bottom = y + h < ui->body_y + ui->body_h ? y + h : ui->body_y + ui->body_h;
        y = top, h = bottom - top;
        if (h <= 0)
            return;
    }
    int t = ui->gap / 2 > 3 ? ui->gap / 2 : 3;
    /* a button is kept where it is drawn, mirrored already; the drawing primitives
     * mirror what they are given, so they get it back in layout coordinates */
    int x = ui_mirror_x(ui, b->x, b->w);
    ui_frame(ui, x + t, y + t, b->w - 2 * t, h - 2 * t, t, COLOR_FOCUS);
    ui_frame(ui, x + 2 * t, y + 2 * t, b->w - 4 * t, h - 4 * t, t / 2 > 2 ? t / 2 : 2,
             COLOR_FOCUS_INNER);
}
