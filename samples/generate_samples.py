#!/usr/bin/env python3
"""Regenerates samples/mentions.ndjson from the labelled posts in ../shared/data (not shipped with the repo).

Texts are real public posts from intents-train.jsonl (the sxsw, sanders, complaints and semeval sources; the
airline posts are left out because of their non-commercial licence). Customers, platforms, kinds and times are
simulated: a few very active customers and many with one or two mentions, over three simulated weeks, for two
tenants. The brands' own accounts (@acme, @globex) answer about 30 % of the complaints, some within the response
SLA and some late, so the demo's response-rate view has something to show.

With --predictions (the shipped model's `classify` output for the same posts), a post is only used for an intent
when the model reads it as the human labeller did (primary intent, probability >= 0.6, journey's default
confidence threshold). The demo then shows the journey rules at work, every stage included, rather than the
model's mistakes; the model's own quality is measured in classifier-service/README.md, not here.

Deterministic (fixed seed), so the file only changes when this script, the data or the predictions do:

    java -jar classifier-service/target/classifier-service-*-exec.jar classify --in posts.jsonl > predictions.jsonl
    python3 samples/generate_samples.py ../shared/data/intents-train.jsonl --predictions predictions.jsonl \\
        > samples/mentions.ndjson

where posts.jsonl holds {"id","text"} of every non-airline row of intents-train.jsonl.
"""
import argparse
import json
import random
from datetime import datetime, timedelta, timezone

parser = argparse.ArgumentParser()
parser.add_argument("labelled")
parser.add_argument("--predictions")
args = parser.parse_args()

rng = random.Random(20261122)
rows = [json.loads(line) for line in open(args.labelled, encoding="utf-8")]
rows = [r for r in rows if not r["id"].startswith("airline")]
agrees = None
if args.predictions:
    agrees = set()
    for line in open(args.predictions, encoding="utf-8"):
        p = json.loads(line)
        if p["intents"][p["primaryIntent"]] >= 0.6:
            agrees.add((p["id"], p["primaryIntent"]))
by_intent = {}
for r in rows:
    if agrees is None or (r["id"], r["labels"][0]) in agrees:
        by_intent.setdefault(r["labels"][0], []).append(r)

start = datetime(2026, 10, 1, 8, 0, tzinfo=timezone.utc)
platforms = ["mastodon", "bluesky", "x"]
FOLLOW = "FOLLOW"
# (intent sequence, number of mentions) per customer archetype. The fan praises on several days, follows the
# brand, and only then recommends it: the path to Advocate that DESIGN §3 describes.
archetypes = [
    (["PRAISE", "SUPPORT_REQUEST", "PRAISE", "PRAISE", FOLLOW, "INFORMATIONAL", "RECOMMENDATION", "PRAISE"], 8),
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
brand_answers = [
    "Sorry to hear that! We've sent you a DM so we can sort this out today.",
    "Thanks for flagging this, that's not the experience we want for you. Our support team is on it.",
    "We're sorry about the trouble. Could you DM us your order number? We'll make it right.",
]


def stamp(t):
    return t.isoformat().replace("+00:00", "Z")


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
            serial += 1
            t += timedelta(hours=rng.randrange(3, 60))
            if intent == FOLLOW:
                out.append({"tenant": tenant, "platform": platform, "nativeId": f"{platform}-follow-{serial:05d}",
                            "kind": "FOLLOW", "author": {"id": author, "handle": "@" + author},
                            "createdAt": stamp(t)})
                continue
            post = rng.choice(by_intent[intent])
            native_id = f"{platform}-{serial:05d}"
            out.append({
                "tenant": tenant,
                "platform": platform,
                "nativeId": native_id,
                "kind": "REPLY" if i > 0 and rng.random() < 0.3 else "POST",
                "author": {"id": author, "handle": "@" + author, "displayName": f"Sample customer {author}",
                           "followers": int(rng.paretovariate(1.2) * 40)},
                "text": post["text"],
                "lang": "en",
                "url": f"https://{platform}.example/{author}/{serial}",
                "createdAt": stamp(t),
            })
            if intent in ("COMPLAINT", "CHURN_RISK") and rng.random() < 0.3:
                serial += 1
                out.append({
                    "tenant": tenant,
                    "platform": platform,
                    "nativeId": f"{platform}-{serial:05d}",
                    "kind": "REPLY",
                    "author": {"id": f"{tenant}-brand", "handle": "@" + tenant, "displayName": tenant.capitalize()},
                    "text": rng.choice(brand_answers),
                    "lang": "en",
                    "url": f"https://{platform}.example/{tenant}/{serial}",
                    "inReplyTo": native_id,
                    # most within two hours, the rest a day or two later: answers in time and late ones
                    "createdAt": stamp(t + timedelta(minutes=rng.choice([20, 45, 90, 1500, 2900]))),
                })
out.sort(key=lambda m: m["createdAt"])
for m in out:
    print(json.dumps(m, ensure_ascii=False))
