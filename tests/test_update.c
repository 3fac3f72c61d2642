/* test_update.c - USB content updates: packages signed with the real minisign tool
 * are applied; every kind of bad, hostile or broken package is refused with its own
 * message and leaves the old content in place; export, rollback, the start-up
 * fallback, the staff PIN and the USB mount watch.
 * Each test gets a fresh kiosk state built from a copy of data/ (version 2026.1.1)
 * and a stick made from the same copy (version 2026.2.1, another phone number),
 * signed by tools/sign-update with keys made by `minisign -G -W` at test time. */
#include "testutil.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "cmd/cmd.h"
#include "core/db.h"
#include "core/hsds.h"
#include "core/pin.h"
#include "core/store.h"
#include "core/update.h"
#include "platform/usbwatch.h"

#define OLD_PHONE "+30 210 3638625"
#define NEW_PHONE "+30 210 5202020"

typedef struct Fx {
    char *root;
    char keys[512], sec[512], wrong_sec[512], state[512], base[512], stick[512], kiosk[512];
} Fx;


/* sets "name" and "version" in a package's datapackage.json */
static void set_identity(const char *pkg, const char *product, const char *version)
{
    char path[600];
    snprintf(path, sizeof path, "%s/datapackage.json", pkg);
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    static char buf[1 << 20];
    size_t len = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[len] = '\0';
    cJSON *j = cJSON_Parse(buf);
    assert_non_null(j);
    cJSON_ReplaceItemInObject(j, "name", cJSON_CreateString(product));
    if (cJSON_GetObjectItem(j, "version"))
        cJSON_ReplaceItemInObject(j, "version", cJSON_CreateString(version));
    else
        cJSON_AddStringToObject(j, "version", version);
    char *out = cJSON_Print(j);
    f = fopen(path, "wb");
    assert_non_null(f);
    fputs(out, f);
    fclose(f);
    free(out);
    cJSON_Delete(j);
}

/* a copy of data/ as a package of this product and version */
static void make_package(const char *dst, const char *product, const char *version)
{
    test_sh("mkdir -p '%s' && cp -R data/. '%s'", dst, dst);
    set_identity(dst, product, version);
}

/* the stick: the new phone number, version 2026.2.1 unless said; not signed yet */
static void make_stick(Fx *f, const char *product, const char *version)
{
    test_sh("rm -rf '%s'", f->stick);
    make_package(f->kiosk, product, version);
    test_sh("sed -i 's/%s/%s/' '%s/phones.csv'", OLD_PHONE, NEW_PHONE, f->kiosk);
}

static void sign(Fx *f)
{
    test_sh("tools/sign-update '%s' '%s' >/dev/null", f->stick, f->sec);
}

static int setup(void **state)
{
    Fx *f = calloc(1, sizeof *f);
    f->root = test_tmpdir();
    snprintf(f->keys, sizeof f->keys, "%s/keys", f->root);
    snprintf(f->sec, sizeof f->sec, "%s/staff.key", f->root);
    snprintf(f->wrong_sec, sizeof f->wrong_sec, "%s/other.key", f->root);
    snprintf(f->state, sizeof f->state, "%s/state", f->root);
    snprintf(f->base, sizeof f->base, "%s/base", f->root);
    snprintf(f->stick, sizeof f->stick, "%s/stick", f->root);
    snprintf(f->kiosk, sizeof f->kiosk, "%s/stick/KIOSK", f->root);
    test_sh("mkdir -p '%s' && minisign -G -W -p '%s/staff.pub' -s '%s' >/dev/null && "
       "minisign -G -W -p '%s/other.pub' -s '%s' >/dev/null", f->keys, f->keys, f->sec,
       f->root, f->wrong_sec);
    make_package(f->base, UPDATE_PRODUCT, "2026.1.1");
    Db *db = NULL;
    char why[1024] = "";
    int rc = store_open_live(f->state, f->base, &db, why, sizeof why);
    if (rc != 1 || !db)
        fail_msg("the first start did not build the base package: %d %s", rc, why);
    db_close(db);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    Fx *f = *state;
    test_sh("chmod -R u+rwx '%s'", f->root);
    test_rmdir(f->root);
    free(f);
    return 0;
}

/* reads a whole file (static buffer) */
static const char *slurp(const char *path, size_t *len)
{
    static char buf[1 << 20];
    FILE *fp = fopen(path, "rb");
    if (!fp)
        fail_msg("cannot read %s", path);
    *len = fread(buf, 1, sizeof buf - 1, fp);
    buf[*len] = '\0';
    fclose(fp);
    return buf;
}

/* the phone number the live content shows (static buffer) */
static const char *live_phone(const Fx *f)
{
    static char phone[64];
    char path[600], err[256];
    snprintf(path, sizeof path, "%s/" STORE_LIVE, f->state);
    Db *db = db_open(path, err, sizeof err);
    if (!db)
        fail_msg("the live content does not open: %s", err);
    Content c;
    memset(&c, 0, sizeof c);
    assert_int_equal(db_load_content(db, LANG_EN, &c), 0);
    snprintf(phone, sizeof phone, "%s", c.phone);
    content_free(&c);
    db_close(db);
    return phone;
}

