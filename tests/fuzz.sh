#!/bin/sh
# fuzz.sh - the libFuzzer targets for a short, bounded run (10 s each) in make test;
# `make fuzz FUZZ_SECONDS=N` runs them longer.
exec "$(dirname "$0")/../tools/fuzz.sh" 10
