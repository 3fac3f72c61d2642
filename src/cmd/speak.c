/* speak.c - `kiosk speak`: what the Listen control says on a screen, as a WAV
 * file (for staff checking a language, for translators, for tests) or as text. It
 * lays the screen out headless as the screenshot mode does and reads the same draw
 * list that the kiosk's Listen control reads. */
#include "cmd/cmd.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "core/hours.h"
#include "platform/speech.h"
#include "ui/speak.h"
#include "ui/ui.h"

#define SPEAK_TEXT_MAX (64 * 1024)

static const char speak_usage[] =
    "usage: kiosk speak --screen NAME --lang CODE (--out FILE.wav | --print)\n"
    "             [--at YYYY-MM-DDTHH:MM] [--size WxH] [--package DIR | --db FILE]\n";

/* speak --screen NAME --lang CODE --out FILE.wav: 0 written, 1 no voice or failed,
 * 2 bad usage */
int cmd_speak(int argc, char **argv)
{
    const char *screen = NULL, *lang = NULL, *out = NULL;
    bool print = false;
    time_t at = 0;
    AppOptions o = { .config_path = NULL };
    int w = 800, h = 480;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "--print") == 0) {
            print = true;
            continue;
        }
        if (!v || a[0] != '-') {
            fputs(speak_usage, stderr);
            return 2;
        }
        i++;
        if (strcmp(a, "--screen") == 0) screen = v;
        else if (strcmp(a, "--lang") == 0) lang = v;
        else if (strcmp(a, "--out") == 0) out = v;
        else if (strcmp(a, "--package") == 0) o.package = v;
        else if (strcmp(a, "--db") == 0) o.db_path = v;
        else if (strcmp(a, "--size") == 0) {
            char x;
            if (sscanf(v, "%d%c%d", &w, &x, &h) != 3 || w < 200 || h < 200 || w > 8192 ||
                h > 8192) {
                fprintf(stderr, "kiosk: --size takes WIDTHxHEIGHT, e.g. 800x480\n");
                return 2;
            }
        } else if (strcmp(a, "--at") == 0) {
            hours_use_athens_time();
            if (hours_parse_instant(v, &at) != 0) {
                fprintf(stderr, "kiosk: --at takes a time like 2027-04-30T10:00\n");
                return 2;
            }
        } else {
            fputs(speak_usage, stderr);
            return 2;
        }
    }
    if (!screen || !lang || (!out && !print)) {
        fputs(speak_usage, stderr);
        return 2;
    }
    UiScreen s = ui_screen_from_name(screen);
    if (s == SCREEN_COUNT) {
        fprintf(stderr, "kiosk: unknown screen \"%s\"\n", screen);
        return 2;
    }
    Lang l = i18n_from_code(lang);
    if (l == LANG_COUNT) {
        fprintf(stderr, "kiosk: the kiosk has no language \"%s\"\n", lang);
        return 1;
    }
    if (!print && !speech_voice_exists(NULL, lang)) {
        fprintf(stderr, "kiosk: espeak-ng has no voice for %s (%s): the Listen control "
                        "says so on the screen instead of reading it\n", lang, i18n_name(l));
        return 1;
    }
    App *app = app_create(&o, true, w, h);
    if (!app)
        return 1;
    Ui *ui = app_ui(app);
    ui_set_time(ui, at ? at : time(NULL));
    ui_show(ui, s, l);
    int n;
    const UiCmd *cmds = ui_commands(ui, &n);
    char *text = malloc(SPEAK_TEXT_MAX);
    int rc = 1;
    if (text) {
        speak_text(cmds, n, i18n_direction(l) == I18N_RTL, lang, text, SPEAK_TEXT_MAX);
        rc = 0;
        if (print)
            printf("%s\n", text);
        char why[512];
        if (out && speech_write_wav(NULL, lang, text, out, why, sizeof why) != 0) {
            fprintf(stderr, "kiosk: %s\n", why);
            rc = 1;
        }
    }
    free(text);
    app_destroy(app);
    return rc;
}
