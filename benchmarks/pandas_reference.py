#!/usr/bin/env python3
"""The pandas reference: every pop indicator for one extract, as an analyst would write it.

Reads the extract's Annex A lists with pandas, computes each indicator of the data contract
(../shared/docs/data-contract.md, section 4) as at R, and prints one JSON object:
{"seconds": ..., "indicators": [{"id", "team", "numerator", "denominator"}, ...]}.

Written from the contract, not from pop's code, so that the two can check each other.
Working days come from gov.uk's bank-holidays.json, as an analyst would take them.

    python3 pandas_reference.py EXTRACT --as-at 2019-01-31 --population 2035320 \\
        --population-10-17 798000 --bank-holidays ../shared/reference-data/bank-holidays.json
"""
import argparse
import json
import os
import re
import resource
import sys
import time

import numpy as np
import pandas as pd

# ---------------------------------------------------------------------------------------------
# Reading


def norm_header(name):
    name = re.sub(r"\s+", " ", name.strip().lower())
    return name.strip(" .,:;'\"")


def read_list(folder, name, columns):
    """The list as strings ('' for blank), only the columns we need, in file order."""
    path = os.path.join(folder, name)
    if not os.path.exists(path):
        return None
    wanted = {norm_header(c): c for c in columns}
    # The contract: UTF-8 (with or without a byte-order mark), and a file that is not valid
    # UTF-8 is read as Windows-1252, as Excel writes it. (Bytes cp1252 leaves undefined become
    # U+FFFD, as pop makes them.)
    try:
        df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig",
                         usecols=lambda c: norm_header(c) in wanted)
    except UnicodeDecodeError:
        df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="cp1252", encoding_errors="replace",
                         usecols=lambda c: norm_header(c) in wanted)
    df.columns = [wanted[norm_header(c)] for c in df.columns]
    df.attrs["supplied"] = set(df.columns)
    for c in columns:
        if c not in df.columns:
            df[c] = ""
    return df


def dates(s):
    """(datetime64 with NaT for blank or unreadable, mask of unreadable)."""
    s = s.str.strip()
    d = pd.to_datetime(s, format="%d/%m/%Y", errors="coerce")
    iso = d.isna() & (s != "")
    if iso.any():
        d[iso] = pd.to_datetime(s[iso], format="%Y-%m-%d", errors="coerce")
    bad = d.isna() & (s != "")
    return d, bad


def coded(s, parse):
    """Map each distinct spelling once, then the column."""
    values = {v: parse(v) for v in s.unique()}
    return s.map(values)


def normalise(v):
    return re.sub(r"\s+", " ", v.strip().lower()).replace("\u2019", "'").replace("\u2018", "'")


def leading(n):
    return re.split(r"[ :)\-.]", n, maxsplit=1)[0]


def letter(n, ch):
    return n.startswith(ch) and (len(n) == 1 or n[1] == ")")


def yes_no(v):
    n = normalise(v)
    if n == "":
        return "no"
    if letter(n, "a"):
        return "yes"
    if letter(n, "b"):
        return "no"
    code = leading(n)
    if code in ("y", "yes", "1", "true"):
        return "yes"
    if code in ("n", "no", "0", "false"):
        return "no"
    if n.endswith(" yes"):
        return "yes"
    if n.endswith(" no"):
        return "no"
    return "bad"


def count_field(v):
    n = normalise(v)
    if n == "":
        return 0
    return int(n) if n.isdigit() and len(n) <= 9 else -1  # -1: unreadable


def source(v):
    n = normalise(v)
    if n == "":
        return "other"
    code = leading(n)
    if code in ("6", "7"):
        return "police"
    if code in ("2a", "2b"):
        return "education"
    if code in ("3a", "3b", "3c", "3d", "3e", "3f"):
        return "health"
    if code in ("5a", "5b", "5c", "5d"):
        return "la_services"
    if code in ("1a", "1b", "1c", "1d", "4", "8", "9", "10"):
        return "other"
    if "police" in n or "legal" in n:
        return "police"
    if "school" in n or "education" in n:
        return "education"
    if any(w in n for w in ("health", "gp", "hospital", "a&e", "nurse")):
        return "health"
    if any(w in n for w in ("la service", "social care", "local authority")):
        return "la_services"
    return "other"