/* runs a whole attempt as the kiosk does; returns the status of the failing step or
 * UPDATE_OK when applied; the screen text goes to text */
static UpdateStatus attempt(Fx *f, const char *dir, bool staff, char *text, size_t n)
{
    Update *u = update_create();
    update_begin(u, dir, f->state, f->keys, staff, LANG_EN);
    UpdateStatus s = update_stage(u);
    if (s == UPDATE_OK)
        s = update_verify(u);
    if (s == UPDATE_OK)
        s = update_apply(u);
    update_finish(u, text, n);
    update_destroy(u);
    return s;
}

/* true when text holds the status's words (their full stop may give way to a detail) */
static bool says(const char *text, UpdateStatus s)
{
    char words[300];
    snprintf(words, sizeof words, "%s", update_status_text(s, LANG_EN));
    words[strlen(words) - 1] = '\0';
    return strstr(text, words) != NULL;
}

/* the attempt is refused with want, the message says why, the old content stays,
 * and the report on the stick says the same */
static void expect_refused(Fx *f, UpdateStatus want, const char *detail)
{
    char text[1024], report[600];
    UpdateStatus s = attempt(f, f->stick, false, text, sizeof text);
    if (s != want)
        fail_msg("status %d (%s), want %d (%s)", s, text, want, update_status_text(want, LANG_EN));
    assert_true(says(text, want));
    assert_non_null(strstr(text, "The content is unchanged."));
    if (detail && !strstr(text, detail))
        fail_msg("\"%s\" does not name %s", text, detail);
    assert_string_equal(live_phone(f), OLD_PHONE);
    char live[600], why[512];
    snprintf(live, sizeof live, "%s/" STORE_LIVE, f->state);
    assert_int_equal(store_validate(live, why, sizeof why), 0);
    snprintf(report, sizeof report, "%s/REPORT.txt", f->kiosk);
    FILE *r = fopen(report, "r");
    if (r) {
        static char buf[16384];
        buf[fread(buf, 1, sizeof buf - 1, r)] = '\0';
        fclose(r);
        assert_true(says(buf, want));
    }
    /* nothing of the attempt is left behind */
    char staging[600];
    snprintf(staging, sizeof staging, "%s/" STORE_STAGING, f->state);
    assert_int_not_equal(access(staging, F_OK), 0);
}

/* ---- accepted ---- */

/* a package signed with minisign's default (prehashed) signature is applied, the
 * screen says what changed, the stick gets a report and the old content is kept */
static void test_a_signed_package_is_applied_and_says_what_changed(void **state)
{
    Fx *f = *state;
    make_stick(f, UPDATE_PRODUCT, "2026.2.1");
    sign(f);
    char text[1024];
    assert_int_equal(attempt(f, f->stick, false, text, sizeof text), UPDATE_OK);
    assert_string_equal(live_phone(f), NEW_PHONE);
    assert_non_null(strstr(text, "The update is done."));
    assert_non_null(strstr(text, "Phone changed"));
    char path[600];
    snprintf(path, sizeof path, "%s/REPORT.txt", f->kiosk);
    assert_int_equal(access(path, R_OK), 0);
    snprintf(path, sizeof path, "%s/" STORE_PREV, f->state);
    char product[64], version[32];
    assert_int_equal(store_package_of(path, product, sizeof product, version, sizeof version), 0);
    assert_string_equal(version, "2026.1.1");
}

/* the legacy "Ed" signature (minisign -l) is accepted too, and KIOSK/ itself can be named */
static void test_a_legacy_signature_is_accepted_and_kiosk_folder_can_be_named(void **state)
{
    Fx *f = *state;
    make_stick(f, UPDATE_PRODUCT, "2026.2.1");
    sign(f);
    test_sh("cd '%s' && minisign -S -l -q -s '%s' -m SHA256SUMS </dev/null", f->kiosk, f->sec);
    char text[1024];
    assert_int_equal(attempt(f, f->kiosk, false, text, sizeof text), UPDATE_OK);
    assert_string_equal(live_phone(f), NEW_PHONE);
}

/* ---- refused ---- */

static void test_a_changed_byte_is_refused(void **state)
{
    Fx *f = *state;
    make_stick(f, UPDATE_PRODUCT, "2026.2.1");
    sign(f);
    test_sh("sed -i 's/5202020/5202021/' '%s/phones.csv'", f->kiosk);
    expect_refused(f, UPDATE_CHECKSUM, "phones.csv");
}

static void test_a_missing_file_is_refused(void **state)
{
    Fx *f = *state;
    make_stick(f, UPDATE_PRODUCT, "2026.2.1");
    sign(f);
    test_sh("rm '%s/programs.csv'", f->kiosk);
    expect_refused(f, UPDATE_MISSING_FILE, "programs.csv");
}

