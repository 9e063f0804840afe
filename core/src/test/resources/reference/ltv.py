# Independent reference values for dev.cskit.touchmodel.Ltv.
# Run: /usr/bin/python3 ltv.py > ltv.csv
# capped:     arpa * margin * min(1/churn, horizon)   (churn 0 -> horizon)
# discounted: sum over t >= 1 of m * (r/(1+d))^t, summed term by term (fractions.Fraction, exact) up to
#             the horizon (finite), or to convergence (infinite horizon, written as "inf").
from fractions import Fraction
import itertools

def capped(arpa, margin, churn, horizon):
    life = Fraction(horizon) if churn == 0 else min(1 / Fraction(churn), Fraction(horizon))
    return Fraction(arpa) * Fraction(margin) * life

def discounted_sum(m, r, d, horizon):
    q = Fraction(r) / (1 + Fraction(d))
    total = Fraction(0)
    term = Fraction(m)
    if horizon != "inf":
        for _ in range(int(horizon)):
            term *= q
            total += term
        return total
    # infinite: sum until the terms no longer move a double
    t = float(m)
    tot = 0.0
    qf = float(q)
    for _ in range(2_000_000):
        t *= qf
        tot += t
        if t < 1e-18 * max(tot, 1e-300):
            break
    return tot

print("kind,arpa,margin,churn,discount,horizon,value")
arpas = ["1200", "50000"]
margins = ["0.8", "0.65"]
churns = ["0", "0.000001", "0.05", "0.2", "0.5", "1"]
for arpa, margin, churn, horizon in itertools.product(arpas, margins, churns, ["3", "5", "10"]):
    v = capped(Fraction(arpa), Fraction(margin), Fraction(churn), Fraction(horizon))
    print(f"capped,{arpa},{margin},{churn},0,{horizon},{float(v)!r}")
for arpa, margin, churn, d, horizon in itertools.product(
        arpas, margins, churns, ["0", "0.1", "0.25"], ["1", "5", "10", "inf"]):
    if horizon == "inf" and d == "0" and Fraction(churn) < Fraction("0.01"):
        continue  # unbounded (or too slow to converge); the Java code refuses churn 0 without discount
    m = Fraction(arpa) * Fraction(margin)
    v = discounted_sum(m, 1 - Fraction(churn), Fraction(d), horizon)
    print(f"discounted,{arpa},{margin},{churn},{d},{horizon},{float(v)!r}")
