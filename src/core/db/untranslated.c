/* untranslated.c - how many visitor texts lack a translation into a language. */
#include "core/db/db_private.h"

#include <stdio.h>
#include <string.h>

/* the texts a visitor reads, by resource and field: what a translation must cover */
static const struct { const char *resource, *field; } visitor_texts[] = {
    { "organization", "name" },     { "organization", "description" },
    { "organization", "legal_status" },
    { "service", "name" },          { "service", "description" },
    { "service", "application_process" },
    { "program", "name" },          { "program", "description" },
    { "address", "address_1" },     { "address", "city" },     { "address", "region" },
    { "funding", "source" },        { "language", "name" },    { "taxonomy_term", "name" },
    { "closure", "reason" },
};

int db_count_untranslated(Db *db, Lang lang, char *first, size_t n)
{
    if (n)
        first[0] = '\0';
    const char *code = i18n_code(lang);
    if (strcmp(code, db->lang) == 0)
        return 0;
    int total = 0;
    for (size_t i = 0; i < sizeof visitor_texts / sizeof visitor_texts[0]; i++) {
        char sql[512];
        snprintf(sql, sizeof sql,
                 "SELECT id FROM \"%s\" t WHERE t.\"%s\" <> '' AND NOT EXISTS (SELECT 1 "
                 "FROM translation x WHERE x.resource = ?1 AND x.record_id = t.id AND "
                 "x.field = '%s' AND x.language = ?2 AND x.value <> '')",
                 visitor_texts[i].resource, visitor_texts[i].field, visitor_texts[i].field);
        sqlite3_stmt *st = db_query(db, sql, visitor_texts[i].resource, code);
        if (!st)
            return -1;
        int rc;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            if (total++ == 0 && n)
                snprintf(first, n, "%s %s %s", visitor_texts[i].resource, db_col_text(st, 0),
                         visitor_texts[i].field);
        }
        db_query_done(db, st);
        if (rc != SQLITE_DONE)
            return db_fail(db, "%s", sqlite3_errmsg(db->h));
    }
    return total;
}