static void test_an_extra_file_is_refused(void **state)
{
    Fx *f = *state;
    make_stick(f, UPDATE_PRODUCT, "2026.2.1");
    sign(f);
    test_sh("echo x > '%s/extra.csv'", f->kiosk);
    expect_refused(f, UPDATE_UNLISTED_FILE, "extra.csv");
}

static void test_a_package_signed_by_an_untrusted_key_is_refused(void **state)
{
    Fx *f = *state;
    make_stick(f, UPDATE_PRODUCT, "2026.2.1");
    test_sh("tools/sign-update '%s' '%s' >/dev/null", f->stick, f->wrong_sec);
    expect_refused(f, UPDATE_UNKNOWN_KEY, NULL);
}

/* the trusted comment is covered by the global signature, as minisign -V checks */
static void test_a_changed_trusted_comment_is_refused(void **state)
{
    Fx *f = *state;
    make_stick(f, UPDATE_PRODUCT, "2026.2.1");
    sign(f);
    test_sh("sed -i 's/^trusted comment: /trusted comment: x/' '%s/SHA256SUMS.minisig'", f->kiosk);
    expect_refused(f, UPDATE_BAD_SIGNATURE, NULL);
}

/* a signature of other bytes (a SHA256SUMS edited after signing) is refused */
static void test_a_manifest_edited_after_signing_is_refused(void **state)
{
    Fx *f = *state;
    make_stick(f, UPDATE_PRODUCT, "2026.2.1");
    sign(f);
    test_sh("cd '%s' && echo x > extra.csv && sha256sum extra.csv >> SHA256SUMS", f->kiosk);
    expect_refused(f, UPDATE_BAD_SIGNATURE, NULL);
}

/* an old signed package cannot be replayed: the same version twice, or an older one */
static void test_a_replayed_or_older_package_is_refused(void **state)
{
    Fx *f = *state;
    make_stick(f, UPDATE_PRODUCT, "2026.2.1");
    sign(f);
    char text[1024];
    assert_int_equal(attempt(f, f->stick, false, text, sizeof text), UPDATE_OK);
    char live[600], why[512];
    snprintf(live, sizeof live, "%s/" STORE_LIVE, f->state);
    Update *u = update_create();
    update_begin(u, f->stick, f->state, f->keys, false, LANG_EN);
    assert_int_equal(update_stage(u), UPDATE_OK);
    assert_int_equal(update_verify(u), UPDATE_OLD_VERSION);
    update_finish(u, text, sizeof text);
    update_destroy(u);
    assert_non_null(strstr(text, "not newer"));
    make_stick(f, UPDATE_PRODUCT, "2026.0.1");
    sign(f);
    assert_int_equal(attempt(f, f->stick, false, text, sizeof text), UPDATE_OLD_VERSION);
    assert_string_equal(live_phone(f), NEW_PHONE);
    assert_int_equal(store_validate(live, why, sizeof why), 0);
}

static void test_a_symbolic_link_is_refused(void **state)
{
    Fx *f = *state;
    make_stick(f, UPDATE_PRODUCT, "2026.2.1");
    sign(f);    /* sign-update itself refuses links */
    test_sh("ln -s /etc/passwd '%s/passwd.csv'", f->kiosk);
    expect_refused(f, UPDATE_SYMLINK, "passwd.csv");
}

/* signs a SHA256SUMS that holds one more line (written by the test, not sign-update) */
static void sign_with_extra_line(Fx *f, const char *line)
{
    sign(f);
    test_sh("cd '%s' && echo '%s' >> SHA256SUMS && rm SHA256SUMS.minisig && "
       "minisign -S -q -s '%s' -m SHA256SUMS </dev/null", f->kiosk, line, f->sec);
}

static void test_a_parent_folder_path_is_refused(void **state)
{
    Fx *f = *state;
    make_stick(f, UPDATE_PRODUCT, "2026.2.1");
    sign_with_extra_line(f, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
                            "  ../state/content.db");
    expect_refused(f, UPDATE_PARENT_PATH, "..");
}

static void test_an_absolute_path_is_refused(void **state)
{
    Fx *f = *state;
    make_stick(f, UPDATE_PRODUCT, "2026.2.1");
    sign_with_extra_line(f, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
                            "  /etc/kiosk/kiosk.conf");
    expect_refused(f, UPDATE_ABSOLUTE_PATH, "/etc/kiosk");
}

static void test_a_package_of_another_product_is_refused(void **state)
{
    Fx *f = *state;
    make_stick(f, "vending-machine", "2026.2.1");
    sign(f);
    expect_refused(f, UPDATE_WRONG_PRODUCT, "vending-machine");
}

/* issue 14: a phone number typed without its ' loses its + in a spreadsheet; the
 * refusal names that, and the report on the stick says how to open the files */
