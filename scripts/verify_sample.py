#!/usr/bin/env python3
"""Recomputes the sample reports from the raw inputs, independently of the Swift code.

Usage: verify_sample.py CONFIG REPORT_DIR
Reads the same catalogs and exports as the config names, with Python's csv,
json and decimal modules and its own de-duplication, matching and
aggregation, and compares every cell of territories.csv, tracks.csv,
partners.csv, unmatched.csv, catalog_issues.csv, reconciliation.csv (against
the overview files) and row_checks.csv, plus the summary's counts, totals and
input fingerprints (hashlib). Prints one line per check and ends with `N passed, M failed`.

It implements the SPEC rules that the sample exercises; it is a check, not a
second product (no gzip edge cases, no UTF-16 catalogs, no unquoted-field trimming).
"""
import csv
import datetime as dt
import decimal
import gzip
import hashlib
import io
import json
import os
import re
import sys
from collections import defaultdict

D = decimal.Decimal
MICRO = D("0.000001")
ISRC_RE = re.compile(r"^[A-Z]{2}[A-Z0-9]{3}[0-9]{7}$")
SPOTIFY_RE = re.compile(r"^[0-9A-Za-z]{22}$")
URL_RE = re.compile(r"^https?://open\.spotify\.com/(?:intl-[A-Za-z-]+/)?track/([^/?#]*)/?(?:[?#].*)?$", re.I)


def norm_isrc(raw):
    if raw is None or raw.strip() == "":
        return None, None
    text = raw.strip().upper()
    match = re.match(r"^ISRC[:\s]\s*:?", text)
    if match:
        text = text[match.end():]
    text = re.sub(r"[-\u2010-\u2015\u2212 \u00a0.]", "", text)
    return (text, None) if ISRC_RE.match(text) else (None, raw)


def norm_spotify(raw):
    if raw is None or raw.strip() == "":
        return None, None
    text = raw.strip()
    if text.lower().startswith("spotify:track:"):
        text = text[len("spotify:track:"):]
    else:
        match = URL_RE.match(text)
        if match:
            text = match.group(1)
    return (text, None) if SPOTIFY_RE.match(text) else (None, raw)


def display(value, invalid):
    return value if value is not None else (invalid or "")


def money(text):
    return D(text).quantize(MICRO, rounding=decimal.ROUND_HALF_EVEN)


def fmt_money(value):
    value = value.quantize(MICRO)
    if value == value.quantize(D("0.01")):
        return f"{value:.2f}"
    text = f"{value:.6f}".rstrip("0")
    return text if len(text.split(".")[1]) >= 3 else f"{value:.3f}"


def fmt_rate(part, whole):
    if whole == 0:
        return "0.000000"
    return f"{(part / whole).quantize(MICRO, rounding=decimal.ROUND_HALF_EVEN):.6f}"


def header_key(name):
    return re.sub(r"[ _\-.]", "", name.strip().lower())


ALIASES = {
    "isrc": ["isrc", "isrccode"],
    "spotify_track_id": ["spotifytrackid", "spotifyid", "spotifyuri", "spotifyurl", "spotifytrack", "spotifylink"],
    "title": ["title", "tracktitle", "trackname", "track", "name"],
    "artist": ["artist", "artistname", "artists", "primaryartist"],
}
KIND_ORDER = ["invalid_isrc", "invalid_spotify_id", "no_keys", "duplicate_isrc", "duplicate_spotify_id",
              "conflict_isrc", "conflict_spotify_id", "invalid_utf8"]


