/* i18n.h - the languages the kiosk speaks and its own interface words.
 * Content (names, descriptions, hours) comes from the database; only the words of
 * the interface itself (button labels, "Open now") live here, in a static table. */
#ifndef I18N_H
#define I18N_H
#include <stddef.h>

typedef enum { LANG_EL, LANG_EN, LANG_COUNT } Lang;
#define LANG_DEFAULT LANG_EL

typedef enum {
    STR_HOME, STR_BACK, STR_ABOUT, STR_COMMITTEES, STR_HOURS, STR_CONTACT,
    STR_LOCATION, STR_JOIN, STR_FUNDING, STR_LAST_UPDATED, STR_PHONE, STR_EMAIL,
    STR_WEBSITE, STR_SAVE_CONTACT, STR_DIRECTIONS, STR_ADDRESS, STR_COMMUNITY,
    STR_LANGUAGES, STR_AUDIENCE, STR_CATEGORY, STR_PARENT_BODY, STR_THE_FORUM,
    STR_SCAN_CALL, STR_SCAN_EMAIL, STR_SCAN_WEBSITE, STR_SCAN_SAVE, STR_SCAN_DIRECTIONS,
    STR_NO_EMAIL, STR_WEEK, STR_CLOSURES, STR_NO_CLOSURES, STR_TODAY, STR_CLOSED,
    STR_TAP_TO_WAKE, STR_UPDATE_TITLE, STR_UPDATE_CHECKING, STR_APPLIES_IN, STR_CANCEL,
    STR_APPLY_NOW, STR_OK, STR_ENTER_PIN, STR_PIN_WRONG, STR_PIN_LOCKED, STR_STAFF,
    STR_EXPORT_TITLE, STR_ROLLBACK, STR_RESTART, STR_SOFTWARE, STR_DATA, STR_LAST_REPORT,
    STR_DISK, STR_UPTIME, STR_INPUT, STR_LOG,
    STR_SERVICES, STR_SERVICE, STR_DIR_SEARCH_HINT, STR_DIR_OPEN_NOW, STR_DIR_FREE, STR_DIR_ANY_LANGUAGE,
    STR_DIR_CLEAR, STR_DIR_NO_RESULTS, STR_DIR_ASK_CENTRE, STR_DIR_FOUND, STR_DIR_MORE, STR_DIR_PREVIOUS,
    STR_DIR_NOT_ACTIVE, STR_DIR_ELIGIBILITY, STR_DIR_APPLY, STR_DIR_DOCUMENTS, STR_DIR_COST, STR_DIR_AGES, STR_DIR_CHECKED, STR_COUNT
} StrId;

/* "el" / "en" */
const char *i18n_code(Lang lang);
/* the language's own name: "Ελληνικά" / "English" */
const char *i18n_name(Lang lang);
/* LANG_COUNT when the code is unknown */
Lang i18n_from_code(const char *code);
/* never NULL, never empty */
const char *i18n_str(Lang lang, StrId id);
/* weekday 0 = Monday .. 6 = Sunday, full name in the nominative */
const char *i18n_weekday(Lang lang, int weekday);
/* the same, abbreviated for narrow tables: "Δευ" / "Mon" */
const char *i18n_weekday_short(Lang lang, int weekday);
/* "25 Νοεμβρίου 2026" (month in the genitive) / "25 November 2026"; writes "" if n is too small */
void i18n_format_date(Lang lang, int year, int month, int day, char *out, size_t n);
/* "Τετάρτη 25 Νοεμβρίου 2026" / "Wednesday 25 November 2026" */
void i18n_format_long_date(Lang lang, int year, int month, int day, int weekday, char *out, size_t n);
#endif
