#!/usr/bin/env python3
"""The peer: the same reconciliation in DuckDB SQL (read_csv + read_json + joins + GROUP BY).

  duckdb_recon.py DATA_DIR OUT_DIR

Reads DATA_DIR/catalogs/p0..p3.csv, DATA_DIR/breakdown/*.jsonl and
DATA_DIR/engagement/*.jsonl, keeps the newest row per primary key, joins on
ISRC then Spotify id (first claim wins across catalogs), writes
territories.csv, tracks.csv, partners.csv and unmatched.csv, and prints the
figures the benchmark compares with soundlink-recon's summary.json as JSON.
"""
import json
import sys

import duckdb

data, out = sys.argv[1], sys.argv[2]
con = duckdb.connect()
# What the DuckDB docs advise for large loads: do not keep input order where it is not needed.
con.execute("SET preserve_insertion_order = false")

CATALOGS = [  # file, isrc column, spotify column, title column, artist column
    ("p0.csv", "ISRC", "Spotify URL", "Title", "Artist"),
    ("p1.csv", "ISRC Code", "Spotify URI", "Track Name", "Artist Name"),
    ("p2.csv", "isrc", "spotify_id", "title", "artist"),
    ("p3.csv", "isrc", "spotify_url", "track_name", "artist"),
]

ISRC_SQL = """CASE WHEN regexp_full_match(c, '[A-Z]{{2}}[A-Z0-9]{{3}}[0-9]{{7}}') THEN c END"""  # braces doubled for .format
NORMALIZE_ISRC = f"""(SELECT {ISRC_SQL} FROM (SELECT regexp_replace(regexp_replace(upper(trim(coalesce({{col}}, ''))),
    '^ISRC[:\\s]\\s*:?', ''), '[-. ]', '', 'g') AS c))"""
NORMALIZE_SPOTIFY = """(SELECT CASE WHEN regexp_full_match(s, '[0-9A-Za-z]{{22}}') THEN s END FROM (SELECT
    regexp_replace(regexp_replace(trim(coalesce({col}, '')),
    '^(?i:spotify:track:|https?://open\\.spotify\\.com/(intl-[A-Za-z-]+/)?track/)', ''), '[/?#].*$', '') AS s))"""

parts = []
for order, (name, isrc, spotify, title, artist) in enumerate(CATALOGS):
    parts.append(f"""
        SELECT {order} AS catalog_order, '{name[:-4]}' AS partner, row_number() OVER () AS line,
               {NORMALIZE_ISRC.format(col=f'"{isrc}"')} AS isrc,
               {NORMALIZE_SPOTIFY.format(col=f'"{spotify}"')} AS spotify,
               "{title}" AS title, "{artist}" AS artist
        FROM read_csv('{data}/catalogs/{name}', header = true, all_varchar = true)""")
con.execute("CREATE TABLE catalog AS " + " UNION ALL ".join(parts))
con.execute("""CREATE TABLE isrc_index AS SELECT isrc, partner, spotify, title, artist FROM (
    SELECT *, row_number() OVER (PARTITION BY isrc ORDER BY catalog_order, line) AS claim
    FROM catalog WHERE isrc IS NOT NULL) WHERE claim = 1""")
con.execute("""CREATE TABLE spotify_index AS SELECT spotify, partner, isrc, title, artist FROM (
    SELECT *, row_number() OVER (PARTITION BY spotify ORDER BY catalog_order, line) AS claim
    FROM catalog WHERE spotify IS NOT NULL) WHERE claim = 1""")

COMMON = """provider: 'VARCHAR', account_id: 'VARCHAR', report_date: 'VARCHAR', exported_at: 'VARCHAR',
    campaign_id: 'VARCHAR', campaign_name: 'VARCHAR', campaign_target_type: 'VARCHAR',
    campaign_target_isrc: 'VARCHAR', campaign_target_spotify_track_id: 'VARCHAR',
    campaign_target_playlist_id: 'VARCHAR', country_code: 'VARCHAR'"""
