/* content.c - what the screens show: the first service and its organisation, every
 * text in one language through db_field_text(). */
#include "core/db/db_private.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/qr.h"

/* parses a whole coordinate within [-limit, limit] */
static bool parse_coord(const char *s, double limit, double *out)
{
    char *end;
    if (!s || !*s)
        return false;
    errno = 0;
    double v = strtod(s, &end);
    while (*end == ' ')
        end++;
    if (errno || *end || !isfinite(v) || v < -limit || v > limit)
        return false;
    *out = v;
    return true;
}

/* the taxonomy terms linked to the service whose taxonomy is called name, joined */
static char *term_text(Db *db, const char *code, const char *service_id, const char *name)
{
    char *ids[8];
    int n = db_query_ids(
        db,
        "SELECT tt.id FROM attribute a JOIN taxonomy_term tt ON tt.id = a.taxonomy_term_id"
        " JOIN taxonomy t ON t.id = tt.taxonomy_id WHERE a.link_entity = 'service'"
        " AND a.link_id = ?1 AND lower(t.name) = ?2 ORDER BY a.rowid",
        service_id, name, ids, 8);
    if (n < 0)
        return NULL;
    char *s = db_joined_text(db, code, "taxonomy_term", "name", ids, n, ", ");
    db_free_ids(ids, n);
    return s;
}

/* Fills the organisation part: names, parent body and department from the
 * parent_organization_id chain (bounded, so a cycle in the data ends it). */
static int load_organization(Db *db, const char *code, const char *org, Content *c)
{
    char *chain[16];
    int depth = 0;
    const char *at = org;
    while (*at && depth < 16) {
        char *p = db_query_text(db, "SELECT p.id FROM organization o JOIN organization p"
                                 " ON p.id = o.parent_organization_id WHERE o.id = ?1", at, NULL);
        if (!p)
            break;
        bool seen = !*p || strcmp(p, org) == 0;
        for (int i = 0; i < depth && !seen; i++)
            seen = strcmp(chain[i], p) == 0;
        if (seen) {
            free(p);
            break;
        }
        chain[depth++] = p;
        at = p;
    }
    const char *root = depth ? chain[depth - 1] : "";
    c->org_name = db_field_text(db, code, "organization", "name", org);
    c->org_short = db_field_text(db, code, "organization", "alternate_name", org);
    c->org_description = db_field_text(db, code, "organization", "description", org);
    c->parent_name = db_field_text(db, code, "organization", "name", root);
    c->parent_type = db_field_text(db, code, "organization", "legal_status", root);
    c->department =
        depth >= 2 ? db_field_text(db, code, "organization", "name", chain[0]) : strdup("");
    db_free_ids(chain, depth);
    return 0;
}

/* the location the service is found at (see db_load_content); "" when none */
static char *service_location(Db *db, const char *svc, const char *org)
{
    char *loc =
        db_query_text(db,
                      "SELECT s.location_id FROM service_at_location s JOIN location l"
                      " ON l.id = s.location_id WHERE s.service_id = ?1"
                      " ORDER BY EXISTS (SELECT 1 FROM address a WHERE a.location_id = l.id) DESC,"
                      " s.rowid LIMIT 1",
                      svc, NULL);
    if (loc && !*loc && *org) {
        free(loc);
        loc = db_query_text(
            db, "SELECT id FROM location WHERE organization_id = ?1 ORDER BY rowid LIMIT 1", org,
            NULL);
    }
    return loc;
}

/* fills phone, email, website, address and coordinates */
static void load_contact(Db *db, const char *code, const char *svc, const char *org, Content *c)
{
    char *phone = db_query_text(
        db, "SELECT id FROM phone WHERE service_id = ?1 ORDER BY rowid LIMIT 1", svc, NULL);
    if (phone && !*phone && *org) {
        free(phone);
        phone = db_query_text(
            db, "SELECT id FROM phone WHERE organization_id = ?1 ORDER BY rowid LIMIT 1", org,
            NULL);
    }
    c->phone = phone && *phone ? db_field_text(db, code, "phone", "number", phone) : strdup("");
    free(phone);

    char *email = db_field_text(db, code, "service", "email", svc);
    if (email && !*email) {
        free(email);
        email = db_field_text(db, code, "organization", "email", org);
    }
    char payload[512];
    if (email && qr_payload_mailto(email, payload, sizeof payload) < 0)
        *email = 0;
    c->email = email;

    c->website = db_field_text(db, code, "service", "url", svc);
    if (c->website && !*c->website) {
        free(c->website);
        c->website = db_field_text(db, code, "organization", "website", org);
    }

    char *loc = service_location(db, svc, org);
    char *addr =
        loc ? db_query_text(db,
                            "SELECT id FROM address WHERE location_id = ?1 ORDER BY rowid LIMIT 1",
                            loc, NULL)
            : NULL;
    const char *a = addr ? addr : "";
    c->address = db_field_text(db, code, "address", "address_1", a);
    c->city = db_field_text(db, code, "address", "city", a);
    c->postal_code = db_field_text(db, code, "address", "postal_code", a);
    c->country = db_field_text(db, code, "address", "country", a);
    c->community = db_field_text(db, code, "address", "region", a);
    char *lat =
        loc ? db_query_text(db, "SELECT latitude FROM location WHERE id = ?1", loc, NULL) : NULL;
    char *lon =
        loc ? db_query_text(db, "SELECT longitude FROM location WHERE id = ?1", loc, NULL) : NULL;
    double la, lo;
    if (parse_coord(lat, 90, &la) && parse_coord(lon, 180, &lo)) {
        c->has_coords = true;
        c->latitude = la;
        c->longitude = lo;
    }
    free(lat);
    free(lon);
    free(loc);
    free(addr);
}

