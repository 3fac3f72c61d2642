/* words.c - what the update screen says of each status, in every language. */
#include "core/update/update_private.h"


/* the plain words of each status, Greek then English; keep in UpdateStatus order */
static const char *const status_words[UPDATE_STATUS_COUNT][LANG_COUNT] = {
    [UPDATE_OK] = { "Η ενημέρωση ολοκληρώθηκε.", "The update is done." },
    [UPDATE_NEEDS_PIN] = { "Το πακέτο δεν είναι υπογεγραμμένο: χρειάζεται ο κωδικός του προσωπικού.",
                           "The package is not signed: it needs the staff PIN." },
    [UPDATE_CANCELLED] = { "Η ενημέρωση ακυρώθηκε.", "The update was cancelled." },
    [UPDATE_NO_FOLDER] = { "Δεν βρέθηκε φάκελος KIOSK στο USB.",
                           "No KIOSK folder was found on the USB stick." },
    [UPDATE_TOO_MANY_FILES] = { "Ο φάκελος KIOSK έχει πάρα πολλά αρχεία (έως 200).",
                                "The KIOSK folder has too many files (200 at most)." },
    [UPDATE_FILE_TOO_BIG] = { "Ένα αρχείο είναι πολύ μεγάλο (έως 64 MiB).",
                              "A file is too large (64 MiB at most)." },
    [UPDATE_TOO_BIG] = { "Τα αρχεία είναι συνολικά πολύ μεγάλα (έως 256 MiB).",
                         "The files are too large in total (256 MiB at most)." },
    [UPDATE_TOO_DEEP] = { "Ο φάκελος KIOSK έχει πάρα πολλά επίπεδα υποφακέλων.",
                          "The KIOSK folder has too many levels of subfolders." },
    [UPDATE_SYMLINK] = { "Το πακέτο περιέχει συντόμευση (symbolic link), που δεν επιτρέπεται.",
                         "The package contains a symbolic link, which is not allowed." },
    [UPDATE_SPECIAL_FILE] = { "Το πακέτο περιέχει ειδικό αρχείο (συσκευή ή σωλήνα).",
                              "The package contains a special file (a device or a pipe)." },
    [UPDATE_BAD_NAME] = { "Ένα όνομα αρχείου έχει χαρακτήρες που δεν επιτρέπονται.",
                          "A file name has characters that are not allowed." },
    [UPDATE_READ_ERROR] = { "Το USB δεν διαβάστηκε: αφαιρέθηκε ή είναι χαλασμένο.",
                            "The USB stick could not be read: it was removed or is damaged." },
    [UPDATE_DISK_FULL] = { "Ο εσωτερικός χώρος αποθήκευσης είναι γεμάτος.",
                           "The internal storage is full." },
    [UPDATE_WRITE_ERROR] = { "Ο εσωτερικός χώρος αποθήκευσης δεν γράφεται.",
                             "The internal storage could not be written." },
    [UPDATE_NO_MANIFEST] = { "Λείπει το αρχείο SHA256SUMS.", "The SHA256SUMS file is missing." },
    [UPDATE_BAD_MANIFEST] = { "Το αρχείο SHA256SUMS δεν είναι έγκυρο.",
                              "The SHA256SUMS file is not valid." },
    [UPDATE_ABSOLUTE_PATH] = { "Το SHA256SUMS αναφέρει απόλυτη διαδρομή.",
                               "SHA256SUMS names an absolute path." },
    [UPDATE_PARENT_PATH] = { "Το SHA256SUMS αναφέρει διαδρομή έξω από τον φάκελο (..).",
                             "SHA256SUMS names a path outside the folder (..)." },
    [UPDATE_MISSING_FILE] = { "Λείπει αρχείο που αναφέρει το SHA256SUMS.",
                              "A file listed in SHA256SUMS is missing." },
    [UPDATE_UNLISTED_FILE] = { "Υπάρχει αρχείο που δεν αναφέρει το SHA256SUMS.",
                               "There is a file that SHA256SUMS does not list." },
    [UPDATE_CHECKSUM] = { "Ένα αρχείο έχει αλλοιωθεί: το άθροισμα ελέγχου δεν ταιριάζει.",
                          "A file has been altered: its checksum does not match." },
    [UPDATE_BAD_SIGNATURE] = { "Η υπογραφή δεν είναι έγκυρη.", "The signature is not valid." },
    [UPDATE_UNKNOWN_KEY] = { "Η υπογραφή είναι από κλειδί που το περίπτερο δεν εμπιστεύεται.",
                             "The signature is by a key this kiosk does not trust." },
    [UPDATE_UNSIGNED] = { "Το πακέτο δεν είναι υπογεγραμμένο.", "The package is not signed." },
    [UPDATE_PIN_REFUSED] = { "Ο κωδικός του προσωπικού δεν έγινε δεκτός.",
                             "The staff PIN was not accepted." },
    [UPDATE_WRONG_PRODUCT] = { "Το πακέτο είναι για άλλο προϊόν.",
                               "The package is for another product." },
    [UPDATE_NO_VERSION] = { "Το datapackage.json δεν δίνει έγκυρη έκδοση (π.χ. 2026.2.1).",
                            "datapackage.json gives no valid version (like 2026.2.1)." },
    [UPDATE_OLD_VERSION] = { "Η έκδοση του πακέτου δεν είναι νεότερη από την εγκατεστημένη.",
                             "The package's version is not newer than the installed one." },
    [UPDATE_DATA_ERRORS] = { "Τα δεδομένα έχουν λάθη.", "The data has errors." },
    [UPDATE_INVALID_DB] = { "Το νέο περιεχόμενο δεν πέρασε τους ελέγχους.",
                            "The new content failed its checks." },
    [UPDATE_APPLY_FAILED] = { "Το νέο περιεχόμενο δεν μπήκε στη θέση του.",
                              "The new content could not be put in place." },
    [UPDATE_EXPORT_FAILED] = { "Η εξαγωγή απέτυχε.", "The export failed." },
};

const char *const update_unchanged_words[LANG_COUNT] = {
    "Το περιεχόμενο δεν άλλαξε.", "The content is unchanged." };
const char *const update_no_report_words[LANG_COUNT] = {
    "Η αναφορά δεν γράφτηκε στο USB (μόνο για ανάγνωση).",
    "The report could not be written to the USB stick (read-only)." };
const char *const update_exported_words[LANG_COUNT] = {
    "Το περιεχόμενο αντιγράφηκε στο USB, στον φάκελο KIOSK/export.",
    "The content was copied to the USB stick, in the folder KIOSK/export." };

const char *update_status_text(UpdateStatus s, Lang lang)
{
    if ((unsigned)s >= UPDATE_STATUS_COUNT || (unsigned)lang >= LANG_COUNT)
        return "?";
    return status_words[s][lang];
}
