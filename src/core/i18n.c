/* i18n.c - the kiosk's own interface words in Greek and English, weekday and month
 * names, and dates written the way each language writes them. All data are static
 * tables indexed by language; no locale is consulted, so every kiosk reads alike. */
#include "core/i18n.h"

#include <stdio.h>
#include <strings.h>

static const char *const lang_codes[LANG_COUNT] = { "el", "en" };
static const char *const lang_names[LANG_COUNT] = { "Ελληνικά", "English" };

/* The interface words. To add a word: add its StrId before STR_COUNT in i18n.h and a
 * row here with both languages (test_i18n checks that none is missing or empty).
 * Short, plain words: many visitors read the language of the screen as a second one. */
static const char *const strings[STR_COUNT][LANG_COUNT] = {
    [STR_HOME]            = { "Αρχική", "Home" },
    [STR_BACK]            = { "Πίσω", "Back" },
    [STR_ABOUT]           = { "Ποιοι είμαστε", "About us" },
    [STR_COMMITTEES]      = { "Επιτροπές & Φόρουμ", "Committees & Forum" },
    [STR_HOURS]           = { "Ωράριο & γλώσσες", "Hours & languages" },
    [STR_CONTACT]         = { "Επικοινωνία", "Contact" },
    [STR_LOCATION]        = { "Πού θα μας βρείτε", "Where to find us" },
    [STR_JOIN]            = { "Συμμετοχή", "How to join" },
    [STR_FUNDING]         = { "Χρηματοδότηση", "Funding & support" },
    [STR_LAST_UPDATED]    = { "Τελευταία ενημέρωση", "Last updated" },
    [STR_PHONE]           = { "Τηλέφωνο", "Phone" },
    [STR_EMAIL]           = { "Email", "Email" },
    [STR_WEBSITE]         = { "Ιστοσελίδα", "Website" },
    [STR_SAVE_CONTACT]    = { "Αποθήκευση επαφής", "Save the contact" },
    [STR_DIRECTIONS]      = { "Οδηγίες μετάβασης", "Directions" },
    [STR_ADDRESS]         = { "Διεύθυνση", "Address" },
    [STR_COMMUNITY]       = { "Δημοτική Κοινότητα", "Municipal community" },
    [STR_LANGUAGES]       = { "Γλώσσες εξυπηρέτησης", "Languages spoken" },
    [STR_AUDIENCE]        = { "Σε ποιους απευθύνεται", "Who it is for" },
    [STR_CATEGORY]        = { "Είδος υπηρεσίας", "Type of service" },
    [STR_PARENT_BODY]     = { "Φορέας", "Part of" },
    [STR_THE_FORUM]       = { "Το Φόρουμ", "The Forum" },
    [STR_SCAN_CALL]       = { "Σαρώστε για κλήση", "Scan to call" },
    [STR_SCAN_EMAIL]      = { "Σαρώστε για αποστολή email", "Scan to send an email" },
    [STR_SCAN_WEBSITE]    = { "Σαρώστε για την ιστοσελίδα", "Scan to open the website" },
    [STR_SCAN_SAVE]       = { "Σαρώστε για αποθήκευση επαφής", "Scan to save the contact" },
    [STR_SCAN_DIRECTIONS] = { "Σαρώστε για οδηγίες στον χάρτη", "Scan for directions on a map" },
    [STR_NO_EMAIL]        = { "Το email θα προστεθεί σύντομα", "Email address to be added" },
    [STR_WEEK]            = { "Ωράριο λειτουργίας", "Opening hours" },
    [STR_CLOSURES]        = { "Αργίες & κλειστές ημέρες", "Holidays & closed days" },
    [STR_NO_CLOSURES]     = { "Δεν προβλέπονται κλειστές ημέρες", "No closed days planned" },
    [STR_TODAY]           = { "Σήμερα", "Today" },
    [STR_CLOSED]          = { "Κλειστά", "Closed" },
    [STR_TAP_TO_WAKE]     = { "Αγγίξτε την οθόνη για να ξεκινήσετε", "Touch the screen to start" },
    [STR_UPDATE_TITLE]    = { "Ενημέρωση περιεχομένου", "Content update" },
    [STR_UPDATE_CHECKING] = { "Έλεγχος του USB στικ…", "Checking the USB stick…" },
    [STR_APPLIES_IN]      = { "Εφαρμόζεται σε %d δευτ.", "Applies in %d s" },
    [STR_CANCEL]          = { "Ακύρωση", "Cancel" },
    [STR_APPLY_NOW]       = { "Εφαρμογή τώρα", "Apply now" },
    [STR_OK]              = { "Εντάξει", "OK" },
    [STR_ENTER_PIN]       = { "Κωδικός προσωπικού (PIN)", "Staff PIN" },
    [STR_PIN_WRONG]       = { "Λάθος κωδικός", "Wrong PIN" },
    [STR_PIN_LOCKED]      = { "Κλειδώθηκε για %d λεπτά", "Locked for %d minutes" },
    [STR_STAFF]           = { "Προσωπικό", "Staff" },
    [STR_EXPORT_TITLE]    = { "Εξαγωγή περιεχομένου", "Content export" },
    [STR_ROLLBACK]        = { "Επαναφορά προηγούμενου", "Roll back the data" },
    [STR_RESTART]         = { "Επανεκκίνηση", "Restart" },
    [STR_SOFTWARE]        = { "Λογισμικό", "Software" },
    [STR_DATA]            = { "Περιεχόμενο", "Content" },
    [STR_LAST_REPORT]     = { "Τελευταία ενημέρωση USB", "Last USB update" },
    [STR_DISK]            = { "Ελεύθερος χώρος", "Free disk space" },
    [STR_UPTIME]          = { "Σε λειτουργία", "Running for" },
    [STR_INPUT]           = { "Οθόνη αφής", "Touch input" },
    [STR_LOG]             = { "Καταγραφή", "Log" },
    [STR_SERVICES]       = { "Βρείτε μια υπηρεσία", "Find a service" },
    [STR_SERVICE]        = { "Υπηρεσία", "Service" },
    [STR_DIR_SEARCH_HINT]= { "Γράψτε τι χρειάζεστε", "Type what you need" },
    [STR_DIR_OPEN_NOW]   = { "Ανοιχτά τώρα", "Open now" },
    [STR_DIR_FREE]       = { "Δωρεάν", "Free" },
    [STR_DIR_ANY_LANGUAGE]= { "Κάθε γλώσσα", "Any language" },
    [STR_DIR_CLEAR]      = { "Καθαρισμός φίλτρων", "Clear filters" },
    [STR_DIR_NO_RESULTS] = { "Δεν βρέθηκε υπηρεσία", "No service found" },
    [STR_DIR_ASK_CENTRE] = { "Ρωτήστε το Κέντρο:", "Ask the centre:" },
    [STR_DIR_FOUND]      = { "Αποτελέσματα:", "Results:" },
    [STR_DIR_MORE]       = { "Επόμενα", "Next" },
    [STR_DIR_PREVIOUS]   = { "Προηγούμενα", "Previous" },
    [STR_DIR_NOT_ACTIVE] = { "Δεν λειτουργεί αυτή την περίοδο", "Not available at present" },
    [STR_DIR_ELIGIBILITY]= { "Για ποιους είναι", "Who it is for" },
    [STR_DIR_APPLY]      = { "Πώς θα το ζητήσετε", "How to apply" },
    [STR_DIR_DOCUMENTS]  = { "Έγγραφα που χρειάζεστε", "Documents to bring" },
    [STR_DIR_COST]       = { "Κόστος", "Cost" },
    [STR_DIR_AGES]       = { "Ηλικίες", "Ages" },
    [STR_DIR_CHECKED]    = { "Τελευταίος έλεγχος στοιχείων", "Last checked" },
};

