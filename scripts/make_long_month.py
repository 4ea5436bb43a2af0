#!/usr/bin/env python3
"""Writes DIR/breakdown.jsonl and DIR/engagement.jsonl: a month with 50,007 unmatched breakdown rows
(so the Unmatched sheet is cut) and a few text cells that look like formulas or escapes.

Usage: make_long_month.py DIR"""
import json
import os
import sys

folder = sys.argv[1]
# Text that a spreadsheet could take for a formula, an OOXML escape, or a control character.
NAMES = {3: '=HYPERLINK("x")', 4: "-5 refund", 5: "Mix_x000D_Edit", 6: "Line\rbreak\ttab"}
os.makedirs(folder, exist_ok=True)
base = {"provider": "soundlink", "account_id": "acc", "exported_at": "2026-06-01T00:00:00Z",
        "campaign_target_type": "track", "currency": "USD"}
with open(os.path.join(folder, "breakdown.jsonl"), "w") as out:
    for number in range(50_007):
        row = dict(base, report_date=f"2026-04-{number % 30 + 1:02d}", campaign_id=f"c{number // 1000}",
                   campaign_name=NAMES.get(number, "Long month"),
                   campaign_target_isrc=f"QZZZZ25{number:05d}", country_code=f"{chr(65 + number % 26)}{chr(65 + number // 26 % 26)}",
                   streams=number % 97)
        # Money as JSON numbers written out as text: sub-cent amounts, refunds and a float artefact.
        media = f"{'-' if number % 11 == 0 else ''}{number % 1000}.{number % 100:02d}"
        money = f'"spend_media":{media},"fees":0.001,"spend_total":{media}1'
        if number == 7:
            money = '"spend_media":53.129999999999995,"fees":0,"spend_total":123456789.123456'
        out.write(json.dumps(row)[:-1] + "," + money + "}\n")
with open(os.path.join(folder, "engagement.jsonl"), "w") as out:
    row = dict(base, report_date="2026-04-02", campaign_id="c0", engagement_context="catalog", country_code="US",
               campaign_target_isrc="QZZZZ2500000", engaged_spotify_track_id="@mention", engaged_track_name="+1 (Live)",
               streams=3)
    out.write(json.dumps(row) + "\n")
