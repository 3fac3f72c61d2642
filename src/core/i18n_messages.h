/* i18n_messages.h - every message the kiosk shows, one row each: its StrId and its
 * key, the msgctxt of its entry in each assets/locale/<code>.po (the English text is
 * that entry's msgid in en.po). i18n.h turns the rows into the StrId enum and i18n.c
 * into the key table. To add a message: add a row here, and its entry to en.po and
 * to every other .po (`make po-update` copies new entries from en.po, untranslated);
 * test_i18n fails until every language has a non-empty translation. Rows that form a
 * series (weekdays from Monday, months from January) must stay in order. */
#ifndef I18N_MESSAGES_H
#define I18N_MESSAGES_H

#define I18N_MESSAGES(X) \
    /* screens, buttons and labels */ \
    X(STR_HOME,                  "screen.home") \
    X(STR_BACK,                  "button.back") \
    X(STR_ABOUT,                 "screen.about") \
    X(STR_COMMITTEES,            "screen.committees") \
    X(STR_HOURS,                 "screen.hours") \
    X(STR_CONTACT,               "screen.contact") \
    X(STR_LOCATION,              "screen.location") \
    X(STR_JOIN,                  "screen.join") \
    X(STR_FUNDING,               "screen.funding") \
    X(STR_LAST_UPDATED,          "content.last_updated") \
    X(STR_PHONE,                 "contact.phone") \
    X(STR_EMAIL,                 "contact.email") \
    X(STR_WEBSITE,               "contact.website") \
    X(STR_SAVE_CONTACT,          "contact.save") \
    X(STR_DIRECTIONS,            "location.directions") \
    X(STR_ADDRESS,               "location.address") \
    X(STR_COMMUNITY,             "location.community") \
    X(STR_LANGUAGES,             "hours.languages") \
    X(STR_AUDIENCE,              "about.audience") \
    X(STR_CATEGORY,              "about.category") \
    X(STR_PARENT_BODY,           "about.parent_body") \
    X(STR_THE_FORUM,             "committees.forum") \
    X(STR_SCAN_CALL,             "qr.call") \
    X(STR_SCAN_EMAIL,            "qr.email") \
    X(STR_SCAN_WEBSITE,          "qr.website") \
    X(STR_SCAN_SAVE,             "qr.save") \
    X(STR_SCAN_DIRECTIONS,       "qr.directions") \
    X(STR_NO_EMAIL,              "contact.no_email") \
    X(STR_LANGUAGE,              "screen.languages") \
    X(STR_IN_ENGLISH,            "content.in_english") \
    X(STR_IN_GREEK,              "content.in_greek") \
    X(STR_WEEK,                  "hours.week") \
    X(STR_CLOSURES,              "hours.closures") \
    X(STR_NO_CLOSURES,           "hours.no_closures") \
    X(STR_TODAY,                 "hours.today") \
    X(STR_CLOSED,                "hours.closed_day") \
    X(STR_TAP_TO_WAKE,           "screen.tap_to_wake") \
    /* the footer's mode switches and scroll buttons, the keypad */ \
    X(STR_LARGE_TEXT,            "access.large_text") \
    X(STR_HIGH_CONTRAST,         "access.high_contrast") \
    X(STR_SCROLL_UP,             "access.scroll_up") \
    X(STR_SCROLL_DOWN,           "access.scroll_down") \
    X(STR_KEYPAD_HELP,           "access.keypad_help") \
    /* the USB update, the PIN pad and the staff screen */ \
    X(STR_UPDATE_TITLE,          "update.title") \
    X(STR_UPDATE_CHECKING,       "update.checking") \
    X(STR_UPDATE_COPYING,        "update.copying") \
    X(STR_UPDATE_VERIFYING,      "update.verifying") \
    X(STR_UPDATE_IMPORTING,      "update.importing") \
    X(STR_UPDATE_APPLYING,       "update.applying") \
    X(STR_UPDATE_CANCELLING,     "update.cancelling") \
    X(STR_EXPORTING,             "update.exporting") \
    X(STR_COMMITTEES_RENAMED,    "update.committees_renamed") \
    X(STR_COMMITTEES_ADDED,      "update.committees_added") \
    X(STR_COMMITTEES_REMOVED,    "update.committees_removed") \
    X(STR_APPLIES_IN,            "update.applies_in") \
    /* what became of an update, by UpdateStatus (update/words.c) */ \
    X(STR_UPDATE_STATUS_OK,       "update_status.ok") \
    X(STR_UPDATE_STATUS_NEEDS_PIN, "update_status.needs_pin") \
    X(STR_UPDATE_STATUS_CANCELLED, "update_status.cancelled") \
    X(STR_UPDATE_STATUS_NO_FOLDER, "update_status.no_folder") \
    X(STR_UPDATE_STATUS_TOO_MANY_FILES, "update_status.too_many_files") \
    X(STR_UPDATE_STATUS_FILE_TOO_BIG, "update_status.file_too_big") \
    X(STR_UPDATE_STATUS_TOO_BIG,  "update_status.too_big") \
    X(STR_UPDATE_STATUS_TOO_DEEP, "update_status.too_deep") \
    X(STR_UPDATE_STATUS_SYMLINK,  "update_status.symlink") \
    X(STR_UPDATE_STATUS_SPECIAL_FILE, "update_status.special_file") \
    X(STR_UPDATE_STATUS_BAD_NAME, "update_status.bad_name") \
    X(STR_UPDATE_STATUS_READ_ERROR, "update_status.read_error") \
    X(STR_UPDATE_STATUS_DISK_FULL, "update_status.disk_full") \
    X(STR_UPDATE_STATUS_WRITE_ERROR, "update_status.write_error") \
    X(STR_UPDATE_STATUS_NO_MANIFEST, "update_status.no_manifest") \
    X(STR_UPDATE_STATUS_BAD_MANIFEST, "update_status.bad_manifest") \
    X(STR_UPDATE_STATUS_ABSOLUTE_PATH, "update_status.absolute_path") \
    X(STR_UPDATE_STATUS_PARENT_PATH, "update_status.parent_path") \
    X(STR_UPDATE_STATUS_MISSING_FILE, "update_status.missing_file") \
    X(STR_UPDATE_STATUS_UNLISTED_FILE, "update_status.unlisted_file") \
    X(STR_UPDATE_STATUS_CHECKSUM, "update_status.checksum") \
    X(STR_UPDATE_STATUS_BAD_SIGNATURE, "update_status.bad_signature") \
    X(STR_UPDATE_STATUS_UNKNOWN_KEY, "update_status.unknown_key") \
    X(STR_UPDATE_STATUS_UNSIGNED, "update_status.unsigned") \
    X(STR_UPDATE_STATUS_PIN_REFUSED, "update_status.pin_refused") \
    X(STR_UPDATE_STATUS_WRONG_PRODUCT, "update_status.wrong_product") \
    X(STR_UPDATE_STATUS_NO_VERSION, "update_status.no_version") \
    X(STR_UPDATE_STATUS_OLD_VERSION, "update_status.old_version") \
    X(STR_UPDATE_STATUS_DATA_ERRORS, "update_status.data_errors") \
    X(STR_UPDATE_STATUS_INVALID_DB, "update_status.invalid_db") \
    X(STR_UPDATE_STATUS_APPLY_FAILED, "update_status.apply_failed") \
    X(STR_UPDATE_STATUS_EXPORT_FAILED, "update_status.export_failed") \
    X(STR_UPDATE_STATUS_NO_ORGANIZATION, "update_status.no_organization") \
    X(STR_UPDATE_UNCHANGED,       "update.unchanged") \
    X(STR_UPDATE_NO_REPORT,       "update.no_report") \
    X(STR_UPDATE_EXPORTED,        "update.exported") \
    X(STR_CANCEL,                "button.cancel") \
    X(STR_APPLY_NOW,             "button.apply_now") \
    X(STR_OK,                    "button.ok") \
    X(STR_ENTER_PIN,             "pin.enter") \
    X(STR_PIN_WRONG,             "pin.wrong") \
    X(STR_PIN_LOCKED,            "pin.locked") \
    X(STR_PIN_NOT_SET,           "pin.not_set") \
    X(STR_ERASE,                 "pin.erase") \
    X(STR_STAFF,                 "staff.title") \
    X(STR_EXPORT_TITLE,          "staff.export") \
    X(STR_NO_EXPORT_STICK,       "staff.no_stick") \
    X(STR_ROLLBACK,              "staff.rollback") \
    X(STR_ROLLBACK_DONE,         "staff.rollback_done") \
    X(STR_RESTART,               "staff.restart") \
    X(STR_SOFTWARE,              "staff.software") \
    X(STR_DATA,                  "staff.data") \
    X(STR_BUILT_IN,              "staff.built_in") \
    X(STR_LAST_REPORT,           "staff.last_report") \
    X(STR_DISK,                  "staff.disk") \
    X(STR_UPTIME,                "staff.uptime") \
    X(STR_UPTIME_SPAN,           "staff.uptime_span") \
    X(STR_INPUT,                 "staff.input") \
    X(STR_LOG,                   "staff.log") \
    /* speech; speech.* are only said, never shown */ \
    X(STR_LISTEN,              "listen.listen") \
    X(STR_LISTEN_STOP,         "listen.stop") \
    X(STR_LISTEN_NO_VOICE,     "listen.no_voice") \
    X(STR_LISTEN_PAUSE,        "listen.pause") \
    X(STR_LISTEN_RESUME,       "listen.resume") \
    X(STR_LISTEN_REPEAT,       "listen.repeat") \
    X(STR_LISTEN_SOFTER,       "listen.softer") \
    X(STR_LISTEN_LOUDER,       "listen.louder") \
    X(STR_STILL_THERE,         "idle.still_there") \
    X(STR_SOUND,               "staff.sound") \
    X(STR_SPEAK_TO,            "speech.range_to") \
    X(STR_SPEAK_AND,           "speech.and") \
    /* weekdays from Monday: as a name, abbreviated, as in "opens on Monday" */ \
    X(STR_WEEKDAY_MONDAY,        "weekday.monday") \
    X(STR_WEEKDAY_TUESDAY,       "weekday.tuesday") \
    X(STR_WEEKDAY_WEDNESDAY,     "weekday.wednesday") \
    X(STR_WEEKDAY_THURSDAY,      "weekday.thursday") \
    X(STR_WEEKDAY_FRIDAY,        "weekday.friday") \
    X(STR_WEEKDAY_SATURDAY,      "weekday.saturday") \
    X(STR_WEEKDAY_SUNDAY,        "weekday.sunday") \
    X(STR_WEEKDAY_SHORT_MONDAY,  "weekday_short.monday") \
    X(STR_WEEKDAY_SHORT_TUESDAY, "weekday_short.tuesday") \
    X(STR_WEEKDAY_SHORT_WEDNESDAY, "weekday_short.wednesday") \
    X(STR_WEEKDAY_SHORT_THURSDAY, "weekday_short.thursday") \
    X(STR_WEEKDAY_SHORT_FRIDAY,  "weekday_short.friday") \
    X(STR_WEEKDAY_SHORT_SATURDAY, "weekday_short.saturday") \
    X(STR_WEEKDAY_SHORT_SUNDAY,  "weekday_short.sunday") \
    X(STR_WEEKDAY_ON_MONDAY,     "weekday_on.monday") \
    X(STR_WEEKDAY_ON_TUESDAY,    "weekday_on.tuesday") \
    X(STR_WEEKDAY_ON_WEDNESDAY,  "weekday_on.wednesday") \
    X(STR_WEEKDAY_ON_THURSDAY,   "weekday_on.thursday") \
    X(STR_WEEKDAY_ON_FRIDAY,     "weekday_on.friday") \
    X(STR_WEEKDAY_ON_SATURDAY,   "weekday_on.saturday") \
    X(STR_WEEKDAY_ON_SUNDAY,     "weekday_on.sunday") \
    /* months from January, as they read inside a date */ \
    X(STR_MONTH_JANUARY,         "month_in_date.january") \
    X(STR_MONTH_FEBRUARY,        "month_in_date.february") \
    X(STR_MONTH_MARCH,           "month_in_date.march") \
    X(STR_MONTH_APRIL,           "month_in_date.april") \
    X(STR_MONTH_MAY,             "month_in_date.may") \
    X(STR_MONTH_JUNE,            "month_in_date.june") \
    X(STR_MONTH_JULY,            "month_in_date.july") \
    X(STR_MONTH_AUGUST,          "month_in_date.august") \
    X(STR_MONTH_SEPTEMBER,       "month_in_date.september") \
    X(STR_MONTH_OCTOBER,         "month_in_date.october") \
    X(STR_MONTH_NOVEMBER,        "month_in_date.november") \
    X(STR_MONTH_DECEMBER,        "month_in_date.december") \
    /* how a date and a time are put together */ \
    X(STR_DATE,                  "date.full") \
    X(STR_DATE_DAY_MONTH,        "date.day_month") \
    X(STR_DATE_FIRST,            "date.full_first") \
    X(STR_DATE_DAY_MONTH_FIRST,  "date.day_month_first") \
    X(STR_DATE_LONG,             "date.long") \
    X(STR_TIME,                  "date.time") \
    /* the home screen's line, "Open now · closes at 17:00" */ \
    X(STR_OPEN_NOW,              "hours.open_now") \
    X(STR_OPEN_NOW_SPECIAL,      "hours.open_now_special") \
    X(STR_CLOSED_NOW,            "hours.closed_now") \
    X(STR_CLOSED_NOW_SPECIAL,    "hours.closed_now_special") \
    X(STR_CLOSED_TODAY,          "hours.closed_today") \
    X(STR_CLOSED_TODAY_FOR,      "hours.closed_today_for") \
    X(STR_NO_SCHEDULE,           "hours.no_schedule") \
    X(STR_STATUS_THEN,           "hours.status_then") \
    X(STR_OPENS_AT,              "hours.opens_at") \
    X(STR_OPENS_TOMORROW,        "hours.opens_tomorrow") \
    X(STR_OPENS_WEEKDAY,         "hours.opens_weekday") \
    X(STR_OPENS_DATE,            "hours.opens_date") \
    X(STR_CLOSES_AT,             "hours.closes_at") \
    X(STR_CLOSES_TOMORROW,       "hours.closes_tomorrow") \
    X(STR_CLOSES_WEEKDAY,        "hours.closes_weekday") \
    X(STR_CLOSES_DATE,           "hours.closes_date") \
    /* the Greek public holidays, then the two shortened days (hours.c) */ \
    X(STR_HOLIDAY_CLEAN_MONDAY,  "holiday.clean_monday") \
    X(STR_HOLIDAY_GOOD_FRIDAY,   "holiday.good_friday") \
    X(STR_HOLIDAY_HOLY_SATURDAY, "holiday.holy_saturday") \
    X(STR_HOLIDAY_EASTER_SUNDAY, "holiday.easter_sunday") \
    X(STR_HOLIDAY_EASTER_MONDAY, "holiday.easter_monday") \
    X(STR_HOLIDAY_WHIT_MONDAY,   "holiday.whit_monday") \
    X(STR_HOLIDAY_NEW_YEAR,      "holiday.new_year") \
    X(STR_HOLIDAY_EPIPHANY,      "holiday.epiphany") \
    X(STR_HOLIDAY_INDEPENDENCE_DAY, "holiday.independence_day") \
    X(STR_HOLIDAY_LABOUR_DAY,    "holiday.labour_day") \
    X(STR_HOLIDAY_DORMITION,     "holiday.dormition") \
    X(STR_HOLIDAY_ST_DIONYSIUS,  "holiday.st_dionysius") \
    X(STR_HOLIDAY_OCHI_DAY,      "holiday.ochi_day") \
    X(STR_HOLIDAY_CHRISTMAS,     "holiday.christmas") \
    X(STR_HOLIDAY_SYNAXIS,       "holiday.synaxis") \
    X(STR_HOLIDAY_CHRISTMAS_EVE, "holiday.christmas_eve") \
    X(STR_HOLIDAY_NEW_YEARS_EVE, "holiday.new_years_eve") \
    /* the member directory (screens/services.c, service.c) and the update's summary */ \
    X(STR_SERVICES,              "screen.services") \
    X(STR_SERVICE,               "screen.service") \
    X(STR_DIR_SEARCH_HINT,       "directory.search_hint") \
    X(STR_DIR_OPEN_NOW,          "directory.open_now") \
    X(STR_DIR_FREE,              "directory.free") \
    X(STR_DIR_ANY_LANGUAGE,      "directory.any_language") \
    X(STR_DIR_CLEAR,             "directory.clear_filters") \
    X(STR_DIR_NO_RESULTS,        "directory.no_results") \
    X(STR_DIR_ASK_CENTRE,        "directory.ask_centre") \
    X(STR_DIR_FOUND,             "directory.found") \
    X(STR_DIR_MORE,              "directory.next") \
    X(STR_DIR_PREVIOUS,          "directory.previous") \
    X(STR_DIR_NOT_ACTIVE,        "directory.not_active") \
    X(STR_DIR_ELIGIBILITY,       "directory.eligibility") \
    X(STR_DIR_APPLY,             "directory.apply") \
    X(STR_DIR_DOCUMENTS,         "directory.documents") \
    X(STR_DIR_HOURS,             "directory.hours") \
    X(STR_DIR_COST,              "directory.cost") \
    X(STR_DIR_AGES,              "directory.ages") \
    X(STR_DIR_CHECKED,           "directory.last_checked") \
    X(STR_UPDATE_SERVICES_ADDED, "update.services_added") \
    X(STR_UPDATE_SERVICES_CHANGED, "update.services_changed") \
    X(STR_UPDATE_SERVICES_REMOVED, "update.services_removed")

#endif
