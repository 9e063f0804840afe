# Reference values for the percentile rule, produced with scipy (Debian python3-scipy):
#   /usr/bin/python3 percentile.py > percentile.csv
# For each account: scipy.stats.percentileofscore(others, x, kind='mean'), where `others` are the present
# values of the other accounts (in the whole table, and within the account's segment); 50 when there are
# no others; empty when the value is missing.
import math
import random

from scipy.stats import percentileofscore

rng = random.Random(20261124)
rows = []
for i in range(80):
    seg = rng.choice(["smb", "mid", "enterprise"])
    r = rng.random()
    if r < 0.1:
        v = float("nan")
    elif r < 0.5:
        v = float(rng.randint(0, 6))  # many ties
    else:
        v = round(rng.gauss(10, 5), 2)
    rows.append((f"A{i:03d}", seg, v))
# a segment with a single present account
rows.append(("A900", "solo", 3.5))
rows.append(("A901", "solo", float("nan")))


def pct(others, x):
    if len(others) == 0:
        return 50.0
    return float(percentileofscore(others, x, kind="mean"))


print("account_id,segment,value,pct_all,pct_segment")
for i, (aid, seg, v) in enumerate(rows):
    if math.isnan(v):
        print(f"{aid},{seg},,,")
        continue
    others = [w for j, (_, _, w) in enumerate(rows) if j != i and not math.isnan(w)]
    others_seg = [w for j, (_, s, w) in enumerate(rows) if j != i and s == seg and not math.isnan(w)]
    print(f"{aid},{seg},{v!r},{pct(others, v)!r},{pct(others_seg, v)!r}")
