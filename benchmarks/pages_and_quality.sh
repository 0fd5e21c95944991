#!/bin/bash
# The whole pack's screens and a month with tens of thousands of data-quality notes (issues 12
# and 13): `pop report` and the dashboard's first frame with such a month beside the demo's own,
# and key to frame on the service pages at 200×60 with 24 stored months.
#
#   benchmarks/pages_and_quality.sh       (from the project folder)
#
# Needs: swift, python3 (no packages), tmux. Writes under .build/bench/pages. POP_BENCH_RUNS
# sets the rounds of `pop report` (default 20; medians are quoted).
set -eu
cd "$(dirname "$0")/.."
root=$(pwd)
work="$root/.build/bench/pages"
runs=${POP_BENCH_RUNS:-20}
rm -rf "$work"
mkdir -p "$work"
swift build -c release --product pop >&2
pop="$root/.build/release/pop"

# 24 months: the bundled demo (its 12 months with targets, benchmarks, teams and settings),
# and each of its extracts again as at the same day a year earlier.
clean="$work/clean.sqlite"
POP_DB="$clean" "$pop" report --month 2019-01 > /dev/null 2>&1
for m in "$root"/Fixtures/demo/20*; do
    last=$(python3 -c "import calendar,sys; y,m=map(int,sys.argv[1].split('-')); print(f'{y-1:04d}-{m:02d}-{calendar.monthrange(y-1,m)[1]:02d}')" "$(basename "$m")")
    POP_DB="$clean" "$pop" import "$m" --as-at "$last" > /dev/null
done
# The same, with January 2019 replaced by the demo's January made messy: every row given one
# bad value (benchmarks/messy_extract.py --bad 1.0), the other lists as they were.
python3 "$root/benchmarks/messy_extract.py" "$root/Fixtures/demo/2019-01" "$work/messy-jan" --bad 1.0 > /dev/null
for f in list2.csv audits.csv workforce.csv; do cp "$root/Fixtures/demo/2019-01/$f" "$work/messy-jan/"; done
messy="$work/messy.sqlite"
cp "$clean" "$messy"
POP_DB="$messy" "$pop" import "$work/messy-jan" --as-at 2019-01-31 > "$work/messy-import.txt"
echo "messy January: $(grep -o '[0-9,]* data-quality notes' "$work/messy-import.txt" | head -1)"
for db in "$clean" "$messy"; do
    echo "$(basename "$db"): $(POP_DB="$db" "$pop" months | grep '^20' | cut -d' ' -f1 | sort -u | wc -l) months, $(du -h "$db" | cut -f1)"
done

# pop report: whole process, median of $runs, side by side.
python3 - "$pop" "$clean" "$messy" "$runs" <<'EOF'
import os, statistics, subprocess, sys, time
pop, clean, messy, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
cases = [("text", []), ("json", ["--format", "json"]), ("markdown", ["--format", "markdown"])]
print("\n| `pop report --month 2019-01` | demo January (median, fastest / slowest) | messy January | output bytes, demo / messy |")
print("| --- | --- | --- | --- |")
for name, extra in cases:
    cells, sizes = [], []
    for db in (clean, messy):
        env = dict(os.environ, POP_DB=db)
        times = []
        for _ in range(runs):
            t = time.perf_counter()
            out = subprocess.run([pop, "report", "--month", "2019-01", *extra], env=env, capture_output=True, check=True).stdout
            times.append((time.perf_counter() - t) * 1000)
        cells.append(f"{statistics.median(times):.1f} ms ({min(times):.1f} / {max(times):.1f})")
        sizes.append(f"{len(out):,}")
    print(f"| {name} | {cells[0]} | {cells[1]} | {sizes[0]} / {sizes[1]} |")
EOF

# The dashboard in tmux at 200×60: --frame-stats prints the first frame and key-to-frame times.
. "$root/benchmarks/frames.sh"
echo
# Every service page (Enter from each panel), down its rows and through its tables.
pages=()
for panel in 0 1 2 3 4 5 6 7 8 9 10; do
    downs=()
    for ((i = 0; i < panel; i++)); do downs+=(Down); done
    pages+=(Home "${downs[@]}" Enter Down Down Down '}' '}' Down Down '{' End Home Escape)
done
frames "$clean" "service pages, demo" "${pages[@]}"
frames "$clean" "opening and closing the data-quality list, demo January" d Down Down End Home Escape d Escape
frames "$messy" "opening and closing the data-quality list, messy January" d Down Down End Home Escape d Escape
