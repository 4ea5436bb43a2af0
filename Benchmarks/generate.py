#!/usr/bin/env python3
"""Generates a large, realistic, deterministic reconciliation month for benchmarks.

  generate.py OUT_DIR [--catalog-rows N] [--breakdown-rows N] [--engagement-rows N] [--seed S]

Writes OUT_DIR/catalogs/{p0..p3}.csv (four dialects: comma + BOM + CRLF with
hyphenated lower-case ISRCs, semicolons with Spotify URIs, TAB, comma with
share URLs), OUT_DIR/breakdown/*.jsonl and OUT_DIR/engagement/*.jsonl with a
re-fetched tail (about 5% of the rows again, newer exported_at), unmatched
targets and engaged tracks (about 8%), and playlist campaigns (10%).
"""
import argparse
import os

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
COUNTRIES = ["US", "GB", "DE", "FR", "SE", "NO", "BR", "MX", "JP", "AU", "CA", "ES", "IT", "NL", "PL", "IN"]


def spotify_id(n):
    digits = []
    n = (n * 2654435761 + 97531) % (62 ** 22)
    for _ in range(22):
        n, r = divmod(n, 62)
        digits.append(ALPHABET[r])
    return "".join(digits)


def isrc(n):
    # Tracks outside the catalogs (n >= 10,000,000) get another country code, so they never collide.
    return f"{'QZ' if n < 10_000_000 else 'XY'}{'ABCDEFGH'[n % 8]}{(n // 8) % 10}{(n // 80) % 10}{n % 10_000_000:07d}"


def money(cents):
    return f"{cents // 100}.{cents % 100:02d}"


def write_catalogs(out, rows):
    os.makedirs(os.path.join(out, "catalogs"), exist_ok=True)
    per = rows // 4
    files = []
    specs = [
        ("p0.csv", "\ufeffISRC,Spotify URL,Title,Artist\r\n", lambda i, s, t: f"{i[:2].lower()}-{i[2:5].lower()}-{i[5:7]}-{i[7:]},{s},\"{t}, Pt. {i[-1]}\",Artist {t[-3:]}\r\n"),
        ("p1.csv", "ISRC Code;Spotify URI;Track Name;Artist Name\n", lambda i, s, t: f"{i};spotify:track:{s};{t};Artist {t[-3:]}\n"),
        ("p2.csv", "isrc\tspotify_id\ttitle\tartist\n", lambda i, s, t: f"{i}\t{s}\t{t}\tArtist {t[-3:]}\n"),
        ("p3.csv", "isrc,spotify_url,track_name,artist\n", lambda i, s, t: f"ISRC:{i},https://open.spotify.com/track/{s}?si=abc{len(t)},{t},Artist {t[-3:]}\n"),
    ]
    for index, (name, header, line) in enumerate(specs):
        path = os.path.join(out, "catalogs", name)
        with open(path, "w", encoding="utf-8", newline="") as handle:
            handle.write(header)
            chunk = []
            for n in range(index * per, (index + 1) * per):
                # every 500th line repeats an earlier track (duplicate or conflict)
                track = n - 250 if n % 500 == 499 else n
                chunk.append(line(isrc(track), spotify_id(track), f"Track {track}"))
                if len(chunk) == 10000:
                    handle.write("".join(chunk))
                    chunk = []
            handle.write("".join(chunk))
        files.append(path)
    return files


def common(campaign, day, exported, country):
    kind = campaign % 10
    if kind == 0:  # playlist campaign
        target = '"campaign_target_type":"playlist","campaign_target_isrc":null,"campaign_target_spotify_track_id":null,' \
                 f'"campaign_target_playlist_id":"37i9dQZF1DX{campaign:011d}"'
    else:
        track = campaign * 37 % CATALOG_TRACKS
        if kind == 9:  # target not in any catalog
            track += 10 * CATALOG_TRACKS
        target_isrc = "null" if kind == 5 else f'"{isrc(track)}"'
        target = f'"campaign_target_type":"track","campaign_target_isrc":{target_isrc},' \
                 f'"campaign_target_spotify_track_id":"{spotify_id(track)}","campaign_target_playlist_id":null'
    return ('{"provider":"soundlink","account_id":"a7ac3173-2f71-4e79-921f-d15d7112dd11","schema_version":"1.0",'
            f'"report_date":"2026-04-{day:02d}","report_date_timezone":"UTC","exported_at":"{exported}",'
            f'"campaign_id":"c{campaign:07d}-4284-9bef-00a2334625fd","campaign_name":"Campaign {campaign}",{target},'
            f'"country_code":"{country}"')