def category(v):
    n = normalise(v)
    if n == "":
        return "blank"
    for ch, c in zip("abcde", ("neglect", "physical", "sexual", "emotional", "multiple")):
        if letter(n, ch):
            return c
    code = leading(n)
    table = {"n1": "neglect", "neg": "neglect", "n2": "physical", "pa": "physical", "phy": "physical",
             "n3": "sexual", "sa": "sexual", "sex": "sexual", "n4": "emotional", "ea": "emotional",
             "emo": "emotional", "mul": "multiple", "mix": "multiple"}
    if code in table:
        return table[code]
    for word, c in (("neglect", "neglect"), ("physical", "physical"), ("sexual", "sexual"),
                    ("emotional", "emotional"), ("multiple", "multiple"), ("mixed", "multiple")):
        if word in n:
            return c
    return "bad"


def case_status(v):
    n = normalise(v)
    if n == "":
        return "bad"
    for ch, c in zip("abcde", ("cla", "cp", "cin_plan", "open_assessment", "closed")):
        if letter(n, ch):
            return c
    code = leading(n)
    table = {"cla": "cla", "lac": "cla", "cp": "cp", "cpp": "cp", "cin": "cin_plan", "closed": "closed"}
    if code in table:
        return table[code]
    if "looked after" in n:
        return "cla"
    if "protection" in n:
        return "cp"
    if "child in need" in n or "cin plan" in n:
        return "cin_plan"
    if "assessment" in n:
        return "open_assessment"
    if "closed" in n:
        return "closed"
    return "bad"


def legal(v):
    n = normalise(v)
    code = leading(n)
    table = {"c1": "ico", "c2": "co", "v2": "s20", "v3": "s20", "v4": "s20", "s20": "s20", "e1": "po",
             "d1": "po", "l1": "epo", "l2": "epo", "l3": "epo", "j1": "yj", "j2": "yj", "j3": "yj"}
    if code in table:
        return table[code]
    if "interim care" in n:
        return "ico"
    if "section 20" in n or "s20" in n or "s.20" in n:
        return "s20"
    if "placement order" in n or "freed for adoption" in n:
        return "po"
    if "emergency protection" in n or "police protection" in n:
        return "epo"
    if "remand" in n or "youth justice" in n:
        return "yj"
    if "care order" in n:
        return "co"
    return "other"


def location(v):
    n = normalise(v)
    if n == "":
        return "unknown"
    if letter(n, "a") or n == "in" or n.startswith(("in borough", "inside", "in la", "within")):
        return "in"
    if letter(n, "b") or n == "out" or n.startswith(("out of", "outside", "out ")):
        return "out"
    return "bad"


def activity(v):
    n = normalise(v)
    code = leading(n)
    if code in ("f1", "p1"):
        return "higher_education"
    if code in ("f2", "f3", "f4", "f5", "p2", "p3", "p4", "p5"):
        return "eet"
    if code in ("g4", "g5", "g6"):
        return "neet"
    if "not in" in n or "neet" in n:
        return "neet"
    if "higher education" in n:
        return "higher_education"
    if "education" in n or "training" in n or "employment" in n:
        return "eet"
    return "unknown"


def suitability(v):
    n = normalise(v)
    if n == "":
        return "unknown"
    if letter(n, "a") or leading(n) == "1":
        return "suitable"
    if letter(n, "b") or leading(n) == "2":
        return "unsuitable"
    if "unsuitable" in n or "not suitable" in n:
        return "unsuitable"
    if "suitable" in n:
        return "suitable"
    return "unknown"


def intensity(v):
    n = normalise(v)
    if n == "":
        return "blank"
    for w in ("standard", "enhanced", "intensive"):
        if n.startswith(w):
            return w
    return "bad"


def team(s):
    t = s.str.strip()
    return t.where(t != "", "Unallocated")


# ---------------------------------------------------------------------------------------------
# Conventions


