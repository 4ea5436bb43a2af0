#!/usr/bin/env python3
"""Writes a month of inputs with every case the sql proof must hold on:

  make_sql_month.py DIR

DIR/catalogs/{north,south}.csv and DIR/breakdown/, DIR/engagement/ (JSONL, one gzipped).
Deterministic. Re-fetches with exported_at ties (spelled differently, within a file and
across files), absent exported_at on either side of a tie, credits and negative totals,
sub-cent and float-artefact money, a currency whose total is 0 and shares that fall
exactly on a half millionth, playlists (one without an id), unmatched targets and engaged
tracks of every reason, rows unmatched on both sides, provisional rows, out-of-period
rows, unknown engagement contexts, null counts, text that starts like a formula or
holds commas, quotes and line breaks, in free text, raw ids and key fields, a NUL, and
free text longer than the reports' 4,096-byte cut.
"""
import gzip
import json
import os
import random
import sys

out = sys.argv[1]
rng = random.Random(17)
for folder in ("catalogs", "breakdown", "engagement"):
    os.makedirs(os.path.join(out, folder), exist_ok=True)

with open(os.path.join(out, "catalogs/north.csv"), "w", encoding="utf-8", newline="") as f:
    f.write("ISRC,Spotify URL,Title,Artist\r\n"
            "us-nrt-26-00001,https://open.spotify.com/track/1111111111111111111111?si=x,=SUM(A1:A9),+Plus Band\r\n"
            "USNRT2600002,spotify:track:2222222222222222222222,\"Comma, \"\"Quote\"\"\nBreak\",-Minus\r\n"
            "USNRT2600003,,Only ISRC,@At\r\n"
            "not-an-isrc,3333333333333333333333,Only Spotify,\tTabbed\r\n"
            "USNRT2600001,4444444444444444444444,Duplicate ISRC owns this id,Dup\r\n"
            "USNRT2600005,5555555555555555555555,Plain,Artist\r\n")
with open(os.path.join(out, "catalogs/south.csv"), "w", encoding="utf-8", newline="") as f:
    f.write("isrc;spotify_id;title;artist\n"
            "USNRT2600005;6666666666666666666666;Conflict ISRC owns spotify;South\n"
            "GBSTH2600001;7777777777777777777777;Southern;South\n"
            "GBSTH2600002;;\"=cmd|' /C calc'!A0\";South\n"
            "GBSTH2600003;;" + "Long title " * 500 + ";South\n")

ACCOUNT = "a7ac3173-2f71-4e79-921f-d15d7112dd11"
CAMPAIGNS = [  # id, name, type, isrc, spotify, playlist
    ("c-isrc", "Track via ISRC", "track", "usnrt2600001", "0000000000000000000000", None),
    ("c-spotify", "=Via, \"Spotify\"\nid", "track", None, "https://open.spotify.com/intl-pt-BR/track/7777777777777777777777", None),
    ("+c-invalid", "-Invalid keys", "track", "=HYPERLINK(\"x\")", "-notvalid", None),
    ("c-nokeys", "@No keys", "track", "  ", None, None),
    ("c-notin", "\tNot in catalog", "track", "QZAAA2600009", "9999999999999999999999", None),
    ("c-playlist", "\rPlaylist", "playlist", None, None, "37i9dQZF1DXcBWIGoYBM5M"),
    ("c-playlist-null", "Playlist without id", "playlist", None, None, None),
    ("c-untyped", "Untyped, conflict key", None, "USNRT2600005", None, None),
    ("c-dup-spotify", "Matched by the duplicate's id", "track", "XX", "4444444444444444444444", None),
    ("c-dash", "A valid ISRC whose raw text starts with a dash", "track", "-qzaaa-26-00010", "\t", None),
]
COUNTRIES = ["US", "DE", "=Z", "SE"]
DAYS = [f"2026-06-{d:02d}" for d in range(1, 31)]
FINAL = "2026-07-20T00:00:00Z"


def money_text(micros):
    sign = "-" if micros < 0 else ""
    micros = abs(micros)
    return f"{sign}{micros // 1000000}.{micros % 1000000:06d}"


def header(campaign, day, country, exported_at, account=ACCOUNT):
    cid, name, ctype, isrc, spotify, playlist = campaign
    return {"provider": "soundlink", "account_id": account, "schema_version": "1.0", "report_date": day,
            "report_date_timezone": "UTC", "exported_at": exported_at, "campaign_id": cid, "campaign_name": name,
            "campaign_target_type": ctype, "campaign_target_isrc": isrc, "campaign_target_spotify_track_id": spotify,
            "campaign_target_playlist_id": playlist, "country_code": country}


