#!/usr/bin/python3
"""roundtrip.py KIOSK FIXTURE WORK - the spreadsheet round trip of issue 14, with a
real LibreOffice Calc driven headless through UNO.

The kiosk exports FIXTURE's content; each "way" below opens every CSV of the export
in Calc as a member of staff would (the import dialog's options on a Greek or an
English PC, a detour through .xlsx, a file opened as Western, Excel's Greek ';'),
types a new phone number into its cell, and saves. Then `kiosk check` reads the
result; when it is usable the kiosk imports it and exports again, and every field is
compared with the first export. The rule (issue 14, "no silent change, ever"): the
typed edit arrives, and every other value is byte-identical or `kiosk check`
reported its line. A way that is refused must name its cause. Prints one line a way
and exits 1 on any silent change or any way that does not end as expected.

Two Calc processes start at once, one with an el-GR and one with an en-US locale
(each its own profile in WORK), so start-up is paid once; every file of a way goes
through the same process.
"""
import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue

SOFFICE = "/usr/lib/libreoffice/program/soffice"
CSV_FILTER = "Text - txt - csv (StarCalc)"
XLSX_FILTER = "Calc MS Excel 2007 XML"
LANG_ID = {"en-US": "1033", "el-GR": "1032"}
UTF8, WESTERN = "76", "1"           # LibreOffice's text encodings: UTF-8, Windows-1252
EDIT = ("phones.csv", "accmr-phone", "number", "+30 210 3638699")

# The ways staff open and save, and how each must end: "usable" (the edit arrives)
# or "refused" with a message matching cause; clean: kiosk check has nothing to say;
# note: a message it must print. seps: the separators ticked in the import dialog
# (44 comma, 59 semicolon, 9 Tab); quoted: "Format quoted field as text"; special:
# "Detect special numbers"; charset: as opened; out_sep: the separator saved with;
# xlsx: saved as .xlsx, opened again and saved as CSV; edit: what is typed (a ' in
# front by default, as the README says); pre: a first pass with these options.
WAYS = [
    # what the README tells staff: only Comma, "Format quoted field as text"
    dict(name="readme-el", locale="el-GR", seps="44", quoted=True, special=False,
         expect="usable", clean=True),
    dict(name="readme-en", locale="en-US", seps="44", quoted=True, special=True,
         expect="usable", clean=True),
    # the dialog's defaults: Comma, Semicolon and Tab ticked, "Keep current format"
    dict(name="defaults-en", locale="en-US", expect="usable"),
    dict(name="defaults-el", locale="el-GR", expect="refused",
         cause=r"Greek spreadsheet read the '\.' of 23\.727 as a thousands separator"),
    dict(name="special-en", locale="en-US", special=True, expect="usable",
         note=r'read "09:00:00 AM" as 09:00'),
    dict(name="special-el", locale="el-GR", special=True, expect="refused",
         cause=r"thousands separator"),
    dict(name="xlsx-detour", locale="en-US", xlsx=True, expect="usable"),
    dict(name="western", locale="en-US", charset=WESTERN, seps="44", expect="refused",
         cause=r"opened as Western"),
    dict(name="excel-greek-semicolon", locale="el-GR", seps="44", quoted=True, out_sep="59",
         expect="usable", note=r"';'.*Excel's Greek list separator"),
    # saved once as the README says (Calc writes no quotes), then opened with the defaults
    dict(name="resaved-defaults", locale="el-GR", pre=dict(seps="44", quoted=True),
         expect="refused", cause=r"a text containing ';' was split into two columns"),
    dict(name="typed-plus-no-spaces", locale="en-US", edit="+302103638699", expect="refused",
         cause=r"the \+ of a phone number was dropped"),
]


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def run(*cmd):
    return subprocess.run(cmd, capture_output=True, text=True)