class Period:
    def __init__(self, as_at, holidays):
        self.R = pd.Timestamp(as_at)
        self.month_start = self.R.replace(day=1)
        y = self.R.year if self.R.month >= 4 else self.R.year - 1
        self.ytd_start = pd.Timestamp(year=y, month=4, day=1)
        self.holidays = np.array(sorted(holidays), dtype="datetime64[D]")
        q = (self.R.month - 1) // 3  # 0..3, the quarter containing R
        qy, qm = (self.R.year, q * 3 + 1)
        first = pd.Timestamp(year=qy, month=qm, day=1) - pd.DateOffset(months=3)
        self.prev_quarter = (first, first + pd.DateOffset(months=3) - pd.Timedelta(days=1))

    def add_months(self, d, k):
        return d + pd.DateOffset(months=k)  # clamps to the month's last day, as the contract says

    def in_month(self, d):
        return (d >= self.month_start) & (d <= self.R)

    def in_ytd(self, d):
        return (d >= self.ytd_start) & (d <= self.R)

    def in_12m(self, d):
        return (d > self.add_months(self.R, -12)) & (d <= self.R)

    def open_at_r(self, start, start_bad, end, end_bad):
        return start.notna() & (start <= self.R) & (end.isna() | (end > self.R)) & ~end_bad & ~start_bad

    def wd(self, a, b):
        """Working days d with a < d <= b (0 when b <= a), as an array; a and b have no NaT."""
        a = a.values.astype("datetime64[D]") + np.timedelta64(1, "D")
        b = b.values.astype("datetime64[D]") + np.timedelta64(1, "D")
        out = np.zeros(len(a), dtype=np.int64)
        later = b > a
        out[later] = np.busday_count(a[later], b[later], holidays=self.holidays)
        return out


def age_at(dob, R):
    """Completed years at R; a birthday on R counts; 29 February completes on 1 March."""
    before = (dob.dt.month > R.month) | ((dob.dt.month == R.month) & (dob.dt.day > R.day))
    return R.year - dob.dt.year - before.astype(int)


def open_children(df, start, start_bad, end, end_bad, P):
    """One row per child open at R: the latest start, then the later line."""
    is_open = P.open_at_r(start, start_bad, end, end_bad) & (df["child"] != "")
    rows = df[is_open].assign(_start=start[is_open], _line=np.arange(len(df))[is_open.values])
    return rows.sort_values(["_start", "_line"], kind="stable").drop_duplicates("child", keep="last").sort_values("_line")


# ---------------------------------------------------------------------------------------------
# Output rows


class Out:
    def __init__(self):
        self.rows = []

    def count(self, id, n, team=None):
        self.rows.append({"id": id, "team": team, "numerator": int(n), "denominator": None})

    def share(self, id, n, d, team=None):
        self.rows.append({"id": id, "team": team, "numerator": int(n), "denominator": int(d)})

    def rate(self, id, n, population):
        self.rows.append({"id": id, "team": None, "numerator": int(n), "denominator": population})

    def share_by_team(self, id, teams, passed, decided):
        """The council row and one per team present among the cohort's rows."""
        self.share(id, (passed & decided).sum(), decided.sum())
        frame = pd.DataFrame({"team": teams.values, "n": (passed & decided).values, "d": decided.values})
        for t, g in frame.groupby("team", sort=True):
            self.share(id, g["n"].sum(), g["d"].sum(), team=t)

    def count_by_team(self, id, teams):
        self.count(id, len(teams))
        for t, n in teams.value_counts().sort_index().items():
            self.count(id, n, team=t)


# ---------------------------------------------------------------------------------------------
# Indicators, list by list


PERSON = ["Child Unique ID"]