static void test_a_phone_that_lost_its_plus_is_refused_and_the_report_says_how_to_open(void **state)
{
    Fx *f = *state;
    make_stick(f, UPDATE_PRODUCT, "2026.2.1");
    test_sh("printf 'accmr-phone2,accmr,accmr-coordination,302103638699,voice,\\r\\n' >> '%s/phones.csv'",
            f->kiosk);
    sign(f);
    expect_refused(f, UPDATE_DATA_ERRORS, "the + of a phone number was dropped");
    char report[600];
    snprintf(report, sizeof report, "%s/REPORT.txt", f->kiosk);
    size_t len;
    const char *text = slurp(report, &len);
    assert_non_null(strstr(text, "phones.csv:3:4: error: the + of a phone number was dropped"));
    assert_non_null(strstr(text, "\"Format quoted field as text\" ticked"));
    assert_non_null(strstr(text, "Do not detect data types"));
}

/* a NUL byte in a CSV is a data error that names the file and line */
static void test_a_nul_byte_in_a_csv_is_refused_with_its_place(void **state)
{
    Fx *f = *state;
    make_stick(f, UPDATE_PRODUCT, "2026.2.1");
    test_sh("printf 'accmr-phone2,accmr,accmr-coordination,+30 210 1\\000,voice,\\n' >> '%s/phones.csv'",
       f->kiosk);
    sign(f);
    expect_refused(f, UPDATE_DATA_ERRORS, "phones.csv:3");
}

static void test_an_unsigned_package_is_refused(void **state)
{
    Fx *f = *state;
    make_stick(f, UPDATE_PRODUCT, "2026.2.1");
    expect_refused(f, UPDATE_UNSIGNED, NULL);
}

/* hostile media: bounds are checked before a byte is copied */
static void test_ten_thousand_files_are_refused_before_copying(void **state)
{
    Fx *f = *state;
    make_stick(f, UPDATE_PRODUCT, "2026.2.1");
    test_sh("mkdir '%s/many' && cd '%s/many' && seq 1 10000 | xargs touch", f->kiosk, f->kiosk);
    expect_refused(f, UPDATE_TOO_MANY_FILES, NULL);
}

static void test_a_two_gigabyte_file_is_refused_by_its_size(void **state)
{
    Fx *f = *state;
    make_stick(f, UPDATE_PRODUCT, "2026.2.1");
    test_sh("truncate -s 2G '%s/huge.csv'", f->kiosk);
    sign(f);
    test_sh("truncate -s 2G '%s/huge.csv'", f->kiosk);
    expect_refused(f, UPDATE_FILE_TOO_BIG, "huge.csv");
}

static void test_a_pipe_is_refused_as_a_special_file(void **state)
{
    Fx *f = *state;
    make_stick(f, UPDATE_PRODUCT, "2026.2.1");
    sign(f);
    test_sh("mkfifo '%s/pipe.csv'", f->kiosk);
    expect_refused(f, UPDATE_SPECIAL_FILE, "pipe.csv");
}

/* in a child process: drops root (a read-only stick, an unreadable file must be
 * real to root too), then runs an attempt; the status is the exit code */
static int attempt_in_child(Fx *f, bool drop_root, rlim_t fsize)
{
    fflush(NULL);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        if (drop_root && getuid() == 0 && (setgid(65534) != 0 || setuid(65534) != 0))
            _exit(100);
        if (fsize) {
            signal(SIGXFSZ, SIG_IGN);
            struct rlimit rl = { fsize, fsize };
            setrlimit(RLIMIT_FSIZE, &rl);
        }
        char text[1024];
        _exit((int)attempt(f, f->stick, false, text, sizeof text));
    }
    int st;
    assert_int_equal(waitpid(pid, &st, 0), pid);
    assert_true(WIFEXITED(st));
    return WEXITSTATUS(st);
}

/* a stick that cannot be read (pulled out, damaged: here a file no one may read) */
static void test_an_unreadable_stick_is_a_read_error(void **state)
{
    Fx *f = *state;
    make_stick(f, UPDATE_PRODUCT, "2026.2.1");
    sign(f);
    test_sh("chmod 755 '%s' && chmod -R a+rwX '%s' && chmod 000 '%s/phones.csv'", f->root, f->state,
       f->kiosk);
    assert_int_equal(attempt_in_child(f, true, 0), UPDATE_READ_ERROR);
    assert_string_equal(live_phone(f), OLD_PHONE);
}

/* internal storage that takes no more bytes: a write error, the old content stays */
static void test_a_failing_internal_disk_is_a_write_error(void **state)
{
    Fx *f = *state;
    make_stick(f, UPDATE_PRODUCT, "2026.2.1");
    sign(f);
    int s = attempt_in_child(f, false, 4096);
    assert_true(s == UPDATE_WRITE_ERROR || s == UPDATE_DISK_FULL);
    assert_string_equal(live_phone(f), OLD_PHONE);
}