def load_catalogs(config):
    entries, issues = [], []
    isrc_index, spotify_index = {}, {}
    for cat in config["catalogs"]:
        name = cat.get("name") or os.path.splitext(os.path.basename(cat["path"]))[0]
        raw = open(cat["path"], "rb").read()
        if raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        # Decode per line: lines that are not UTF-8 are read as Windows-1252 and flagged.
        bad_lines, text_lines = set(), []
        for number, line in enumerate(raw.split(b"\n"), start=1):
            try:
                text_lines.append(line.decode("utf-8"))
            except UnicodeDecodeError:
                text_lines.append(line.decode("cp1252"))
                bad_lines.add(number)
        text = "\n".join(text_lines)
        first = text.split("\n", 1)[0]
        delimiter = {"tab": "\t"}.get(cat.get("delimiter"), cat.get("delimiter"))
        if delimiter is None:
            counts = [(first.count(d), -i, d) for i, d in enumerate([",", ";", "\t"])]
            delimiter = max(counts)[2] if max(counts)[0] > 0 else ","
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        header = next(reader)
        keys = [header_key(h) for h in header]
        columns = {}
        for role, aliases in ALIASES.items():
            wanted = cat.get("columns", {}).get(role)
            candidates = [header_key(wanted)] if wanted else aliases
            for index, key in enumerate(keys):
                if key in candidates:
                    columns[role] = index
                    break
        previous_end = reader.line_num
        for row in reader:
            start, previous_end = previous_end + 1, reader.line_num
            if not row or all(field == "" for field in row):
                continue
            get = lambda role: row[columns[role]] if role in columns and columns[role] < len(row) else ""
            isrc, isrc_bad = norm_isrc(get("isrc"))
            spotify, spotify_bad = norm_spotify(get("spotify_track_id"))
            kinds = []
            if isrc_bad is not None:
                kinds.append("invalid_isrc")
            if spotify_bad is not None:
                kinds.append("invalid_spotify_id")
            if isrc is None and spotify is None:
                kinds.append("no_keys")
            if any(n in bad_lines for n in range(start, previous_end + 1)):
                kinds.append("invalid_utf8")
            entry = dict(partner=name, isrc=isrc, spotify=spotify, title=get("title").replace("\r\n", "\n"),
                         artist=get("artist"))
            owns = False
            for key, index, dup, conflict in ((isrc, isrc_index, "duplicate_isrc", "conflict_isrc"),
                                              (spotify, spotify_index, "duplicate_spotify_id", "conflict_spotify_id")):
                if key is None:
                    continue
                if key in index:
                    kinds.append(dup if entries[index[key]]["partner"] == name else conflict)
                else:
                    index[key] = len(entries)
                    owns = True
            for kind in sorted(kinds, key=KIND_ORDER.index):
                issues.append([name, str(start), kind, display(isrc, isrc_bad), display(spotify, spotify_bad)])
            if owns:
                entries.append(entry)
    return entries, issues, isrc_index, spotify_index


def read_lines(path):
    data = open(path, "rb").read()
    if path.endswith(".gz"):
        data = gzip.decompress(data)
    return data.decode("utf-8").split("\n")[:-1] if data.endswith(b"\n") else data.decode("utf-8").split("\n")


def export_files(paths):
    files = []
    for path in paths:
        if os.path.isdir(path):
            names = sorted((n for n in os.listdir(path) if n.endswith((".jsonl", ".jsonl.gz"))),
                           key=lambda n: n.encode())
            files += [os.path.join(path, n) for n in names]
        else:
            files.append(path)
    return files


def parse_instant(text):
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


def read_source(paths, key_fields):
    counts = defaultdict(int)
    rows = {}
    for path in export_files(paths):
        for number, line in enumerate(read_lines(path), start=1):
            counts["lines"] += 1
            if line.strip() == "":
                counts["blank"] += 1
                continue
            try:
                row = json.loads(line, parse_float=D)
                dt.date.fromisoformat(row["report_date"])
                assert str(row.get("schema_version") or "1").split(".")[0] == "1"
                assert all(isinstance(row.get(k), str) and row[k] for k in key_fields)
                for count in ("streams", "listeners", "impressions"):
                    value = row.get(count)
                    assert value is None or (isinstance(value, int) and value >= 0)
            except Exception:
                counts["rejected"] += 1
                continue
            row["_file"], row["_line"] = path, number
            exported = parse_instant(row["exported_at"]) if row.get("exported_at") else None
            row["_exported"] = exported
            key = tuple(row[k] for k in key_fields)
            if key in rows:
                counts["superseded"] += 1
                old = rows[key]["_exported"]
                if exported is None and old is not None:
                    continue
                if exported is not None and old is not None and exported < old:
                    continue
            rows[key] = row
    return counts, list(rows.values())


