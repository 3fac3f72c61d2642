/* i18n.h - the languages the kiosk speaks and every word of its own interface.
 * Content (names, descriptions, hours) comes from the database; the interface's
 * words come from one gettext catalogue per language, assets/locale/<code>.po,
 * checked by msgfmt and built into the program (tools/po2c.sh), so nothing is read
 * from disk at run time. Messages are asked for by StrId (i18n_messages.h). */
#ifndef I18N_H
#define I18N_H
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "core/i18n_messages.h"

typedef enum { I18N_LTR, I18N_RTL } I18nDirection;

/* how a language picks the form of a counted word ("1 committee", "2 committees");
 * its .po header's Plural-Forms says the same in gettext's words (test_i18n compares) */
typedef enum {
    I18N_PLURAL_ONE,        /* 2 forms, n != 1: el, en, ur */
    I18N_PLURAL_ZERO_ONE,   /* 2 forms, n > 1: fr, fa */
    I18N_PLURAL_SLAVIC,     /* 3 forms by the last digits: uk, ru */
    I18N_PLURAL_ARABIC,     /* 6 forms: zero, one, two, few, many, other */
    I18N_PLURAL_COUNT
} I18nPlural;

/* the code point of the zero a language writes numbers with in dates and times */
#define I18N_DIGITS_WESTERN 0x0030u     /* 0123456789 */

/* The languages, one row each; a Lang is the index of its row, the first row is the
 * default (the kiosk returns to it after the idle reset). To add a language: write
 * assets/locale/<code>.po (a copy of en.po with every msgstr translated, and
 * "X-Kiosk-Review: draft" in its header until the centre has reviewed it) and add a
 * row here. Columns: enum name, code (also the .po's name; an identifier, so "pt_BR"
 * not "pt-BR"), the language's name in itself, text direction, digits in dates and
 * times (say why next to a native choice), plural rule. */
#define I18N_LANGUAGES(X) \
    X(LANG_EL, el, "Ελληνικά", I18N_LTR, I18N_DIGITS_WESTERN, I18N_PLURAL_ONE) \
    X(LANG_EN, en, "English",  I18N_LTR, I18N_DIGITS_WESTERN, I18N_PLURAL_ONE)

typedef enum {
#define I18N_LANG_ENUM(id, code, name, dir, digits, plural) id,
    I18N_LANGUAGES(I18N_LANG_ENUM)
#undef I18N_LANG_ENUM
    LANG_COUNT
} Lang;
#define LANG_DEFAULT LANG_EL

typedef enum {
#define I18N_STR_ENUM(id, key) id,
    I18N_MESSAGES(I18N_STR_ENUM)
#undef I18N_STR_ENUM
    STR_COUNT
} StrId;

/* "el" / "en" */
const char *i18n_code(Lang lang);
/* the language's own name: "Ελληνικά" / "English" */
const char *i18n_name(Lang lang);
/* LANG_COUNT when the code is unknown */
Lang i18n_from_code(const char *code);
/* left to right, or right to left */
I18nDirection i18n_direction(Lang lang);
/* true when the catalogue's header says "X-Kiosk-Review: reviewed", false for a draft */
bool i18n_reviewed(Lang lang);
/* the message's key in the .po files ("screen.home"); "?" for an unknown id */
const char *i18n_key(StrId id);

/* the message in lang; never NULL, never empty: a message missing from lang's
 * catalogue reads in English, and one missing there too as its key */
const char *i18n_str(Lang lang, StrId id);
/* the message in lang used as a printf format with the arguments that follow (the
 * .po's msgid shows which: "%s", "%d"; msgfmt checks every translation has the same);
 * writes "" when n is too small for the whole text's first character, else cuts at a
 * character boundary. Returns the length of the untruncated text, as snprintf does. */
int i18n_format(Lang lang, char *out, size_t n, StrId id, ...);
/* the same with a va_list, for functions that take a message and its arguments */
int i18n_vformat(Lang lang, char *out, size_t n, StrId id, va_list ap);
/* i18n_format for a counted message (msgid_plural in the .po): count picks the form
 * by the language's plural rule; the arguments follow as usual, so "%d committees
 * renamed" is i18n_format_count(lang, out, n, STR_X, k, k) */
int i18n_format_count(Lang lang, char *out, size_t n, StrId id, unsigned long count, ...);
/* which form (0..) of a counted message the rule gives for count */
int i18n_plural_form(I18nPlural rule, unsigned long count);

/* weekday 0 = Monday .. 6 = Sunday, full name in the nominative */
const char *i18n_weekday(Lang lang, int weekday);
/* the same, abbreviated for narrow tables: "Δευ" / "Mon" */
const char *i18n_weekday_short(Lang lang, int weekday);
/* "25 Νοεμβρίου 2026" (month in the genitive) / "25 November 2026"; writes "" if n is too small */
void i18n_format_date(Lang lang, int year, int month, int day, char *out, size_t n);
/* "Τετάρτη 25 Νοεμβρίου 2026" / "Wednesday 25 November 2026" */
void i18n_format_long_date(Lang lang, int year, int month, int day, int weekday, char *out, size_t n);
/* "7 Ιανουαρίου" / "7 January": a date without its year; "" as for i18n_format_date */
void i18n_format_day_month(Lang lang, int month, int day, char *out, size_t n);
/* "09:00" for minutes after midnight (0..1439) in the language's digits; "" if out of range */
void i18n_format_time(Lang lang, int minutes, char *out, size_t n);

/* the codes of the .po files found at build time, NULL-terminated (for tests) */
extern const char *const i18n_catalogue_codes[];
/* the first problem of a compiled catalogue (.mo bytes) for lang: a message missing or
 * empty, a msgid other than en.po's (a stale translation), placeholders other than
 * English's, a counted message without every form, Plural-Forms unlike lang's rule;
 * 0 when none, else 1 and a sentence in why */
int i18n_check_catalogue(Lang lang, const unsigned char *mo, size_t size, char *why, size_t n);
/* true when a compiled catalogue's header says "X-Kiosk-Review: reviewed" */
bool i18n_catalogue_reviewed(const unsigned char *mo, size_t size);
/* i18n_check_catalogue for lang's built-in catalogue */
int i18n_check(Lang lang, char *why, size_t n);
#endif
