/* testdata.h - the kiosk's default content for the UI and render tests: data/
 * imported by the real importer into a temporary database, then read back in every
 * language, as the kiosk does at start. */
#ifndef TESTDATA_H
#define TESTDATA_H
#include "testutil.h"
#include "core/db.h"
#include "core/hours.h"
#include "core/hsds.h"

static inline void test_load_default_content(Content content[LANG_COUNT], HoursTable *hours)
{
    char *dir = test_tmpdir();
    char path[512], err[256];
    snprintf(path, sizeof path, "%s/content.db", dir);
    HsdsReport r;
    memset(&r, 0, sizeof r);
    assert_int_equal(hsds_import("data", path, &r), 0);
    hsds_report_free(&r);
    Db *db = db_open(path, err, sizeof err);
    assert_non_null(db);
    for (int l = 0; l < LANG_COUNT; l++)
        assert_int_equal(db_load_content(db, (Lang)l, &content[l]), 0);
    assert_int_equal(db_load_hours(db, hours), 0);
    db_close(db);
    test_rmdir(dir);
    hours_use_athens_time();
}
#endif
