#!/bin/sh
# gen-package.sh: a large HSDS package for the import benchmark, made with sh and awk.
#   usage: tools/gen-package.sh N OUTDIR [DATA]
# OUTDIR gets DATA's package (default: data/) plus N generated services, one
# organisation per 10 services, a location with an address per service, a phone and a
# weekly schedule per service, and English translations of every generated name and
# description. The result checks clean: every id is unique, every reference resolves.
set -eu
[ $# -ge 2 ] || { sed -n '2,7p' "$0"; exit 2; }
n=$1 out=$2 src=${3:-"$(dirname "$0")/../data"}
case $n in ''|*[!0-9]*) echo "gen-package: N must be a number" >&2; exit 2;; esac
mkdir -p "$out"
cp "$src"/*.csv "$src/datapackage.json" "$out/"
awk -v n="$n" -v out="$out" '
function q(s) { return "\"" s "\"" }
BEGIN {
    split("Αθήνα Πειραιάς Καλλιθέα Περιστέρι Νίκαια Γλυφάδα Χαλάνδρι Μαρούσι", city, " ")
    split("MO,TU,WE,TH,FR|MO,WE,FR|TU,TH|MO,TU,WE,TH,FR,SA|SA,SU", days, "|")
    orgs = out "/organizations.csv"; svc = out "/services.csv"
    loc = out "/locations.csv"; adr = out "/addresses.csv"
    sal = out "/service_at_location.csv"; ph = out "/phones.csv"
    sch = out "/schedules.csv"; tr = out "/translations.csv"
    for (i = 1; i <= n; i++) {
        o = "gen-org-" int((i - 1) / 10)
        if ((i - 1) % 10 == 0) {
            printf "%s,Οργάνωση %d,ORG%d,%s,info%d@example.org,https://example.org/%d,,\n", \
                o, int((i - 1) / 10), int((i - 1) / 10), \
                q("Μη κερδοσκοπική οργάνωση που υποστηρίζει μετανάστες και πρόσφυγες στην Αθήνα."), \
                i, i >> orgs
            printf "organization,%s,name,en,Organisation %d\n", o, int((i - 1) / 10) >> tr
            printf "organization,%s,description,en,%s\n", o, \
                q("A non-profit organisation supporting migrants and refugees in Athens.") >> tr
        }
        s = "gen-svc-" i; l = "gen-loc-" i
        printf "%s,%s,Υπηρεσία %d,,%s,https://example.org/s/%d,svc%d@example.org,active,%s,2024-01-%02d\n", \
            s, o, i, q("Νομική συμβουλευτική, μαθήματα ελληνικών, υποστήριξη στην αναζήτηση εργασίας, " \
            "διερμηνεία σε αραβικά, φαρσί, ουρντού, γαλλικά και αγγλικά. Αριθμός " i "."), \
            i, i, q("Κλείστε ραντεβού τηλεφωνικά."), (i % 28) + 1 >> svc
        printf "service,%s,name,en,Service %d\n", s, i >> tr
        printf "service,%s,description,en,%s\n", s, q("Legal counselling, Greek lessons, job " \
            "search support, interpreting in Arabic, Farsi, Urdu, French and English. Number " i ".") >> tr
        printf "service,%s,application_process,en,Book an appointment by phone.\n", s >> tr
        printf "%s,physical,%s,Γραφείο %d,%.6f,%.6f\n", l, o, i, 37.9 + (i % 1000) / 10000, \
            23.7 + (i % 997) / 10000 >> loc
        printf "gen-adr-%d,%s,Οδός %d %d,%s,,Αττική,1%04d,GR,physical\n", i, l, i % 300, \
            i % 120 + 1, city[i % 8 + 1], i % 10000 >> adr
        printf "gen-sal-%d,%s,%s\n", i, s, l >> sal
        printf "gen-ph-%d,%s,%s,+30 210 %07d,voice,\n", i, o, s, i >> ph
        printf "gen-sch-%d,%s,WEEKLY,%s,09:%02d,1%d:00,,,%s\n", i, s, q(days[i % 5 + 1]), \
            (i % 4) * 15, 4 + i % 5, "Ώρες λειτουργίας " i >> sch
        printf "schedule,gen-sch-%d,description,en,Opening hours %d\n", i, i >> tr
    }
}'
