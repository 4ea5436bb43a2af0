#!/usr/bin/env python3
"""Writes SampleData/exports/: a small April 2026 month of Soundlink exports.

Deterministic (seeded). It includes a re-fetch (newer exported_at), a playlist
campaign, catalog spillover, unmatched targets and engaged tracks, provisional
days, a refund, a float artefact in money, null metrics and a few bad lines.
Run it from the repository root; the committed files are its output.
"""
import gzip
import json
import os
import random

ROOT = "SampleData/exports"
ACCOUNT = "a7ac3173-2f71-4e79-921f-d15d7112dd11"
rng = random.Random(2026)

C1 = dict(id="f1e28d31-c358-4284-9bef-00a2334625fd", name="Sleep Deep – Spring Push", type="track",
          isrc="USAUR2500101", spotify="4uLU6hMCjMI75M1A2tKUQC", playlist=None)
C2 = dict(id="2b7d0c55-41aa-4f0e-8d8e-5b1f7f0a9c21", name="Lumen Launch", type="track",
          isrc=None, spotify="6habFhsOp2NvshLv26DqMb", playlist=None)
C3 = dict(id="9c3e6a10-7d4b-4a8e-b1f2-3e5d7c9a1b04", name="Focus Flow Playlist", type="playlist",
          isrc=None, spotify=None, playlist="37i9dQZF1DXcBWIGoYBM5M")
C4 = dict(id="4d8f2e61-0b3c-4f7a-9e15-6a2c8b0d3e77", name="Mystery Single", type="track",
          isrc="QZHN52500777", spotify="3hKPK7g6zWvuaXFZ7JhpQe", playlist=None)
C5 = dict(id="5e0a7b92-6c1d-4e3f-8a24-7b3d9c1e5f88", name="Legacy Promo", type="track",
          isrc="N/A", spotify="TBD", playlist=None)
C6 = dict(id="6f1b8ca3-7d2e-4f40-9b35-8c4e0d2f6a99", name="Untargeted Test", type=None,
          isrc=None, spotify=None, playlist=None)

MAIN_EXPORT = "2026-05-05T03:00:00Z"
REFETCH_EXPORT = "2026-05-08T03:00:00.000Z"


def money(cents):
    sign = "-" if cents < 0 else ""
    cents = abs(cents)
    return f"{sign}{cents // 100}.{cents % 100:02d}"


def common(campaign, day, exported_at, country):
    return [
        ("provider", '"soundlink"'), ("account_id", json.dumps(ACCOUNT)), ("schema_version", '"1.0"'),
        ("report_date", json.dumps(day)), ("report_date_timezone", '"UTC"'),
        ("exported_at", json.dumps(exported_at)), ("campaign_id", json.dumps(campaign["id"])),
        ("campaign_name", json.dumps(campaign["name"], ensure_ascii=False)),
        ("campaign_target_type", json.dumps(campaign["type"])),
        ("campaign_target_isrc", json.dumps(campaign["isrc"])),
        ("campaign_target_spotify_track_id", json.dumps(campaign["spotify"])),
        ("campaign_target_playlist_id", json.dumps(campaign["playlist"])),
        ("country_code", json.dumps(country)),
    ]


def line(fields):
    return "{" + ",".join(f"{json.dumps(k)}:{v}" for k, v in fields) + "}"


def breakdown_row(campaign, day, country, exported_at, currency="USD", scale=1.0, overrides=None):
    impressions = int(rng.randint(1500, 6000) * scale)
    link_clicks = int(impressions * rng.uniform(0.01, 0.03))
    ad_clicks = link_clicks + rng.randint(5, 30)
    streams = int(link_clicks * rng.uniform(1.5, 3.0))
    listeners = max(1, int(streams / rng.uniform(1.2, 1.6)))
    followers = rng.randint(0, 15)
    media = int(rng.randint(1500, 6000) * scale)
    fees = round(media * 0.25)
    fields = common(campaign, day, exported_at, country) + [
        ("impressions", str(impressions)), ("ad_clicks", str(ad_clicks)), ("link_clicks", str(link_clicks)),
        ("streams", str(streams)), ("listeners", str(listeners)), ("followers", str(followers)),
        ("streams_per_listener", f"{streams / listeners:.2f}"),
        ("spend_media", money(media)), ("spend_total", money(media + fees)), ("fees", money(fees)),
        ("currency", json.dumps(currency)), ("currency_account", '"USD"'),
        ("cpl", f"{media / 100 / listeners:.3f}"), ("result_type", '"follow"'),
    ]
    for key, value in (overrides or {}).items():
        fields = [(k, value if k == key else v) for k, v in fields]
    return line(fields)


