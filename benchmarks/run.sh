#!/bin/sh
# pop's scale benchmark: 100k, 1M and 10M rows, pop beside the pandas reference, and the
# dashboard's frame times. Prints the Markdown table docs/performance.md quotes.
#
#   benchmarks/run.sh            (from the project folder; ../shared must be beside it)
#
# Needs: swift, python3 with venv and network access to PyPI (pandas is installed into
# .build/bench-venv), tmux for the dashboard figures. Writes its extracts under .build/bench
# (about 1.2 GB); set POP_BENCH_SIZES="2 21" to skip the 10M-row extract.
set -eu
cd "$(dirname "$0")/.."
root=$(pwd)
work="$root/.build/bench"
shared="$root/../shared"
sizes=${POP_BENCH_SIZES:-"2 21 210"}   # councils: about 95k, 1.0M and 10.0M rows
months=22
runs=${POP_BENCH_RUNS:-3}
mkdir -p "$work"

swift build -c release --product pop >&2
pop="$root/.build/release/pop"

if [ ! -x "$root/.build/bench-venv/bin/python" ]; then
    python3 -m venv "$root/.build/bench-venv" >&2
    "$root/.build/bench-venv/bin/pip" install --quiet pandas >&2
fi
py="$root/.build/bench-venv/bin/python"

echo "| rows | MB | pop median | pop rows/s | pop MB/s | pop peak memory | pandas | pandas peak memory | pop faster by | figures agree |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"
for councils in $sizes; do
    extract="$work/scale-$councils"
    if [ ! -f "$extract/yot.csv" ]; then
        "$pop" demo scale --out "$extract" --councils "$councils" --months "$months" >&2
    fi
    population=$((councils * 96920))
    population1017=$((councils * 38000))
    "$pop" bench --extract "$extract" --as-at 2019-01-31 --population "$population" \
        --population-10-17 "$population1017" --runs "$runs" --json > "$work/pop-$councils.json"
    "$pop" metrics --extract "$extract" --as-at 2019-01-31 --population "$population" \
        --population-10-17 "$population1017" --format json > "$work/pop-figures-$councils.json"
    "$py" "$root/benchmarks/pandas_reference.py" "$extract" --as-at 2019-01-31 --population "$population" \
        --population-10-17 "$population1017" --bank-holidays "$shared/reference-data/bank-holidays.json" \
        > "$work/pandas-$councils.json"
    "$py" "$root/benchmarks/compare.py" "$work/pop-$councils.json" "$work/pop-figures-$councils.json" "$work/pandas-$councils.json"
done

# The dashboard at 200×60 with 24 stored months: start-up to first frame and key to frame.
if command -v tmux > /dev/null; then
    db="$work/dashboard.sqlite"
    rm -f "$db"
    for m in "$root"/Fixtures/demo/20*; do
        month=$(basename "$m")
        last=$(python3 -c "import calendar,sys; y,m=map(int,sys.argv[1].split('-')); print(f'{y:04d}-{m:02d}-{calendar.monthrange(y,m)[1]:02d}')" "$month")
        earlier=$(python3 -c "import sys; y,m,d=sys.argv[1].split('-'); print(f'{int(y)-1}-{m}-{d}')" "$last")
        POP_DB="$db" "$pop" import "$m" --as-at "$last" --population 96920 > /dev/null
        POP_DB="$db" "$pop" import "$m" --as-at "$earlier" --population 96920 > /dev/null
    done
    POP_DB="$db" "$pop" targets import "$root/Fixtures/demo/targets.csv" > /dev/null
    . "$root/benchmarks/frames.sh"
    echo
    frames "$db" "Dashboard, 200×60, 24 stored months" Right Right Down Down Enter Down Down Down Escape t Down Enter Escape Escape \
        p Right Right Right Right Escape ']' '[' Left Left Up
fi