def unmark(v):
    """the kiosk reader's rule (csv.h): one ' off a value that is risky after its 's"""
    if not v.startswith("'"):
        return v
    core = v.lstrip("'")
    risky = bool(core) and (core[0] in "=+-@\t\r" or core.lower() in ("true", "false") or (
        any(c.isdigit() for c in core) and all(c in "0123456789 .,:/-+%()eEaApPmM" for c in core)))
    return v[1:] if risky else v


def read_csv(path):
    """records of a CSV as the kiosk reads it: BOM off, separator sniffed, marks off;
    returns [(line, fields)] with the physical line each record starts on"""
    raw = open(path, "rb").read()
    text = raw.decode("utf-8", errors="replace")
    if text.startswith("\ufeff"):
        text = text[1:]
    first = text.split("\n", 1)[0]
    sep = "," if "," in first or ";" not in first else ";"
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep)
    out, line = [], 1
    for rec in reader:
        out.append((line, [unmark(f) for f in rec]))
        line = reader.line_num + 1
    return out


class Calc:
    """one headless LibreOffice with its own profile and locale"""

    def __init__(self, profiles, locale):
        self.locale = locale
        prof = os.path.join(os.path.abspath(profiles), "profile-" + locale)
        os.makedirs(os.path.join(prof, "user"), exist_ok=True)
        with open(os.path.join(prof, "user", "registrymodifications.xcu"), "w") as f:
            f.write('<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor='
                    '"http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/'
                    'XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
                    '<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name='
                    '"ooSetupSystemLocale" oor:op="fuse"><value>%s</value></prop></item>\n'
                    '<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooLocale" '
                    'oor:op="fuse"><value>%s</value></prop></item>\n</oor:items>\n'
                    % (locale, locale))
        self.pipe = "kiosk-sheet-%d-%s" % (os.getpid(), locale)
        self.proc = subprocess.Popen(
            [SOFFICE, "--headless", "--invisible", "--norestore", "--nologo", "--nolockcheck",
             "-env:UserInstallation=" + uno.systemPathToFileUrl(prof),
             "--accept=pipe,name=%s;urp;" % self.pipe],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.desktop = None

    def connect(self, deadline):
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local)
        while time.time() < deadline:
            try:
                ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % self.pipe)
                self.desktop = ctx.ServiceManager.createInstanceWithContext(
                    "com.sun.star.frame.Desktop", ctx)
                return
            except Exception:
                if self.proc.poll() is not None:
                    break
                time.sleep(0.2)
        raise RuntimeError("LibreOffice (%s) did not start" % self.locale)

    def load(self, path, options=None):
        args = [prop("Hidden", True)]
        if options is not None:
            args += [prop("FilterName", CSV_FILTER), prop("FilterOptions", options)]
        return self.desktop.loadComponentFromURL(uno.systemPathToFileUrl(path), "_blank", 0,
                                                 tuple(args))

    def close(self):
        try:
            if self.desktop:
                self.desktop.terminate()
        except Exception:
            pass
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def type_edit(doc, value):
    """types value into the number cell of the accmr-phone row, as a person would"""
    sheet = doc.Sheets.getByIndex(0)
    # the first column's name ends with "id" also when the BOM was read as text
    cols = {sheet.getCellByPosition(c, 0).getString(): c for c in range(40)}
    cols["id"] = 0
    for r in range(1, 200):
        if sheet.getCellByPosition(cols["id"], r).getString() == EDIT[1]:
            sheet.getCellByPosition(cols[EDIT[2]], r).setFormula(value)
            return
    raise RuntimeError("no %s row in %s" % (EDIT[1], EDIT[0]))