def engagement_row(campaign, day, country, context, track, exported_at, overrides=None):
    isrc, spotify, name = track
    new_listeners = rng.randint(3, 40)
    returning = rng.randint(0, 15)
    new_streams = new_listeners + rng.randint(0, 20)
    returning_streams = returning + rng.randint(0, 10)
    fields = common(campaign, day, exported_at, country) + [
        ("status", '"active"'), ("engagement_context", json.dumps(context)),
        ("engaged_track_isrc", json.dumps(isrc)), ("engaged_spotify_track_id", json.dumps(spotify)),
        ("engaged_track_name", json.dumps(name, ensure_ascii=False)),
        ("playlist_position", str(rng.randint(1, 40)) if context == "playlist" else "null"),
        ("new_listeners", str(new_listeners)), ("returning_listeners", str(returning)),
        ("listeners", str(new_listeners + returning)), ("new_listener_streams", str(new_streams)),
        ("returning_listener_streams", str(returning_streams)), ("streams", str(new_streams + returning_streams)),
        ("spl", f"{(new_streams + returning_streams) / (new_listeners + returning):.2f}"),
    ]
    for key, value in (overrides or {}).items():
        fields = [(k, value if k == key else v) for k, v in fields]
    return line(fields)


def days(first, last):
    return [f"2026-04-{d:02d}" for d in range(first, last + 1)]


def write(name, lines, compress=False):
    path = os.path.join(ROOT, name)
    text = "\n".join(lines) + "\n"
    if compress:
        with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as zipped:
            zipped.write(text.encode())
    else:
        with open(path, "w", encoding="utf-8") as out:
            out.write(text)


