# Reference values for RankMetrics: scikit-learn 1.2.1 (Debian python3-sklearn) AUC, average precision and
# trapezoidal PR AUC; a DeLong interval written here from DeLong et al. (1988) by the pairwise definition
# (O(n1 n0), independent of the Java code's rank formulation), cross-checked against R pROC in rank_proc.R;
# top-decile lift by explicit enumeration of random tie-breaks' expectation.
# Run: /usr/bin/python3 rank_reference.py  -> rank_reference.csv
import csv
import math
import numpy as np
from scipy.stats import norm
from sklearn.metrics import roc_auc_score, average_precision_score, precision_recall_curve, auc

def load(name):
    with open(name) as f:
        rows = list(csv.DictReader(f))
    return np.array([float(r["score"]) for r in rows]), np.array([int(r["churned"]) for r in rows])

def delong(risk, y, level=0.95):
    pos, neg = risk[y == 1], risk[y == 0]
    psi = (pos[:, None] > neg[None, :]).astype(float) + 0.5 * (pos[:, None] == neg[None, :])
    v10, v01 = psi.mean(axis=1), psi.mean(axis=0)
    a = psi.mean()
    var = v10.var(ddof=1) / len(pos) + v01.var(ddof=1) / len(neg)
    z = norm.ppf(0.5 + level / 2)
    return a, max(0.0, a - z * math.sqrt(var)), min(1.0, a + z * math.sqrt(var)), math.sqrt(var)

def lift(risk, y, share=0.1):
    n = len(y)
    k = max(1, math.ceil(n * share - 1e-9))
    vals = sorted(set(risk), reverse=True)
    taken, churned = 0, 0.0
    for v in vals:
        grp = y[risk == v]
        need = min(len(grp), k - taken)
        churned += grp.sum() * need / len(grp)
        taken += need
        if taken == k:
            break
    return (churned / k) / y.mean()

out = []
for ds in ["a", "b", "c"]:
    score, y = load("rank_%s.csv" % ds)
    risk = -score
    p, r, _ = precision_recall_curve(y, risk)
    a, lo, hi, se = delong(risk, y)
    assert abs(a - roc_auc_score(y, risk)) < 1e-12
    out += [(ds, "auc", roc_auc_score(y, risk)), (ds, "average_precision", average_precision_score(y, risk)),
            (ds, "pr_auc_trapezoid", auc(r, p)), (ds, "delong_lower", lo), (ds, "delong_upper", hi),
            (ds, "delong_se", se), (ds, "top_decile_lift", lift(risk, y))]
with open("rank_reference.csv", "w") as f:
    f.write("dataset,quantity,value\n")
    for ds, q, v in out:
        f.write("%s,%s,%.15g\n" % (ds, q, v))
