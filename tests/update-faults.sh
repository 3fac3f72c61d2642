#!/bin/sh
# update-faults.sh [KIOSK] - storage faults at every step of an update and of a rollback,
# the way SQLite is tested: tests/faultio.c (LD_PRELOAD) counts every write-side call
# the kiosk makes in its data folder (creating, writing, syncing, truncating, closing,
# renaming, linking, removing files and folders, SQLite's own included), and for each
# N makes the N-th one fail, first with EIO, then with ENOSPC. After each faulted run:
#   - the live database and the previous one pass PRAGMA integrity_check;
#   - the live content is exactly the old version or exactly the new one, and the
#     kiosk's message says which ("The update is done" / "The content is unchanged"),
#     and its exit status agrees;
#   - a refusal names the storage ("The internal storage ..."), not the data;
#   - content.db.prev holds the version before the live one (the rollback point);
#   - the next start keeps that live content, and a clean update then applies.
# KIOSK is build/kiosk by default; build-san/kiosk works too (ASan is told that the
# library comes first), with FAULTIO_CLEAN_KIOSK=build/kiosk for the clean updates.
# FAULTIO_STRIDE=K tries every K-th call only (default 1: all); EIO and ENOSPC run
# side by side.
set -u
kiosk=${1:-build/kiosk}
shim=${FAULTIO_SO:-build/tests/faultio.so}
clean=${FAULTIO_CLEAN_KIOSK:-$kiosk}   # the kiosk for the clean update after each fault
stride=${FAULTIO_STRIDE:-1}
here=$(pwd)
[ -f "$shim" ] || make -s "$shim" >/dev/null || { echo "update-faults.sh: no $shim"; exit 1; }
case $shim in /*) ;; *) shim="$here/$shim" ;; esac
# a RAM folder when there is one: hundreds of runs, each with its fsyncs
tmp=$(mktemp -d -p /dev/shm 2>/dev/null || mktemp -d); trap 'rm -rf "$tmp"' EXIT
export ASAN_OPTIONS="${ASAN_OPTIONS:-}${ASAN_OPTIONS:+:}verify_asan_link_order=0:detect_leaks=0"

# ---- packages: v1 (installed first), v2 (live before each fault), v3 (the faulted
# update), v4 (the clean update after it); each with its own phone number ----
minisign -G -W -p "$tmp/keys.pub" -s "$tmp/sec" >/dev/null || exit 1
mkdir -p "$tmp/keys" && mv "$tmp/keys.pub" "$tmp/keys/staff.pub"
pkg() { # DIR VERSION PHONE
    mkdir -p "$1" && cp -R data/. "$1/"
    sed -i "s/\"version\": \"[^\"]*\"/\"version\": \"$2\"/" "$1/datapackage.json"
    sed -i "s/+30 210 3638625/$3/" "$1/phones.csv"
}
pkg "$tmp/v1" 2026.1.1 "+30 210 3638625"
for v in 2 3 4; do
    pkg "$tmp/stick$v/KIOSK" "2026.$v.1" "+30 210 520202$v"
    tools/sign-update "$tmp/stick$v" "$tmp/sec" >/dev/null || exit 1
done
# the content of a database without its package record (which holds the import time)
# as a hash, after its integrity check: "ok HASH" in one sqlite3 run, or "none"
query=
look() { # DB
    [ -f "$1" ] || { echo none; return; }
    sqlite3 -readonly "$1" "PRAGMA integrity_check; SELECT hex(sha3_query('$query'));" 2>&1 |
        tr '\n' ' '
}
for v in 1 2 3 4; do
    src="$tmp/stick$v/KIOSK"; [ $v = 1 ] && src="$tmp/v1"
    "$kiosk" import "$src" --db "$tmp/ref$v.db" >/dev/null 2>&1 || { echo "cannot import v$v"; exit 1; }
    [ -n "$query" ] || query=$(sqlite3 -readonly "$tmp/ref1.db" "SELECT group_concat('SELECT * FROM '
        || name, '; ') FROM sqlite_master WHERE type = 'table' AND name != 'package'")
    eval "ref$v=\$(look \"\$tmp/ref$v.db\")"
done
# which version a database holds: v1..v4, "none", or what SQLite says of it
which_version() {
    c=$(look "$1")
    for v in 1 2 3 4; do
        eval "r=\$ref$v"
        [ "$c" = "$r" ] && { echo "v$v"; return; }
    done
    echo "$c"
}

# ---- the state before each fault: v2 live, v1 kept for rollback ----
gold="$tmp/gold"
"$kiosk" update "$tmp/stick2" --data-dir "$gold" --trusted-keys "$tmp/keys" \
    --default-data "$tmp/v1" >/dev/null 2>&1
[ "$(which_version "$gold/content.db")" = v2 ] && [ "$(which_version "$gold/content.db.prev")" = v1 ] ||
    { echo "update-faults.sh: the starting state is not v2 live, v1 before"; exit 1; }
rm -f "$gold/last-report.txt" "$tmp"/stick*/KIOSK/REPORT.txt