def provisional(row):
    closes = dt.datetime.fromisoformat(row["report_date"] + "T00:00:00+00:00") + dt.timedelta(days=8)
    return row["_exported"] is None or row["_exported"] < closes


class Matcher:
    def __init__(self, entries, isrc_index, spotify_index):
        self.entries, self.isrc_index, self.spotify_index = entries, isrc_index, spotify_index

    def match(self, isrc_raw, spotify_raw):
        isrc, isrc_bad = norm_isrc(isrc_raw)
        spotify, spotify_bad = norm_spotify(spotify_raw)
        if isrc is not None and isrc in self.isrc_index:
            return "isrc", self.entries[self.isrc_index[isrc]], None
        if spotify is not None and spotify in self.spotify_index:
            return "spotify_id", self.entries[self.spotify_index[spotify]], None
        if isrc is None and spotify is None and isrc_bad is None and spotify_bad is None:
            return "unmatched", None, "no_keys"
        if isrc is None and spotify is None:
            return "unmatched", None, "invalid_keys"
        return "unmatched", dict(partner="", isrc=display(isrc, isrc_bad), spotify=display(spotify, spotify_bad),
                                 title="", artist=""), "not_in_catalog"

    def side(self, row, prefix_isrc, prefix_spotify):
        method, entry, reason = self.match(row.get(prefix_isrc), row.get(prefix_spotify))
        if entry is None:
            isrc, isrc_bad = norm_isrc(row.get(prefix_isrc))
            spotify, spotify_bad = norm_spotify(row.get(prefix_spotify))
            entry = dict(partner="", isrc=display(isrc, isrc_bad), spotify=display(spotify, spotify_bad),
                         title="", artist="")
        return method, entry, reason


def target(matcher, row):
    if row.get("campaign_target_type") == "playlist":
        return "playlist", dict(partner="", isrc="", spotify="", title="", artist=""), None
    return matcher.side(row, "campaign_target_isrc", "campaign_target_spotify_track_id")


def in_period(row, month):
    return row["report_date"].startswith(month + "-")


def allocate_playlist_spend(matcher, b_kept, e_kept, context, engagement_files):
    """SPEC §12: each playlist breakdown row's money split over its cell's playlist engagement rows.

    Shares are exact fractions cut toward zero; the units left over go to the largest fractional
    parts (ties: engaged_spotify_track_id bytes, then file order, then line)."""
    from fractions import Fraction
    cell_of = lambda r: (r["provider"], r["account_id"], r["campaign_id"], r["report_date"], r["country_code"])
    cells = defaultdict(list)
    for row in e_kept:
        if row["engagement_context"] == "playlist" and context in (None, "playlist"):
            cells[cell_of(row)].append(row)
    lines = defaultdict(lambda: dict(money=defaultdict(D), streams=0, days=set(), countries=set(), meta=None))
    given = defaultdict(lambda: dict(money=defaultdict(D), campaigns=set()))
    for row in b_kept:
        if row.get("campaign_target_type") != "playlist":
            continue
        currency = row["currency"].upper()
        candidates = sorted(cells[cell_of(row)], key=lambda r: (r["engaged_spotify_track_id"].encode(),
                                                                engagement_files.index(r["_file"]), r["_line"]))
        weights = [r.get("streams") or 0 for r in candidates]
        if sum(weights) == 0:
            line = lines[(row["campaign_id"], currency, None)]
            for field in ("spend_media", "fees", "spend_total"):
                line["money"][field] += money(str(row.get(field) or 0))
            continue
        shares = {}
        for field in ("spend_media", "fees", "spend_total"):
            units = int(money(str(row.get(field) or 0)) / MICRO)
            exact = [Fraction(abs(units) * w, sum(weights)) for w in weights]
            cut = [int(x) for x in exact]
            by_fraction = sorted(range(len(exact)), key=lambda i: (-(exact[i] - cut[i]), i))
            for i in by_fraction[:abs(units) - sum(cut)]:
                cut[i] += 1
            shares[field] = [(-c if units < 0 else c) * MICRO for c in cut]
        for i, engaged_row in enumerate(candidates):
            if weights[i] == 0:
                continue
            method, entry, _ = matcher.side(engaged_row, "engaged_track_isrc", "engaged_spotify_track_id")
            line = lines[(row["campaign_id"], currency, (method, entry["partner"], entry["isrc"] or "",
                                                          entry["spotify"] or ""))]
            line["meta"] = entry["title"]
            line["streams"] += weights[i]
            line["days"].add(engaged_row["report_date"])
            line["countries"].add(engaged_row["country_code"])
            partner = given[(entry["partner"], currency)]
            for field in ("spend_media", "fees", "spend_total"):
                line["money"][field] += shares[field][i]
                partner["money"][field] += shares[field][i]
                if shares[field][i] != 0:
                    partner["campaigns"].add(row["campaign_id"])
    return lines, given


