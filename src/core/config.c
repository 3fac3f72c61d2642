/* config.c - /etc/kiosk/kiosk.conf, read with inih. The keys are a table (config_keys):
 * each names its section, its parser and where its value goes. A bad value stops the
 * start-up with "path:line: message", since a kiosk that guesses would run for years
 * with a setting nobody chose. inih gives no line to the handler, so the reader
 * that feeds it counts lines. */
#include "core/config.h"

#include <errno.h>
#include <ini.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define CONFIG_MSG_MAX 200

/* fills *c with the defaults */
void config_defaults(Config *c)
{
    memset(c, 0, sizeof *c);
    c->width = 0;
    c->height = 0;
    c->rotation = 0;
    c->dpi = 96.0;
    static const float identity[6] = { 1, 0, 0, 0, 1, 0 };
    memcpy(c->touch_matrix, identity, sizeof identity);
    c->default_lang = LANG_DEFAULT;
    c->idle_timeout_s = 90;
    c->night_after_close_min = 30;
    snprintf(c->data_dir, sizeof c->data_dir, "%s", "/var/lib/kiosk");
    snprintf(c->default_data, sizeof c->default_data, "%s", "/usr/share/kiosk/data");
    c->city_holiday = true;
    c->shortened_days = true;
    snprintf(c->usb_dir, sizeof c->usb_dir, "%s", "/media/kiosk-usb");
    snprintf(c->trusted_keys, sizeof c->trusted_keys, "%s", "/etc/kiosk/trusted-keys");
    c->staff_approval = false;
    c->staff_pin_hash[0] = '\0';
    c->audio_device[0] = '\0';
}

typedef struct ConfigParse {
    Config cfg;
    FILE *f;
    int line;                   /* the line inih is on: counted by config_reader */
    int err_line;               /* the first error's line, 0 while none */
    char msg[CONFIG_MSG_MAX];
} ConfigParse;

/* a parser: reads value into the field at dst, or writes why not into msg
 * (CONFIG_MSG_MAX bytes) and returns false */
typedef bool (*ConfigParseFn)(const char *value, void *dst, char *msg);

/* strtol over the whole of s; false on anything else */
static bool parse_long(const char *s, long *v)
{
    char *end;
    errno = 0;
    *v = strtol(s, &end, 10);
    return *s && end != s && *end == '\0' && errno == 0;
}

/* strtod over the whole of s, finite; false on anything else. strtod follows
 * LC_NUMERIC, which the kiosk leaves as "C" */
static bool parse_double(const char *s, double *v)
{
    char *end;
    errno = 0;
    *v = strtod(s, &end);
    return *s && end != s && *end == '\0' && errno == 0 && isfinite(*v);
}

/* an int in lo..hi; msg names the range */
static bool parse_int_range(const char *value, int *dst, long lo, long hi, char *msg,
                            const char *what)
{
    long v;
    if (!parse_long(value, &v) || v < lo || v > hi) {
        snprintf(msg, CONFIG_MSG_MAX, "%s must be a whole number from %ld to %ld, not \"%s\"",
                 what, lo, hi, value);
        return false;
    }
    *dst = (int)v;
    return true;
}

static bool parse_size(const char *value, void *dst, char *msg)
{
    return parse_int_range(value, dst, 0, 16384, msg, "a size in pixels (0 = the display's)");
}

static bool parse_rotation(const char *value, void *dst, char *msg)
{
    long v;
    if (!parse_long(value, &v) || (v != 0 && v != 90 && v != 180 && v != 270)) {
        snprintf(msg, CONFIG_MSG_MAX, "rotation must be 0, 90, 180 or 270, not \"%s\"", value);
        return false;
    }
    *(int *)dst = (int)v;
    return true;
}

static bool parse_dpi(const char *value, void *dst, char *msg)
{
    double v;
    if (!parse_double(value, &v) || v < 50 || v > 1000) {
        snprintf(msg, CONFIG_MSG_MAX, "dpi must be a number from 50 to 1000, not \"%s\"", value);
        return false;
    }
    *(double *)dst = v;
    return true;
}

/* six numbers a b c d e f, separated by spaces or commas */
static bool parse_matrix(const char *value, void *dst, char *msg)
{
    float m[6];
    const char *p = value;
    int k = 0;
    while (*p) {
        while (*p == ' ' || *p == '\t' || *p == ',') p++;
        if (!*p) break;
        char num[64];
        size_t len = strcspn(p, " \t,");
        double v;
        if (k == 6 || len >= sizeof num) { k = 7; break; }
        memcpy(num, p, len);
        num[len] = '\0';
        if (!parse_double(num, &v) || fabs(v) > 1e6) { k = -1; break; }
        m[k++] = (float)v;
        p += len;
    }
    if (k != 6) {
        snprintf(msg, CONFIG_MSG_MAX, "touch_matrix must be six numbers \"a b c d e f\", not \"%s\"",
                 value);
        return false;
    }
    memcpy(dst, m, sizeof m);
    return true;
}

