#!/bin/sh
# pop end to end beside polars, DuckDB, python-calamine and pandas on the same files, in one
# run (issue 12): messy 1M, clean 1M, the clean 1M as a workbook and, unless POP_BENCH_10M=0,
# clean 10M. Prints the Markdown tables docs/performance.md quotes.
#
#   benchmarks/compare_readers.sh            (from the project folder; ../shared must be beside it)
#
# Needs: swift, python3 with venv and network access to PyPI (pandas, polars, duckdb and
# python-calamine are installed into .build/bench-venv). Writes under .build/bench: the
# extracts (about 1.4 GB with the 10M one) and each tool's output. POP_BENCH_RUNS sets the rounds
# (default 3; medians are quoted).
set -eu
cd "$(dirname "$0")/.."
root=$(pwd)
work="$root/.build/bench"
runs=${POP_BENCH_RUNS:-3}
mkdir -p "$work"

swift build -c release --product pop >&2
pop="$root/.build/release/pop"

if [ ! -x "$root/.build/bench-venv/bin/python" ]; then
    python3 -m venv "$root/.build/bench-venv" >&2
fi
"$root/.build/bench-venv/bin/pip" install --quiet pandas polars duckdb python-calamine >&2
py="$root/.build/bench-venv/bin/python"

if [ ! -f "$work/scale-21/yot.csv" ]; then
    "$pop" demo scale --out "$work/scale-21" --councils 21 --months 22 >&2
fi
if [ ! -f "$work/messy-21/yot.csv" ]; then
    python3 "$root/benchmarks/messy_extract.py" "$work/scale-21" "$work/messy-21"
fi
if [ ! -f "$work/scale-21.xlsx" ]; then
    "$pop" workbook "$work/scale-21" --out "$work/scale-21.xlsx" >&2
fi
ten=""
if [ "${POP_BENCH_10M:-1}" != 0 ]; then
    if [ ! -f "$work/scale-210/yot.csv" ]; then
        "$pop" demo scale --out "$work/scale-210" --councils 210 --months 22 >&2
    fi
    ten="--ten-million"
fi
"$py" "$root/benchmarks/compare_readers.py" "$pop" "$work" --runs "$runs" $ten --shared "$root/../shared"