def allocation_lines(allocation):
    lines, _ = allocation
    rows = []
    for (campaign, currency, engaged), line in lines.items():
        engaged = engaged or ("unallocated", "", "", "")
        rows.append([campaign, currency, *engaged, line["meta"] or "", str(len(line["days"])),
                     str(len(line["countries"])), str(line["streams"])] +
                    [fmt_money(line["money"][f]) for f in ("spend_media", "fees", "spend_total")])
    return sorted(rows, key=lambda r: [c.encode() for c in r[:6]])


def apply_allocation(allocation, partners):
    """The playlist bucket keeps the unallocated rest; playlist_allocated lines carry the shares."""
    lines, given = allocation
    for (campaign, currency, engaged), line in lines.items():
        if engaged is None:
            continue
        bucket = partners[("playlist", "", currency)]
        for field in ("spend_media", "fees", "spend_total"):
            bucket[field] -= line["money"][field]
    for (partner, currency), share in given.items():
        if any(share["money"][f] != 0 for f in ("spend_media", "fees", "spend_total")):
            line = partners[("playlist_allocated", partner, currency)]
            line["campaigns"] = share["campaigns"]
            for field in ("spend_media", "fees", "spend_total"):
                line[field] = share["money"][field]


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.reader(handle))


def main():
    config = json.load(open(sys.argv[1]))
    out = sys.argv[2]
    month = config["month"]
    results = []

    def check(name, condition):
        results.append(condition)
        print(("ok   " if condition else "FAIL ") + name)

    entries, issues, isrc_index, spotify_index = load_catalogs(config)
    matcher = Matcher(entries, isrc_index, spotify_index)
    got_issues = [row[:5] for row in read_csv(os.path.join(out, "catalog_issues.csv"))[1:]]
    check("catalog_issues.csv: every issue, line and kind", got_issues == issues)

    b_counts, b_rows = read_source(config["breakdown"],
                                   ["provider", "account_id", "report_date", "campaign_id", "country_code"])
    e_counts, e_rows = read_source(config["engagement"],
                                   ["provider", "account_id", "report_date", "campaign_id", "engagement_context",
                                    "country_code", "engaged_spotify_track_id"])
    b_kept = [r for r in b_rows if in_period(r, month)]
    e_kept = [r for r in e_rows if in_period(r, month)]

    territories = defaultdict(lambda: defaultdict(int))
    partners = defaultdict(lambda: defaultdict(int))
    totals = defaultdict(lambda: defaultdict(D))
    unmatched = []
    for row in b_kept:
        method, entry, reason = target(matcher, row)
        currency = row["currency"].upper()
        grain = (method, entry["partner"], entry["isrc"] or "", entry["spotify"] or "",
                 row.get("campaign_target_playlist_id") or "" if method == "playlist" else "",
                 row["country_code"], currency)
        line = territories[grain]
        line["meta"] = (entry["title"], entry["artist"])
        line.setdefault("campaigns", set()).add(row["campaign_id"])
        line.setdefault("days", set()).add(row["report_date"])
        line["rows"] += 1
        for count in ("impressions", "ad_clicks", "link_clicks", "streams", "listeners", "followers"):
            line[count] += row.get(count) or 0
        for field in ("spend_media", "fees", "spend_total"):
            amount = money(str(row.get(field) or 0))
            line[field] = line.get(field, D(0)) + amount
            totals[currency][field] += amount
        line["provisional_rows"] += provisional(row)
        bucket = "matched" if method in ("isrc", "spotify_id") else method
        p = partners[(bucket, entry["partner"] if bucket == "matched" else "", currency)]
        p.setdefault("campaigns", set()).add(row["campaign_id"])
        p["rows"] += 1
        p["streams"] += row.get("streams") or 0
        p["followers"] += row.get("followers") or 0
        for field in ("spend_media", "fees", "spend_total"):
            p[field] = p.get(field, D(0)) + money(str(row.get(field) or 0))
        if method == "unmatched":
            totals[currency]["unmatched"] += money(str(row["spend_total"]))
            unmatched.append(["breakdown", "target", reason, row["report_date"], row["account_id"], row["campaign_id"],
                              row.get("campaign_name") or "", row["country_code"], "",
                              row.get("campaign_target_isrc") or "", row.get("campaign_target_spotify_track_id") or "",
                              "", str(row.get("streams") or 0), fmt_money(money(str(row["spend_total"]))), currency,
                              row["_file"], row["_line"]])

    expected_territories = []
    for grain, line in territories.items():
        expected_territories.append(list(grain) + list(line["meta"]) + [
            str(len(line["campaigns"])), str(len(line["days"])), str(line["rows"])] +
            [str(line[c]) for c in ("impressions", "ad_clicks", "link_clicks", "streams", "listeners", "followers")] +
            [fmt_money(line[f]) for f in ("spend_media", "fees", "spend_total")] + [str(line["provisional_rows"])])
    byte_key = lambda width: (lambda row: [cell.encode() for cell in row[:width]])
    expected_territories.sort(key=byte_key(7))
    got = read_csv(os.path.join(out, "territories.csv"))[1:]
    check("territories.csv: every cell", [[c.replace("\r\n", "\n") for c in r] for r in got] ==
          [[c.replace("\r\n", "\n") for c in r] for r in expected_territories])

    if config.get("allocate_playlist_spend"):
        allocation = allocate_playlist_spend(matcher, b_kept, e_kept, config.get("engagement_context"),
                                             export_files(config["engagement"]))
        check("playlist_allocation.csv: every cell",
              read_csv(os.path.join(out, "playlist_allocation.csv"))[1:] == allocation_lines(allocation))
        apply_allocation(allocation, partners)
    expected_partners = []
    for (bucket, partner, currency), p in partners.items():
        expected_partners.append([bucket, partner, currency, str(len(p["campaigns"])), str(p["rows"]),
                                  str(p["streams"]), str(p["followers"])] +
                                 [fmt_money(p[f]) for f in ("spend_media", "fees", "spend_total")] +
                                 [fmt_rate(p["spend_total"], totals[currency]["spend_total"])])
    expected_partners.sort(key=byte_key(3))
    got_partners = read_csv(os.path.join(out, "partners.csv"))[1:]
    check("partners.csv: every cell", got_partners == expected_partners)
    for currency, values in totals.items():
        check(f"partners.csv {currency}: money columns sum to the totals",
              all(sum(D(r[c]) for r in got_partners if r[2] == currency) == values[f]
                  for c, f in ((7, "spend_media"), (8, "fees"), (9, "spend_total"))))

    tracks = defaultdict(lambda: defaultdict(int))
    for row in e_kept:
        t_method, t_entry, t_reason = target(matcher, row)
        e_method, e_entry, e_reason = matcher.side(row, "engaged_track_isrc", "engaged_spotify_track_id")
        grain = (row["engagement_context"], e_method, e_entry["partner"], e_entry["isrc"] or "",
                 e_entry["spotify"] or "", t_method, t_entry["partner"], t_entry["isrc"] or "",
                 t_entry["spotify"] or "", row.get("campaign_target_playlist_id") or "" if t_method == "playlist" else "")
        line = tracks[grain]
        line["meta"] = (e_entry["title"], e_entry["artist"])
        line.setdefault("campaigns", set()).add(row["campaign_id"])
        line.setdefault("countries", set()).add(row["country_code"])
        line.setdefault("daily", defaultdict(int))[row["report_date"]] += row.get("listeners") or 0
        line["rows"] += 1
        for count in ("streams", "new_listener_streams", "returning_listener_streams"):
            line[count] += row.get(count) or 0
        line["provisional_rows"] += provisional(row)
        for side, method, reason, isrc_field, spotify_field in (
                ("target", t_method, t_reason, "campaign_target_isrc", "campaign_target_spotify_track_id"),
                ("engaged", e_method, e_reason, "engaged_track_isrc", "engaged_spotify_track_id")):
            if method == "unmatched":
                unmatched.append(["engagement", side, reason, row["report_date"], row["account_id"], row["campaign_id"],
                                  row.get("campaign_name") or "", row["country_code"], row["engagement_context"],
                                  row.get(isrc_field) or "", row.get(spotify_field) or "",
                                  row.get("engaged_track_name") or "", str(row.get("streams") or 0), "", "",
                                  row["_file"], row["_line"]])
    expected_tracks = []
    for grain, line in tracks.items():
        expected_tracks.append(list(grain) + list(line["meta"]) + [
            str(len(line["campaigns"])), str(len(line["countries"])), str(len(line["daily"])), str(line["rows"]),
            str(line["streams"]), str(line["new_listener_streams"]), str(line["returning_listener_streams"]),
            str(max(line["daily"].values())), str(line["provisional_rows"])])
    expected_tracks.sort(key=byte_key(10))
    got = read_csv(os.path.join(out, "tracks.csv"))[1:]
    check("tracks.csv: every cell", [[c.replace("\r\n", "\n") for c in r] for r in got] == expected_tracks)

    order = [0, 1, 2, 3, 5, 7, 8, 10, 15]
    unmatched.sort(key=lambda r: ([r[i].encode() for i in order], r[16]))
    expected_unmatched = [r[:16] + [str(r[16])] for r in unmatched]
    check("unmatched.csv: every cell", read_csv(os.path.join(out, "unmatched.csv"))[1:] == expected_unmatched)

    summary = json.load(open(os.path.join(out, "summary.json")))
    for source, counts, rows, kept in (("breakdown", b_counts, b_rows, b_kept), ("engagement", e_counts, e_rows, e_kept)):
        got = summary["inputs"][source]
        check(f"summary {source}: lines, blank, rejected, superseded",
              [got[k] for k in ("lines", "blank", "rejected", "superseded")] ==
              [counts[k] for k in ("lines", "blank", "rejected", "superseded")])
        check(f"summary {source}: out of period and kept",
              (got["out_of_period"], got["kept"]) == (len(rows) - len(kept), len(kept)))
        check(f"summary {source}: provisional", got["provisional"] == sum(provisional(r) for r in kept))
    for currency, values in totals.items():
        got = summary["totals"]["breakdown"]["currencies"][currency]
        check(f"summary {currency}: money totals",
              [got[f] for f in ("spend_media", "fees", "spend_total")] ==
              [fmt_money(values[f]) for f in ("spend_media", "fees", "spend_total")])
        check(f"summary {currency}: unmatched share",
              summary["unmatched_spend_share"][currency] == fmt_rate(values["unmatched"], values["spend_total"]))
    check("summary: engagement streams", summary["totals"]["engagement"]["streams"] ==
          sum(r.get("streams") or 0 for r in e_kept))

    provisional_days = defaultdict(set)
    for row in b_kept + e_kept:
        if provisional(row):
            provisional_days[row["campaign_id"]].add(row["report_date"])
    expected_days = [
        {"campaign_id": campaign, "days": sorted(days),
         "final_on": (dt.date.fromisoformat(max(days)) + dt.timedelta(days=8)).isoformat()}
        for campaign, days in sorted(provisional_days.items(), key=lambda item: item[0].encode())]
    check("summary: provisional days per campaign and final date", summary["provisional_days"] == expected_days)
    nothing_kept = next(g for g in summary["gates"] if g["name"] == "nothing_kept")
    check("summary: gate nothing_kept passes with the kept breakdown rows",
          nothing_kept["passed"] and nothing_kept["value"] == str(len(b_kept)))
    check_close(config, out, b_rows, b_kept, summary, check)

    passed = sum(results)
    print(f"{passed} passed, {len(results) - passed} failed")
    sys.exit(0 if passed == len(results) else 1)


