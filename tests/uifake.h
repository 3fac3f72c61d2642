/* uifake.h - a Ui without a display for the UI tests (test_ui, test_speak,
 * test_directory_ui): fake font metrics, each character 0.55 of its size wide (wider
 * than Noto Sans) and a line 1.4 sizes high, and a Ui on them showing content at a
 * fixed time. uifake_setup and uifake_teardown are a cmocka fixture (UiFake) of the
 * default content of data/ on an 800x480 Ui. */
#ifndef UIFAKE_H
#define UIFAKE_H
#include "testdata.h"
#include "core/text.h"
#include "ui/ui.h"

#define UIFAKE_NOW 1795000000   /* the Ui's clock: Wednesday 2026-11-18, 13:06 in Athens */

static inline int uifake_measure(void *ctx, const char *s, size_t len, int style)
{
    (void)ctx;
    int n = 0;
    const char *p = s, *end = s + len;
    while (p < end && text_utf8_next(&p))
        n++;
    return (int)((float)n * 0.55f * (float)UI_STYLE_SIZE(style) + 0.5f);
}

static inline int uifake_line_height(void *ctx, int style)
{
    (void)ctx;
    return UI_STYLE_SIZE(style) * 14 / 10;
}

/* a w x h Ui on the fake metrics showing content (one per language) and hours, its
 * clock at UIFAKE_NOW; the caller keeps content and hours alive while the Ui lives and
 * destroys both with uifake_destroy */
static inline Ui *uifake_create(Content content[LANG_COUNT], const HoursTable *hours, int w,
                                int h)
{
    static const UiMetrics metrics = { uifake_measure, uifake_line_height, NULL };
    Ui *ui = ui_create(&metrics, w, h, 133.0);
    assert_non_null(ui);
    const Content *cs[LANG_COUNT];
    for (int l = 0; l < LANG_COUNT; l++)
        cs[l] = &content[l];
    ui_set_content(ui, cs, hours);
    ui_set_time(ui, UIFAKE_NOW);
    return ui;
}

/* destroys ui, then frees the content it showed */
static inline void uifake_destroy(Ui *ui, Content content[LANG_COUNT])
{
    ui_destroy(ui);
    for (int l = 0; l < LANG_COUNT; l++)
        content_free(&content[l]);
}

typedef struct UiFake {
    Content content[LANG_COUNT];
    HoursTable hours;
    Ui *ui;
} UiFake;

/* the default content of data/, imported as the kiosk does, on an 800x480 fake Ui */
static inline int uifake_setup(void **state)
{
    UiFake *f = calloc(1, sizeof *f);
    assert_non_null(f);
    test_load_default_content(f->content, &f->hours);
    f->ui = uifake_create(f->content, &f->hours, 800, 480);
    *state = f;
    return 0;
}

static inline int uifake_teardown(void **state)
{
    UiFake *f = *state;
    uifake_destroy(f->ui, f->content);
    free(f);
    return 0;
}
#endif