static bool parse_lang(const char *value, void *dst, char *msg)
{
    Lang l = i18n_from_code(value);
    if (l == LANG_COUNT) {
        /* the codes of the language table: "el, en, ... or uk" */
        char codes[CONFIG_MSG_MAX / 2] = "";
        size_t len = 0;
        for (int i = 0; i < LANG_COUNT && len < sizeof codes; i++)
            len += (size_t)snprintf(codes + len, sizeof codes - len, "%s%s",
                                    i == 0 ? "" : i == LANG_COUNT - 1 ? " or " : ", ",
                                    i18n_code((Lang)i));
        snprintf(msg, CONFIG_MSG_MAX, "default_language must be %s, not \"%.40s\"", codes, value);
        return false;
    }
    *(Lang *)dst = l;
    return true;
}

static bool parse_idle(const char *value, void *dst, char *msg)
{
    return parse_int_range(value, dst, 10, 3600, msg, "idle_timeout (seconds)");
}

/* minutes after closing, or -1 / "off" for no night mode */
static bool parse_night(const char *value, void *dst, char *msg)
{
    if (strcasecmp(value, "off") == 0) { *(int *)dst = -1; return true; }
    long v;
    if (parse_long(value, &v) && v == -1) { *(int *)dst = -1; return true; }
    return parse_int_range(value, dst, 0, 1440, msg,
                           "night_after_close (minutes, or off)");
}

static bool parse_bool(const char *value, void *dst, char *msg)
{
    static const char *const yes[] = { "true", "yes", "on", "1" };
    static const char *const no[] = { "false", "no", "off", "0" };
    for (int i = 0; i < 4; i++) {
        if (strcasecmp(value, yes[i]) == 0) { *(bool *)dst = true; return true; }
        if (strcasecmp(value, no[i]) == 0) { *(bool *)dst = false; return true; }
    }
    snprintf(msg, CONFIG_MSG_MAX, "expected true or false, not \"%s\"", value);
    return false;
}

/* an absolute path that fits the 256-byte fields of Config */
static bool parse_path(const char *value, void *dst, char *msg)
{
    if (value[0] != '/') {
        snprintf(msg, CONFIG_MSG_MAX, "expected an absolute path (starting with /), not \"%s\"",
                 value);
        return false;
    }
    if (strlen(value) >= sizeof ((Config *)0)->data_dir) {
        snprintf(msg, CONFIG_MSG_MAX, "path longer than %zu bytes",
                 sizeof ((Config *)0)->data_dir - 1);
        return false;
    }
    memcpy(dst, value, strlen(value) + 1);
    return true;
}

/* "" for no PIN, else a crypto_pwhash_str hash ("$argon2id$...") */
static bool parse_pin_hash(const char *value, void *dst, char *msg)
{
    size_t cap = sizeof ((Config *)0)->staff_pin_hash;
    if (value[0] && (strncmp(value, "$argon2", 7) != 0 || strlen(value) >= cap)) {
        snprintf(msg, CONFIG_MSG_MAX,
                 "staff_pin_hash must be an Argon2 hash (\"$argon2id$...\") or empty");
        return false;
    }
    memcpy(dst, value, strlen(value) + 1);
    return true;
}

/* an ALSA device name ("plughw:CARD=Device,DEV=0", "default"), "off", or "" for
 * ALSA's default: printable, no spaces, short enough for the field */
static bool parse_audio_device(const char *value, void *dst, char *msg)
{
    size_t cap = sizeof ((Config *)0)->audio_device;
    bool ok = strlen(value) < cap;
    for (const char *p = value; ok && *p; p++)
        ok = *p > ' ' && *p < 0x7f;
    if (!ok) {
        snprintf(msg, CONFIG_MSG_MAX, "audio_device must be an ALSA device name such as "
                 "plughw:CARD=Device,DEV=0 (no spaces, under %zu characters), or off", cap);
        return false;
    }
    memcpy(dst, value, strlen(value) + 1);
    return true;
}

/* an HSDS record id: letters, digits, '-', '_', '.', ':' (or empty: the default) */
static bool parse_id(const char *value, void *dst, char *msg)
{
    size_t cap = sizeof ((Config *)0)->organization, len = strlen(value);
    bool ok = len < cap;
    for (const char *p = value; ok && *p; p++)
        ok = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
             *p == '-' || *p == '_' || *p == '.' || *p == ':';
    if (!ok) {
        snprintf(msg, CONFIG_MSG_MAX, "expected a record id (letters, digits, - _ . :, at most "
                 "%zu), not \"%.80s\"", cap - 1, value);
        return false;
    }
    memcpy(dst, value, len + 1);
    return true;
}

/* The keys kiosk.conf may hold. To add one: a field in Config (config.h), its
 * default in config_defaults, a row here, and a line in the shipped kiosk.conf. */
typedef struct ConfigKey {
    const char *section, *name;
    ConfigParseFn parse;
    size_t offset;
} ConfigKey;