def main():
    for sub in ("breakdown", "engagement", "overview"):
        os.makedirs(os.path.join(ROOT, sub), exist_ok=True)
        for name in os.listdir(os.path.join(ROOT, sub)):
            os.remove(os.path.join(ROOT, sub, name))

    # Breakdown: one file per campaign, sorted by report_date then country, as the API exports them.
    c1 = [breakdown_row(C1, "2026-03-31", "US", MAIN_EXPORT)]
    for day in days(24, 30):
        for country in ("DE", "GB", "US"):
            overrides = {}
            if day == "2026-04-25" and country == "US":
                overrides = {"spend_media": "42.50", "fees": "10.63", "spend_total": "53.129999999999995"}
            c1.append(breakdown_row(C1, day, country, MAIN_EXPORT, overrides=overrides))
    write(f"breakdown/breakdown_{C1['id']}_2026-03-31_2026-04-30.jsonl", c1)
    refetch = [breakdown_row(C1, day, country, REFETCH_EXPORT, scale=1.1)
               for day in days(27, 30) for country in ("DE", "GB", "US")]
    write(f"breakdown/breakdown_{C1['id']}_2026-04-27_2026-04-30.jsonl", refetch)

    c2 = []
    for day in days(20, 23):
        for country in ("NO", "SE"):
            overrides = {}
            if day == "2026-04-21" and country == "NO":
                overrides = {"impressions": "null"}
            if day == "2026-04-23" and country == "SE":
                overrides = {"impressions": "0", "ad_clicks": "0", "link_clicks": "0", "streams": "0",
                             "listeners": "0", "followers": "0", "spend_media": "-4.00", "fees": "-1.00",
                             "spend_total": "-5.00"}
            c2.append(breakdown_row(C2, day, country, MAIN_EXPORT, overrides=overrides))
    c2.append('{"provider":"soundlink","account_id":"' + ACCOUNT + '","schema_version":"1.0","report_da')
    c2.append(breakdown_row(C2, "2026-04-24", "SE", MAIN_EXPORT, overrides={"streams": '"12"'}))
    write(f"breakdown/breakdown_{C2['id']}_2026-04-20_2026-04-24.jsonl", c2)

    c3 = [breakdown_row(C3, day, country, MAIN_EXPORT, currency="EUR")
          for day in days(25, 28) for country in ("DE", "FR")]
    c3.append(breakdown_row(C3, "2026-04-28", "AT", MAIN_EXPORT, currency="EUR",
                            overrides={"schema_version": '"2.0"'}))
    write(f"breakdown/breakdown_{C3['id']}_2026-04-25_2026-04-28.jsonl", c3)

    c4 = [breakdown_row(C4, day, "US", MAIN_EXPORT) for day in days(26, 27)]
    c4.insert(1, "   ")
    c4.append(breakdown_row(C4, "2026-05-01", "US", MAIN_EXPORT))
    write(f"breakdown/breakdown_{C4['id']}_2026-04-26_2026-05-01.jsonl", c4)

    write(f"breakdown/breakdown_{C5['id']}_2026-04-15_2026-04-15.jsonl",
          [breakdown_row(C5, "2026-04-15", "BR", MAIN_EXPORT)])
    write(f"breakdown/breakdown_{C6['id']}_2026-04-10_2026-04-10.jsonl",
          [breakdown_row(C6, "2026-04-10", "CA", MAIN_EXPORT)])

    # Engagement.
    sleep_deep = ("USAUR2500101", "4uLU6hMCjMI75M1A2tKUQC", "Sleep Deep")
    lullaby = ("USAUR2500103", "7qiZfU4dY1lWllzX7mPBI3", "Lullaby (Acoustic)")
    borealis_cut = (None, "2gNfxysfBRfl9Lvi9T3v6R", "Morning Light (Borealis cut)")
    stranger = ("USXYZ2500009", "5Z7ygHQo02SUrFmcgyY8tb", "Someone Else's Song")
    e1 = [engagement_row(C1, day, country, "catalog", track, MAIN_EXPORT)
          for day in days(27, 30) for country in ("DE", "US")
          for track in sorted((sleep_deep, lullaby, borealis_cut, stranger), key=lambda t: t[1])]
    write(f"engagement/engagement_{C1['id']}_2026-04-27_2026-04-30.jsonl", e1)
    e1_refetch = [engagement_row(C1, day, country, "catalog", track, REFETCH_EXPORT)
                  for day in days(29, 30) for country in ("DE", "US")
                  for track in sorted((sleep_deep, lullaby, borealis_cut, stranger), key=lambda t: t[1])]
    write(f"engagement/engagement_{C1['id']}_2026-04-29_2026-04-30_refetch.jsonl.gz", e1_refetch, compress=True)

    cafe = ("FRCBT2300011", "1mea3bSkSGXuIRvnydlB5b", "Café Noir")
    buro = (None, "3AJwUDP919kvQ9QcozQPxg", "Büro am Meer")
    northern = ("GBBRL2400001", "0VjIjW4GlUZAMYd2vXMi3b", "Northern Lights")
    unknown = (None, "2xLMifQCjDGFmkHkpNLD9h", "Unknown Interlude")
    e3 = []
    for day in days(25, 28):
        for country in ("DE", "FR"):
            for track in sorted((cafe, buro, northern, unknown), key=lambda t: t[1]):
                overrides = {}
                if day == "2026-04-26" and country == "FR" and track is buro:
                    overrides = {"listeners": "null", "new_listeners": "null", "returning_listeners": "null"}
                e3.append(engagement_row(C3, day, country, "playlist", track, MAIN_EXPORT, overrides=overrides))
    e3.append(engagement_row(C3, "2026-04-31", "DE", "playlist", cafe, MAIN_EXPORT))
    e3.append(engagement_row(C3, "2026-04-28", "NL", "playlist", cafe, MAIN_EXPORT,
                             overrides={"engaged_spotify_track_id": "null"}))
    e3.append(engagement_row(C3, "2026-04-28", "BE", "playlist", cafe, MAIN_EXPORT, overrides={"listeners": "-3"}))
    write(f"engagement/engagement_{C3['id']}_2026-04-25_2026-04-28.jsonl", e3)

    mystery = ("QZHN52500777", "3hKPK7g6zWvuaXFZ7JhpQe", "Mystery Single")
    e4 = [engagement_row(C4, day, "US", "catalog", mystery, MAIN_EXPORT) for day in days(26, 27)]
    write(f"engagement/engagement_{C4['id']}_2026-04-26_2026-04-27.jsonl", e4)

    add_close_rows()
    playlist_allocation_rows()


