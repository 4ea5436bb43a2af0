#!/usr/bin/env python3
"""Checks a run's report.xlsx cell by cell against the CSVs beside it, with openpyxl.

Usage: check_workbook.py OUT_DIR...
For every data sheet: the CSV's header and lines in the same order; counts are integer
cells, money numeric cells holding the nearest double of the exact text with a 2-decimal
format, spend_share a number with a 6-decimal format, text string cells without a `'`
prefix, dates text, empty fields empty cells; the header row frozen and filtered; a sheet
longer than 50,000 lines cut with `… N more lines in FILE.csv`, and Summary naming it.
Text is compared after decoding OOXML's _xHHHH_ escapes (a CR in a title is stored as
_x000D_), as Excel reads it. Also the fixed creation time and Summary's money per currency against summary.json.
Prints one line per check and ends with `N passed, M failed`.
"""
import csv
import datetime as dt
import json
import math
import os
import sys

import openpyxl
from openpyxl.utils import get_column_letter
from openpyxl.utils.escape import unescape

CAP = 50_000
SHEETS = [("Partners", "partners.csv", None), ("Territories", "territories.csv", CAP), ("Tracks", "tracks.csv", CAP),
          ("Unmatched", "unmatched.csv", CAP), ("Catalog issues", "catalog_issues.csv", CAP),
          ("Reconciliation", "reconciliation.csv", None), ("Row checks", "row_checks.csv", None),
          ("Playlist allocation", "playlist_allocation.csv", None)]
COUNTS = {"campaigns", "days", "rows", "impressions", "ad_clicks", "link_clicks", "streams", "listeners", "followers",
          "provisional_rows", "countries", "new_listener_streams", "returning_listener_streams",
          "peak_daily_listeners", "line"}
MONEY = {"spend_media", "fees", "spend_total", "difference"}
SHARES = {"spend_share"}
TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

results = []


def check(name, condition, detail=""):
    results.append(bool(condition))
    print(("ok   " if condition else "FAIL ") + name + ("" if condition else f": {detail}"))


def significant_digits(text):
    digits = text.lstrip("-").replace(".", "").lstrip("0")
    return len(digits)


RECONCILIATION_COUNTS = {"streams", "listeners", "followers", "impressions", "ad_clicks", "link_clicks"}


def column_kind(column, line, header):
    """The kind of a column's cell; in reconciliation.csv, overview/exports/difference follow the measure."""
    if column in ("overview", "exports", "difference") and "measure" in header:
        return "count" if line[header.index("measure")] in RECONCILIATION_COUNTS else "money"
    return "count" if column in COUNTS else "money" if column in MONEY else "share" if column in SHARES else "text"


def cell_problem(kind, field, cell):
    """None when the cell is what the CSV field says, else why not."""
    value = cell.value
    if field == "":
        return None if value is None else f"expected an empty cell, got {value!r}"
    if kind == "count":
        if type(value) is not int or value != int(field):
            return f"expected the integer {field}, got {value!r}"
        return None
    if kind in ("money", "share"):
        if type(value) not in (int, float):
            return f"expected a number {field}, got {value!r}"
        exact = float(field)  # Python's float() is correctly rounded: the nearest double of the text
        # libxlsxwriter stores numbers as %.16G text: exact for up to 15 significant digits, else within 1 ulp.
        if float(value) != exact and not (significant_digits(field) > 15 and abs(float(value) - exact) <= math.ulp(exact)):
            return f"expected the nearest double of {field}, got {value!r}"
        wanted = "0.000000" if kind == "share" else "#,##0.00"
        return None if cell.number_format == wanted else f"format {cell.number_format!r}, wanted {wanted!r}"
    if not isinstance(value, str) or cell.data_type != "s":
        return f"expected the text {field!r}, got {value!r} ({cell.data_type})"
    # OOXML stores a CR as _x000D_ (XML would fold it); Excel decodes that, openpyxl leaves it to us.
    value = unescape(value)
    if value == field or (field == "'" + value and value.startswith(TRIGGERS)):
        return None
    return f"expected the text {field!r}, got {value!r}"


