# End-to-end reference for ScoreValidation on a multi-date portfolio (backtest_snapshots.csv,
# backtest_outcomes.csv, both generated here), written independently of the Java code from the rules in
# Backtest / ValidationReport javadoc:
#  - a snapshot at t is judged on (t, t+90]: churned if the churn date is in it; else retained if the
#    renewal date is in it or the churn date lies after it (known active at the window's end); left out
#    otherwise (no outcome row / churned on or before t / nothing known at the window's end)
#  - evaluated = judged snapshots with a score; AUC etc. on risk = -score
#  - bands ordered by their lowest score over all snapshots, INSUFFICIENT_DATA last; monotone = churn rates
#    never rise over known bands with cases; top-decile lift with ceil(n/10) and fractional ties
#  - band shares over all snapshots; not green 60-90 days before churn; median lead time from turning red
#  - per measure: the same on evaluated snapshots where the sub-score is present
# Tools: numpy, scikit-learn 1.2.1 (Debian). Run: /usr/bin/python3 backtest_reference.py
import csv, math, datetime as dt
import numpy as np
from scipy.stats import norm
from sklearn.metrics import roc_auc_score, average_precision_score, precision_recall_curve, auc as sk_auc

rng = np.random.default_rng(99)
D = lambda s: dt.date.fromisoformat(s)
dates = [D("2025-01-01") + dt.timedelta(days=30 * k) for k in range(7)]
snaps, outs = [], []
for i in range(260):
    acc = "acc%03d" % i
    level = rng.normal(60, 18)
    renewal = D("2025-01-20") + dt.timedelta(days=int(rng.integers(0, 330)))
    hist = []
    for d in dates:
        level += rng.normal(0, 8)
        s = float(np.clip(np.round(level), 0, 100))  # whole numbers: ties
        m1 = float(np.clip(np.round(s + rng.normal(0, 15)), 0, 100))
        m2 = float(np.clip(np.round(rng.uniform(0, 100)), 0, 100))
        if rng.random() < 0.08:
            m2 = float("nan")
        band = "red" if s < 40 else ("yellow" if s < 70 else "green")
        if rng.random() < 0.03:
            band = "INSUFFICIENT_DATA"
        if rng.random() < 0.02:
            s = float("nan")
            band = "INSUFFICIENT_DATA"
        hist.append((d, s))
        snaps.append((acc, d, s, band, m1, m2))
    last = [s for d, s in hist if not math.isnan(s)][-1] if any(not math.isnan(s) for _, s in hist) else 50
    p = 1 / (1 + math.exp(-(1.0 - 0.05 * last)))
    churn = None
    if rng.random() < p:
        churn = renewal if rng.random() < 0.6 else renewal - dt.timedelta(days=int(rng.integers(1, 120)))
    if i % 37 == 5:
        continue  # no outcome row
    outs.append((acc, churn, renewal))
outs.append(("ghost1", D("2025-03-01"), None))
outs.append(("ghost2", None, D("2025-05-01")))

def fmt(v):
    return "" if isinstance(v, float) and math.isnan(v) else ("%g" % v if isinstance(v, float) else str(v))

with open("backtest_snapshots.csv", "w") as f:
    f.write("account_id,as_of,score,band,m1,m2\n")
    for a, d, s, b, m1, m2 in snaps:
        f.write("%s,%s,%s,%s,%s,%s\n" % (a, d, fmt(s), b, fmt(m1), fmt(m2)))
with open("backtest_outcomes.csv", "w") as f:
    f.write("account_id,churn_date,renewal_date\n")
    for a, c, r in outs:
        f.write("%s,%s,%s\n" % (a, c or "", r or ""))

H = 90
out_by = {a: (c, r) for a, c, r in outs}
labels = []
for a, d, s, b, m1, m2 in snaps:
    o = out_by.get(a)
    end = d + dt.timedelta(days=H)
    if o is None:
        labels.append("norow")
    elif o[0] is not None and d < o[0] <= end:
        labels.append("churned")
    elif o[0] is not None and o[0] <= d:
        labels.append("already")
    elif o[1] is not None and d < o[1] <= end:
        labels.append("retained")
    elif o[0] is not None and o[0] > end:
        labels.append("retained")  # churned after the window: known active at its end
    else:
        labels.append("nothing")
res = []
put = lambda k, v: res.append((k, v))
put("snapshots", len(snaps))
put("noOutcomeInHorizon", labels.count("nothing"))
put("noOutcomeRow", labels.count("norow"))
put("alreadyChurned", labels.count("already"))
ev = [(sn, l == "churned") for sn, l in zip(snaps, labels) if l in ("churned", "retained")]
put("unscored", sum(1 for sn, _ in ev if math.isnan(sn[2])))
ev = [(sn, c) for sn, c in ev if not math.isnan(sn[2])]
y = np.array([c for _, c in ev], dtype=int)
score = np.array([sn[2] for sn, _ in ev])
put("evaluated", len(y)); put("churned", int(y.sum())); base = y.mean(); put("baseRate", base)
put("unknownOutcomeAccounts", 2)