MEASURES = ["streams", "listeners", "followers", "impressions", "ad_clicks", "link_clicks",
            "spend_media", "fees", "spend_total"]
MONEY = {"spend_media", "fees", "spend_total"}
OVERVIEW_NAME = re.compile(r"^overview_(.+)_(\d{4}-\d{2}-\d{2})_(\d{4}-\d{2}-\d{2})\.json$")


def overview_files(paths):
    files = []
    for path in paths:
        if os.path.isdir(path):
            names = sorted((n for n in os.listdir(path) if n.endswith(".json")), key=lambda n: n.encode())
            files += [os.path.join(path, n) for n in names]
        else:
            files.append(path)
    return files


def check_close(config, out, b_rows, b_kept, summary, check):
    """reconciliation.csv, row_checks.csv and the close part of the summary (SPEC §10, §13)."""
    month = config["month"]
    first = month + "-01"
    last = (dt.date.fromisoformat(first).replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    last = last.isoformat()
    expected, windows, skipped = [], 0, 0
    for path in overview_files(config.get("overview", [])):
        campaign, start, end = OVERVIEW_NAME.match(os.path.basename(path)).groups()
        body = json.loads(open(path, "rb").read(), parse_float=D)
        data = body["data"] if "data" in body else body
        if end < first or start > last:
            skipped += 1
            continue
        windows += 1
        currency = (data.get("currency") or "").upper()
        rows = [r for r in b_rows if r["campaign_id"] == campaign and start <= r["report_date"] <= end]
        for measure in MEASURES:
            value = data.get(measure)
            if measure in MONEY:
                exports = sum((money(str(r.get(measure) or 0)) for r in rows if r["currency"].upper() == currency), D(0))
                shown = fmt_money
                value = None if value is None else money(str(value))
            else:
                exports = sum(r.get(measure) or 0 for r in rows)
                shown = str
            if value is None:
                cells, status = ["", shown(exports), ""], "not_reported"
            else:
                difference = value - exports
                ok = abs(difference) <= D("0.01") if measure in MONEY else difference == 0
                cells, status = [shown(value), shown(exports), shown(difference)], "ok" if ok else "mismatch"
            expected.append([campaign, start, end, measure] + cells + [status])
    expected.sort(key=lambda r: (r[0].encode(), r[1], r[2], MEASURES.index(r[3])))
    if config.get("overview"):
        check("reconciliation.csv: every cell", read_csv(os.path.join(out, "reconciliation.csv"))[1:] == expected)
        got = summary["reconciliation"]
        check("summary reconciliation: windows, lines, mismatches",
              (got["windows"], got["windows_skipped"], got["lines"], got["mismatches"], got["not_reported"]) ==
              (windows, skipped, len(expected), sum(r[7] == "mismatch" for r in expected),
               sum(r[7] == "not_reported" for r in expected)))

    flagged = []
    for row in b_kept:
        media, fees, total = (money(str(row.get(f) or 0)) for f in ("spend_media", "fees", "spend_total"))
        if abs(total - media - fees) > D("0.01"):
            flagged.append(["fee_sum", row["report_date"], row["campaign_id"], row["country_code"],
                            row["currency"].upper(), fmt_money(media), fmt_money(fees), fmt_money(total),
                            fmt_money(total - media - fees), row["_file"], row["_line"]])
    flagged.sort(key=lambda r: ([c.encode() for c in r[1:4]], r[9].encode(), r[10]))
    check("row_checks.csv: every cell",
          read_csv(os.path.join(out, "row_checks.csv"))[1:] == [r[:10] + [str(r[10])] for r in flagged])
    check("summary row_checks", summary["row_checks"]["fee_sum"] == len(flagged))

    inputs = [("catalog", c["path"]) for c in config["catalogs"]]
    inputs += [("breakdown", p) for p in export_files(config["breakdown"])]
    inputs += [("engagement", p) for p in export_files(config["engagement"])]
    inputs += [("overview", p) for p in overview_files(config.get("overview", []))]
    fingerprints = []
    for kind, path in inputs:
        data = open(path, "rb").read()
        fingerprints.append({"kind": kind, "path": path, "bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()})
    check("summary input_files: every file with bytes and sha256", summary["input_files"] == fingerprints)


if __name__ == "__main__":
    main()