def front_door(folder, P, pop, out):
    contacts = read_list(folder, "list1.csv", PERSON + ["Date of Contact", "Contact Source", "Date of Contact Decision"])
    referrals = read_list(folder, "list3.csv", PERSON + ["Date of referral", "Referral Source", "Referral NFA?"])
    contacts_month = None
    if contacts is not None:
        has_decision = "Date of Contact Decision" in contacts.attrs["supplied"]
        date, _ = dates(contacts["Date of Contact"])
        month = P.in_month(date)
        contacts_month = int(month.sum())
        out.count("mash.contacts", contacts_month)
        out.count("mash.contacts_ytd", P.in_ytd(date).sum())
        if has_decision:
            decision, decision_bad = dates(contacts["Date of Contact Decision"])
            recorded = month & ((decision.notna()) | decision_bad)
            readable = recorded & decision.notna()
            within = np.zeros(len(contacts), dtype=bool)
            idx = readable.values
            within[idx] = P.wd(date[readable], decision[readable]) <= 1
            out.share("mash.decision_1wd", (within & readable.values).sum(), readable.sum())
    if referrals is not None:
        child = referrals["Child Unique ID"].str.strip()
        date, _ = dates(referrals["Date of referral"])
        month = P.in_month(date)
        ytd = P.in_ytd(date)
        out.count("mash.referrals", month.sum())
        out.count("mash.referrals_ytd", ytd.sum())
        out.rate("mash.referral_rate_ytd", ytd.sum(), pop)
        if contacts_month is not None:
            out.share("mash.conversion", month.sum(), contacts_month)
        # Re-referrals: another referral of the same child in [addMonths(d, -12), d).
        known = (child != "") & date.notna()
        hist = pd.DataFrame({"child": child[known], "date": date[known]}).sort_values(["child", "date"])
        previous = hist["date"].shift(1).where(hist["child"] == hist["child"].shift(1))
        # the latest earlier date: skip back over referrals on the same day
        earlier = previous.where(previous < hist["date"])
        earlier = earlier.groupby([hist["child"], hist["date"]]).transform("first")
        hist["rereferral"] = earlier.notna() & (earlier >= P.add_months(hist["date"], -12))
        in_ytd = P.in_ytd(hist["date"])
        # A referral with a blank ID is a YTD referral (flows count rows), never a re-referral.
        blank_ytd = ((child == "") & date.notna() & P.in_ytd(date)).sum()
        out.share("mash.rereferrals_ytd", (hist["rereferral"] & in_ytd).sum(), in_ytd.sum() + blank_ytd)
        nfa = coded(referrals["Referral NFA?"], yes_no)
        decided = month & (nfa != "bad")
        out.share("mash.referrals_nfa", (decided & (nfa == "yes")).sum(), decided.sum())
        groups = coded(referrals["Referral Source"], source)[ytd]
        for g in ("police", "education", "health", "la_services", "other"):
            out.share(f"mash.source.{g}", (groups == g).sum(), ytd.sum())


def assessments(folder, P, out):
    a = read_list(folder, "list4.csv", PERSON + ["Continuous Assessment Start Date", "Child Seen During Continuous Assessment",
                                                  "Continuous Assessment Date of Authorisation", "Allocated Team"])
    if a is not None:
        start, _ = dates(a["Continuous Assessment Start Date"])
        done, _ = dates(a["Continuous Assessment Date of Authorisation"])
        a = a.assign(start=start, done=done, team=team(a["Allocated Team"]))[P.in_month(done)]
        out.count_by_team("asmt.completed", a["team"])
        decided = a["start"].notna()
        within = pd.Series(False, index=a.index)
        within[decided] = P.wd(a["start"][decided], a["done"][decided]) <= 45
        out.share_by_team("asmt.within_45wd", a["team"], within, decided)
        seen = coded(a["Child Seen During Continuous Assessment"], yes_no)
        out.share("asmt.child_seen", (seen == "yes").sum(), (seen != "bad").sum())
    s = read_list(folder, "list5.csv", PERSON + ["Strategy discussion initiating Section 47 Enquiry Start Date",
                                                  "Date of Initial Child Protection Conference"])
    if s is not None:
        start, _ = dates(s["Strategy discussion initiating Section 47 Enquiry Start Date"])
        icpc, _ = dates(s["Date of Initial Child Protection Conference"])
        out.count("s47.started", P.in_month(start).sum())
        held = P.in_month(icpc) & start.notna()
        within = P.wd(start[held], icpc[held]) <= 15
        out.share("icpc.within_15wd", within.sum(), held.sum())


def since_start(recorded, start):
    """A date before the episode's start belongs to an earlier one: none recorded."""
    return recorded.where(~(recorded < start))