def save_way(calc, way, src, dst):
    """every CSV of src opened, edited and saved into dst the way says (after its
    first pass "pre", when it has one)"""
    if way.get("pre"):
        first = dict(way["pre"], name=way["name"] + "-pre", locale=way["locale"], edit=None)
        save_way(calc, first, src, dst + "-pre")
        src = dst + "-pre"
    lang = LANG_ID[way["locale"]]
    opts_in = ",".join([way.get("seps", "44/59/9"), "34", way.get("charset", UTF8), "1", "",
                        lang, str(way.get("quoted", False)).lower(),
                        str(way.get("special", False)).lower(), "true", "false", "false", "-1",
                        "true"])
    opts_out = ",".join([way.get("out_sep", "44"), "34", UTF8, "1", "", lang, "false", "true",
                         "true", "false", "false"])
    os.makedirs(dst)
    shutil.copy(os.path.join(src, "datapackage.json"), dst)
    for name in sorted(os.listdir(src)):
        if not name.endswith(".csv"):
            continue
        doc = calc.load(os.path.join(src, name), opts_in)
        if name == EDIT[0] and way.get("edit", "") is not None:
            # a value typed with a ' in front is text in a spreadsheet, as the README says
            typed = way.get("edit", "'" + EDIT[3])
            type_edit(doc, typed)
        out = os.path.join(dst, name)
        if way.get("xlsx"):
            xlsx = out[:-4] + ".xlsx"
            doc.storeToURL(uno.systemPathToFileUrl(xlsx), (prop("FilterName", XLSX_FILTER),))
            doc.close(True)
            doc = calc.load(xlsx)
        doc.storeToURL(uno.systemPathToFileUrl(out),
                       (prop("FilterName", CSV_FILTER), prop("FilterOptions", opts_out)))
        doc.close(True)
        if way.get("xlsx"):
            os.remove(out[:-4] + ".xlsx")


def problems(check_err, folder):
    """the places that kiosk check named: {(file, line)}, (file, 0) for a whole file"""
    seen = set()
    for m in re.finditer(r"^%s/([^:\n]+):(?:(\d+):)?(?:\d+:)? (error|warning|note): (.*)$"
                         % re.escape(folder), check_err, re.M):
        seen.add((m.group(1), int(m.group(2) or 0)))
    return seen


def key_of(name, header, fields):
    if "id" in header:
        return fields[header.index("id")] if header.index("id") < len(fields) else ""
    return "\x1f".join(fields[:4])


def compare(orig_dir, saved_dir, new_dir, reported, expect_edit):
    """fields of orig_dir that differ in new_dir (or, when new_dir is None, in the
    saved files themselves): returns (changed, silent, edit_arrived, fields compared)"""
    changed, silent, arrived, compared = 0, [], False, 0
    for name in sorted(os.listdir(orig_dir)):
        if not name.endswith(".csv"):
            continue
        orig = read_csv(os.path.join(orig_dir, name))
        saved_path = os.path.join(saved_dir, name)
        saved = read_csv(saved_path) if os.path.exists(saved_path) else []
        # line in the saved file of the orig record i: Calc keeps the order of rows
        line_of = [saved[i][0] if i < len(saved) else 0 for i in range(len(orig))]
        header = orig[0][1]
        if new_dir is None:
            after = {i: rec[1] for i, rec in enumerate(saved)}
            index = {i: i for i in range(len(orig))}
            new_header = saved[0][1] if saved else []
        else:
            new = read_csv(os.path.join(new_dir, name))
            new_header = new[0][1]
            keys = {key_of(name, new_header, f): i for i, (_, f) in enumerate(new) if i}
            after = {i: f for i, (_, f) in enumerate(new)}
            index = {0: 0}
            for i, (_, f) in enumerate(orig):
                if i and key_of(name, header, f) in keys:
                    index[i] = keys[key_of(name, header, f)]
        for i, (_, fields) in enumerate(orig):
            where = (name, line_of[i])
            ok_reported = where in reported or (name, 0) in reported
            if i not in index:
                changed += 1
                if not ok_reported:
                    silent.append("%s:%d: the row %s is gone" % (name, line_of[i], fields[:1]))
                continue
            got = after.get(index[i], [])
            for c, col in enumerate(header):
                want = fields[c] if c < len(fields) else ""
                nc = new_header.index(col) if col in new_header else -1
                have = got[nc] if 0 <= nc < len(got) else None
                compared += i > 0
                if i and name == EDIT[0] and col == EDIT[2] and key_of(name, header, fields) == EDIT[1]:
                    arrived = have == expect_edit
                    continue
                if have == want:
                    continue
                changed += 1
                if not ok_reported:
                    silent.append("%s:%d: %s %r became %r" % (name, line_of[i], col, want, have))
        # a saved row with values in a column that has no name
        if new_dir is None and saved:
            for line, f in saved[1:]:
                if len(f) > len(header) and any(f[len(header):]) and not (
                        (name, line) in reported or (name, 0) in reported):
                    silent.append("%s:%d: values past the last named column" % (name, line))
    return changed, silent, arrived, compared