/* fills funding, languages and programmes */
static void load_lists(Db *db, const char *code, const char *svc, const char *org, Content *c)
{
    char *ids[CONTENT_MAX_PROGRAMS];
    int n = db_query_ids(db, "SELECT id FROM funding WHERE service_id = ?1"
                          " OR (?2 <> '' AND organization_id = ?2) ORDER BY rowid",
                         svc, org, ids, CONTENT_MAX_PROGRAMS);
    c->funding = n >= 0 ? db_joined_text(db, code, "funding", "source", ids, n, "\n\n") : NULL;
    db_free_ids(ids, n > 0 ? n : 0);

    n = db_query_ids(db, "SELECT id FROM language WHERE service_id = ?1 ORDER BY rowid", svc, NULL,
                     ids, CONTENT_MAX_LANGUAGES);
    for (int i = 0; i < n; i++) {
        char *name = db_field_text(db, code, "language", "name", ids[i]);
        if (name && *name)
            c->languages[c->n_languages++] = name;
        else
            free(name);
    }
    db_free_ids(ids, n > 0 ? n : 0);

    n = *org ? db_query_ids(db, "SELECT id FROM program WHERE organization_id = ?1 ORDER BY rowid",
                            org, NULL, ids, CONTENT_MAX_PROGRAMS)
             : 0;
    for (int i = 0; i < n; i++) {
        ContentProgram *p = &c->programs[c->n_programs++];
        p->name = db_field_text(db, code, "program", "name", ids[i]);
        p->description = db_field_text(db, code, "program", "description", ids[i]);
    }
    db_free_ids(ids, n > 0 ? n : 0);
}

/* true when every string of the content is set (none lost to a failed query) */
static bool content_complete(const Content *c)
{
    const char *const s[] = {
        c->org_name, c->org_short, c->org_description, c->parent_name, c->parent_type,
        c->department, c->service_name, c->service_description, c->application_process,
        c->category, c->audience, c->last_updated, c->phone, c->email, c->website, c->address,
        c->city, c->postal_code, c->country, c->community, c->funding,
    };
    for (size_t i = 0; i < sizeof s / sizeof s[0]; i++)
        if (!s[i])
            return false;
    for (int i = 0; i < c->n_programs; i++)
        if (!c->programs[i].name || !c->programs[i].description)
            return false;
    return true;
}

/* the content of the first service and its organisation in lang; see db.h */
static int load_content(Db *db, Lang lang, Content *out)
{
    memset(out, 0, sizeof *out);
    db->err[0] = 0;
    out->lang = lang;
    const char *code = i18n_code(lang);
    char *svc = db_query_text(db, "SELECT id FROM service ORDER BY rowid LIMIT 1", NULL, NULL);
    if (!svc || !*svc) {
        free(svc);
        if (svc)
            db_fail(db, "the database holds no service");
        return -1;
    }
    char *org = db_query_text(db, "SELECT o.id FROM service s JOIN organization o"
                               " ON o.id = s.organization_id WHERE s.id = ?1", svc, NULL);
    if (org && !*org) {
        free(org);
        org = db_query_text(db, "SELECT id FROM organization ORDER BY rowid LIMIT 1", NULL, NULL);
    }
    if (!org) {
        free(svc);
        return -1;
    }
    load_organization(db, code, org, out);
    out->service_name = db_field_text(db, code, "service", "name", svc);
    out->service_description = db_field_text(db, code, "service", "description", svc);
    out->application_process = db_field_text(db, code, "service", "application_process", svc);
    out->category = term_text(db, code, svc, "category");
    out->audience = term_text(db, code, svc, "audience");
    char *modified =
        db_query_text(db, "SELECT last_modified FROM service WHERE id = ?1", svc, NULL);
    if (modified) {
        /* the date part of "2023-03-15T10:30:45.123Z" or "2023-02-24" */
        char date[11];
        snprintf(date, sizeof date, "%s", modified);
        bool ok = strlen(modified) >= 10 && hours_parse_date(date) > 0 &&
                  (modified[10] == 0 || modified[10] == 'T' || modified[10] == ' ');
        out->last_updated = strdup(ok ? date : "");
        free(modified);
    }
    load_contact(db, code, svc, org, out);
    load_lists(db, code, svc, org, out);
    free(svc);
    free(org);
    if (!content_complete(out)) {
        content_free(out);
        memset(out, 0, sizeof *out);
        out->lang = lang;
        if (!db->err[0])
            db_fail(db, "out of memory");
        return -1;
    }
    return 0;
}

typedef struct ContentArgs { Lang lang; Content *out; } ContentArgs;

static int load_content_args(Db *db, void *arg)
{
    ContentArgs *a = arg;
    return load_content(db, a->lang, a->out);
}

int db_load_content(Db *db, Lang lang, Content *out)
{
    ContentArgs a = { lang, out };
    return db_in_transaction(db, load_content_args, &a);
}
