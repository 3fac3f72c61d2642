/* directory.h - the member directory: the services of the content, found by words in
 * any script, by category and by filters, read from the database a page at a time
 * (nothing of the directory is held in memory). The search index is built with the
 * database (db_directory_build, at import); the SQL lives with the db module. Every
 * function returns -1 on a database error with the reason in db_error(). */
#ifndef DIRECTORY_H
#define DIRECTORY_H
#include <stdbool.h>
#include <stdint.h>
#include <time.h>
#include "core/db.h"
#include "core/hours.h"

#define DIR_ID_MAX     64
#define DIR_NAME_MAX   192
#define DIR_LANGS_MAX  160

/* what a visitor asked for; every part is optional and they combine */
typedef struct DirQuery {
    const char *words;          /* as typed, in any script; NULL or "" for every service */
    const char *category;       /* taxonomy_term id: a category, or an area above categories */
    const char *language;       /* code of a language the service is offered in ("ar") */
    bool open_now;              /* open at now by the service's own schedule */
    bool free;                  /* every cost option of the service is free */
    time_t now;                 /* the instant for open_now and the badges */
} DirQuery;

/* one line of a result list */
typedef struct DirRow {
    char id[DIR_ID_MAX];        /* service.id */
    char name[DIR_NAME_MAX];    /* in the asked language, with the translation fallback */
    char org[DIR_NAME_MAX];     /* its organisation's name, "" when none */
    char languages[DIR_LANGS_MAX]; /* the languages it is offered in, names joined by ", " */
    bool free;
    bool active;                /* status is "active" (or not given) */
    bool alert;                 /* the service has an alert to show first */
    bool has_hours;             /* the data has a weekly schedule for it */
    HoursStatus hours;          /* hours_status_at(now) on its schedule, holidays, closures */
} DirRow;

/* a category of the taxonomy called "category", with its service count */
typedef struct DirCategory {
    char id[DIR_ID_MAX];
    char code[DIR_ID_MAX];      /* taxonomy_term.code: chooses the icon */
    char name[DIR_NAME_MAX];
    int count;                  /* services linked to it or to a category under it */
} DirCategory;

/* everything the service card shows, in one language; "" where the data has nothing */
typedef struct DirCard {
    char id[DIR_ID_MAX];
    char name[DIR_NAME_MAX];
    char org[DIR_NAME_MAX];
    char description[2048];
    char eligibility[1024];     /* who it is for: eligibility_description */
    int min_age, max_age;       /* 0 when not given */
    char application[1024];     /* how to apply: application_process */
    char documents[1024];       /* documents to bring, one a line */
    char cost[512];             /* cost options, one a line: "Free", "Per session: 10 EUR" */
    bool free;
    char languages[DIR_LANGS_MAX];
    bool active;                /* status is "active" or not given */
    char status[32];            /* the status as written, when not active */
    char alert[512];
    char last_checked[11];      /* "2026-03-15": assured_date, else last_modified */
    char phone[64];             /* the service's phone, else its organisation's */
    char email[128];            /* a valid address, or "" */
    char website[256];
    char address[256];          /* street, of the service's location (else its organisation's) */
    char city[96];
    char postal_code[32];
    char country[16];
    bool has_coords;
    double latitude, longitude;
} DirCard;

/* creates the directory's empty tables with a new database's schema (db_create calls it) */
int db_directory_schema(Db *db);
/* fills the search index and the directory's tables in a database being built
 * (between db_begin and db_commit; db_commit calls it). On failure the build fails. */
int db_directory_build(Db *db);

/* the services that match q, best first (by relevance when there are words, else by
 * name): rows [offset, offset + max) into rows; *total (when not NULL) gets the number
 * of all matches. Returns the number of rows filled. */
int db_directory_search(Db *db, const DirQuery *q, Lang lang, int offset, int max, DirRow *rows,
                        int *total);
/* the categories directly under parent ("" or NULL: the first level) that hold at
 * least one service, in file order; fills at most max, returns how many */
int db_directory_categories(Db *db, const char *parent, Lang lang, DirCategory *out, int max);
/* 1 when the content holds services of other organisations than the one of its first
 * service (the centre's own), 0 when not */
int db_directory_has_members(Db *db);
/* how the services of db differ from those of the database at old_path: counts[0]
 * added, counts[1] changed (a text, translation, schedule, language, cost, document,
 * category, phone or location of it), counts[2] removed, by service id; the first
 * service of each (the centre's own, whose changes the update names) is left out */
int db_directory_compare(Db *db, const char *old_path, int counts[3]);
/* the card of the service with that id, in lang; -1 (and db_error()) also when
 * there is no such service */
int db_directory_card(Db *db, const char *service_id, Lang lang, DirCard *out);
/* the weekly schedule and closures of one service (reasons in every language) */
int db_directory_load_hours(Db *db, const char *service_id, HoursTable *out);
#endif