def breakdown_line(campaign, day, country, exported, salt):
    n = campaign * 131 + day * 17 + salt
    impressions = 1000 + n % 5000
    media = 500 + n % 7000
    fees = media // 4
    return (common(campaign, day, exported, country) +
            f',"impressions":{impressions},"ad_clicks":{impressions // 40},"link_clicks":{impressions // 50},'
            f'"streams":{impressions // 20},"listeners":{impressions // 30},"followers":{n % 13},'
            f'"streams_per_listener":1.5,"spend_media":{money(media)},"spend_total":{money(media + fees)},'
            f'"fees":{money(fees)},"currency":"{"EUR" if campaign % 7 == 0 else "USD"}","currency_account":"USD",'
            '"cpl":0.293,"cpf":3.542,"cpc_linkclick":0.478,"ctr_linkclick":0.0185,"ctr_adclick":0.0232,'
            '"cost_per_result":3.542,"result_type":"follow"}\n')


def engagement_line(campaign, day, country, slot, exported, salt):
    base = campaign * 37 % CATALOG_TRACKS
    track = (base + slot * 7919) % CATALOG_TRACKS
    if slot == 9:  # engaged track not in any catalog
        track += 10 * CATALOG_TRACKS
    context = "playlist" if campaign % 10 == 0 else "catalog"
    engaged_isrc = "null" if slot == 4 else f'"{isrc(track)}"'
    n = campaign + day * 3 + slot + salt
    new, returning = 3 + n % 40, n % 15
    ns, rs = new + n % 20, returning + n % 10
    return (common(campaign, day, exported, country) +
            f',"status":"active","engagement_context":"{context}","engaged_track_isrc":{engaged_isrc},'
            f'"engaged_spotify_track_id":"{spotify_id(track)}","engaged_track_name":"Track {track}",'
            f'"playlist_position":{slot + 1 if context == "playlist" else "null"},"new_listeners":{new},'
            f'"returning_listeners":{returning},"listeners":{new + returning},"new_listener_streams":{ns},'
            f'"returning_listener_streams":{rs},"streams":{ns + rs},"spl":1.35}}\n')


def write_exports(out, name, rows, per_row, keys_per_campaign):
    folder = os.path.join(out, name)
    os.makedirs(folder, exist_ok=True)
    campaigns = max(1, rows // keys_per_campaign)
    main = os.path.join(folder, f"{name}_2026-04_main.jsonl")
    refetch = os.path.join(folder, f"{name}_2026-04_refetch.jsonl")
    written = 0
    with open(main, "w") as handle, open(refetch, "w") as again:
        buffer, buffer_again = [], []
        for campaign in range(campaigns):
            for key in range(keys_per_campaign):
                if written >= rows:
                    break
                buffer.append(per_row(campaign, key, "2026-05-02T03:00:00Z", 0))
                if (campaign + key) % 20 == 0:
                    buffer_again.append(per_row(campaign, key, "2026-05-09T03:00:00.000Z", 1))
                written += 1
                if len(buffer) >= 20000:
                    handle.write("".join(buffer))
                    buffer = []
            again.write("".join(buffer_again))
            buffer_again = []
        handle.write("".join(buffer))
    return written


CATALOG_TRACKS = 1


def main():
    global CATALOG_TRACKS
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--catalog-rows", type=int, default=1_000_000)
    parser.add_argument("--breakdown-rows", type=int, default=1_000_000)
    parser.add_argument("--engagement-rows", type=int, default=3_000_000)
    args = parser.parse_args()
    CATALOG_TRACKS = args.catalog_rows
    write_catalogs(args.out, args.catalog_rows)
    if args.breakdown_rows:
        # key = day (30) x country (16 = all): 480 keys per campaign
        write_exports(args.out, "breakdown", args.breakdown_rows,
                      lambda c, k, e, s: breakdown_line(c, 1 + k // 16, COUNTRIES[k % 16], e, s), 480)
    if args.engagement_rows:
        # key = day (30) x country (4) x engaged slot (10): 1200 keys per campaign
        write_exports(args.out, "engagement", args.engagement_rows,
                      lambda c, k, e, s: engagement_line(c, 1 + k // 40, COUNTRIES[(k // 10) % 4], k % 10, e, s), 1200)


if __name__ == "__main__":
    main()