def main():
    kiosk, fixture, work = sys.argv[1:4]
    only = sys.argv[4:]
    t0 = time.time()
    # Calc's profiles are kept beside the kiosk binary: the first start makes them (slow)
    profiles = os.environ.get("CALC_PROFILES", work)
    calcs = {loc: Calc(profiles, loc) for loc in ("en-US", "el-GR")}
    try:
        state = os.path.join(work, "state")
        os.makedirs(state)
        r = run(kiosk, "import", fixture, "--db", os.path.join(state, "content.db"))
        assert r.returncode == 0, r.stderr
        os.makedirs(os.path.join(work, "orig"))
        r = run(kiosk, "export", os.path.join(work, "orig"), "--data-dir", state)
        assert r.returncode == 0, r.stderr + r.stdout
        orig = os.path.join(work, "orig", "export")
        deadline = time.time() + 120
        for c in calcs.values():
            c.connect(deadline)
        started = time.time() - t0
        failed = 0
        for way in WAYS:
            if only and way["name"] not in only:
                continue
            saved = os.path.join(work, "ways", way["name"])
            save_way(calcs[way["locale"]], way, orig, saved)
            chk = run(kiosk, "check", saved)
            reported = problems(chk.stderr, saved)
            usable = chk.returncode == 0
            new = None
            if usable:
                db = os.path.join(work, "db-" + way["name"])
                r = run(kiosk, "import", saved, "--db", db)
                st = os.path.join(work, "st-" + way["name"])
                os.makedirs(st)
                shutil.move(db, os.path.join(st, "content.db"))
                out = os.path.join(work, "re-" + way["name"])
                os.makedirs(out)
                r = run(kiosk, "export", out, "--data-dir", st)
                new = os.path.join(out, "export")
            typed = way.get("edit", EDIT[3])
            changed, silent, arrived, compared = compare(orig, saved, new, reported, typed)
            why = []
            if way["expect"] == "usable" and not usable:
                why.append("refused, expected usable")
            if way["expect"] == "usable" and usable and not arrived:
                why.append("the typed phone number did not arrive")
            if way["expect"] == "refused" and usable:
                why.append("accepted, expected a refusal")
            if way["expect"] == "refused" and not re.search(way["cause"], chk.stderr):
                why.append("the refusal does not say /%s/" % way["cause"])
            if way.get("note") and not re.search(way["note"], chk.stderr):
                why.append("no message /%s/" % way["note"])
            if silent:
                why.append("%d silent changes" % len(silent))
            if way.get("clean") and reported:
                why.append("%d problems reported, expected none" % len(reported))
            failed += bool(why)
            print("spreadsheet: %-22s %s: %s, %d fields changed and reported%s" % (
                way["name"], "FAIL" if why else "ok", "usable" if usable else "refused",
                changed - len(silent), "; " + "; ".join(why) if why else ""))
            if why or os.environ.get("SPREADSHEET_VERBOSE"):
                for s in silent[:12]:
                    print("    silent: " + s)
                for line in chk.stderr.splitlines()[:12]:
                    print("    check: " + line.replace(saved + "/", ""))
        print("spreadsheet: %d fields compared in each way; Calc started in %.1f s, all ways "
              "in %.1f s" % (compared, started, time.time() - t0))
        return 1 if failed else 0
    finally:
        for c in calcs.values():
            c.close()


if __name__ == "__main__":
    sys.exit(main())