con.execute(f"""CREATE TABLE breakdown AS SELECT * EXCLUDE (version) FROM (
    SELECT *, row_number() OVER (PARTITION BY provider, account_id, report_date, campaign_id, country_code
                                 ORDER BY exported_at::TIMESTAMPTZ DESC NULLS LAST, filename DESC) AS version
    FROM read_json('{data}/breakdown/*.jsonl', format = 'newline_delimited', filename = true, columns = {{{COMMON},
        impressions: 'BIGINT', ad_clicks: 'BIGINT', link_clicks: 'BIGINT', streams: 'BIGINT', listeners: 'BIGINT',
        followers: 'BIGINT', spend_media: 'VARCHAR', fees: 'VARCHAR', spend_total: 'VARCHAR', currency: 'VARCHAR'}}))
    WHERE version = 1""")
con.execute(f"""CREATE TABLE engagement AS SELECT * EXCLUDE (version) FROM (
    SELECT *, row_number() OVER (PARTITION BY provider, account_id, report_date, campaign_id, engagement_context,
                                 country_code, engaged_spotify_track_id
                                 ORDER BY exported_at::TIMESTAMPTZ DESC NULLS LAST, filename DESC) AS version
    FROM read_json('{data}/engagement/*.jsonl', format = 'newline_delimited', filename = true, columns = {{{COMMON},
        engagement_context: 'VARCHAR', engaged_track_isrc: 'VARCHAR', engaged_spotify_track_id: 'VARCHAR',
        engaged_track_name: 'VARCHAR', streams: 'BIGINT', listeners: 'BIGINT', new_listener_streams: 'BIGINT',
        returning_listener_streams: 'BIGINT'}}))
    WHERE version = 1""")


def side(prefix, isrc_col, spotify_col, playlist_condition="FALSE"):
    """Columns for one matched side: match, partner, isrc, spotify, title, artist."""
    return f"""
        CASE WHEN {playlist_condition} THEN 'playlist' WHEN {prefix}_i.isrc IS NOT NULL THEN 'isrc'
             WHEN {prefix}_s.spotify IS NOT NULL THEN 'spotify_id' ELSE 'unmatched' END AS {prefix}_match,
        CASE WHEN {playlist_condition} THEN '' ELSE coalesce({prefix}_i.partner, {prefix}_s.partner, '') END AS {prefix}_partner,
        CASE WHEN {playlist_condition} THEN '' ELSE coalesce({prefix}_i.isrc, {prefix}_s.isrc,
             {NORMALIZE_ISRC.format(col=isrc_col)}, {isrc_col}, '') END AS {prefix}_isrc,
        CASE WHEN {playlist_condition} THEN '' ELSE coalesce({prefix}_i.spotify, {prefix}_s.spotify,
             {NORMALIZE_SPOTIFY.format(col=spotify_col)}, {spotify_col}, '') END AS {prefix}_spotify,
        coalesce({prefix}_i.title, {prefix}_s.title, '') AS {prefix}_title"""


def joins(prefix, isrc_col, spotify_col):
    return f"""
        LEFT JOIN isrc_index {prefix}_i ON {prefix}_i.isrc = {NORMALIZE_ISRC.format(col=isrc_col)}
        LEFT JOIN spotify_index {prefix}_s ON {prefix}_i.isrc IS NULL
             AND {prefix}_s.spotify = {NORMALIZE_SPOTIFY.format(col=spotify_col)}"""


PLAYLIST = "b.campaign_target_type = 'playlist'"
con.execute(f"""CREATE TABLE breakdown_matched AS SELECT b.*,
    {side('t', 'b.campaign_target_isrc', 'b.campaign_target_spotify_track_id', PLAYLIST)}
    FROM breakdown b {joins('t', 'b.campaign_target_isrc', 'b.campaign_target_spotify_track_id')}""")
con.execute(f"""COPY (SELECT t_match, t_partner, t_isrc, t_spotify,
        CASE WHEN t_match = 'playlist' THEN coalesce(campaign_target_playlist_id, '') ELSE '' END AS playlist,
        country_code, upper(currency) AS currency, any_value(t_title) AS title,
        count(DISTINCT campaign_id) AS campaigns, count(DISTINCT report_date) AS days, count(*) AS rows,
        sum(impressions), sum(streams), sum(listeners),
        sum(spend_media::DECIMAL(38, 6)), sum(fees::DECIMAL(38, 6)), sum(spend_total::DECIMAL(38, 6))
    FROM breakdown_matched GROUP BY ALL ORDER BY ALL) TO '{out}/territories.csv' (HEADER)""")
