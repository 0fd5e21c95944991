#!/usr/bin/env python3
"""A messy extract from a clean one: the same lists as a council's real export tends to send them.

    python3 benchmarks/messy_extract.py CLEAN_FOLDER OUT_FOLDER [--seed 12] [--quoted 0.6] [--bad 0.0492]

CLEAN_FOLDER is a `pop demo scale` extract (21 councils: about 1M rows). The output is
deterministic for a seed (Python's own `random.Random`, seeded per file), and differs from the
clean extract in the ways the data contract allows:

- quoted fields on about 60% of lines (`--quoted`: the share of lines the script quotes; lines
  whose values hold a comma are quoted anyway): dates, codes, IDs and names in double quotes,
  some holding `""`;
- Windows-1252 files: list3.csv, list6.csv and list9.csv are written in cp1252 (as Excel saves
  "CSV"), the others in UTF-8 (list1.csv with a byte-order mark); every team is a
  `Children’s` team and some workers are `Zoë` or `Chloë`, so the encodings matter;
- bad values in the columns pop reads (`--bad`: the share of rows given one): impossible dates
  (`31/02/2019`, `2019-13-01`), words in date columns (`soon`), unknown codes (`x3`), Excel's
  `#N/A` (dates, codes, teams), counts that are not numbers; and a few short rows, blank child IDs
  and quoted cells holding a line break, so that pop's data-quality list has tens of thousands
  of entries (47,630-odd at 1M rows with the defaults);
- CRLF line ends throughout.

Prints what it wrote: rows, the share of lines with a quoted field, each file's encoding.
Plain Python (no packages), about 15 s for 1M rows.
"""
import argparse
import csv
import os
import random
import sys

CP1252_FILES = {"list3.csv", "list6.csv", "list9.csv"}
BOM_FILES = {"list1.csv"}
FILES = ["list1.csv", "list3.csv", "list4.csv", "list5.csv", "list6.csv", "list7.csv", "list8.csv", "list9.csv", "yot.csv"]

DATE_BAD = ["31/02/2019", "2019-13-01", "soon", "#N/A", "00/00/0000", "32/01/2018", "15/13/2018"]
CODE_BAD = ["x3", "#N/A", "Not known (see notes)", "??", "Z9 - Other"]
COUNT_BAD = ["x3", "two", "#N/A", "1.5"]
TEAM_BAD = ["#N/A"]

# The columns pop reads, by what kind of value they hold (data contract, section 1).
READ = {
    "list1.csv": {"date": ["Date of Contact", "Date of Contact Decision"], "code": ["Contact Source"]},
    "list3.csv": {"date": ["Date of referral"], "code": ["Referral NFA?"], "team": ["Allocated Team"]},
    "list4.csv": {"date": ["Continuous Assessment Start Date", "Continuous Assessment Date of Authorisation"],
                  "code": ["Child Seen During Continuous Assessment"], "team": ["Allocated Team"]},
    "list5.csv": {"date": ["Strategy discussion initiating Section 47 Enquiry Start Date", "Date of Initial Child Protection Conference"],
                  "team": ["Allocated Team"]},
    "list6.csv": {"date": ["CIN Start Date", "Date Child Was Last Seen", "CIN Closure Date"], "code": ["Case Status"],
                  "team": ["Allocated Team"]},
    "list7.csv": {"date": ["Date of Birth", "Child Protection Plan Start Date", "Date of the Last Statutory Visit",
                           "Date of latest review conference", "Child Protection Plan End Date"],
                  "code": ["Latest Category of Abuse", "Was the Child Seen Alone?"], "count": ["Number of Previous Child Protection Plans"]},
    "list8.csv": {"date": ["Date of Birth", "Date Started to be Looked After", "Date of Latest Statutory Review", "Date of Last Social Work Visit",
                           "Date of Last Health Assessment", "Date of Last Dental Check", "Date Ceased to be Looked After",
                           "Start Date of Most Recent Placement"],
                  "code": ["Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)", "Placement Location"],
                  "count": ["Number of Placements in the Last 12 months"]},
    "list9.csv": {"date": ["Date of Birth", "Latest Pathway Plan Review Date", "Latest Date of Contact"],
                  "code": ["Suitability of Accommodation", "Activity Status"]},
    "yot.csv": {"date": ["Order Start Date", "Order End Date", "First Time Entrant Date"], "code": ["Scaled Approach Intensity"]},
}