def delong(risk, y, level=0.95):
    pos, neg = risk[y == 1], risk[y == 0]
    psi = (pos[:, None] > neg[None, :]) + 0.5 * (pos[:, None] == neg[None, :])
    a = psi.mean()
    var = psi.mean(axis=1).var(ddof=1) / len(pos) + psi.mean(axis=0).var(ddof=1) / len(neg)
    z = norm.ppf(0.5 + level / 2)
    return max(0, a - z * math.sqrt(var)), min(1, a + z * math.sqrt(var))

def lift(risk, y):
    n = len(y); k = max(1, math.ceil(n * 0.1 - 1e-9)); taken = 0; ch = 0.0
    for v in sorted(set(risk), reverse=True):
        g = y[risk == v]; need = min(len(g), k - taken); ch += g.sum() * need / len(g); taken += need
        if taken == k:
            break
    return ch / k / y.mean()

def rank_stats(prefix, risk, y):
    put(prefix + "auc", roc_auc_score(y, risk))
    lo, hi = delong(risk, y)
    put(prefix + "aucLower", lo); put(prefix + "aucUpper", hi)
    put(prefix + "prAuc", average_precision_score(y, risk))
    if prefix == "":
        p, r, _ = precision_recall_curve(y, risk)
        put(prefix + "prAucTrapezoid", sk_auc(r, p))
    put(prefix + "topDecileLift", lift(risk, y))

rank_stats("", -score, y)
lowest = {}
for a, d, s, b, m1, m2 in snaps:
    lowest[b] = min(lowest.get(b, math.inf), s if not math.isnan(s) else math.inf)
order = sorted([b for b in lowest if b != "INSUFFICIENT_DATA"], key=lambda b: lowest[b])
if "INSUFFICIENT_DATA" in lowest:
    order.append("INSUFFICIENT_DATA")

def band_rows(prefix, bands_of, y, base, order):
    prev, mono = math.inf, True
    for b in order:
        sel = np.array([x == b for x in bands_of])
        n = int(sel.sum()); c = int(y[sel].sum()) if n else 0
        rate = c / n if n else float("nan")
        put(prefix + "band." + b + ".accounts", n); put(prefix + "band." + b + ".churned", c)
        put(prefix + "band." + b + ".churnRate", rate); put(prefix + "band." + b + ".multiple", rate / base)
        if b != "INSUFFICIENT_DATA" and n:
            mono = mono and rate <= prev; prev = rate
    put(prefix + "monotone", int(mono))

band_rows("", [sn[3] for sn, _ in ev], y, base, order)
for b in order:
    put("share." + b, sum(1 for sn in snaps if sn[3] == b) / len(snaps))
known = [b for b in order if b != "INSUFFICIENT_DATA"]
top, bottom = known[-1], known[0]
by_acc = {}
for sn in snaps:
    by_acc.setdefault(sn[0], []).append(sn)
win, notg, leads = 0, 0, []
for a, (c, r) in out_by.items():
    if c is None or a not in by_acc:
        continue
    before = sorted([sn for sn in by_acc[a] if sn[1] < c], key=lambda sn: sn[1])
    inwin = [sn for sn in before if 60 <= (c - sn[1]).days <= 90]
    if inwin:
        win += 1; notg += inwin[-1][3] != top
    if before and before[-1][3] == bottom:
        j = len(before) - 1
        while j > 0 and before[j - 1][3] == bottom:
            j -= 1
        leads.append((c - before[j][1]).days)
put("notGreenBeforeChurn", notg / win); put("notGreenBeforeChurnAccounts", win)
put("medianLeadTimeDays", float(np.median(leads))); put("leadTimeAccounts", len(leads))
# per measure: thresholds = lowest score seen in each known band, the first band from 0
mins = {b: (0.0 if i == 0 else lowest[b]) for i, b in enumerate(known)}
for mi, name in [(4, "m1"), (5, "m2")]:
    sub = [(sn[mi], c) for sn, c in ev if not math.isnan(sn[mi])]
    v = np.array([s for s, _ in sub]); yy = np.array([c for _, c in sub], dtype=int)
    put(name + ".evaluated", len(v)); put(name + ".churned", int(yy.sum()))
    rank_stats(name + ".", -v, yy)
    bands_of = [max([b for b in known if mins[b] <= x], key=lambda b: mins[b], default=known[0]) for x in v]
    band_rows(name + ".", bands_of, yy, yy.mean(), known)
# reliability table: 10 bins of width 10, the last closed
for k in range(10):
    sel = np.minimum(9, np.floor(score / 10)).astype(int) == k
    put("reliability.%d.accounts" % k, int(sel.sum()))
    put("reliability.%d.observedRate" % k, y[sel].mean() if sel.any() else float("nan"))
with open("backtest_reference.csv", "w") as f:
    f.write("key,value\n")
    for k, v in res:
        f.write("%s,%.15g\n" % (k, v))
