#!/usr/bin/python3
"""Independent reference for cskit's retention module (issue 15), in plain Python 3 (stdlib only).

Written from the definitions, not from the Java code: MRR of an account in a month is the sum over its line
items active at the end of the month's last day (start <= day < end) of amount / months-of-period rounded
half-to-even to the cent; movements compare each account's month with the month before. Dense month-by-month
evaluation by dates (the Java code works on change points).

Run from this directory:  /usr/bin/python3 reference.py   (writes the CSVs next to it)
"""
import csv
import math
from datetime import date, timedelta
from decimal import Decimal, ROUND_HALF_EVEN
from statistics import NormalDist

Z = NormalDist().inv_cdf(0.975)
PERIOD_MONTHS = {"month": 1, "quarter": 3, "year": 12}


def add_months(d, k):
    y, m = divmod(d.month - 1 + k, 12)
    y += d.year
    m += 1
    # clamp the day to the month's length, like java.time.LocalDate.plusMonths
    nxt = date(y + (m == 12), m % 12 + 1, 1)
    last = (nxt - timedelta(days=1)).day
    return date(y, m, min(d.day, last))


def month_end(y, m):
    return date(y + (m == 12), m % 12 + 1, 1) - timedelta(days=1)


def read_items(path):
    items = []
    with open(path, newline="") as f:
        for r in csv.DictReader(f):
            months = PERIOD_MONTHS[r["billing_period"]]
            cents = (Decimal(r["amount"]) * 100 / months).quantize(Decimal(1), rounding=ROUND_HALF_EVEN)
            items.append(dict(account=r["account_id"], start=date.fromisoformat(r["start_date"]),
                              end=date.fromisoformat(r["end_date"]) if r["end_date"] else None,
                              months=months, cents=int(cents)))
    return items


def period_end_items(items):
    """Churn at the end of the paid period: a cancelled item runs to its next billing date unless another
    item of the account starts on its end date (a plan change)."""
    out = []
    for it in items:
        it = dict(it)
        if it["end"] is not None and it["end"] > it["start"]:
            replaced = any(o["account"] == it["account"] and o["start"] == it["end"] for o in items)
            if not replaced:
                k = 1
                while add_months(it["start"], k * it["months"]) < it["end"]:
                    k += 1
                it["end"] = add_months(it["start"], k * it["months"])
        out.append(it)
    return out