/* a read-only stick: the update applies and the screen says the report was not written */
static void test_a_read_only_stick_still_updates_and_says_no_report(void **state)
{
    Fx *f = *state;
    make_stick(f, UPDATE_PRODUCT, "2026.2.1");
    sign(f);
    test_sh("chmod 755 '%s' && chmod -R a+rwX '%s' && chmod -R a-w '%s'", f->root, f->state, f->stick);
    if (getuid() == 0 || access(f->kiosk, W_OK) != 0) {
        assert_int_equal(attempt_in_child(f, true, 0), UPDATE_OK);
        assert_string_equal(live_phone(f), NEW_PHONE);
        char path[600];
        snprintf(path, sizeof path, "%s/REPORT.txt", f->kiosk);
        assert_int_not_equal(access(path, F_OK), 0);
        snprintf(path, sizeof path, "%s/" STORE_REPORT, f->state);
        FILE *r = fopen(path, "r");
        assert_non_null(r);
        static char buf[16384];
        buf[fread(buf, 1, sizeof buf - 1, r)] = '\0';
        fclose(r);
        assert_non_null(strstr(buf, "could not be written"));
    }
}

/* on the installed kiosk the stick is read-only: the report and an export wait in
 * data_dir/usb-outbox/KIOSK/ for the copy job, and the stick is not written */
static void test_a_read_only_mount_sends_the_report_and_export_through_the_outbox(void **state)
{
    Fx *f = *state;
    make_stick(f, UPDATE_PRODUCT, "2026.2.1");
    sign(f);
    char text[1024], path[700];
    Update *u = update_create();
    update_begin(u, f->stick, f->state, f->keys, false, LANG_EN);
    update_set_outbox(u, true);
    assert_int_equal(update_stage(u), UPDATE_OK);
    assert_int_equal(update_verify(u), UPDATE_OK);
    assert_int_equal(update_apply(u), UPDATE_OK);
    update_finish(u, text, sizeof text);
    update_destroy(u);
    assert_null(strstr(text, "could not be written"));
    snprintf(path, sizeof path, "%s/REPORT.txt", f->kiosk);
    assert_int_not_equal(access(path, F_OK), 0);
    snprintf(path, sizeof path, "%s/" STORE_OUTBOX "/KIOSK/REPORT.txt", f->state);
    size_t len;
    assert_non_null(strstr(slurp(path, &len), "The update is done."));

    assert_int_equal(update_export(f->stick, f->state, true, LANG_EN, text, sizeof text), UPDATE_OK);
    snprintf(path, sizeof path, "%s/" STORE_OUTBOX "/KIOSK/export/phones.csv", f->state);
    assert_non_null(strstr(slurp(path, &len), NEW_PHONE));
    snprintf(path, sizeof path, "%s/export", f->kiosk);
    assert_int_not_equal(access(path, F_OK), 0);
}

/* ---- staff approval ---- */

/* an unsigned package with staff approval enabled waits for the PIN: a wrong PIN does
 * not apply it, the right one does */
static void test_an_unsigned_package_applies_only_with_the_staff_pin(void **state)
{
    Fx *f = *state;
    make_stick(f, UPDATE_PRODUCT, "2026.2.1");
    char hash[256], text[1024];
    assert_int_equal(pin_hash("482916", hash, sizeof hash), 0);
    Update *u = update_create();
    update_begin(u, f->stick, f->state, f->keys, true, LANG_EL);
    assert_int_equal(update_stage(u), UPDATE_OK);
    assert_int_equal(update_verify(u), UPDATE_NEEDS_PIN);
    assert_int_equal(update_approve(u, hash, "111111", 1000), PIN_WRONG);
    assert_int_equal(update_apply(u), UPDATE_PIN_REFUSED);
    update_finish(u, text, sizeof text);
    assert_string_equal(live_phone(f), OLD_PHONE);
    assert_non_null(strstr(text, "Το περιεχόμενο δεν άλλαξε."));

    update_begin(u, f->stick, f->state, f->keys, true, LANG_EL);
    assert_int_equal(update_stage(u), UPDATE_OK);
    assert_int_equal(update_verify(u), UPDATE_NEEDS_PIN);
    assert_int_equal(update_approve(u, hash, "482916", 1001), PIN_OK);
    assert_int_equal(update_apply(u), UPDATE_OK);
    update_finish(u, text, sizeof text);
    assert_non_null(strstr(text, "Η ενημέρωση ολοκληρώθηκε."));
    assert_non_null(strstr(text, "Το τηλέφωνο άλλαξε"));
    update_destroy(u);
    assert_string_equal(live_phone(f), NEW_PHONE);
}

/* five wrong PINs lock the keypad for ten minutes, even against the right PIN, and
 * the count survives a restart (it is kept in a file, written before each check) */
