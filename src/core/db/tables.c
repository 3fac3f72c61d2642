/* tables.c - the table of tables: from this one list db_create() makes the schema,
 * hsds/ imports and exports, and db_open() checks a file. */
#include "core/db/db_private.h"

#include <string.h>

#define COLS(...) ((const char *const[]){ __VA_ARGS__, NULL })
#define NONE ((const char *const[]){ NULL })

/* The tables, in the order they are created, imported and exported. Every column is
 * TEXT, as written in the CSV. To add a table: add a row here (the HSDS resource
 * name, its CSV file, the key column, the columns in CSV order, the columns looked up
 * by, the columns of a key of several columns or NULL, and the import rules of its
 * rows: DbRule flags in db.h, 0 for the schema's types alone), describe it in
 * data/datapackage.json, bump SCHEMA_VERSION below, and read it in
 * db_load_content() (db/content.c). A new column is the same: add it, bump the
 * version. */
#define SCHEMA_VERSION 2     /* 2: the member directory (and db/directory_index.c's tables) */

static const DbTable db_tables[] = {
    { "organization", "organizations.csv", "id",
      COLS("id", "name", "alternate_name", "description", "email", "website", "tax_status",
           "tax_id", "year_incorporated", "legal_status", "logo", "uri",
           "parent_organization_id"),
      NONE, NULL, DB_RULE_EMAIL },
    { "program", "programs.csv", "id",
      COLS("id", "organization_id", "name", "alternate_name", "description"),
      COLS("organization_id"), NULL, 0 },
    { "service", "services.csv", "id",
      COLS("id", "organization_id", "program_id", "name", "alternate_name", "description",
           "url", "email", "status", "interpretation_services", "application_process",
           "fees_description", "wait_time", "fees", "accreditations",
           "eligibility_description", "minimum_age", "maximum_age", "assured_date",
           "assurer_email", "licenses", "alert", "last_modified"),
      NONE, NULL, DB_RULE_EMAIL },
    { "location", "locations.csv", "id",
      COLS("id", "location_type", "url", "organization_id", "name", "alternate_name",
           "description", "transportation", "latitude", "longitude", "external_identifier",
           "external_identifier_type"),
      COLS("organization_id"), NULL, DB_RULE_COORDINATES },
    { "address", "addresses.csv", "id",
      COLS("id", "location_id", "attention", "address_1", "address_2", "city", "region",
           "state_province", "postal_code", "country", "address_type"),
      COLS("location_id"), NULL, 0 },
    { "service_at_location", "service_at_location.csv", "id",
      COLS("id", "service_id", "location_id", "description"),
      COLS("service_id"), NULL, 0 },
    { "contact", "contacts.csv", "id",
      COLS("id", "organization_id", "service_id", "service_at_location_id", "location_id",
           "name", "title", "department", "email"),
      NONE, NULL, 0 },
    { "phone", "phones.csv", "id",
      COLS("id", "location_id", "service_id", "organization_id", "contact_id",
           "service_at_location_id", "number", "extension", "type", "description"),
      COLS("service_id", "organization_id"), NULL, DB_RULE_QUOTED_NUMBER },
    { "schedule", "schedules.csv", "id",
      COLS("id", "service_id", "location_id", "service_at_location_id", "valid_from",
           "valid_to", "dtstart", "timezone", "until", "count", "wkst", "freq", "interval",
           "byday", "byweekno", "bymonthday", "byyearday", "description", "opens_at",
           "closes_at", "schedule_link", "attending_type", "notes"),
      COLS("service_id"), NULL, DB_RULE_SCHEDULE },
    { "language", "languages.csv", "id",
      COLS("id", "service_id", "location_id", "phone_id", "name", "code", "note"),
      COLS("service_id"), NULL, 0 },
    { "funding", "funding.csv", "id",
      COLS("id", "organization_id", "service_id", "source"),
      COLS("service_id", "organization_id"), NULL, 0 },
    { "taxonomy", "taxonomies.csv", "id",
      COLS("id", "name", "description", "uri", "version"),
      NONE, NULL, 0 },
    { "taxonomy_term", "taxonomy_terms.csv", "id",
      COLS("id", "code", "name", "description", "parent_id", "taxonomy", "language",
           "taxonomy_id", "term_uri"),
      NONE, NULL, 0 },
    { "attribute", "attributes.csv", "id",
      COLS("id", "link_id", "taxonomy_term_id", "link_type", "link_entity", "value"),
      COLS("link_id"), NULL, DB_RULE_LINK_ENTITY },
    /* our extensions: HSDS has no translations and no closures */
    { "translation", "translations.csv", NULL,
      COLS("resource", "record_id", "field", "language", "value"),
      NONE, COLS("resource", "record_id", "field", "language"), DB_RULE_TRANSLATION },
    { "closure", "closures.csv", "id",
      COLS("id", "service_id", "start_date", "end_date", "closed", "opens_at", "closes_at",
           "reason"),
      COLS("service_id"), NULL, DB_RULE_CLOSURE },
    /* the member directory: what a service costs and asks for */
    { "cost_option", "cost_options.csv", "id",
      COLS("id", "service_id", "valid_from", "valid_to", "option", "currency", "amount",
           "amount_description"),
      COLS("service_id"), NULL, DB_RULE_AMOUNT },
    { "required_document", "required_documents.csv", "id",
      COLS("id", "service_id", "document", "uri"),
      COLS("service_id"), NULL, 0 },
    /* our extension: words the directory's search takes as one, "άσυλο / asylum / لجوء" */
    { "synonym", "synonyms.csv", "id",
      COLS("id", "terms"),
      NONE, NULL, 0 },
};
#define N_TABLES ((int)(sizeof db_tables / sizeof db_tables[0]))
_Static_assert(N_TABLES <= DB_MAX_TABLES, "DB_MAX_TABLES in db.h is too small");

/* the version of the schema that db_tables[] makes */
int db_schema_version(void)
{
    return SCHEMA_VERSION;
}

/* the number of tables in db_tables[] */
int db_table_count(void)
{
    return N_TABLES;
}

/* table i of db_tables[]; NULL when out of range */
const DbTable *db_table(int i)
{
    return i >= 0 && i < N_TABLES ? &db_tables[i] : NULL;
}

/* the table's index by resource name; -1 when unknown */
int db_table_find(const char *name)
{
    for (int i = 0; name && i < N_TABLES; i++)
        if (strcmp(db_tables[i].name, name) == 0)
            return i;
    return -1;
}

/* the column's index in table i; -1 when it has none of that name */
int db_table_column(int i, const char *column)
{
    if (i < 0 || i >= N_TABLES || !column)
        return -1;
    for (int c = 0; db_tables[i].columns[c]; c++)
        if (strcmp(db_tables[i].columns[c], column) == 0)
            return c;
    return -1;
}

/* the number of columns of table i; 0 when out of range */
int db_table_columns(int i)
{
    int n = 0;
    if (i >= 0 && i < N_TABLES)
        while (db_tables[i].columns[n])
            n++;
    return n;
}
