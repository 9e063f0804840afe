# An independent implementation of the scorecard semantics (issue 3), in Python with pandas/numpy/PyYAML
# (Debian python3-pandas, python3-yaml), used as the reference for the Java engine:
#
#   cd scoring/src/test/resources/reference
#   /usr/bin/python3 scorecard.py ../../../main/resources/dev/cskit/scoring/three-axis.yaml \
#       sample300/metrics.csv sample300/accounts.csv > sample300/three-axis.csv
#   /usr/bin/python3 scorecard.py ../../../main/resources/dev/cskit/scoring/onboarding.yaml \
#       sample300/metrics.csv sample300/accounts.csv > sample300/onboarding.csv
#
# sample300/metrics.csv and accounts.csv are `cskit sample --accounts 300 --seed 42`. Written from the issue's
# text, row by row, without looking at the Java code paths.
import math
import sys

import numpy as np
import pandas as pd
import yaml

card = yaml.safe_load(open(sys.argv[1]))
metrics = pd.read_csv(sys.argv[2])
accounts = pd.read_csv(sys.argv[3]).set_index("account_id")
nan = float("nan")


def interp(x, points):
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    if x <= xs[0]:
        return ys[0]
    if x >= xs[-1]:
        return ys[-1]
    return float(np.interp(x, xs, ys))


def steps(x, st, below):
    s = below
    for m, sc in st:
        if x >= m:
            s = sc
    return s


def percentile_column(values, segments):
    out = []
    for i, x in enumerate(values):
        if math.isnan(x):
            out.append(nan)
            continue
        others = [v for j, v in enumerate(values)
                  if j != i and not math.isnan(v) and segments[j] == segments[i]]
        if not others:
            out.append(50.0)
            continue
        below = sum(1 for v in others if v < x)
        equal = sum(1 for v in others if v == x)
        out.append(100.0 * (below + 0.5 * equal) / len(others))
    return out


def worst(rule):
    t = rule["type"]
    if t == "linear":
        return min(p[1] for p in rule["points"])
    if t == "steps":
        return min([rule["below"]] + [p[1] for p in rule["steps"]])
    if t == "boolean":
        return min(rule["whenTrue"], rule["whenFalse"])
    if t == "trend":
        return min([rule["whenPreviousZero"]] + [p[1] for p in rule["points"]])
    return 0.0


measures = card["measures"]
categories = card.get("categories") or []
bands = card.get("bands") or [{"name": "red", "min": 0}, {"name": "yellow", "min": 40}, {"name": "green", "min": 70}]
min_coverage = card.get("minCoverage", 0)

pct = {}
for m in measures:
    if m["rule"]["type"] == "percentile":
        seg = m["rule"].get("segment")
        segs = [accounts.loc[a, seg] if seg else "" for a in metrics["account_id"]]
        pct[m["id"]] = percentile_column(list(metrics[m["metric"]].astype(float)), segs)


def raw(m, i, row):
    r = m["rule"]
    t = r["type"]
    if t == "trend":
        c, p = row[r["current"]], row[r["previous"]]
        if math.isnan(c) or math.isnan(p):
            return nan
        if p == 0:
            return r["whenPreviousZero"]
        return interp((c - p) / p, r["points"])
    x = row[m["metric"]]
    if math.isnan(x):
        return nan
    if t == "linear":
        return interp(x, r["points"])
    if t == "steps":
        return steps(x, r["steps"], r["below"])
    if t == "boolean":
        return r["whenTrue"] if x != 0 else r["whenFalse"]
    return pct[m["id"]][i]


cats = categories if categories else [{"id": "", "weight": 1}]
cat_of = {m["id"]: (m.get("category") or "") for m in measures}
total_cat_w = sum(c["weight"] for c in cats)
cols = ["account_id", "score", "band", "coverage"] + ["category_" + c["id"] for c in categories] + \
    ["measure_" + m["id"] for m in measures]
print(",".join(cols))
for i, row in metrics.iterrows():
    row = {k: (float(v) if k != "account_id" else v) for k, v in row.items()}
    sub = {}
    observed = {}
    for m in measures:
        v = raw(m, i, row)
        observed[m["id"]] = not math.isnan(v)
        pol = (m.get("missing") or {}).get("policy", "exclude")
        if math.isnan(v) and pol == "neutral":
            v = m["missing"]["value"]
        elif math.isnan(v) and pol == "worst":
            v = worst(m["rule"])
        sub[m["id"]] = v
    cat_score = {}
    coverage = 0.0
    for c in cats:
        ms = [m for m in measures if cat_of[m["id"]] == c["id"]]
        wsum_all = sum(m["weight"] for m in ms)
        coverage += sum(c["weight"] / total_cat_w * m["weight"] / wsum_all for m in ms if observed[m["id"]])
        present = [m for m in ms if not math.isnan(sub[m["id"]])]
        if not present:
            cat_score[c["id"]] = nan
        elif c.get("aggregate", "weightedMean") == "min":
            cat_score[c["id"]] = min(sub[m["id"]] for m in present)
        else:
            cat_score[c["id"]] = sum(m["weight"] * sub[m["id"]] for m in present) / sum(m["weight"] for m in present)
    pc = [c for c in cats if not math.isnan(cat_score[c["id"]])]
    score = sum(c["weight"] * cat_score[c["id"]] for c in pc) / sum(c["weight"] for c in pc) if pc else nan
    for cap in card.get("caps") or []:
        x = row[cap["metric"]]
        if math.isnan(x):
            continue
        ops = {">": x > cap["value"], ">=": x >= cap["value"], "<": x < cap["value"], "<=": x <= cap["value"],
               "==": x == cap["value"], "!=": x != cap["value"]}
        if ops[cap["op"]]:
            score = min(score, cap["maxScore"])
    if math.isnan(score) or coverage < min_coverage:
        band = "INSUFFICIENT_DATA"
    else:
        band = [b["name"] for b in bands if b["min"] <= score][-1]

    def f(v):
        return "" if math.isnan(v) else repr(float(v))

    cells = [row["account_id"], f(score), band, f(coverage)] + [f(cat_score[c["id"]]) for c in categories] + \
        [f(sub[m["id"]]) for m in measures]
    print(",".join(cells))
