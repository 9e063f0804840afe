# Reference ROC curves and lift by decile for RankMetrics.roc / RankMetrics.liftByDecile on rank_{a,b,c}.csv
# (risk = -score, churned = 1).
#  - ROC: scikit-learn 1.2.1 roc_curve(y, risk, drop_intermediate=False) (first point: threshold inf in
#    sklearn >= 1.3, max + 1 in 1.2: written here as inf).
#  - lift by decile: written independently of the Java code: the expected churned count among the top k
#    cases over random tie breaks, estimated exactly by averaging the ranking over every tie group
#    (hypergeometric expectation = group churned * taken / group size), k = ceil(n d / 10); decile d =
#    top(k_d) - top(k_{d-1}); lift = (churned / cases) / base rate.
# Run: /usr/bin/python3 roc_lift_reference.py  -> roc_reference.csv, lift_decile_reference.csv
import csv, math
import numpy as np
from sklearn.metrics import roc_curve

roc_rows, lift_rows = [], []
for ds in "abc":
    with open("rank_%s.csv" % ds) as f:
        rows = list(csv.DictReader(f))
    risk = -np.array([float(r["score"]) for r in rows])
    y = np.array([int(float(r["churned"])) for r in rows])
    fpr, tpr, thr = roc_curve(y, risk, drop_intermediate=False)
    for i, (a, b, t) in enumerate(zip(fpr, tpr, thr)):
        roc_rows.append((ds, i, "inf" if i == 0 else repr(float(t)), repr(float(a)), repr(float(b))))
    n = len(y)
    base = y.mean()
    values = np.unique(risk)[::-1]  # distinct risks, highest first

    def top(k):
        taken, ch = 0, 0.0
        for v in values:
            if taken >= k:
                break
            g = risk == v
            size, pos = int(g.sum()), int(y[g].sum())
            need = min(size, k - taken)
            ch += pos * need / size
            taken += need
        return ch

    prev_k, prev_c = 0, 0.0
    for d in range(1, 11):
        k = min(n, math.ceil(n * d / 10 - 1e-9))
        c = top(k)
        cases = k - prev_k
        rate = (c - prev_c) / cases
        lift_rows.append((ds, d, cases, repr(c - prev_c), repr(rate / base)))
        prev_k, prev_c = k, c

with open("roc_reference.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["dataset", "index", "threshold", "fpr", "tpr"])
    w.writerows(roc_rows)
with open("lift_decile_reference.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["dataset", "decile", "cases", "churned", "lift"])
    w.writerows(lift_rows)
