#!/usr/bin/env python3
"""Checks that other readers open what pop's XLSXWriter writes: openpyxl (as Excel-like
software sees the file: values, number formats, frozen panes, hidden sheets),
python-calamine (a second, independent reader) and, when `soffice` is installed
(`apt-get install libreoffice-calc-nogui`), LibreOffice itself, through the values it shows.
With LibreOffice it also checks the other way: LibreOffice saves a demo Annex A list (CSV,
British dates) as .xlsx, and pop's reader must give back every cell of the CSV.

    python3 -m pip install openpyxl python-calamine
    python3 benchmarks/workbook_check.py

Builds the release WorkbookBench, has it write `WorkbookBench sample` (every kind of cell),
and exits non-zero, naming the cell, on any difference.
"""
import datetime
import html
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, ".build", "release", "WorkbookBench")

TEXT = "Zoë, \"quoted\"\nChildren’s <Services> & 東京 😀"
# (kind, value openpyxl reads, number format, value calamine reads). openpyxl cannot hold a
# control character, so it keeps Excel's own escape for one (Excel and calamine decode it);
# python-calamine gives an error cell as "".
EXPECTED = [
    ("text", TEXT, "General", TEXT),
    ("control", "bell_x0007_end", "General", "bell\x07end"),
    ("lookalike", "_x0041_", "General", "_x0041_"),
    ("integer", 9212044, "0", 9212044.0),
    ("decimal", -2.25, "0.0", -2.25),
    ("percent", 0.711, "0.0%", 0.711),
    ("small", 0.00001, "General", 0.00001),
    ("date", datetime.datetime(2019, 1, 31), "dd/mm/yyyy", datetime.date(2019, 1, 31)),
    ("true", True, "General", True),
    ("false", False, "General", False),
    ("error", "#N/A", "General", ""),
    ("blank", None, "General", ""),
]


def fail(message):
    print("workbook_check: " + message, file=sys.stderr)
    sys.exit(1)


def main():
    subprocess.run(["swift", "build", "-c", "release", "--product", "WorkbookBench"], cwd=ROOT, check=True,
                   stdout=sys.stderr)
    folder = tempfile.mkdtemp()
    path = os.path.join(folder, "sample.xlsx")
    subprocess.run([BENCH, "sample", path], check=True)
    if os.stat(path).st_mode & 0o777 != 0o600:
        fail(f"the file is {oct(os.stat(path).st_mode & 0o777)}, not 0600")

    import openpyxl
    book = openpyxl.load_workbook(path)
    if book.sheetnames != ["Sample", "Hidden"]:
        fail(f"openpyxl sees sheets {book.sheetnames}")
    if book["Hidden"].sheet_state != "hidden" or book["Sample"].sheet_state != "visible":
        fail("openpyxl sees the wrong sheet states")
    sheet = book["Sample"]
    if sheet.freeze_panes != "A2":
        fail(f"openpyxl sees frozen panes at {sheet.freeze_panes}")
    if abs(sheet.column_dimensions["B"].width - 20) > 1e-9:
        fail(f"openpyxl sees column B {sheet.column_dimensions['B'].width} wide")
    for row, (kind, value, number_format, _) in enumerate(EXPECTED, start=2):
        cell = sheet.cell(row=row, column=2)
        if sheet.cell(row=row, column=1).value != kind:
            fail(f"openpyxl: A{row} is {sheet.cell(row=row, column=1).value!r}, not {kind!r}")
        if cell.value != value or type(cell.value) is not type(value):
            fail(f"openpyxl: B{row} ({kind}) is {cell.value!r}, not {value!r}")
        if cell.number_format != number_format:
            fail(f"openpyxl: B{row} ({kind}) is formatted {cell.number_format!r}, not {number_format!r}")

    from python_calamine import CalamineWorkbook
    calamine = CalamineWorkbook.from_path(path)
    if calamine.sheet_names != ["Sample", "Hidden"]:
        fail(f"calamine sees sheets {calamine.sheet_names}")
    rows = calamine.get_sheet_by_name("Sample").to_python()
    for index, (kind, _, _, value) in enumerate(EXPECTED, start=1):
        got = rows[index][1] if len(rows[index]) > 1 else ""
        if got != value:
            fail(f"calamine: B{index + 1} ({kind}) is {got!r}, not {value!r}")
    readers = f"openpyxl {openpyxl.__version__}, python-calamine"
    other_way = ""
    if shutil.which("soffice"):
        check_libreoffice(path, folder)
        readers += " and LibreOffice"
        other_way = f"; pop read all {check_reader_on_libreoffice(folder)} cells of LibreOffice's .xlsx of a demo list"
    print(f"workbook_check: {readers} read all {len(EXPECTED)} cells back{other_way}")


def check_reader_on_libreoffice(folder):
    import csv
    source = os.path.join(ROOT, "Fixtures", "demo", "2019-01", "list7.csv")
    shutil.copy(source, os.path.join(folder, "list7.csv"))
    subprocess.run(["soffice", "--headless", "--infilter=CSV:44,34,76,1,,2057", "--convert-to", "xlsx", "--outdir", folder,
                    os.path.join(folder, "list7.csv")], check=True, capture_output=True, timeout=180)
    dump = subprocess.run([BENCH, "dump", os.path.join(folder, "list7.xlsx")], check=True, capture_output=True,
                          text=True).stdout
    read = {}
    for line in dump.splitlines():
        fields = line.split("\t")
        if len(fields) == 5:
            read[(int(fields[1]), fields[2])] = (fields[3], fields[4])
    with open(source, newline="", encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    compared = 0
    for number, row in enumerate(rows, start=1):
        for index, want in enumerate(row):
            letter = chr(ord("A") + index)
            kind, text = read.get((number, letter), ("blank", ""))
            if kind == "number" and re.fullmatch(r"\d{1,2}/\d{1,2}/\d{4}", want):
                day = datetime.date(1899, 12, 30) + datetime.timedelta(days=int(float(text)))
                text = day.strftime("%d/%m/%Y")
            elif kind == "number":
                text = f"{float(text):g}"
                want = f"{float(want):g}"
            if text != want:
                fail(f"pop reads LibreOffice's list7.xlsx {letter}{number} as {kind} {text!r}, the CSV says {want!r}")
            compared += 1
    return compared


# What LibreOffice shows in each value cell, number formats applied (booleans show as 1 and 0
# in its HTML export).
SHOWN = [TEXT.replace("\n", ""), "bell\x07end", "_x0041_", "9212044", "-2.3", "71.1%", "0.00001", "31/01/2019",
         "1", "0", "#N/A", ""]


def check_libreoffice(path, folder):
    subprocess.run(["soffice", "--headless", "--convert-to", "html", "--outdir", folder, path], check=True,
                   capture_output=True, timeout=180)
    with open(os.path.join(folder, "sample.html"), encoding="utf-8") as f:
        page = f.read()
    cells = [html.unescape(re.sub(r"<[^>]+>", "", c)).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", page, re.S)]
    shown = cells[3:3 + 2 * len(SHOWN):2]
    for (kind, *_), want, got in zip(EXPECTED, SHOWN, shown):
        if got != want:
            fail(f"LibreOffice shows {kind} as {got!r}, not {want!r}")


if __name__ == "__main__":
    main()