def breakdown(campaign, day, country, exported_at, currency="USD", account=ACCOUNT, spend=None):
    row = header(campaign, day, country, exported_at, account)
    media = rng.randint(-2000, 90000) * 1000 if spend is None else spend
    fees = rng.randint(0, 20000) * 1000 if spend is None else 0
    row.update({"impressions": rng.choice([None, rng.randint(0, 9000)]), "ad_clicks": rng.randint(0, 300),
                "link_clicks": rng.randint(0, 200), "streams": rng.randint(0, 900), "listeners": rng.randint(0, 500),
                "followers": rng.choice([None, rng.randint(0, 40)]), "currency": currency,
                "spend_media": "MEDIA", "fees": "FEES", "spend_total": "TOTAL"})
    text = json.dumps(row, ensure_ascii=False)
    total = media + fees
    return (text.replace('"MEDIA"', money_text(media)).replace('"FEES"', money_text(fees))
            .replace('"TOTAL"', money_text(total)))


def engagement(campaign, day, country, exported_at, context, engaged_isrc, engaged_spotify, name, listeners=None):
    row = header(campaign, day, country, exported_at)
    new, returning = rng.randint(0, 300), rng.randint(0, 300)
    row.update({"status": "active", "engagement_context": context, "engaged_track_isrc": engaged_isrc,
                "engaged_spotify_track_id": engaged_spotify, "engaged_track_name": name, "playlist_position": None,
                "new_listeners": 1, "returning_listeners": 1,
                "listeners": rng.randint(0, 400) if listeners is None else listeners,
                "new_listener_streams": new, "returning_listener_streams": returning, "streams": new + returning})
    return json.dumps(row, ensure_ascii=False)


b1, b2, b3 = [], [], []
for campaign in CAMPAIGNS:
    for day in DAYS[::3]:
        for country in COUNTRIES[: 2 + (day[-1] in "47")]:
            exported = FINAL if day < "2026-06-25" else "2026-06-29T23:59:59.999+00:00"
            currency = rng.choice(["USD", "USD", "eur", "JPY"])
            b1.append(breakdown(campaign, day, country, exported, currency))
# Re-fetches in b2: a tie spelled differently (b2 wins), an older version (b1 keeps it), a newer one.
for index in range(0, len(b1), 7):
    row = json.loads(b1[index])
    tie = row["exported_at"].replace("Z", "+00:00") if row["exported_at"].endswith("Z") else "2026-06-30T01:59:59.999+02:00"
    b2.append(breakdown(CAMPAIGNS[[c[0] for c in CAMPAIGNS].index(row["campaign_id"])], row["report_date"],
                        row["country_code"], tie, row["currency"]))
for index in range(3, len(b1), 11):
    row = json.loads(b1[index])
    campaign = CAMPAIGNS[[c[0] for c in CAMPAIGNS].index(row["campaign_id"])]
    b2.append(breakdown(campaign, row["report_date"], row["country_code"], "2026-06-01T00:00:00Z", row["currency"]))
    b3.append(breakdown(campaign, row["report_date"], row["country_code"], "2026-07-21T00:00:00.5Z", row["currency"]))
