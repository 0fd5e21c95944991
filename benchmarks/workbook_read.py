#!/usr/bin/env python3
"""Raw read throughput of pop's workbook reader, beside python-calamine when it is installed.

    python3 benchmarks/workbook_read.py [ROWS ...]      (default: 100000 1000000)

Builds the release WorkbookBench, writes an Annex A-like sheet of ROWS rows x 10 columns with
pop's own XLSXWriter (under .build/bench, once per size), then reads it: pop 5 times in one
process (every cell's bytes touched), with the second inflating thread and without it, python-calamine 3 times (to_python() on the
sheet). Prints a Markdown table: wall seconds (median and fastest), CPU seconds (all threads), MB/s of
sheet XML (uncompressed) and rows/s. Other work on the machine slows the wall times: the load
average is printed first.
Timing lives here, not in the tests: no test asserts a time.
"""
import os
import statistics
import subprocess
import sys
import time
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, ".build", "bench")
BENCH = os.path.join(ROOT, ".build", "release", "WorkbookBench")


def sheet_xml_bytes(path):
    with zipfile.ZipFile(path) as z:
        return sum(i.file_size for i in z.infolist() if i.filename.startswith("xl/worksheets/"))


def pop_times(path, runs=5, serial=False):
    command = [BENCH, "read", path, str(runs)] + (["serial"] if serial else [])
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    lines = [line.split() for line in out.strip().splitlines()]
    return [float(l[0]) for l in lines], [float(l[1]) for l in lines], int(lines[0][2])


def calamine_times(path, runs=3):
    try:
        from python_calamine import CalamineWorkbook
    except ImportError:
        return None
    times, cpu = [], []
    for _ in range(runs):
        start, cpu_start = time.perf_counter(), time.process_time()
        rows = CalamineWorkbook.from_path(path).get_sheet_by_index(0).to_python()
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - cpu_start)
    return times, cpu, len(rows)


def main():
    sizes = [int(a) for a in sys.argv[1:]] or [100_000, 1_000_000]
    subprocess.run(["swift", "build", "-c", "release", "--product", "WorkbookBench"], cwd=ROOT, check=True,
                   stdout=sys.stderr)
    os.makedirs(WORK, exist_ok=True)
    print(f"load average before: {os.getloadavg()[0]:.2f} (the machine has {os.cpu_count()} cores)")
    print("| rows | sheet XML MB | reader | median s | fastest s | CPU s (median) | MB/s (median) | rows/s (median) |")
    print("| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |")
    for rows in sizes:
        path = os.path.join(WORK, f"workbook-{rows}.xlsx")
        if not os.path.exists(path):
            subprocess.run([BENCH, "write", path, str(rows)], check=True)
        mb = sheet_xml_bytes(path) / 1e6
        results = [("pop", *pop_times(path)), ("pop, one thread", *pop_times(path, serial=True))]
        calamine = calamine_times(path)
        if calamine:
            results.append(("python-calamine", *calamine))
        for name, times, cpu, count in results:
            median = statistics.median(times)
            print(f"| {rows:,} | {mb:,.0f} | {name} | {median:.3f} | {min(times):.3f} | {statistics.median(cpu):.3f} "
                  f"| {mb / median:,.0f} | {count / median / 1e6:.2f} M |")


if __name__ == "__main__":
    main()