WORKERS = {"Jade": "Zoë", "Chloe": "Chloë", "Samuel": "Sámuel", "Rachel": "Rachël"}


def team(value):
    # "C001 Duty & Assessment Team 3" → "C001 Children’s Duty & Assessment Team 3"
    if " " in value.strip() and value.strip()[:1] == "C":
        code, rest = value.split(" ", 1)
        return f"{code} Children’s {rest}" if rest.strip() else value
    return value


def worker(value):
    first, _, rest = value.partition(" ")
    return f"{WORKERS[first]} {rest}" if first in WORKERS and rest else value


def field(value, quote):
    if quote or any(c in value for c in ',"\r\n'):
        return '"' + value.replace('"', '""') + '"'
    return value


def write(clean, out, name, seed, quoted_share, bad_share, stats):
    rng = random.Random(f"{seed}-{name}")
    encoding = "cp1252" if name in CP1252_FILES else "utf-8"
    with open(os.path.join(clean, name), newline="", encoding="utf-8") as f:
        rows = csv.reader(f)
        header = next(rows)
        index = {h: i for i, h in enumerate(header)}
        read = [(kind, index[c]) for kind, cols in READ[name].items() for c in cols if c in index]
        team_i, worker_i = index.get("Allocated Team"), index.get("Allocated Worker")
        lines, quoted = 0, 0
        target = os.path.join(out, name)
        with open(target, "w", newline="", encoding=encoding) as o:
            if name in BOM_FILES:
                o.write("\ufeff")
            o.write(",".join(field(h, False) for h in header) + "\r\n")
            for row in rows:
                if team_i is not None:
                    row[team_i] = team(row[team_i])
                if worker_i is not None:
                    row[worker_i] = worker(row[worker_i])
                u = rng.random()
                if u < bad_share and read:
                    kind, i = rng.choice(read)
                    row[i] = rng.choice({"date": DATE_BAD, "code": CODE_BAD, "count": COUNT_BAD, "team": TEAM_BAD}[kind])
                elif u < bad_share * 1.004:
                    row[0] = ""                                   # a blank child ID
                elif u < bad_share * 1.008:
                    row = row[:-1]                                # a short row
                elif u < bad_share * 1.0085 and worker_i is not None:
                    row[worker_i] = row[worker_i] + "\n(cover)"   # a line break in a quoted cell
                quote_line = rng.random() < quoted_share
                cells = []
                for v in row:
                    cells.append(field(v, quote_line and v != "" and rng.random() < 0.6))
                if quote_line and worker_i is not None and worker_i < len(row) and rng.random() < 0.05 and row[worker_i]:
                    # A nickname in quotes inside a quoted name: `Imran "Im" Evans`.
                    w = row[worker_i]
                    first, _, rest = w.partition(" ")
                    cells[worker_i] = field(f'{first} "{first[:2]}" {rest}', True)
                line = ",".join(cells)
                if '"' in line:
                    quoted += 1
                o.write(line + "\r\n")
                lines += 1
    stats.append((name, encoding + (" with BOM" if name in BOM_FILES else ""), lines, quoted))


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("clean")
    p.add_argument("out")
    p.add_argument("--seed", type=int, default=12)
    p.add_argument("--quoted", type=float, default=0.6)
    p.add_argument("--bad", type=float, default=0.0492)
    a = p.parse_args()
    os.makedirs(a.out, exist_ok=True)
    stats = []
    for name in FILES:
        if os.path.exists(os.path.join(a.clean, name)):
            write(a.clean, a.out, name, a.seed, a.quoted, a.bad, stats)
    total = sum(s[2] for s in stats)
    quoted = sum(s[3] for s in stats)
    for name, enc, lines, q in stats:
        print(f"{name}: {lines:,} rows, {enc}, {q / max(lines, 1):.0%} of lines with a quoted field", file=sys.stderr)
    print(f"{total:,} rows, {quoted / max(total, 1):.1%} of lines with a quoted field", file=sys.stderr)


if __name__ == "__main__":
    main()