# Absent exported_at: loses to a present one (b3 below), beats nothing; two absent: the later wins.
b3.append(breakdown(CAMPAIGNS[0], "2026-06-01", "US", None))
b3.append(breakdown(CAMPAIGNS[4], "2026-06-02", "FR", ""))
b3.append(breakdown(CAMPAIGNS[4], "2026-06-02", "FR", None))
b3.append(breakdown(CAMPAIGNS[4], "2026-06-02", "FR", None))
# Same key twice in one file with the same instant: the later line wins.
b3.append(breakdown(CAMPAIGNS[1], "2026-06-05", "NO", FINAL, "NOK"))
b3.append(breakdown(CAMPAIGNS[1], "2026-06-05", "NO", "2026-07-20T02:00:00+02:00", "NOK"))
# Currencies: CHF nets to 0 (share 0.000000), NOK negative, SEK/DKK shares exactly on a half millionth.
b3.append(breakdown(CAMPAIGNS[0], "2026-06-06", "CH", FINAL, "CHF", spend=5_000_000))
b3.append(breakdown(CAMPAIGNS[4], "2026-06-06", "CH", FINAL, "CHF", spend=-5_000_000))
b3.append(breakdown(CAMPAIGNS[0], "2026-06-07", "NO", FINAL, "NOK", spend=-12_345_678))
b3.append(breakdown(CAMPAIGNS[4], "2026-06-07", "NO", FINAL, "NOK", spend=2_000_001))
b3.append(breakdown(CAMPAIGNS[4], "2026-06-08", "SE", FINAL, "sek", spend=1))
b3.append(breakdown(CAMPAIGNS[0], "2026-06-08", "SE", FINAL, "SEK", spend=1_999_999))
b3.append(breakdown(CAMPAIGNS[4], "2026-06-09", "DK", FINAL, "DKK", spend=3))
b3.append(breakdown(CAMPAIGNS[0], "2026-06-09", "DK", FINAL, "DKK", spend=1_999_997))
# Money spelled as a producer's float, with an exponent, sub-cent; odd key texts; out of period.
odd = json.loads(breakdown(CAMPAIGNS[2], "2026-06-10", "-X", FINAL, "USD", account="=acct"))
odd.update({"spend_media": 53.129999999999995, "fees": 1e-3, "spend_total": 53.130999999999995})
b3.append(json.dumps(odd, ensure_ascii=False))
# A NUL (printed as U+FFFD) and free text longer than the 4,096-byte cut, in a name and a key.
nul = json.loads(breakdown(CAMPAIGNS[4], "2026-06-11", "N\u0000L", FINAL))
nul.update({"campaign_name": "nul\u0000here " + "\u00e9" * 3000, "account_id": "acct\u0000x"})
b3.append(json.dumps(nul, ensure_ascii=False))
b3.append(breakdown(CAMPAIGNS[3], "2026-05-31", "US", FINAL))
b3.append(breakdown(CAMPAIGNS[3], "2026-07-01", "US", FINAL))
b3 += ["", "not json", '{"provider":"soundlink"}', json.dumps({**json.loads(b1[0]), "currency": "US"})]

e1, e2 = [], []
ENGAGED = [  # isrc, spotify id, name
    ("USNRT2600001", "1111111111111111111111", "=Direct play"),
    (None, "2222222222222222222222", "Spotify only, \"quoted\""),
    ("USNRT2600003", "abcdefghijklmnopqrstuv", "ISRC only\nline two"),
    (None, "zzzzzzzzzzzzzzzzzzzzzz", "+Unknown track"),
    ("bad-isrc", "spotify:track:short", "-Invalid engaged keys"),
    ("GBSTH2600002", "8888888888888888888888", "@Southern by ISRC"),
]
for campaign in CAMPAIGNS:
    contexts = ["playlist"] if campaign[2] == "playlist" else ["catalog", "=ctx"] if campaign[0] == "c-notin" else ["catalog"]
    for day in DAYS[::2]:
        for country in COUNTRIES[:2]:
            for context in contexts:
                for isrc, spotify, name in rng.sample(ENGAGED, 3):
                    exported = FINAL if day < "2026-06-27" else "2026-07-01T00:00:00Z"
                    e1.append(engagement(campaign, day, country, exported, context, isrc, spotify, name,
                                         listeners=rng.choice([None, rng.randint(0, 400)])))
for index in range(0, len(e1), 5):
    row = json.loads(e1[index])
    campaign = CAMPAIGNS[[c[0] for c in CAMPAIGNS].index(row["campaign_id"])]
    e2.append(engagement(campaign, row["report_date"], row["country_code"], row["exported_at"],
                         row["engagement_context"], row["engaged_track_isrc"], row["engaged_spotify_track_id"],
                         row["engaged_track_name"]))
e2.append(engagement(CAMPAIGNS[4], "2026-07-02", "US", FINAL, "catalog", None, "zzzzzzzzzzzzzzzzzzzzzz", "late"))
e2.append(engagement(CAMPAIGNS[4], "2026-06-12", "US", FINAL, "catalog", None, "zzzz\u0000zzz",
                     "=" + "\u2603" * 2000 + "\u0000"))

for name, rows in (("breakdown/b1.jsonl", b1), ("breakdown/b2.jsonl", b2), ("breakdown/b3.jsonl", b3),
                   ("engagement/e1.jsonl", e1)):
    with open(os.path.join(out, name), "w", encoding="utf-8") as f:
        f.write("\n".join(rows) + "\n")
with gzip.open(os.path.join(out, "engagement/e2.jsonl.gz"), "wt", encoding="utf-8") as f:
    f.write("\n".join(e2) + "\n")
