#!/usr/bin/env python3
"""Checks that recon.sql's views hold the lines of run's CSV reports (order aside).

  sql_proof.py ENGINE SQL_DIR RUN_DIR LABEL

ENGINE is duckdb or spark (recon.sql executed with SQL_DIR as the working directory), or
bigquery (recon.sql only parsed, with sqlglot). Prints one ok/FAIL line per check and, last,
"N passed, M failed".
"""
import csv
import os
import sys
from collections import Counter

VIEWS = ["territories", "tracks", "partners", "unmatched"]


def statements(text):
    """Splits on ';' at the end of a line; checks that no other line ends with ';'."""
    result, current = [], []
    for line in text.split("\n"):
        current.append(line)
        if line.rstrip(" ").endswith(";"):
            body = "\n".join(current).rstrip(" ")[:-1]
            result.append(body)
            current = []
    rest = "\n".join(current).strip()
    if rest and not all(l.startswith("--") or not l.strip() for l in rest.split("\n")):
        raise ValueError("text after the last statement: " + rest[:80])
    return result


def csv_lines(path):
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    return rows[0], Counter(tuple(row) for row in rows[1:])


def main():
    engine, sql_dir, run_dir, label = sys.argv[1:5]
    passed = failed = 0

    def check(ok, what, detail=""):
        nonlocal passed, failed
        if ok:
            passed += 1
            print(f"ok   {label} {engine}: {what}")
        else:
            failed += 1
            print(f"FAIL {label} {engine}: {what}")
            if detail:
                print(detail)

    with open(os.path.join(sql_dir, "recon.sql"), encoding="utf-8") as handle:
        script = handle.read()
    parts = statements(script)
    check(len(parts) > 0 and script.lstrip().startswith("--"), f"recon.sql has {len(parts)} statements after a comment block")

    if engine == "bigquery":
        import sqlglot
        try:
            for part in parts:
                sqlglot.parse_one(part, read="bigquery", error_level=sqlglot.ErrorLevel.RAISE)
            check(True, f"{len(parts)} statements parsed by sqlglot {sqlglot.__version__} (not executed)")
        except Exception as error:  # noqa: BLE001 - any parse error is the finding
            check(False, "sqlglot parse", str(error)[:2000])
        print(f"{passed} passed, {failed} failed")
        return 0 if failed == 0 else 1

    os.chdir(sql_dir)
    if engine == "duckdb":
        import duckdb
        con = duckdb.connect()
        for part in parts:
            con.execute(part)

        def fetch(view):
            cursor = con.execute(f"SELECT * FROM {view}")
            return [d[0] for d in cursor.description], cursor.fetchall()
        version = duckdb.__version__
    elif engine == "spark":
        from pyspark.sql import SparkSession
        spark = (SparkSession.builder.master("local[2]").appName("recon-sql-proof")
                 .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false").config("spark.sql.shuffle.partitions", "4")
                 .config("spark.sql.session.timeZone", "Pacific/Kiritimati").getOrCreate())
        spark.sparkContext.setLogLevel("ERROR")
        for part in parts:
            spark.sql(part)

        def fetch(view):
            frame = spark.sql(f"SELECT * FROM {view}")
            return frame.columns, [tuple(row) for row in frame.collect()]
        version = spark.version
    else:
        raise SystemExit(f"unknown engine {engine}")

    for view in VIEWS:
        header, expected = csv_lines(os.path.join(run_dir, view + ".csv"))
        columns, rows = fetch(view)
        check(columns == header, f"{view} columns equal {view}.csv's header",
              f"  view: {columns}\n  csv:  {header}")
        nulls = sum(1 for row in rows for value in row if value is None)
        non_text = sum(1 for row in rows for value in row if value is not None and not isinstance(value, str))
        check(nulls == 0 and non_text == 0, f"{view} values are all text, no NULL",
              f"  {nulls} NULL, {non_text} non-text values")
        actual = Counter(tuple(row) for row in rows)
        missing, extra = expected - actual, actual - expected
        check(not missing and not extra,
              f"{view} equals {view}.csv line for line ({sum(expected.values())} lines, {engine} {version})",
              "".join(f"  only in csv:  {line}\n" for line in list(missing)[:5])
              + "".join(f"  only in view: {line}\n" for line in list(extra)[:5]))
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
