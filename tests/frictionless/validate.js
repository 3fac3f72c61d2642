// validate.js DIR... - each folder's datapackage.json and every row of every resource
// checked with the Frictionless reference library (npm "datapackage"): the descriptor
// against its profile, each value cast to its declared type and format, primary and
// foreign keys. Prints one line a package and every problem; exits 1 on any.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { Package } = require('datapackage');

// The kiosk's CSVs start with a UTF-8 byte-order mark, which Excel needs to read Greek,
// and declare "encoding": "utf-8-sig" (Python's name, which frictionless-py reads).
// Node and this library know no utf-8-sig (and keep a BOM as part of the first header):
// a copy of the package is made in which each file declared utf-8-sig loses its BOM
// and is declared utf-8, the way that codec reads it. A BOM in a file declared plain
// utf-8 is a problem: other readers would see "\ufeffid" as the first column's name.
function decodeSig(dir, problems) {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-fl-'));
  const desc = JSON.parse(fs.readFileSync(path.join(dir, 'datapackage.json'), 'utf8'));
  for (const res of desc.resources || []) {
    if (typeof res.path !== 'string' || !fs.existsSync(path.join(dir, res.path))) continue;
    let bytes = fs.readFileSync(path.join(dir, res.path));
    const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    if (res.encoding === 'utf-8-sig') {
      if (bom) bytes = bytes.subarray(3);
      res.encoding = 'utf-8';
    } else if (bom) {
      problems.push(`${res.path}: starts with a byte-order mark but declares encoding ${res.encoding || 'utf-8 (the default)'}`);
    }
    fs.writeFileSync(path.join(copy, res.path), bytes);
  }
  fs.writeFileSync(path.join(copy, 'datapackage.json'), JSON.stringify(desc));
  return copy;
}

async function check(dir) {
  const problems = [];
  let pkg;
  try {
    const copy = decodeSig(dir, problems);
    pkg = await Package.load(copy + '/datapackage.json', copy);
  } catch (e) {
    return [`datapackage.json: ${e.message}`];
  }
  for (const e of pkg.errors)
    problems.push(`datapackage.json: ${e.message}`);
  let rows = 0;
  for (const res of pkg.resources) {
    if (!res.valid)
      for (const e of res.errors)
        problems.push(`${res.name}: descriptor: ${e.message}`);
    if (!res.tabular) {
      problems.push(`${res.name}: not a tabular resource (profile ${res.descriptor.profile})`);
      continue;
    }
    try {
      const data = await res.read({ relations: true, forceCast: true });
      for (const row of data) {
        if (row instanceof Error) {
          const sub = row.errors ? row.errors.map((e) => e.message).join('; ') : '';
          problems.push(`${res.descriptor.path}: row ${row.rowNumber}: ${row.message} ${sub}`);
        } else {
          rows++;
        }
      }
    } catch (e) {
      const sub = e.errors ? e.errors.map((x) => x.message).join('; ') : '';
      problems.push(`${res.descriptor.path}: ${e.message} ${sub}`);
    }
  }
  return problems.length ? problems : rows;
}

(async () => {
  let failed = 0;
  for (const dir of process.argv.slice(2)) {
    const r = await check(dir);
    if (Array.isArray(r)) {
      failed++;
      console.log(`frictionless: ${dir}: ${r.length} problems`);
      for (const p of r.slice(0, 40)) console.log(`  ${p}`);
    } else {
      console.log(`frictionless: ${dir}: valid, ${r} rows`);
    }
  }
  process.exit(failed ? 1 : 0);
})();