static void test_five_wrong_pins_lock_for_ten_minutes(void **state)
{
    Fx *f = *state;
    char hash[256], st[600];
    snprintf(st, sizeof st, "%s/" STORE_PIN_STATE, f->state);
    assert_int_equal(pin_hash("2468", hash, sizeof hash), 0);
    assert_int_equal(strncmp(hash, "$argon2", 7), 0);
    assert_int_equal(pin_hash("12a4", hash + 200, 50), -1);
    time_t t = 5000;
    for (int i = 0; i < PIN_MAX_TRIES - 1; i++) {
        assert_int_equal(pin_tries_left(st, t), PIN_MAX_TRIES - i);
        assert_int_equal(pin_verify(hash, "1111", st, t), PIN_WRONG);
    }
    assert_int_equal(pin_verify(hash, "1111", st, t), PIN_LOCKED);
    assert_int_equal(pin_verify(hash, "2468", st, t + 1), PIN_LOCKED);
    assert_int_equal(pin_locked_for(st, t + 1), PIN_LOCK_S - 1);
    assert_int_equal(pin_verify(hash, "2468", st, t + PIN_LOCK_S - 1), PIN_LOCKED);
    assert_int_equal(pin_verify(hash, "2468", st, t + PIN_LOCK_S), PIN_OK);
    assert_int_equal(pin_tries_left(st, t + PIN_LOCK_S), PIN_MAX_TRIES);
    assert_int_equal(pin_verify("", "2468", st, t), PIN_UNSET);
    /* a count that cannot be kept means no guessing at all */
    snprintf(st, sizeof st, "%s/no-such-folder/" STORE_PIN_STATE, f->state);
    assert_int_equal(pin_verify(hash, "2468", st, t), PIN_FAILED);
}

/* ---- what changed ---- */

/* the change summary names hours, phone and renamed committees, in Greek and English */
static void test_the_change_summary_speaks_plainly_in_both_languages(void **state)
{
    Fx *f = *state;
    char pkg[600], db_old[600], db_new[600], out[512];
    snprintf(pkg, sizeof pkg, "%s/changed", f->root);
    make_package(pkg, UPDATE_PRODUCT, "2026.3.1");
    test_sh("cd '%s' && sed -i 's/%s/%s/' phones.csv && sed -i 's/,17:00,/,16:00,/' schedules.csv && "
       "sed -i 's/^committee-skills,accmr,[^,]*,/committee-skills,accmr,Επιτροπή Α,/; "
       "s/^committee-urban,accmr,[^,]*,/committee-urban,accmr,Επιτροπή Β,/' programs.csv && "
       "sed -i 's/^program,committee-skills,name,en,.*/program,committee-skills,name,en,Committee A/; "
       "s/^program,committee-urban,name,en,.*/program,committee-urban,name,en,Committee B/' "
       "translations.csv", pkg, OLD_PHONE, NEW_PHONE);
    snprintf(db_old, sizeof db_old, "%s/" STORE_LIVE, f->state);
    snprintf(db_new, sizeof db_new, "%s/changed.db", f->root);
    HsdsReport r;
    memset(&r, 0, sizeof r);
    if (hsds_import(pkg, db_new, &r) != 0)
        fail_msg("import: %d errors", r.n_errors);
    hsds_report_free(&r);
    assert_int_equal(update_describe_changes(db_old, db_new, LANG_EN, out, sizeof out), 3);
    assert_string_equal(out, "Opening hours changed · phone changed · 2 committees renamed");
    assert_int_equal(update_describe_changes(db_old, db_new, LANG_EL, out, sizeof out), 3);
    assert_string_equal(out, "Το ωράριο άλλαξε · το τηλέφωνο άλλαξε · 2 επιτροπές μετονομάστηκαν");
    assert_int_equal(update_describe_changes(db_old, db_old, LANG_EN, out, sizeof out), 0);
    assert_string_equal(out, "No visible changes");
}

/* ---- export, rollback, start-up ---- */

/* an export opens in spreadsheets (a UTF-8 BOM) and imports back to the same content */
static void test_an_export_round_trips_with_greek_intact(void **state)
{
    Fx *f = *state;
    char out[1024], path[700], db_back[600], live[600];
    test_sh("mkdir -p '%s' && touch '%s/EXPORT'", f->kiosk, f->kiosk);
    assert_true(update_wants_export(f->stick));
    assert_int_equal(update_export(f->stick, f->state, false, LANG_EN, out, sizeof out), UPDATE_OK);
    assert_non_null(strstr(out, "KIOSK/export"));
    static const char *const csvs[] = { "organizations.csv", "phones.csv", "programs.csv",
                                        "translations.csv" };
    for (size_t i = 0; i < sizeof csvs / sizeof csvs[0]; i++) {
        size_t len;
        snprintf(path, sizeof path, "%s/export/%s", f->kiosk, csvs[i]);
        const char *s = slurp(path, &len);
        assert_true(len > 3);
        assert_memory_equal(s, "\xEF\xBB\xBF", 3);
    }
    size_t len;
    snprintf(path, sizeof path, "%s/export/organizations.csv", f->kiosk);
    assert_non_null(strstr(slurp(path, &len), "Κέντρο Συντονισμού"));
    snprintf(path, sizeof path, "%s/export", f->kiosk);
    snprintf(db_back, sizeof db_back, "%s/back.db", f->root);
    snprintf(live, sizeof live, "%s/" STORE_LIVE, f->state);
    HsdsReport r;
    memset(&r, 0, sizeof r);
    assert_int_equal(hsds_import(path, db_back, &r), 0);
    hsds_report_free(&r);
    assert_int_equal(update_describe_changes(live, db_back, LANG_EN, out, sizeof out), 0);
    snprintf(path, sizeof path, "%s/REPORT.txt", f->kiosk);
    assert_int_equal(access(path, R_OK), 0);
}