def children_in_need(folder, P, pop, out):
    c = read_list(folder, "list6.csv", PERSON + ["CIN Start Date", "Date Child Was Last Seen", "CIN Closure Date", "Case Status",
                                                  "Allocated Team"])
    if c is None:
        return
    c = c.assign(child=c["Child Unique ID"].str.strip())
    start, start_bad = dates(c["CIN Start Date"])
    end, end_bad = dates(c["CIN Closure Date"])
    seen, seen_bad = dates(c["Date Child Was Last Seen"])
    c = c.assign(start=start, seen=seen, seen_bad=seen_bad, team=team(c["Allocated Team"]),
                 status=coded(c["Case Status"], case_status))
    open_ = open_children(c, start, start_bad, end, end_bad, P)
    out.count("cin.children", len(open_))
    out.rate("cin.rate", len(open_), pop)
    plans = open_[open_["status"] == "cin_plan"]
    out.count_by_team("cin.plans", plans["team"])
    ref = since_start(plans["seen"], plans["start"]).fillna(plans["start"])
    decided = ~plans["seen_bad"]
    in_time = pd.Series(False, index=plans.index)
    in_time[decided] = P.wd(ref[decided], pd.Series(P.R, index=ref[decided].index)) <= 20
    out.share_by_team("cin.visits_in_time", plans["team"], in_time, decided)


def child_protection(folder, P, pop, out):
    cp = read_list(folder, "list7.csv", PERSON + ["Date of Birth", "Child Protection Plan Start Date", "Latest Category of Abuse",
                                                   "Date of the Last Statutory Visit", "Was the Child Seen Alone?",
                                                   "Date of latest review conference", "Child Protection Plan End Date",
                                                   "Number of Previous Child Protection Plans", "Allocated Team"])
    if cp is None:
        return
    cp = cp.assign(child=cp["Child Unique ID"].str.strip())
    start, start_bad = dates(cp["Child Protection Plan Start Date"])
    end, end_bad = dates(cp["Child Protection Plan End Date"])
    dob, dob_bad = dates(cp["Date of Birth"])
    visit, visit_bad = dates(cp["Date of the Last Statutory Visit"])
    review, review_bad = dates(cp["Date of latest review conference"])
    cp = cp.assign(start=start, end=end, dob=dob, dob_bad=dob_bad, visit=visit, visit_bad=visit_bad, review=review,
                   review_bad=review_bad, team=team(cp["Allocated Team"]), category=coded(cp["Latest Category of Abuse"], category),
                   previous=coded(cp["Number of Previous Child Protection Plans"], count_field),
                   alone=coded(cp["Was the Child Seen Alone?"], yes_no))
    o = open_children(cp, start, start_bad, end, end_bad, P)
    n = len(o)
    out.count_by_team("cp.children", o["team"])
    out.rate("cp.rate", n, pop)
    base = (o["category"] != "bad").sum()
    for g in ("neglect", "physical", "sexual", "emotional", "multiple"):
        out.share(f"cp.category.{g}", (o["category"] == g).sum(), base)
    started = cp[P.in_ytd(cp["start"])]
    out.count("cp.starts_ytd", len(started))
    out.share("cp.repeat_ytd", (started["previous"] >= 1).sum(), (started["previous"] >= 0).sum())
    ended = cp[P.in_ytd(cp["end"])]
    out.count("cp.ended_ytd", len(ended))
    lasted = ended["start"].notna()
    out.share("cp.ended_2y_ytd", ((ended["end"] - ended["start"]).dt.days[lasted] >= 730).sum(), lasted.sum())
    out.share("cp.open_2y", ((P.R - o["start"]).dt.days >= 730).sum(), n)
    # Under 5: a blank or future date of birth is an unborn child.
    unborn = o["dob"].isna() & ~o["dob_bad"] | (o["dob"] > P.R)
    under5 = unborn | (o["dob"].notna() & (age_at(o["dob"], P.R) < 5))
    out.share("cp.under5", under5.sum(), (~o["dob_bad"]).sum())
    ref = since_start(o["visit"], o["start"]).fillna(o["start"])
    decided = ~o["visit_bad"]
    in_time = pd.Series(False, index=o.index)
    in_time[decided] = P.wd(ref[decided], pd.Series(P.R, index=ref[decided].index)) <= 10
    out.share_by_team("cp.visits_in_time", o["team"], in_time, decided)
    u5 = under5 & ~o["dob_bad"]
    out.share("cp.visits_in_time_u5", (in_time & decided & u5).sum(), (decided & u5).sum())
    out.share("cp.seen_alone", (o["alone"] == "yes").sum(), (o["alone"] != "bad").sum())
    review = since_start(o["review"], o["start"])
    no_review_ok = review.isna() & (P.R <= P.add_months(o["start"], 3))
    review_ok = review.notna() & (P.R <= P.add_months(review.fillna(P.R), 6))
    decided = ~o["review_bad"]
    out.share("cp.reviews_in_time", ((no_review_ok | review_ok) & decided).sum(), decided.sum())