def check_sheet(workbook, out, name, file, cap, summary_rows):
    with open(os.path.join(out, file), newline="", encoding="utf-8") as handle:
        header, *lines = list(csv.reader(handle))
    sheet = workbook[name]
    rows = sheet.iter_rows()
    check(f"{name}: header is {file}'s", [c.value for c in next(rows)] == header)
    shown = len(lines) if cap is None else min(cap, len(lines))
    problems = []
    for number, (line, cells) in enumerate(zip(lines[:shown], rows), start=2):
        cells = list(cells) + [None] * (len(header) - len(cells))
        for column, field, cell in zip(header, line, cells):
            kind = column_kind(column, line, header)
            problem = "missing cell" if cell is None and field else (cell_problem(kind, field, cell) if cell else None)
            if problem:
                problems.append(f"{get_column_letter(header.index(column) + 1)}{number} ({column}): {problem}")
    check(f"{name}: {shown} lines, every cell equals {file}", not problems, "; ".join(problems[:5]))
    dates = [c for c in header if c.endswith("date") or c in ("window_start", "window_end")]
    check(f"{name}: dates are text", all(isinstance(sheet.cell(row, header.index(c) + 1).value, (str, type(None)))
                                         for c in dates for row in range(2, min(shown, 50) + 2)))
    check(f"{name}: header row frozen", sheet.freeze_panes == "A2", sheet.freeze_panes)
    wanted_filter = f"A1:{get_column_letter(len(header))}{shown + 1}"
    check(f"{name}: header row filtered", sheet.auto_filter.ref == wanted_filter, f"{sheet.auto_filter.ref} != {wanted_filter}")
    if shown < len(lines):
        notice = f"… {len(lines) - shown} more lines in {file}"
        check(f"{name}: cut after {shown} lines with '{notice}'",
              sheet.max_row == shown + 2 and sheet.cell(shown + 2, 1).value == notice, sheet.cell(shown + 2, 1).value)
        check(f"{name}: Summary names the cut sheet", [name, shown, len(lines), file] in summary_rows)
    else:
        check(f"{name}: complete ({len(lines)} lines, no cut row)", sheet.max_row == len(lines) + 1, sheet.max_row)
        check(f"{name}: Summary does not call it cut", not any(r[:1] == [name] for r in summary_rows))


def check_output(out):
    print(f"== {out}/report.xlsx")
    workbook = openpyxl.load_workbook(os.path.join(out, "report.xlsx"))
    summary = json.load(open(os.path.join(out, "summary.json")))
    present = [s for s in SHEETS if os.path.exists(os.path.join(out, s[1]))]
    check("sheets: Summary first, one per report", workbook.sheetnames[0] == "Summary"
          and sorted(workbook.sheetnames[1:]) == sorted(s[0] for s in present), workbook.sheetnames)
    summary_rows = [[c.value for c in row] for row in workbook["Summary"].iter_rows()]
    summary_rows = [[v for v in row if v is not None] for row in summary_rows]
    for name, file, cap in present:
        check_sheet(workbook, out, name, file, cap, summary_rows)
    last = (summary.get("period") or {}).get("to")
    created = dt.datetime.fromisoformat(last) if last else dt.datetime(1980, 1, 1)
    check(f"creation time fixed at {created:%Y-%m-%d}", workbook.properties.created == created, workbook.properties.created)
    currencies = summary["totals"]["breakdown"]["currencies"]
    for code, money in currencies.items():
        row = next((r for r in summary_rows if r[:1] == [code]), None)
        check(f"Summary {code}: spend_media, fees, spend_total equal summary.json",
              row is not None and row[1:4] == [float(money[f]) for f in ("spend_media", "fees", "spend_total")], row)


def main():
    for out in sys.argv[1:]:
        check_output(out)
    passed = sum(results)
    print(f"{passed} passed, {len(results) - passed} failed")
    sys.exit(0 if passed == len(results) else 1)


if __name__ == "__main__":
    main()