/* rollback brings the previous content back, and a second rollback undoes it */
static void test_rollback_swaps_back_and_forth(void **state)
{
    Fx *f = *state;
    make_stick(f, UPDATE_PRODUCT, "2026.2.1");
    sign(f);
    char text[1024], why[512];
    assert_int_equal(attempt(f, f->stick, false, text, sizeof text), UPDATE_OK);
    assert_int_equal(store_rollback(f->state, why, sizeof why), 0);
    assert_string_equal(live_phone(f), OLD_PHONE);
    char *argv[] = { "rollback", "--data-dir", f->state, NULL };
    assert_int_equal(cmd_rollback(3, argv), 0);
    assert_string_equal(live_phone(f), NEW_PHONE);
}

/* overwrites the middle of a file with zeros */
static void damage(const char *path)
{
    int fd = open(path, O_WRONLY);
    assert_true(fd >= 0);
    static char zeros[8192];
    assert_int_equal(pwrite(fd, zeros, sizeof zeros, 4096), (ssize_t)sizeof zeros);
    close(fd);
}

/* a damaged live file falls back to the previous content, then to the built-in package */
static void test_start_up_falls_back_from_a_damaged_file_to_previous_to_default(void **state)
{
    Fx *f = *state;
    make_stick(f, UPDATE_PRODUCT, "2026.2.1");
    sign(f);
    char text[1024], why[1024], live[600], prev[600];
    assert_int_equal(attempt(f, f->stick, false, text, sizeof text), UPDATE_OK);
    snprintf(live, sizeof live, "%s/" STORE_LIVE, f->state);
    snprintf(prev, sizeof prev, "%s/" STORE_PREV, f->state);
    /* the previous content is a copy now, so damaging live leaves it whole */
    test_sh("cp '%s' '%s.x' && mv '%s.x' '%s'", prev, prev, prev, prev);
    damage(live);
    Db *db = NULL;
    assert_int_equal(store_open_live(f->state, f->base, &db, why, sizeof why), 1);
    assert_non_null(db);
    db_close(db);
    assert_non_null(strstr(why, "previous content is used"));
    assert_string_equal(live_phone(f), OLD_PHONE);

    test_sh("truncate -s 5000 '%s' && printf garbage > '%s'", live, prev);
    assert_int_equal(store_open_live(f->state, f->base, &db, why, sizeof why), 1);
    assert_non_null(db);
    db_close(db);
    assert_non_null(strstr(why, "built-in content is used"));
    assert_string_equal(live_phone(f), OLD_PHONE);
    assert_int_equal(store_open_live(f->state, f->base, &db, why, sizeof why), 0);
    db_close(db);
}

/* ---- the pieces ---- */

typedef struct { const char *text; UpdateStatus want; int n; } ManifestCase;

/* SHA256SUMS lines are read as sha256sum writes them, and unsafe paths are refused */
static void test_manifest_lines_are_read_and_unsafe_paths_refused(void **state)
{
    (void)state;
#define H "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    static const ManifestCase cases[] = {
        { H "  a.csv\n" H " *b/c.csv\n", UPDATE_OK, 2 },
        { H "  a.csv\r\n\n", UPDATE_OK, 1 },
        { "", UPDATE_OK, 0 },
        { H "  /etc/passwd\n", UPDATE_ABSOLUTE_PATH, 0 },
        { H "  ../x\n", UPDATE_PARENT_PATH, 0 },
        { H "  a/../../x\n", UPDATE_PARENT_PATH, 0 },
        { H "  a//b\n", UPDATE_BAD_MANIFEST, 0 },
        { H "  ./a\n", UPDATE_BAD_MANIFEST, 0 },
        { H "  a.csv\n" H "  a.csv\n", UPDATE_BAD_MANIFEST, 0 },
        { H " a.csv\n", UPDATE_BAD_MANIFEST, 0 },
        { "\\" H "  a\\nb\n", UPDATE_BAD_MANIFEST, 0 },
        { "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85  a.csv\n",
          UPDATE_BAD_MANIFEST, 0 },
        { "z3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  a.csv\n",
          UPDATE_BAD_MANIFEST, 0 },
        { "SHA256 (a.csv) = " H "\n", UPDATE_BAD_MANIFEST, 0 },
    };