def children_in_care(folder, P, pop, out):
    c = read_list(folder, "list8.csv", PERSON + [
        "Date of Birth", "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)", "Date Started to be Looked After",
        "Child's Legal Status", "Date of Latest Statutory Review", "Date of Last Social Work Visit", "Date of Last Health Assessment",
        "Date of Last Dental Check", "Number of Placements in the Last 12 months", "Date Ceased to be Looked After",
        "Start Date of Most Recent Placement", "Placement Location",
        "Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months", "Allocated Team"])
    if c is None:
        return
    c = c.assign(child=c["Child Unique ID"].str.strip())
    start, start_bad = dates(c["Date Started to be Looked After"])
    end, end_bad = dates(c["Date Ceased to be Looked After"])
    o = open_children(c, start, start_bad, end, end_bad, P)
    n = len(o)
    out.count_by_team("cla.children", team(o["Allocated Team"]))
    out.rate("cla.rate", n, pop)
    groups = coded(o["Child's Legal Status"], legal)
    for g in ("ico", "co", "s20", "po", "epo", "yj", "other"):
        out.share(f"cla.legal.{g}", (groups == g).sum(), n)
    placements = coded(o["Number of Placements in the Last 12 months"], count_field)
    out.share("cla.placements_3plus", (placements >= 3).sum(), (placements >= 0).sum())
    dob, _ = dates(o["Date of Birth"])
    cohort = dob.notna() & (age_at(dob.fillna(P.R), P.R) < 16) & (o["_start"] <= P.add_months(P.R, -30))
    placed, placed_bad = dates(o["Start Date of Most Recent Placement"])
    decided = cohort & ~placed_bad
    out.share("cla.long_term_stability", (decided & (placed <= P.add_months(P.R, -24))).sum(), decided.sum())
    visit, visit_bad = dates(o["Date of Last Social Work Visit"])
    ref = since_start(visit, o["_start"]).fillna(o["_start"])
    out.share_by_team("cla.visits_in_time", team(o["Allocated Team"]), (P.R - ref).dt.days <= 42, ~visit_bad)
    year_in_care = o["_start"] <= P.add_months(P.R, -12)
    for id, column in (("cla.health_assessments", "Date of Last Health Assessment"), ("cla.dental", "Date of Last Dental Check")):
        d, bad = dates(o[column])
        decided = year_in_care & ~bad
        out.share(id, (decided & P.in_12m(d)).sum(), decided.sum())
    review, review_bad = dates(o["Date of Latest Statutory Review"])
    review = since_start(review, o["_start"])
    first_ok = pd.Series(False, index=o.index)
    none = review.isna()
    first_ok[none] = P.wd(o["_start"][none], pd.Series(P.R, index=o.index[none])) <= 20
    later_ok = review.notna() & (P.R <= P.add_months(review.fillna(P.R), 6))
    out.share("cla.reviews_in_time", ((first_ok | later_ok) & ~review_bad).sum(), (~review_bad).sum())
    uasc = coded(o["Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)"], yes_no)
    out.count("cla.uasc", (uasc == "yes").sum())
    missing = coded(o["Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months"], count_field)
    out.share("cla.missing", (missing >= 1).sum(), (missing >= 0).sum())
    where = coded(o["Placement Location"], location)
    out.share("cla.placed_in_borough", (where == "in").sum(), (where != "bad").sum())


