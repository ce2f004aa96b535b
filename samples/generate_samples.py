#!/usr/bin/env python3
"""Regenerates samples/mentions.ndjson from the labelled posts in ../shared/data (not shipped with the repo).

Texts are real public posts from intents-train.jsonl (the sxsw, sanders, complaints and semeval sources; the
airline posts are left out because of their non-commercial licence). Customers, platforms, kinds and times are
simulated: a few very active customers and many with one or two mentions, over three simulated weeks, for two
tenants. Deterministic (fixed seed), so the file only changes when this script does.

    python3 samples/generate_samples.py ../shared/data/intents-train.jsonl > samples/mentions.ndjson
"""
import json
import random
import sys
from datetime import datetime, timedelta, timezone

rng = random.Random(20261122)
rows = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
rows = [r for r in rows if not r["id"].startswith("airline")]
by_intent = {}
for r in rows:
    by_intent.setdefault(r["labels"][0], []).append(r)

start = datetime(2026, 10, 1, 8, 0, tzinfo=timezone.utc)
platforms = ["mastodon", "bluesky", "x"]
# (intent mix, number of mentions) per customer archetype
archetypes = [
    (["PRAISE", "SUPPORT_REQUEST", "PRAISE", "RECOMMENDATION", "PRAISE", "INFORMATIONAL"], 8),
    (["COMPLAINT", "SUPPORT_REQUEST", "COMPLAINT", "CHURN_RISK"], 5),
    (["DEAL_SEEKING", "DEAL_SEEKING", "DEAL_SEEKING", "PURCHASE_INTENT"], 4),
    (["INFORMATIONAL", "PRAISE"], 2),
    (["PURCHASE_INTENT", "SUPPORT_REQUEST"], 2),
    (["INFORMATIONAL"], 1),
    (["IRRELEVANT"], 1),
    (["COMPLAINT"], 1),
    (["PRAISE"], 1),
]
weights = [2, 2, 2, 4, 3, 6, 3, 3, 4]
out = []
serial = 0
for tenant in ["acme", "globex"]:
    for n in range(60 if tenant == "acme" else 25):
        intents, count = rng.choices(archetypes, weights)[0]
        platform = rng.choice(platforms)
        author = f"{platform[:2]}{rng.randrange(10**6, 10**7)}"
        t = start + timedelta(hours=rng.randrange(0, 24 * 7))
        for i in range(count):
            intent = intents[i % len(intents)]
            post = rng.choice(by_intent[intent])
            serial += 1
            t += timedelta(hours=rng.randrange(3, 60))
            out.append({
                "tenant": tenant,
                "platform": platform,
                "nativeId": f"{platform}-{serial:05d}",
                "kind": "REPLY" if i > 0 and rng.random() < 0.3 else "POST",
                "author": {"id": author, "handle": "@" + author, "displayName": f"Sample customer {author}",
                           "followers": int(rng.paretovariate(1.2) * 40)},
                "text": post["text"],
                "lang": "en",
                "url": f"https://{platform}.example/{author}/{serial}",
                "createdAt": t.isoformat().replace("+00:00", "Z"),
            })
        if intents[0] == "PRAISE" and count > 2:
            serial += 1
            out.append({"tenant": tenant, "platform": platform, "nativeId": f"{platform}-follow-{serial:05d}",
                        "kind": "FOLLOW", "author": {"id": author, "handle": "@" + author},
                        "createdAt": (t + timedelta(hours=2)).isoformat().replace("+00:00", "Z")})
out.sort(key=lambda m: m["createdAt"])
for m in out:
    print(json.dumps(m, ensure_ascii=False))
