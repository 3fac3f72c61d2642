#!/bin/sh
# gen-package.sh: a member directory of example data, for the tests and the benchmark.
#   usage: tools/gen-package.sh [--lean] N OUTDIR [DATA]
# OUTDIR gets DATA's package (default: data/) plus N services of member organisations
# whose names say they are examples ("Example Organisation 0042"), one organisation per
# 10 services. Each service has a category under one of the centre's six committee
# areas (taxonomy terms linked by attributes), a location with an address, a phone,
# weekly schedules, the languages it is offered in, a cost option (3 in 4 free),
# eligibility, documents to bring, and English translations of every text; a few are
# inactive or carry an alert. The result checks clean. Needs sh, awk and jq.
# --lean: each service has only its name and description (and their English), a
# location with an address, a phone and one weekly schedule, as the first import
# benchmark had: the benchmark compares the import with that floor on it.
set -eu
lean=0
[ "${1:-}" = --lean ] && { lean=1; shift; }
[ $# -ge 2 ] || { sed -n '2,12p' "$0"; exit 2; }
n=$1 out=$2 src=${3:-"$(dirname "$0")/../data"}
case $n in ''|*[!0-9]*) echo "gen-package: N must be a number" >&2; exit 2;; esac
command -v jq >/dev/null || { echo "gen-package: needs jq (apt-get install jq)" >&2; exit 1; }
mkdir -p "$out"
cp "$src"/*.csv "$out/"

# columns DATA may lack: appended to its header, empty in its rows (one record a line)
widen() { # file column...
    f=$out/$1; shift
    for c in "$@"; do
        head -1 "$f" | tr ',' '\n' | grep -qx "$c" && continue
        awk -v c="$c" 'NR == 1 { print $0 "," c; next } { print $0 "," }' "$f" >"$f.tmp"
        mv "$f.tmp" "$f"
    done
}
widen services.csv eligibility_description alert
widen taxonomy_terms.csv parent_id
[ -f "$out/cost_options.csv" ] ||
    echo "id,service_id,option,currency,amount,amount_description" >"$out/cost_options.csv"
[ -f "$out/required_documents.csv" ] || echo "id,service_id,document" >"$out/required_documents.csv"

# the descriptor: the new fields and resources, where DATA's lacks them
jq '
def field($n): { name: $n, type: "string", constraints: { required: false } };
def fk($f; $r): { fields: $f, reference: { resource: $r, fields: "id" } };
def add_fields($res; $names): .resources |= map(if .name == $res then
    .schema.fields += [ $names[] as $f | select(([.schema.fields[].name] | index($f)) == null)
                        | field($f) ] else . end);
def add_resource($r): if ([.resources[].name] | index($r.name)) == null
    then .resources += [ $r ] else . end;
add_fields("service"; ["eligibility_description", "alert"])
| add_fields("taxonomy_term"; ["parent_id"])
| add_resource({ name: "cost_option", path: "cost_options.csv", schema: {
    fields: [ (["id", "service_id", "option", "currency", "amount", "amount_description"][]
               | field(.)) ],
    foreignKeys: [ fk("service_id"; "service") ] } })
| add_resource({ name: "required_document", path: "required_documents.csv", schema: {
    fields: [ (["id", "service_id", "document"][] | field(.)) ],
    foreignKeys: [ fk("service_id"; "service") ] } })
' "$src/datapackage.json" >"$out/datapackage.json"

awk -v n="$n" -v out="$out" -v lean="$lean" '
function q(s) { return "\"" s "\"" }
# one translation row: resource, record, field, English text
function en(res, id, field, text) { printf "%s,%s,%s,en,%s\n", res, id, field, q(text) >> tr }
BEGIN {
    split("Αθήνα Πειραιάς Καλλιθέα Περιστέρι Νίκαια Γλυφάδα Χαλάνδρι Μαρούσι", city, " ")
    split("MO,TU,WE,TH,FR|MO,WE,FR|TU,TH|MO,TU,WE,TH,FR,SA|SA,SU", days, "|")
    orgs = out "/organizations.csv"; svc = out "/services.csv"
    loc = out "/locations.csv"; adr = out "/addresses.csv"
    sal = out "/service_at_location.csv"; ph = out "/phones.csv"
    sch = out "/schedules.csv"; tr = out "/translations.csv"
    lng = out "/languages.csv"; att = out "/attributes.csv"; trm = out "/taxonomy_terms.csv"
    cst = out "/cost_options.csv"; doc = out "/required_documents.csv"

    # the six committee areas (first level) and two categories under each
    na = split("skills-work|city-life|education|gender|rights-legal|health", area, "|")
    split("Δεξιότητες και εργασία|Ζωή στην πόλη|Εκπαίδευση|Φύλο|Δικαιώματα και νομική βοήθεια|Υγεία", area_el, "|")
    split("Skills and work|City life|Education|Gender|Rights and legal help|Health", area_en, "|")
    nc = split("job-counselling|vocational-training|housing|food|greek-lessons|schooling|" \
               "women|gender-violence|asylum|legal-counselling|medical|mental-health", cat, "|")
    split("Συμβουλευτική εργασίας|Επαγγελματική κατάρτιση|Στέγαση|Τρόφιμα και είδη πρώτης ανάγκης|" \
          "Μαθήματα ελληνικών|Εγγραφή στο σχολείο|Υποστήριξη γυναικών|Προστασία από έμφυλη βία|" \
          "Άσυλο|Νομική συμβουλευτική|Ιατρική φροντίδα|Ψυχολογική υποστήριξη", cat_el, "|")
    split("Job counselling|Vocational training|Housing|Food and basic items|Greek lessons|" \
          "School enrolment|Support for women|Protection from gender-based violence|Asylum|" \
          "Legal counselling|Medical care|Psychological support", cat_en, "|")
    split("Συναντήσεις με σύμβουλο εργασίας: βιογραφικό, αναζήτηση θέσεων, προετοιμασία για συνέντευξη.|" \
          "Κύκλοι κατάρτισης σε επαγγέλματα, με βεβαίωση στο τέλος.|" \
          "Βοήθεια για εύρεση κατοικίας, ενοίκιο και συμβόλαιο, και προσωρινή φιλοξενία.|" \
          "Διανομή τροφίμων, ρούχων και ειδών υγιεινής.|" \
          "Μαθήματα ελληνικής γλώσσας για ενήλικες, από αρχάριους έως προχωρημένους.|" \
          "Βοήθεια για την εγγραφή παιδιών στο σχολείο και ενισχυτική διδασκαλία.|" \
          "Χώρος για γυναίκες και μητέρες: ενημέρωση, ομάδες στήριξης, φύλαξη παιδιών.|" \
          "Εμπιστευτική υποστήριξη και προστασία για επιζώσες έμφυλης βίας.|" \
          "Ενημέρωση και βοήθεια για την αίτηση ασύλου, τη συνέντευξη και την προσφυγή.|" \
          "Νομική συμβουλευτική από δικηγόρους: άδειες διαμονής, οικογενειακή επανένωση, ιθαγένεια.|" \
          "Ιατρείο με γενικό γιατρό και παιδίατρο, εμβολιασμοί, παραπομπές σε νοσοκομεία.|" \
          "Ψυχολογική υποστήριξη για ενήλικες και παιδιά, ατομικά ή σε ομάδες.", desc_el, "|")
    split("Meetings with a job counsellor: CV, job search, interview preparation.|" \
          "Vocational training courses, with a certificate at the end.|" \
          "Help to find a home, with rent and the lease, and temporary shelter.|" \
          "Distribution of food, clothes and hygiene items.|" \
          "Greek language lessons for adults, from beginners to advanced.|" \
          "Help to enrol children at school, and homework support.|" \
          "A space for women and mothers: information, support groups, childcare.|" \
          "Confidential support and protection for survivors of gender-based violence.|" \
          "Information and help with the asylum application, the interview and the appeal.|" \
          "Legal counselling by lawyers: residence permits, family reunification, citizenship.|" \
          "A clinic with a general practitioner and a paediatrician, vaccinations, referrals to hospitals.|" \
          "Psychological support for adults and children, one to one or in groups.", desc_en, "|")
    split("Για όλους, ανεξάρτητα από το καθεστώς διαμονής.|Για αιτούντες άσυλο και αναγνωρισμένους πρόσφυγες.|" \
          "Για ενήλικες 18 ετών και άνω.|Για γυναίκες και τα παιδιά τους.", elig_el, "|")
    split("For everyone, whatever their residence status.|For asylum seekers and recognised refugees.|" \
          "For adults aged 18 and over.|For women and their children.", elig_en, "|")
    split("Διαβατήριο ή άλλο έγγραφο ταυτότητας|Άδεια διαμονής ή κάρτα αιτούντος άσυλο|ΑΜΚΑ ή ΠΑΑΥΠΑ", doc_el, "|")
    split("Passport or another identity document|Residence permit or asylum seeker card|" \
          "Social security number (AMKA or PAAYPA)", doc_en, "|")
    nl = split("en ar fa ur fr uk", lcode, " ")
    split("Αγγλικά Αραβικά Φαρσί Ουρντού Γαλλικά Ουκρανικά", lname_el, " ")
    split("English Arabic Farsi Urdu French Ukrainian", lname_en, " ")

    while ((getline line < trm) > 0)    # DATA may hold the areas already
        if (line ~ /^area-/)
            have[substr(line, 1, index(line, ",") - 1)] = 1
    close(trm)
    for (a = 1; a <= na; a++) {
        if (("area-" area[a]) in have)
            continue
        printf "area-%s,%s,%s,%s,accmr-category,\n", area[a], area[a], area_el[a], area_el[a] >> trm
        en("taxonomy_term", "area-" area[a], "name", area_en[a])
        en("taxonomy_term", "area-" area[a], "description", area_en[a])
    }
    for (c = 1; c <= nc; c++) {
        printf "cat-%s,%s,%s,%s,accmr-category,area-%s\n", cat[c], cat[c], cat_el[c], cat_el[c], \
            area[int((c - 1) / 2) + 1] >> trm
        en("taxonomy_term", "cat-" cat[c], "name", cat_en[c])
        en("taxonomy_term", "cat-" cat[c], "description", cat_en[c])
    }
    for (i = 1; i <= n; i++) {
        k = int((i - 1) / 10)
        o = sprintf("example-org-%04d", k)
        if ((i - 1) % 10 == 0) {
            printf "%s,Οργάνωση-παράδειγμα %04d,,%s,info%d@example.org,https://example.org/%d,,\n", \
                o, k, q("Μη κερδοσκοπική οργάνωση (παράδειγμα) που υποστηρίζει μετανάστες και πρόσφυγες."), \
                k, k >> orgs
            en("organization", o, "name", sprintf("Example Organisation %04d", k))
            en("organization", o, "description", \
                "A non-profit organisation (an example) supporting migrants and refugees.")
        }
        c = (i - 1) % nc + 1
        s = sprintf("example-svc-%05d", i); l = "example-loc-" i
        e = i % 4 + 1
        apply_el = i % 2 ? "Κλείστε ραντεβού τηλεφωνικά." : "Ελάτε χωρίς ραντεβού τις ώρες λειτουργίας."
        apply_en = i % 2 ? "Book an appointment by phone." : "Walk in during opening hours."
        status = i % 97 == 0 ? "inactive" : "active"
        alert = i % 53 == 0 ? q("Κλειστό λόγω ανακαίνισης έως νεωτέρας.") : ""
        printf "%s,%s,%s,,%s,https://example.org/s/%d,svc%d@example.org,%s,%s,2026-%02d-%02d,%s,%s\n", \
            s, o, q(cat_el[c] ", παράδειγμα " i), q(desc_el[c]), i, i, status, apply_el, \
            i % 12 + 1, i % 28 + 1, q(elig_el[e]), alert >> svc
        en("service", s, "name", cat_en[c] ", example " i)
        en("service", s, "description", desc_en[c])
        if (!lean) {
            en("service", s, "application_process", apply_en)
            en("service", s, "eligibility_description", elig_en[e])
        }
        if (alert != "")
            en("service", s, "alert", "Closed for renovation until further notice.")
        if (!lean)
            printf "example-attr-%d,%s,category,service,cat-%s,\n", i, s, cat[c] >> att

        printf "%s,physical,%s,Γραφείο %d,%.6f,%.6f\n", l, o, i, 37.9 + (i % 1000) / 10000, \
            23.7 + (i % 997) / 10000 >> loc
        printf "example-adr-%d,%s,Οδός %d %d,%s,,Αττική,1%04d,GR,physical\n", i, l, i % 300, \
            i % 120 + 1, city[i % 8 + 1], i % 10000 >> adr
        printf "example-sal-%d,%s,%s\n", i, s, l >> sal
        printf "example-ph-%d,%s,%s,+30 210 %07d,voice,\n", i, o, s, i >> ph
        printf "example-sch-%d,%s,WEEKLY,%s,09:%02d,1%d:00,,,%s\n", i, s, q(days[i % 5 + 1]), \
            (i % 4) * 15, 4 + i % 5, "Ώρες λειτουργίας " i >> sch
        if (lean)
            continue
        en("schedule", "example-sch-" i, "description", "Opening hours " i)
        if (i % 3 == 0)
            printf "example-sch-%d-b,%s,WEEKLY,%s,17:00,20:00,,,\n", i, s, q("TU,TH") >> sch

        printf "example-lng-%d-el,%s,Ελληνικά,el\n", i, s >> lng
        en("language", "example-lng-" i "-el", "name", "Greek")
        for (j = 1; j <= nl; j++)
            if ((int(i / 12) + j) % (j + 1) == 0) {
                printf "example-lng-%d-%s,%s,%s,%s\n", i, lcode[j], s, lname_el[j], lcode[j] >> lng
                en("language", "example-lng-" i "-" lcode[j], "name", lname_en[j])
            }

        if (i % 4) {
            printf "example-cost-%d,%s,Δωρεάν,EUR,0,\n", i, s >> cst
            en("cost_option", "example-cost-" i, "option", "Free")
        } else {
            printf "example-cost-%d,%s,Ανά συνεδρία,EUR,%d,\n", i, s, 5 * (i % 3 + 1) >> cst
            en("cost_option", "example-cost-" i, "option", "Per session")
        }
        for (d = 1; d <= i % 3 + 1; d++) {
            printf "example-doc-%d-%d,%s,%s\n", i, d, s, doc_el[d] >> doc
            en("required_document", "example-doc-" i "-" d, "document", doc_en[d])
        }
    }
}'