def care_leavers(folder, P, out):
    c = read_list(folder, "list9.csv", PERSON + ["Date of Birth", "Latest Pathway Plan Review Date", "Latest Date of Contact",
                                                  "Suitability of Accommodation", "Activity Status"])
    if c is None:
        return
    c = c.assign(child=c["Child Unique ID"].str.strip())
    c = c[c["child"] != ""].drop_duplicates("child", keep="last")
    out.count("cl.total", len(c))
    dob, dob_bad = dates(c["Date of Birth"])
    age = age_at(dob.fillna(P.R), P.R).where(dob.notna())
    bands = pd.cut(age, [-1000, 17, 18, 19, 20, 21, 1000], labels=["17_under", "18", "19", "20", "21", "22_over"])
    base = (~dob_bad).sum()
    for b in ("17_under", "18", "19", "20", "21", "22_over"):
        out.share(f"cl.age.{b}", (bands == b).sum(), base)
    young = age.between(19, 21)
    act = coded(c["Activity Status"], activity)
    out.share("cl.eet_19_21", (young & act.isin(["eet", "higher_education"])).sum(), young.sum())
    suit = coded(c["Suitability of Accommodation"], suitability)
    out.share("cl.suitable_19_21", (young & (suit == "suitable")).sum(), young.sum())
    contact, contact_bad = dates(c["Latest Date of Contact"])
    out.share("cl.in_touch", P.in_12m(contact).sum(), (~contact_bad).sum())
    review, review_bad = dates(c["Latest Pathway Plan Review Date"])
    recent = (review > P.add_months(P.R, -6)) & (review <= P.R)
    out.share("cl.pathway_plans", recent.sum(), (~review_bad).sum())
    out.count("cl.higher_education", (act == "higher_education").sum())


def youth_offending(folder, P, pop10, out):
    y = read_list(folder, "yot.csv", ["Child Unique ID", "Order Start Date", "Order End Date", "Order Type", "First Time Entrant Date",
                                      "Custodial Sentence Date", "Scaled Approach Intensity", "Confirmed Gang Member",
                                      "ETE at Order End", "Allocated Team"])
    if y is None:
        return
    child = y["Child Unique ID"].str.strip()
    start, start_bad = dates(y["Order Start Date"])
    end, end_bad = dates(y["Order End Date"])
    o = y[P.open_at_r(start, start_bad, end, end_bad)]
    out.count_by_team("yot.open", team(o["Allocated Team"]))
    fte, _ = dates(y["First Time Entrant Date"])
    out.count("yot.fte", child[P.in_month(fte) & (child != "")].nunique())
    out.rate("yot.fte_rate_12m", child[P.in_12m(fte) & (child != "")].nunique(), pop10)
    custody, _ = dates(y["Custodial Sentence Date"])
    out.count("yot.custody_ytd", P.in_ytd(custody).sum())
    statutory = o[o["Order Type"].map(lambda v: normalise(v).startswith("statutory") or normalise(v) == "s")]
    level = coded(statutory["Scaled Approach Intensity"], intensity)
    out.share("yot.intensive", (level == "intensive").sum(), (level != "bad").sum())
    gang = coded(o["Confirmed Gang Member"], yes_no)
    out.share("yot.gang", (gang == "yes").sum(), (gang != "bad").sum())
    first, last = P.prev_quarter
    ended = y[(end >= first) & (end <= last)]
    ete = coded(ended["ETE at Order End"], yes_no)
    out.share("yot.ete", (ete == "yes").sum(), (ete != "bad").sum())


def compute(folder, as_at, population, population10, holidays):
    P = Period(as_at, holidays)
    out = Out()
    front_door(folder, P, population, out)
    assessments(folder, P, out)
    children_in_need(folder, P, population, out)
    child_protection(folder, P, population, out)
    children_in_care(folder, P, population, out)
    care_leavers(folder, P, out)
    youth_offending(folder, P, population10, out)
    return out.rows


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("extract")
    ap.add_argument("--as-at", required=True)
    ap.add_argument("--population", type=int, required=True)
    ap.add_argument("--population-10-17", type=int, required=True)
    ap.add_argument("--bank-holidays", required=True)
    args = ap.parse_args()
    with open(args.bank_holidays) as f:
        holidays = [e["date"] for e in json.load(f)["england-and-wales"]["events"]]
    t0 = time.perf_counter()
    rows = compute(args.extract, args.as_at, args.population, args.population_10_17, holidays)
    seconds = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # Linux reports kilobytes
    json.dump({"seconds": seconds, "peak_bytes": peak, "pandas": pd.__version__, "indicators": rows}, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