# Month-end close (SPEC §10): overview files and the breakdown rows they are tied out against.
C7 = dict(id="7a2c9d14-8e3f-4b51-a6c7-9d0e1f2a3b4c", name="Night Drive – Close Check", type="track",
          isrc="USAUR2500102", spotify="1301WleyT98MSxVHPZCA6M", playlist=None)
C8 = dict(id="8b3d0e25-9f40-4c62-b7d8-0e1f2a3b4c5d", name="Rouge Straddle", type="track",
          isrc="FRCBT2300013", spotify="0nrRP2bk19rLc0orkWPQk2", playlist=None)
OVERVIEW_MEASURES = ("streams", "listeners", "followers", "impressions", "ad_clicks", "link_clicks")
OVERVIEW_MONEY = ("spend_media", "fees", "spend_total")


def overview(rows, currency, nulls=()):
    """Soundlink's overview of `rows` (JSON lines): the sum of the country rows, money with 2 decimals."""
    parsed = [json.loads(r) for r in rows]
    data = {}
    for name in OVERVIEW_MEASURES:
        data[name] = None if name in nulls else sum(r.get(name) or 0 for r in parsed)
    for name in OVERVIEW_MONEY:
        data[name] = money(sum(round(r[name] * 100) for r in parsed))
    data["currency"] = currency
    return data


def overview_text(data, envelope=True):
    body = ",".join(f"{json.dumps(k)}:{v if k in OVERVIEW_MONEY else json.dumps(v)}" for k, v in data.items())
    body = "{" + body + "}"
    return '{"data":' + body + ',"meta":{"requestId":"5f0c2a9e-1b7d-4c3e-9a8f-2d6b4e1c7a90"}}' if envelope else body


def add_close_rows():
    """Close-check sample, with its own random stream so that other additions do not move its numbers.

    - C7 window 2026-04-01..07 ties out: days 06-07 are re-fetched (the newer rows win, never added),
      03 US has a fee sum 0.10 off (listed in row_checks.csv), 04 GB one exactly 0.01 off (not listed);
    - C7 window 2026-04-08..14 does not tie out: the export lost 2026-04-10 (the overview still counts it);
    - C8 window 2026-04-28..05-04 straddles the period end (May rows still count) and reports
      impressions as null (not_reported); a bare overview object, without the envelope.
    """
    global rng
    saved, rng = rng, random.Random(1015)
    week1 = []
    for day in days(1, 7):
        for country in ("GB", "US"):
            overrides = {}
            if day == "2026-04-03" and country == "US":
                overrides = {"spend_media": "30.00", "fees": "7.50", "spend_total": "37.60"}
            if day == "2026-04-04" and country == "GB":
                overrides = {"spend_media": "20.00", "fees": "5.00", "spend_total": "25.01"}
            week1.append(breakdown_row(C7, day, country, MAIN_EXPORT, overrides=overrides))
    refetched = [breakdown_row(C7, day, country, REFETCH_EXPORT, scale=1.2)
                 for day in days(6, 7) for country in ("GB", "US")]
    write(f"breakdown/breakdown_{C7['id']}_2026-04-01_2026-04-07.jsonl", week1)
    write(f"breakdown/breakdown_{C7['id']}_2026-04-06_2026-04-07_refetch.jsonl", refetched)
    winners = [r for r in week1 if json.loads(r)["report_date"] < "2026-04-06"] + refetched
    write_overview(C7, "2026-04-01", "2026-04-07", overview(winners, "USD"))

    week2 = [breakdown_row(C7, day, country, MAIN_EXPORT) for day in days(8, 14) for country in ("GB", "US")]
    write(f"breakdown/breakdown_{C7['id']}_2026-04-08_2026-04-14.jsonl",
          [r for r in week2 if json.loads(r)["report_date"] != "2026-04-10"])
    write_overview(C7, "2026-04-08", "2026-04-14", overview(week2, "USD"))

    straddle = [breakdown_row(C8, day, country, MAIN_EXPORT, currency="EUR")
                for day in ["2026-04-28", "2026-04-29", "2026-04-30", "2026-05-01", "2026-05-02", "2026-05-03",
                            "2026-05-04"]
                for country in ("BE", "FR")]
    write(f"breakdown/breakdown_{C8['id']}_2026-04-28_2026-05-04.jsonl", straddle)
    write_overview(C8, "2026-04-28", "2026-05-04", overview(straddle, "EUR", nulls=("impressions",)), envelope=False)
    rng = saved


