# Independent reference for dev.cskit.touchmodel rule segmentation (rules method): a plain re-statement of the
# documented semantics, written without looking at the Java code paths:
#   LTV (capped) = arr * margin * min(1 / churn, horizon)
#   rules: first match wins; min is inclusive, max exclusive; exitMin / exitTopPercent apply when the previous
#          tier is the rule's tier; topPercent p: the ceil(p% x N) largest values (ties at the cut included)
#   pins (until >= as-of) override everything
#   hysteresis on changes (previous tier known, not pinned): renewal within freeze days -> held; fewer than
#          minDaysInTier since entering -> held; then at most maxChangesPerCycle changes, largest LTV first
#          (ties by account id), the rest held
#   capacity: from the top tier down, a tier over its slots (floor(hours / hours per account)) keeps pinned
#          accounts first, then the largest LTVs (ties by id); the rest move one tier down
# Run: /usr/bin/python3 segmentation.py  (writes seg_model.yaml, seg_accounts.csv, seg_previous.csv,
#      seg_expected.csv)
import csv
import datetime as dt
import math
import random

rnd = random.Random(5)
AS_OF = dt.date(2026, 6, 30)
N = 400
TIERS = ["tech", "low", "high"]
HOURS = {"tech": 0, "low": 1.5, "high": 8}
CAP_HOURS = {"tech": math.inf, "low": 240, "high": 200}   # low 160 slots, high 25 slots
MARGIN, CHURN, HORIZON = 0.75, 0.2, 4

model = """version: 1
name: reference
tiers:
  - {name: tech, hoursPerAccountMonth: 0, capacity: {unlimited: true}}
  - {name: low, hoursPerAccountMonth: 1.5, capacity: {hours: 240}}
  - {name: high, hoursPerAccountMonth: 8, capacity: {managers: 2, hoursPerManager: 100}}
ltv: {method: capped, grossMargin: 0.75, churn: 0.2, horizonYears: 4}
rules:
  - {name: big, tier: high, when: [{field: arr, min: 100000, exitMin: 80000}]}
  - {name: top, tier: high, when: [{field: ltv, topPercent: 4, exitTopPercent: 6}]}
  - {name: ent, tier: low, when: [{field: attributes.segment, in: [enterprise]}]}
  - {name: mid, tier: low, when: [{field: arr, min: 15000, exitMin: 12000}, {field: stage, in: [adoption, expansion, renewal]}]}
  - {name: rest, tier: tech}
pins:
  - {account: R0007, tier: high, until: 2026-12-31}
  - {account: R0011, tier: low, until: 2026-06-29}
  - {account: R0013, tier: tech}
hysteresis: {minDaysInTier: 60, maxChangesPerCycle: 25, renewalFreezeDays: 30}
"""
pins = {"R0007": "high", "R0013": "tech"}   # R0011's pin expired the day before

accounts = []
for i in range(1, N + 1):
    seg = rnd.choices(["smb", "mid", "enterprise"], [0.7, 0.22, 0.08])[0]
    med = {"smb": 6000, "mid": 30000, "enterprise": 120000}[seg]
    arr = round(rnd.lognormvariate(math.log(med), 0.6))
    stage = rnd.choices(["onboarding", "adoption", "expansion", "renewal"], [0.1, 0.6, 0.15, 0.15])[0]
    renewal = AS_OF + dt.timedelta(days=rnd.randint(1, 365))
    accounts.append({"id": f"R{i:04d}", "arr": arr, "seg": seg, "stage": stage, "renewal": renewal})

previous = {}
for a in accounts:
    if rnd.random() < 0.7:
        previous[a["id"]] = (rnd.choice(TIERS), AS_OF - dt.timedelta(days=rnd.randint(0, 400)))

def ltv(arr):
    life = HORIZON if CHURN * HORIZON <= 1 else 1 / CHURN
    return arr * MARGIN * life

def top_cut(values, p):
    v = sorted(values)
    k = max(1, min(len(v), math.ceil(p / 100 * len(v) - 1e-9)))
    return v[len(v) - k]

ltvs = {a["id"]: ltv(a["arr"]) for a in accounts}
cut_enter = top_cut(list(ltvs.values()), 4)
cut_exit = top_cut(list(ltvs.values()), 6)

def rule_tier(a):
    prev = previous.get(a["id"], (None, None))[0]
    thr = 80000 if prev == "high" else 100000
    if a["arr"] >= thr:
        return "high", "rule"
    if ltvs[a["id"]] >= (cut_exit if prev == "high" else cut_enter):
        return "high", "rule"
    if a["seg"] == "enterprise":
        return "low", "rule"
    thr = 12000 if prev == "low" else 15000
    if a["arr"] >= thr and a["stage"] in ("adoption", "expansion", "renewal"):
        return "low", "rule"
    return "tech", "rule"

tier, kind, held = {}, {}, {}
for a in accounts:
    if a["id"] in pins:
        tier[a["id"]], kind[a["id"]] = pins[a["id"]], "pin"
    else:
        tier[a["id"]], kind[a["id"]] = rule_tier(a)
    held[a["id"]] = False

changes = []
for a in accounts:
    i = a["id"]
    if i in pins or i not in previous or tier[i] == previous[i][0]:
        continue
    days_to_renewal = (a["renewal"] - AS_OF).days
    if 0 <= days_to_renewal <= 30 or (AS_OF - previous[i][1]).days < 60:
        tier[i], kind[i], held[i] = previous[i][0], "held", True
        continue
    changes.append(i)
changes.sort(key=lambda i: (-ltvs[i], i))
for i in changes[25:]:
    tier[i], kind[i], held[i] = previous[i][0], "held", True

for t in range(len(TIERS) - 1, 0, -1):
    name = TIERS[t]
    slots = math.floor(CAP_HOURS[name] / HOURS[name] + 1e-9)
    members = [a["id"] for a in accounts if tier[a["id"]] == name]
    members.sort(key=lambda i: (i not in pins, -ltvs[i], i))
    for i in members[slots:]:
        tier[i], kind[i], held[i] = TIERS[t - 1], "capacity_spill", False

with open("seg_model.yaml", "w") as f:
    f.write(model)
with open("seg_accounts.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["account_id", "arr", "seats", "renewal_date", "stage", "segment"])
    for a in accounts:
        w.writerow([a["id"], a["arr"], 5, a["renewal"].isoformat(), a["stage"], a["seg"]])
with open("seg_previous.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["account_id", "tier", "since"])
    for i, (t, since) in previous.items():
        w.writerow([i, t, since.isoformat()])
with open("seg_expected.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["account_id", "tier", "kind", "held", "changed"])
    for a in accounts:
        i = a["id"]
        changed = i in previous and previous[i][0] != tier[i]
        w.writerow([i, tier[i], kind[i], str(held[i]).lower(), str(changed).lower()])
counts = {t: sum(1 for a in accounts if tier[a["id"]] == t) for t in TIERS}
kinds = {k: sum(1 for v in kind.values() if v == k) for k in set(kind.values())}
print(counts, kinds)