#undef H
    UpdateManifest *m = malloc(sizeof *m);
    char err[200];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        UpdateStatus s = update_manifest_parse(cases[i].text, strlen(cases[i].text), m, err, sizeof err);
        if (s != cases[i].want || (s == UPDATE_OK && m->n != cases[i].n))
            fail_msg("case %zu: status %d (%s), want %d", i, s, err, cases[i].want);
    }
    assert_int_equal(update_manifest_parse("a\0b", 3, m, err, sizeof err), UPDATE_BAD_MANIFEST);
    free(m);
}

/* the watch sees a mount directory appear, then a KIOSK folder inside it */
static void test_the_usb_watch_sees_the_mount_point_and_the_kiosk_folder_appear(void **state)
{
    Fx *f = *state;
    char dir[600], kiosk[700];
    snprintf(dir, sizeof dir, "%s/media/kiosk-usb", f->root);
    snprintf(kiosk, sizeof kiosk, "%s/KIOSK", dir);
    UsbWatch *w = usbwatch_open(dir);
    assert_non_null(w);
    assert_false(usbwatch_check(w));
    struct pollfd p = { .fd = usbwatch_fd(w), .events = POLLIN };
    assert_int_equal(poll(&p, 1, 0), 0);
    test_sh("mkdir -p '%s'", dir);
    assert_int_equal(poll(&p, 1, 0), 1);
    assert_false(usbwatch_check(w));
    assert_int_equal(poll(&p, 1, 0), 0);
    assert_int_equal(mkdir(kiosk, 0755), 0);
    assert_int_equal(poll(&p, 1, 0), 1);
    assert_true(usbwatch_check(w));
    assert_string_equal(usbwatch_kiosk_dir(w), kiosk);
    assert_int_equal(rmdir(kiosk), 0);
    assert_int_equal(poll(&p, 1, 0), 1);
    assert_false(usbwatch_check(w));
    usbwatch_close(w);
}

/* the command line: exit 0 when applied, 1 with the reason when refused */
static void test_the_update_command_exits_by_its_outcome(void **state)
{
    Fx *f = *state;
    make_stick(f, UPDATE_PRODUCT, "2026.2.1");
    char *argv[] = { "update", f->stick, "--data-dir", f->state, "--trusted-keys", f->keys,
                     "--default-data", f->base, NULL };
    assert_int_equal(cmd_update(8, argv), 1);
    sign(f);
    assert_int_equal(cmd_update(8, argv), 0);
    assert_string_equal(live_phone(f), NEW_PHONE);
    char *bad[] = { "update", f->stick, NULL };
    assert_int_equal(cmd_update(2, bad), 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
        T(test_a_signed_package_is_applied_and_says_what_changed),
        T(test_a_legacy_signature_is_accepted_and_kiosk_folder_can_be_named),
        T(test_a_changed_byte_is_refused),
        T(test_a_missing_file_is_refused),
        T(test_an_extra_file_is_refused),
        T(test_a_package_signed_by_an_untrusted_key_is_refused),
        T(test_a_changed_trusted_comment_is_refused),
        T(test_a_manifest_edited_after_signing_is_refused),
        T(test_a_replayed_or_older_package_is_refused),
        T(test_a_symbolic_link_is_refused),
        T(test_a_parent_folder_path_is_refused),
        T(test_an_absolute_path_is_refused),
        T(test_a_package_of_another_product_is_refused),
        T(test_a_phone_that_lost_its_plus_is_refused_and_the_report_says_how_to_open),
        T(test_a_nul_byte_in_a_csv_is_refused_with_its_place),
        T(test_an_unsigned_package_is_refused),
        T(test_ten_thousand_files_are_refused_before_copying),
        T(test_a_two_gigabyte_file_is_refused_by_its_size),
        T(test_a_pipe_is_refused_as_a_special_file),
        T(test_an_unreadable_stick_is_a_read_error),
        T(test_a_failing_internal_disk_is_a_write_error),
        T(test_a_read_only_stick_still_updates_and_says_no_report),
        T(test_a_read_only_mount_sends_the_report_and_export_through_the_outbox),
        T(test_an_unsigned_package_applies_only_with_the_staff_pin),
        T(test_five_wrong_pins_lock_for_ten_minutes),
        T(test_the_change_summary_speaks_plainly_in_both_languages),
        T(test_an_export_round_trips_with_greek_intact),
        T(test_rollback_swaps_back_and_forth),
        T(test_start_up_falls_back_from_a_damaged_file_to_previous_to_default),
        T(test_manifest_lines_are_read_and_unsafe_paths_refused),
        T(test_the_usb_watch_sees_the_mount_point_and_the_kiosk_folder_appear),
        T(test_the_update_command_exits_by_its_outcome),
#undef T
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