def write_overview(campaign, start, end, data, envelope=True):
    with open(os.path.join(ROOT, "overview", f"overview_{campaign['id']}_{start}_{end}.json"), "w") as out:
        out.write(overview_text(data, envelope))


# --- Playlist spend allocation (--allocate-playlist-spend): a second playlist campaign, in USD, with
# hand-chosen numbers so that every share can be worked out by hand (see scripts/verify_sample.py):
# a three-way tie, a refund split 2:1, a cell whose engagement rows all have zero streams, a cell with
# no engagement rows at all, and a zero-stream track beside streamed ones. No random numbers are drawn,
# so the other files stay as they were.
C9 = dict(id="7a2c4e19-3b5d-4c6f-8e71-9d0b2a4c6e18", name="Night Drive Playlist", type="playlist",
          isrc=None, spotify=None, playlist="37i9dQZF1DX4sWSpwq3LiO")


def fixed_breakdown_row(campaign, day, country, media, fees, total):
    fields = common(campaign, day, MAIN_EXPORT, country) + [
        ("impressions", "1000"), ("ad_clicks", "30"), ("link_clicks", "20"), ("streams", "12"),
        ("listeners", "9"), ("followers", "1"), ("spend_media", media), ("spend_total", total), ("fees", fees),
        ("currency", '"USD"'), ("currency_account", '"USD"'), ("result_type", '"follow"'),
    ]
    return line(fields)


def fixed_engagement_row(campaign, day, country, track, streams):
    isrc, spotify, name = track
    fields = common(campaign, day, MAIN_EXPORT, country) + [
        ("status", '"active"'), ("engagement_context", '"playlist"'),
        ("engaged_track_isrc", json.dumps(isrc)), ("engaged_spotify_track_id", json.dumps(spotify)),
        ("engaged_track_name", json.dumps(name, ensure_ascii=False)), ("playlist_position", "null"),
        ("new_listeners", str(streams)), ("returning_listeners", "0"), ("listeners", str(streams)),
        ("new_listener_streams", str(streams)), ("returning_listener_streams", "0"), ("streams", str(streams)),
    ]
    return line(fields)


def playlist_allocation_rows():
    northern = ("GBBRL2400001", "0VjIjW4GlUZAMYd2vXMi3b", "Northern Lights")   # borealis
    cafe = ("FRCBT2300011", "1mea3bSkSGXuIRvnydlB5b", "Café Noir")              # cobalt
    unknown = (None, "2xLMifQCjDGFmkHkpNLD9h", "Unknown Interlude")            # in no catalog
    lullaby = ("USAUR2500103", "7qiZfU4dY1lWllzX7mPBI3", "Lullaby (Acoustic)")  # aurora, 0 streams only
    write(f"breakdown/breakdown_{C9['id']}_2026-04-20_2026-04-22.jsonl", [
        fixed_breakdown_row(C9, "2026-04-20", "US", "10.00", "2.50", "12.50"),   # 1:1:1 tie (+ a 0-stream track)
        fixed_breakdown_row(C9, "2026-04-21", "GB", "5.00", "1.25", "6.25"),     # only zero streams: unallocated
        fixed_breakdown_row(C9, "2026-04-21", "US", "-1.00", "-0.25", "-1.25"),  # refund split 2:1
        fixed_breakdown_row(C9, "2026-04-22", "US", "3.00", "0.75", "3.75"),     # no engagement rows: unallocated
    ])
    write(f"engagement/engagement_{C9['id']}_2026-04-20_2026-04-22.jsonl", [
        fixed_engagement_row(C9, "2026-04-20", "US", northern, 1),
        fixed_engagement_row(C9, "2026-04-20", "US", cafe, 1),
        fixed_engagement_row(C9, "2026-04-20", "US", unknown, 1),
        fixed_engagement_row(C9, "2026-04-20", "US", lullaby, 0),
        fixed_engagement_row(C9, "2026-04-21", "GB", northern, 0),
        fixed_engagement_row(C9, "2026-04-21", "GB", cafe, 0),
        fixed_engagement_row(C9, "2026-04-21", "US", cafe, 2),
        fixed_engagement_row(C9, "2026-04-21", "US", unknown, 1),
    ])


if __name__ == "__main__":
    main()
