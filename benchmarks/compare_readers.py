#!/usr/bin/env python3
"""pop end to end beside other readers of the same files, in one run (issue 12's table).

    python3 benchmarks/compare_readers.py POP WORK [--runs 3] [--ten-million]

Run through benchmarks/compare_readers.sh, which builds pop and makes the extracts under WORK:
scale-21 (clean, about 1M rows), messy-21 (the same made messy by messy_extract.py),
scale-21.xlsx (the clean extract as one workbook, `pop workbook`) and, with --ten-million,
scale-210 (clean, about 10M rows).

What is timed, each in a process of its own, in rounds (one of each per round, so that other
work on the machine falls on all of them alike), median of --runs:

- pop: `pop metrics --extract X --as-at 2019-01-31 … --format json` writing its JSON to a file:
  the whole process, from its start to its exit (wall clock), read + compute + JSON out;
- polars: every list file read into a DataFrame of strings (`infer_schema=False`,
  `encoding="utf8-lossy"`, `truncate_ragged_lines=True`), timed inside Python after the import;
- DuckDB: `SELECT count(*) FROM read_csv(file, all_varchar=true, …)` for every list file, timed
  inside Python after the import. DuckDB cannot decode Windows-1252 (its `latin-1` refuses bytes
  0x80–0x9F such as `’`, and its `encodings` extension is downloaded at run time), so it runs
  with `strict_mode=false, ignore_errors=true`: it counts what it can and skips malformed rows
  (the short rows): its count is printed beside pop's;
- python-calamine: every sheet of the workbook into Python lists (`to_python()`), timed inside
  Python after the import;
- pandas: the pandas reference (benchmarks/pandas_reference.py, every indicator computed) on the
  messy extract, its own time after the imports; once (it is the slow reference).

Both polars and DuckDB use every core; so does pop (a list per core). Peak memory is each
process's maximum resident set (from wait4). Prints Markdown tables.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
AS_AT = "2019-01-31"

POLARS = r"""
import os, sys, time, json
import polars as pl
folder = sys.argv[1]
files = sorted(f for f in os.listdir(folder) if f.endswith(".csv"))
t = time.perf_counter()
rows = 0
for f in files:
    rows += pl.read_csv(os.path.join(folder, f), infer_schema=False, encoding="utf8-lossy", truncate_ragged_lines=True).height
print(json.dumps({"seconds": time.perf_counter() - t, "rows": rows}))
"""

DUCKDB = r"""
import os, sys, time, json
import duckdb
folder = sys.argv[1]
files = sorted(f for f in os.listdir(folder) if f.endswith(".csv"))
con = duckdb.connect()
con.execute("SET enable_progress_bar = false")
options = "all_varchar=true, header=true, delim=',', quote='\"', escape='\"', strict_mode=false, ignore_errors=true"
t = time.perf_counter()
rows = 0
for f in files:
    path = os.path.join(folder, f).replace("'", "''")
    rows += con.execute(f"SELECT count(*) FROM read_csv('{path}', {options})").fetchone()[0]
print(json.dumps({"seconds": time.perf_counter() - t, "rows": rows}))
"""

CALAMINE = r"""
import sys, time, json
from python_calamine import CalamineWorkbook
t = time.perf_counter()
book = CalamineWorkbook.from_path(sys.argv[1])
rows = 0
for name in book.sheet_names:
    rows += len(book.get_sheet_by_name(name).to_python()) - 1