def months_of(items, through=None):
    first = min((i["start"].year, i["start"].month) for i in items)
    last = through or max(max((i["start"].year, i["start"].month),
                              (i["end"].year, i["end"].month) if i["end"] else (0, 0)) for i in items)
    out = []
    y, m = first
    while (y, m) <= last:
        out.append((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def dense(items, months):
    accounts = sorted({i["account"] for i in items})
    mrr = {a: [0] * len(months) for a in accounts}
    for idx, (y, m) in enumerate(months):
        day = month_end(y, m)
        for it in items:
            if it["start"] <= day and (it["end"] is None or it["end"] > day):
                mrr[it["account"]][idx] += it["cents"]
    return mrr


def label(y, m, period):
    return {"month": f"{y:04d}-{m:02d}", "quarter": f"{y:04d}-Q{(m - 1) // 3 + 1}", "year": f"{y:04d}"}[period]


def classify(mrr, window):
    """Per account, per month index: (type, amount) or None. Types: new, expansion, reactivation,
    contraction, churn."""
    out = {}
    for a, v in mrr.items():
        moves = []
        ever = False
        last_active = None
        for i, x in enumerate(v):
            p = v[i - 1] if i > 0 else 0
            mv = None
            if p == 0 and x > 0:
                if not ever:
                    mv = ("new", x)
                else:
                    away = i - last_active - 1  # whole months without MRR
                    mv = ("reactivation", x) if window is None or away <= window else ("new", x)
                ever = True
            elif p > 0 and x == 0:
                mv = ("churn", p)
            elif x > p > 0:
                mv = ("expansion", x - p)
            elif 0 < x < p:
                mv = ("contraction", p - x)
            if x > 0:
                last_active = i
            moves.append(mv)
        out[a] = moves
    return out


TYPES = ["new", "expansion", "reactivation", "contraction", "churn"]


def periods(months, period):
    groups = []
    for i, (y, m) in enumerate(months):
        lab = label(y, m, period)
        if groups and groups[-1][0] == lab:
            groups[-1][1].append(i)
        else:
            groups.append((lab, [i]))
    return groups


def bridge(mrr, months, period, window):
    moves = classify(mrr, window)
    rows = []
    for lab, idx in periods(months, period):
        s, e = idx[0], idx[-1]
        start = sum(v[s - 1] for v in mrr.values()) if s > 0 else 0
        end = sum(v[e] for v in mrr.values())
        amounts = {t: 0 for t in TYPES}
        accts = {t: set() for t in TYPES}
        for a, mv in moves.items():
            for i in idx:
                if mv[i]:
                    amounts[mv[i][0]] += mv[i][1]
                    accts[mv[i][0]].add(a)
        sa = sum(1 for v in mrr.values() if s > 0 and v[s - 1] > 0)
        ea = sum(1 for v in mrr.values() if v[e] > 0)
        assert start + amounts["new"] + amounts["expansion"] + amounts["reactivation"] \
            - amounts["contraction"] - amounts["churn"] == end
        rows.append(dict(label=lab, starting=start, new=amounts["new"], expansion=amounts["expansion"],
                         reactivation=amounts["reactivation"], contraction=amounts["contraction"],
                         churn=amounts["churn"], ending=end, starting_accounts=sa,
                         new_accounts=len(accts["new"]), expansion_accounts=len(accts["expansion"]),
                         reactivation_accounts=len(accts["reactivation"]),
                         contraction_accounts=len(accts["contraction"]), churned_accounts=len(accts["churn"]),
                         ending_accounts=ea, _s=s, _e=e))
    return rows


def ratio(a, b):
    return "" if b == 0 else repr(a / b)


def rates(mrr, months, period, window):
    out = []
    for r in bridge(mrr, months, period, window):
        s, e = r["_s"] - 1, r["_e"]
        base = [v for v in mrr.values() if s >= 0 and v[s] > 0]
        x = sum(v[s] for v in base)
        c12 = [v for v in mrr.values() if e - 12 >= 0 and v[e - 12] > 0]
        x12 = sum(v[e - 12] for v in c12)
        gained = r["new"] + r["expansion"] + r["reactivation"]
        lost = r["contraction"] + r["churn"]
        out.append(dict(label=r["label"], starting_accounts=r["starting_accounts"],
                        logo_churn=ratio(r["churned_accounts"], r["starting_accounts"]),
                        gross_mrr_churn=ratio(lost, r["starting"]),
                        net_mrr_churn=ratio(lost - r["expansion"] - r["reactivation"], r["starting"]),
                        quick_ratio=ratio(gained, lost), expansion_share=ratio(r["expansion"], gained),
                        grr=ratio(sum(min(v[s], v[e]) for v in base), x), nrr=ratio(sum(v[e] for v in base), x),
                        accounts12=len(c12), grr12=ratio(sum(min(v[e - 12], v[e]) for v in c12), x12),
                        nrr12=ratio(sum(v[e] for v in c12), x12)))
    return out


def cohorts(mrr, months, key):
    cells = {}
    for a, v in mrr.items():
        active = [i for i, x in enumerate(v) if x > 0]
        if not active:
            continue
        c = active[0]
        g = key(a, c)
        for k in range(len(v) - c):
            cell = cells.setdefault((g, k), [0, 0, 0, 0])
            cell[0] += 1
            cell[1] += v[c + k] > 0
            cell[2] += v[c]
            cell[3] += v[c + k]
    return [dict(group=g, months_since_start=k, observed=c[0], active=c[1], start_mrr=c[2], mrr=c[3])
            for (g, k), c in sorted(cells.items())]


def wilson(k, n, Z=Z):
    p = k / n
    d = 1 + Z * Z / n
    centre = (p + Z * Z / (2 * n)) / d
    half = Z * math.sqrt(p * (1 - p) / n + Z * Z / (4 * n * n)) / d
    return max(0.0, centre - half), min(1.0, centre + half)


def ratio_ci(xs, ys, Z=Z):
    n = len(xs)
    r = sum(ys) / sum(xs)
    if n < 2:
        return r, "", ""
    xbar = sum(xs) / n
    se = math.sqrt(sum((y - r * x) ** 2 for x, y in zip(xs, ys)) / (n * (n - 1))) / xbar
    return r, r - Z * se, r + Z * se


def by_band(mrr, months, as_of, snapshot, horizons, z=Z):
    # base month: the last month that ended on or before as_of
    y, m = as_of.year, as_of.month
    if as_of != month_end(y, m):
        y, m = (y - 1, 12) if m == 1 else (y, m - 1)
    b = months.index((y, m))
    accts = [a for a, v in mrr.items() if v[b] > 0]
    rows = []
    for dim in ["all", "band", "tier"]:
        def group(a):
            if dim == "all":
                return "all"
            return snapshot.get(a, {}).get(dim, "(none)")
        order = {"red": 0, "yellow": 1, "green": 2}
        for g in sorted({group(a) for a in accts}, key=lambda s: (order.get(s, 3), s)):
            members = [a for a in accts if group(a) == g]
            for h in horizons:
                if b + h >= len(months):
                    continue
                xs = [mrr[a][b] for a in members]
                ys = [mrr[a][b + h] for a in members]
                gs = [min(x, y) for x, y in zip(xs, ys)]
                nrr, nlo, nhi = ratio_ci(xs, ys, z)
                grr, glo, ghi = ratio_ci(xs, gs, z)
                churned = sum(1 for y_ in ys if y_ == 0)
                llo, lhi = wilson(churned, len(members), z)
                rows.append(dict(dimension=dim, group=g, horizon=h, accounts=len(members), start_mrr=sum(xs),
                                 end_mrr=sum(ys), nrr=repr(nrr), nrr_lower=max(0.0, nlo) if nlo != "" else "",
                                 nrr_upper=nhi, grr=repr(grr), grr_lower=max(0.0, glo) if glo != "" else "",
                                 grr_upper=min(1.0, ghi) if ghi != "" else "", churned=churned,
                                 logo_churn=repr(churned / len(members)), logo_churn_lower=llo,
                                 logo_churn_upper=lhi))
    return rows


def write(name, rows):
    rows = [{k: v for k, v in r.items() if not k.startswith("_")} for r in rows]
    with open(name, "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0].keys()), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


def main():
    items = read_items("subscriptions.csv")
    months = months_of(items)
    mrr = dense(items, months)
    for period in ["month", "quarter", "year"]:
        write(f"bridge_{period}.csv", bridge(mrr, months, period, None))
        write(f"rates_{period}.csv", rates(mrr, months, period, None))
    write("bridge_month_window12.csv", bridge(mrr, months, "month", 12))
    pe = period_end_items(items)
    pe_months = months_of(pe)
    write("bridge_month_period_end.csv", bridge(dense(pe, pe_months), pe_months, "month", None))
    write("cohorts_start.csv", cohorts(mrr, months, lambda a, c: "%04d-%02d" % months[c]))
    with open("attributes.csv", newline="") as f:
        seg = {r["account_id"]: r["segment"] for r in csv.DictReader(f)}
    write("cohorts_segment.csv", cohorts(mrr, months, lambda a, c: seg.get(a, "(none)")))
    with open("snapshot.csv", newline="") as f:
        snap = {r["account_id"]: r for r in csv.DictReader(f)}
    write("by_band.csv", by_band(mrr, months, date(2024, 12, 31), snap, [3, 6, 12]))
    # the same at a 90% confidence level (z = 1.6449): intervals two-sided, as at 95%
    write("by_band_90.csv", by_band(mrr, months, date(2024, 12, 31), snap, [3, 6, 12], NormalDist().inv_cdf(0.95)))
    write("mrr.csv", [dict(account_id=a, month="%04d-%02d" % months[i], mrr_cents=x)
                      for a, v in mrr.items() for i, x in enumerate(v)])


if __name__ == "__main__":
    main()