/* Monday first, as the week is printed in Greece */
static const char *const weekdays[LANG_COUNT][7] = {
    { "Δευτέρα", "Τρίτη", "Τετάρτη", "Πέμπτη", "Παρασκευή", "Σάββατο", "Κυριακή" },
    { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday" },
};

/* for narrow week tables */
static const char *const weekdays_short[LANG_COUNT][7] = {
    { "Δευ", "Τρί", "Τετ", "Πέμ", "Παρ", "Σάβ", "Κυρ" },
    { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" },
};

/* Greek dates put the month in the genitive: "25 Νοεμβρίου" */
static const char *const months[LANG_COUNT][12] = {
    { "Ιανουαρίου", "Φεβρουαρίου", "Μαρτίου", "Απριλίου", "Μαΐου", "Ιουνίου",
      "Ιουλίου", "Αυγούστου", "Σεπτεμβρίου", "Οκτωβρίου", "Νοεμβρίου", "Δεκεμβρίου" },
    { "January", "February", "March", "April", "May", "June",
      "July", "August", "September", "October", "November", "December" },
};

/* an unknown language (a programmer's error) reads as the default one */
static Lang valid_lang(Lang lang)
{
    return (unsigned)lang < LANG_COUNT ? lang : LANG_DEFAULT;
}

/* "el" / "en"; the default language's code for an unknown lang */
const char *i18n_code(Lang lang)
{
    return lang_codes[valid_lang(lang)];
}

/* the language's name in itself; the default language's for an unknown lang */
const char *i18n_name(Lang lang)
{
    return lang_names[valid_lang(lang)];
}

/* "el" / "EN" (any case) -> the language; LANG_COUNT for NULL or an unknown code */
Lang i18n_from_code(const char *code)
{
    if (!code) return LANG_COUNT;
    for (int i = 0; i < LANG_COUNT; i++)
        if (strcasecmp(code, lang_codes[i]) == 0) return (Lang)i;
    return LANG_COUNT;
}

/* the word in lang; never NULL nor empty: an unknown id gives "?" */
const char *i18n_str(Lang lang, StrId id)
{
    if ((unsigned)id >= STR_COUNT) return "?";
    return strings[id][valid_lang(lang)];
}

/* weekday 0 = Monday .. 6 = Sunday; "" for a weekday out of range */
const char *i18n_weekday(Lang lang, int weekday)
{
    if (weekday < 0 || weekday > 6) return "";
    return weekdays[valid_lang(lang)][weekday];
}

/* weekday 0 = Monday .. 6 = Sunday, abbreviated ("Δευ" / "Mon"); "" out of range */
const char *i18n_weekday_short(Lang lang, int weekday)
{
    if (weekday < 0 || weekday > 6) return "";
    return weekdays_short[valid_lang(lang)][weekday];
}

/* empties out when snprintf's result (len) did not fit in it */
static void write_or_empty(char *out, size_t n, int len)
{
    if (len < 0 || (size_t)len >= n) out[0] = '\0';
}

/* "25 Νοεμβρίου 2026" / "25 November 2026"; "" when the month or day is out of
 * range or out is too small; nothing written when n is 0 */
void i18n_format_date(Lang lang, int year, int month, int day, char *out, size_t n)
{
    if (n == 0) return;
    if (month < 1 || month > 12 || day < 1 || day > 31) { out[0] = '\0'; return; }
    int len = snprintf(out, n, "%d %s %d", day, months[valid_lang(lang)][month - 1], year);
    write_or_empty(out, n, len);
}

/* "Τετάρτη 25 Νοεμβρίου 2026" / "Wednesday 25 November 2026"; "" as for
 * i18n_format_date, or when weekday is out of range */
void i18n_format_long_date(Lang lang, int year, int month, int day, int weekday, char *out, size_t n)
{
    if (n == 0) return;
    if (weekday < 0 || weekday > 6) { out[0] = '\0'; return; }
    char date[64];
    i18n_format_date(lang, year, month, day, date, sizeof date);
    if (!date[0]) { out[0] = '\0'; return; }
    int len = snprintf(out, n, "%s %s", i18n_weekday(lang, weekday), date);
    write_or_empty(out, n, len);
}