print(json.dumps({"seconds": time.perf_counter() - t, "rows": rows}))
"""


def run(command, out=None):
    """(wall seconds, peak resident bytes, stdout) of one process; stdout to the file `out` if given."""
    with tempfile.TemporaryFile() as err, (open(out, "wb") if out else tempfile.TemporaryFile()) as sink:
        start = time.perf_counter()
        p = subprocess.Popen(command, stdout=sink, stderr=err)
        _, status, usage = os.wait4(p.pid, 0)
        wall = time.perf_counter() - start
        p.returncode = os.waitstatus_to_exitcode(status)
        if p.returncode != 0:
            err.seek(0)
            sys.exit(f"failed ({p.returncode}): {' '.join(command)}\n{err.read().decode(errors='replace')}")
        stdout = b""
        if not out:
            sink.seek(0)
            stdout = sink.read()
    return wall, usage.ru_maxrss * 1024, stdout


class Case:
    def __init__(self, name, path, councils):
        self.name, self.path, self.councils = name, path, councils
        self.times = {}      # tool → [seconds]
        self.memory = {}     # tool → [bytes]
        self.rows = {}       # tool → rows it counted

    def add(self, tool, seconds, memory, rows=None):
        self.times.setdefault(tool, []).append(seconds)
        self.memory.setdefault(tool, []).append(memory)
        if rows is not None:
            self.rows[tool] = rows

    def median(self, tool):
        return statistics.median(self.times[tool]) if tool in self.times else None


def pop_metrics(pop, case, work):
    population = case.councils * 96920
    command = [pop, "metrics", "--extract", case.path, "--as-at", AS_AT, "--population", str(population),
               "--population-10-17", str(case.councils * 38000), "--format", "json"]
    wall, memory, _ = run(command, out=os.path.join(work, f"figures-{case.name}.json"))
    case.add("pop", wall, memory)


def python_tool(py, tool, script, case, target):
    wall, memory, out = run([py, "-c", script, target])
    result = json.loads(out.strip().splitlines()[-1])
    case.add(tool, result["seconds"], memory, result["rows"])


def size_mb(path):
    if os.path.isfile(path):
        return os.path.getsize(path) / 1e6
    return sum(os.path.getsize(os.path.join(path, f)) for f in os.listdir(path) if f.endswith(".csv")) / 1e6


def main():
    a = argparse.ArgumentParser()
    a.add_argument("pop")
    a.add_argument("work")
    a.add_argument("--runs", type=int, default=3)
    a.add_argument("--ten-million", action="store_true")
    a.add_argument("--shared", default=os.path.join(HERE, "..", "..", "shared"))
    args = a.parse_args()
    py = sys.executable
    work = args.work
    messy = Case("messy-21", os.path.join(work, "messy-21"), 21)
    clean = Case("scale-21", os.path.join(work, "scale-21"), 21)
    book = Case("scale-21.xlsx", os.path.join(work, "scale-21.xlsx"), 21)
    big = Case("scale-210", os.path.join(work, "scale-210"), 210) if args.ten_million else None
    csv_cases = [c for c in (messy, clean, big) if c]
    rows = json.loads(subprocess.run([args.pop, "bench", "--extract", clean.path, "--as-at", AS_AT, "--runs", "1", "--json", "--stage", "csv"],
                                     check=True, capture_output=True).stdout)["rows"]
    counted = {clean.name: rows, book.name: rows, messy.name: rows}
    if big:
        counted[big.name] = json.loads(subprocess.run([args.pop, "bench", "--extract", big.path, "--as-at", AS_AT, "--runs", "1", "--json", "--stage", "csv"],
                                                      check=True, capture_output=True).stdout)["rows"]
    load_before = os.getloadavg()
    started = time.time()
    for r in range(args.runs):
        print(f"round {r + 1} of {args.runs}", file=sys.stderr)
        for case in csv_cases:
            pop_metrics(args.pop, case, work)
            python_tool(py, "polars", POLARS, case, case.path)
            python_tool(py, "duckdb", DUCKDB, case, case.path)
        pop_metrics(args.pop, book, work)
        python_tool(py, "calamine", CALAMINE, book, book.path)
    print("pandas reference on the messy extract", file=sys.stderr)
    bank_holidays = os.path.join(args.shared, "reference-data", "bank-holidays.json")
    _, memory, out = run([py, os.path.join(HERE, "pandas_reference.py"), messy.path, "--as-at", AS_AT, "--population", str(21 * 96920),
                          "--population-10-17", str(21 * 38000), "--bank-holidays", bank_holidays])
    pandas = json.loads(out)
    messy.add("pandas", pandas["seconds"], memory)
    with open(os.path.join(work, "pandas-messy-21.json"), "wb") as f:
        f.write(out)
    minutes = (time.time() - started) / 60
    load_after = os.getloadavg()

    print(f"{args.runs} rounds in {minutes:.1f} min; load average (1 min) {load_before[0]:.2f} before, {load_after[0]:.2f} after, "
          f"on {os.cpu_count()} cores\n")
    print("| extract | rows | MB | pop metrics, end to end | pop rows/s | pop peak | polars, strings | DuckDB, count(*) | "
          "pop faster than polars by | pop faster than DuckDB by |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    names = {"messy-21": "messy 1M", "scale-21": "clean 1M", "scale-210": "clean 10M"}
    for case in csv_cases:
        pop, polars, duck = case.median("pop"), case.median("polars"), case.median("duckdb")
        n = counted[case.name]
        print(f"| {names[case.name]} | {n:,} | {size_mb(case.path):,.0f} | {pop:.2f} s | {n / pop / 1e6:.2f} M | {max(case.memory['pop']) / 2**20:.0f} MiB "
              f"| {polars:.2f} s | {duck:.2f} s ({case.rows['duckdb']:,} rows) | {polars / pop:.2f}× | {duck / pop:.2f}× |")
    print()
    print(f"Messy against clean, per row: pop {messy.median('pop') / clean.median('pop'):.2f}×, polars "
          f"{messy.median('polars') / clean.median('polars'):.2f}×, DuckDB {messy.median('duckdb') / clean.median('duckdb'):.2f}×.")
    pandas_s = messy.median("pandas")
    print(f"pandas reference on the messy extract (every indicator): {pandas_s:.2f} s, peak {max(messy.memory['pandas']) / 2**20:.0f} MiB: "
          f"pop faster by {pandas_s / messy.median('pop'):.1f}×.\n")
    wb, csv, cal = book.median("pop"), clean.median("pop"), book.median("calamine")
    print("| workbook (clean 1M as .xlsx) | MB | pop metrics, end to end | pop peak | same data as CSV | workbook / CSV | "
          "python-calamine, sheets to lists | pop faster than calamine by |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    print(f"| {counted[book.name]:,} rows | {size_mb(book.path):,.0f} | {wb:.2f} s | {max(book.memory['pop']) / 2**20:.0f} MiB | {csv:.2f} s "
          f"| {wb / csv:.2f}× | {cal:.2f} s ({book.rows['calamine']:,} rows) | {cal / wb:.1f}× |")
    print()
    for case in csv_cases + [book]:
        print(f"{case.name}: " + ", ".join(f"{tool} {' / '.join(f'{t:.2f}' for t in times)}" for tool, times in case.times.items()))


if __name__ == "__main__":
    main()