con.execute(f"""COPY (SELECT CASE WHEN t_match IN ('isrc', 'spotify_id') THEN 'matched' ELSE t_match END AS bucket,
        t_partner, upper(currency) AS currency, count(DISTINCT campaign_id), count(*), sum(streams),
        sum(spend_total::DECIMAL(38, 6)) AS spend_total
    FROM breakdown_matched GROUP BY ALL ORDER BY ALL) TO '{out}/partners.csv' (HEADER)""")

PLAYLIST_E = "e.campaign_target_type = 'playlist'"
con.execute(f"""CREATE TABLE engagement_matched AS SELECT e.*,
    {side('t', 'e.campaign_target_isrc', 'e.campaign_target_spotify_track_id', PLAYLIST_E)},
    {side('g', 'e.engaged_track_isrc', 'e.engaged_spotify_track_id')}
    FROM engagement e {joins('t', 'e.campaign_target_isrc', 'e.campaign_target_spotify_track_id')}
    {joins('g', 'e.engaged_track_isrc', 'e.engaged_spotify_track_id')}""")
GRAIN = "engagement_context, g_match, g_partner, g_isrc, g_spotify, t_match, t_partner, t_isrc, t_spotify"
con.execute(f"""COPY (WITH daily AS (
        SELECT {GRAIN}, report_date, sum(listeners) AS day_listeners FROM engagement_matched GROUP BY ALL),
    peak AS (SELECT {GRAIN}, max(day_listeners) AS peak_daily_listeners FROM daily GROUP BY ALL),
    totals AS (SELECT {GRAIN}, count(DISTINCT campaign_id) AS campaigns, count(DISTINCT country_code) AS countries,
           count(DISTINCT report_date) AS days, count(*) AS rows, sum(streams) AS streams,
           sum(new_listener_streams) AS new_listener_streams,
           sum(returning_listener_streams) AS returning_listener_streams
        FROM engagement_matched GROUP BY ALL)
    SELECT * FROM totals JOIN peak USING ({GRAIN}) ORDER BY ALL) TO '{out}/tracks.csv' (HEADER)""")
con.execute(f"""COPY (
    SELECT 'breakdown' AS source, 'target' AS side, report_date, campaign_id, country_code, '' AS context,
           campaign_target_isrc AS isrc_raw, campaign_target_spotify_track_id AS spotify_raw, streams,
           spend_total, filename
    FROM breakdown_matched WHERE t_match = 'unmatched'
    UNION ALL
    SELECT 'engagement', 'target', report_date, campaign_id, country_code, engagement_context,
           campaign_target_isrc, campaign_target_spotify_track_id, streams, NULL, filename
    FROM engagement_matched WHERE t_match = 'unmatched'
    UNION ALL
    SELECT 'engagement', 'engaged', report_date, campaign_id, country_code, engagement_context,
           engaged_track_isrc, engaged_spotify_track_id, streams, NULL, filename
    FROM engagement_matched WHERE g_match = 'unmatched'
    ORDER BY ALL) TO '{out}/unmatched.csv' (HEADER)""")

figures = {
    "spend_total": {currency: str(total) for currency, total in con.execute(
        "SELECT upper(currency), sum(spend_total::DECIMAL(38, 6)) FROM breakdown GROUP BY 1 ORDER BY 1").fetchall()},
    "breakdown_target": dict(con.execute("SELECT t_match, count(*) FROM breakdown_matched GROUP BY 1").fetchall()),
    "engagement_target": dict(con.execute("SELECT t_match, count(*) FROM engagement_matched GROUP BY 1").fetchall()),
    "engagement_engaged": dict(con.execute("SELECT g_match, count(*) FROM engagement_matched GROUP BY 1").fetchall()),
    "breakdown_kept": con.execute("SELECT count(*) FROM breakdown").fetchone()[0],
    "engagement_kept": con.execute("SELECT count(*) FROM engagement").fetchone()[0],
    "engagement_streams": con.execute("SELECT sum(streams) FROM engagement").fetchone()[0],
}
print(json.dumps(figures, sort_keys=True))