# runs the kiosk with the N-th counted call failing (0: none); output in $w/out
faulted() { # N ERRNO ARGS...
    n=$1 e=$2; shift 2
    FAULTIO_DIR="$w/st" FAULTIO_FAIL=$n FAULTIO_ERRNO=$e FAULTIO_LOG="$w/log" \
        LD_PRELOAD="$shim${LD_PRELOAD:+ $LD_PRELOAD}" "$kiosk" "$@" >"$w/out" 2>&1
}
run_mode() { # MODE N ERRNO: the update of v2 to v3, or the rollback of v2 to v1
    rm -rf "$w/st" && cp -a "$gold" "$w/st"
    if [ "$1" = update ]; then
        faulted "$2" "$3" update "$tmp/stick3" --data-dir "$w/st" --trusted-keys "$tmp/keys"
    else
        faulted "$2" "$3" rollback --data-dir "$w/st"
    fi
}

# one faulted run and the checks after it
check_one() { # MODE N ERRNO
    mode=$1 n=$2 e=$3
    run_mode "$mode" "$n" "$e"
    rc=$?
    echo >>"$w/points"
    new=v3
    [ "$mode" = update ] || new=v1
    where="$mode, call $n ($(sed -n 2p "$w/log" | cut -d' ' -f3-))"
    case $rc in 0|1) ;; *) no "$where: exit status $rc: $(cat "$w/out")"; return ;; esac
    live=$(which_version "$w/st/content.db") prev=$(which_version "$w/st/content.db.prev")
    msg=$(cat "$w/out")
    if [ $rc -eq 0 ]; then
        [ "$live" = $new ] || no "$where: reported done, but $live is live: $msg"
        want_prev=v2
    else
        [ "$live" = v2 ] || no "$where: reported a failure, but $live is live: $msg"
        want_prev=v1
        if [ "$mode" = update ]; then
            case $msg in *"The content is unchanged"*) ;; *) no "$where: no \"unchanged\": $msg" ;; esac
            case $msg in *"internal storage"*) ;; *) no "$where: the storage fault is not named: $msg" ;; esac
        fi
    fi
    [ "$prev" = "$want_prev" ] || no "$where: content.db.prev is $prev, not $want_prev ($live live): $msg"
    # the next start, then a clean update
    "$clean" update "$tmp/stick4" --data-dir "$w/st" --trusted-keys "$tmp/keys" \
        --default-data "$tmp/v1" >"$w/out2" 2>&1 ||
        { no "$where: the clean update after it failed: $(cat "$w/out2")"; return; }
    grep -q "previous content is used\|built-in content is used" "$w/out2" &&
        no "$where: the next start did not keep the live content: $(cat "$w/out2")"
    after=$(which_version "$w/st/content.db") before=$(which_version "$w/st/content.db.prev")
    [ "$after" = v4 ] && [ "$before" = "$live" ] ||
        no "$where: the clean update left $after live and $before before it (want v4, $live)"
}

# the calls of each mode, counted in a run without faults
w="$tmp/count" && mkdir -p "$w"
for mode in update rollback; do
    run_mode $mode 0 EIO || { echo "update-faults.sh: $mode without faults failed: $(cat "$w/out")"; exit 1; }
    c=$(sed -n 's/^calls //p' "$w/log")
    [ "${c:-0}" -ge 1 ] || { echo "update-faults.sh: $mode: ${c:-0} calls counted: no $shim?"; exit 1; }
    eval "count_$mode=$c"
done
# every call of both, once with EIO and once with ENOSPC, the two side by side
for e in EIO ENOSPC; do
    (
        w="$tmp/$e" && mkdir -p "$w" && : >"$w/points" && : >"$w/problems"
        no() { echo "update-faults.sh: $*, $e" | tee -a "$w/problems"; }
        for mode in update rollback; do
            eval "count=\$count_$mode"
            n=1
            while [ $n -le "$count" ]; do
                check_one $mode $n $e
                n=$((n + stride))
            done
        done
    ) &
done
wait
points=$(cat "$tmp"/E*/points | wc -l) problems=$(cat "$tmp"/E*/problems | wc -l)
echo "update-faults.sh: $points faulted runs (update: $count_update calls, rollback:" \
     "$count_rollback calls, each with EIO and ENOSPC), $problems problems"
[ "$problems" -eq 0 ] && [ "$points" -gt 0 ]