#define KEY(sec, name, fn, field) { sec, name, fn, offsetof(Config, field) }
static const ConfigKey config_keys[] = {
    KEY("display", "width",             parse_size,     width),
    KEY("display", "height",            parse_size,     height),
    KEY("display", "rotation",          parse_rotation, rotation),
    KEY("display", "dpi",               parse_dpi,      dpi),
    KEY("display", "touch_matrix",      parse_matrix,   touch_matrix),
    KEY("kiosk",   "default_language",  parse_lang,     default_lang),
    KEY("kiosk",   "idle_timeout",      parse_idle,     idle_timeout_s),
    KEY("kiosk",   "night_after_close", parse_night,    night_after_close_min),
    KEY("kiosk",   "data_dir",          parse_path,     data_dir),
    KEY("kiosk",   "default_data",      parse_path,     default_data),
    KEY("hours",   "city_holiday",      parse_bool,     city_holiday),
    KEY("hours",   "shortened_days",    parse_bool,     shortened_days),
    KEY("update",  "usb_dir",           parse_path,     usb_dir),
    KEY("update",  "trusted_keys",      parse_path,     trusted_keys),
    KEY("update",  "staff_approval",    parse_bool,     staff_approval),
    KEY("update",  "staff_pin_hash",    parse_pin_hash, staff_pin_hash),
    KEY("speech",  "audio_device",      parse_audio_device, audio_device),
    KEY("update",  "organization",      parse_id,       organization),
};

/* keeps the first error only: the one inih's return value points at too */
static void parse_error(ConfigParse *p, const char *fmt, ...)
{
    if (p->err_line) return;
    p->err_line = p->line;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(p->msg, sizeof p->msg, fmt, ap);
    va_end(ap);
}

/* inih's handler: one key = value; returns 0 (an error for inih) on an unknown key
 * or a bad value */
static int config_handler(void *user, const char *section, const char *name, const char *value)
{
    ConfigParse *p = user;
    if (!section[0]) {
        parse_error(p, "\"%s\" is outside a section such as [kiosk]", name);
        return 0;
    }
    for (size_t i = 0; i < sizeof config_keys / sizeof config_keys[0]; i++) {
        const ConfigKey *k = &config_keys[i];
        if (strcmp(section, k->section) != 0 || strcmp(name, k->name) != 0) continue;
        char msg[CONFIG_MSG_MAX];
        if (!k->parse(value, (char *)&p->cfg + k->offset, msg)) {
            parse_error(p, "%s", msg);
            return 0;
        }
        return 1;
    }
    parse_error(p, "unknown key \"%s\" in [%s]", name, section);
    return 0;
}

/* inih's reader: fgets that counts lines, and reports a line too long for inih
 * (which would otherwise read its tail as a line of its own) */
static char *config_reader(char *str, int num, void *stream)
{
    ConfigParse *p = stream;
    char *s = fgets(str, num, p->f);
    if (!s) return NULL;
    p->line++;
    size_t len = strlen(s);
    if (len + 1 == (size_t)num && s[len - 1] != '\n') {
        int c = fgetc(p->f);
        if (c == EOF) return s;                 /* a last line just fitting */
        parse_error(p, "line longer than %d characters", num - 3);
        while (c != EOF && c != '\n') c = fgetc(p->f);
        s[0] = '\0';                            /* the line is dropped */
    }
    return s;
}

/* writes "path:line: message" (or "path: message" for line 0) into err */
static int config_fail(const char *path, int line, const char *msg, char *err, size_t n)
{
    if (err && n > 0) {
        if (line > 0) snprintf(err, n, "%s:%d: %s", path, line, msg);
        else snprintf(err, n, "%s: %s", path, msg);
    }
    return -1;
}

/* the defaults with path's settings over them; a missing file leaves the defaults.
 * Returns 0, or -1 with "path:line: message" in err and *c holding the defaults:
 * the first unknown key, bad value or malformed line is reported */
int config_load(Config *c, const char *path, char *err, size_t n)
{
    config_defaults(c);
    if (err && n > 0) err[0] = '\0';
    FILE *f = fopen(path, "r");
    if (!f) {
        if (errno == ENOENT) return 0;
        return config_fail(path, 0, strerror(errno), err, n);
    }
    ConfigParse *p = calloc(1, sizeof *p);
    if (!p) {
        fclose(f);
        return config_fail(path, 0, "out of memory", err, n);
    }
    p->cfg = *c;
    p->f = f;
    int rc = ini_parse_stream(config_reader, p, config_handler, p);
    int read_errno = ferror(f) ? (errno ? errno : EIO) : 0;
    fclose(f);
    int result = 0;
    if (read_errno) {
        result = config_fail(path, 0, strerror(read_errno), err, n);
    } else if (rc < 0) {
        result = config_fail(path, 0, "out of memory", err, n);
    } else if (rc > 0 && (p->err_line == 0 || rc < p->err_line)) {
        /* inih's own complaint: a line that is neither [section], key = value
         * nor a comment */
        result = config_fail(path, rc, "expected [section] or key = value", err, n);
    } else if (p->err_line > 0) {
        result = config_fail(path, p->err_line, p->msg, err, n);
    } else {
        *c = p->cfg;
    }
    free(p);
    return result;
}
