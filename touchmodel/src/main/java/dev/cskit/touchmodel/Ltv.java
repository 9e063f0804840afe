package dev.cskit.touchmodel;

import dev.cskit.core.ArgumentException;

/**
 * Lifetime-value formulas. Every input is per period (cskit uses years); none of them explodes when churn
 * is zero: the capped form stops at the horizon, the discounted form is bounded by the discounting (or by
 * the horizon when there is none).
 *
 * <p>Arguments outside their domain throw {@link ArgumentException} naming the argument: these are programming errors,
 * configuration is validated by {@link LtvSettings} before it gets here.
 */
public final class Ltv {
  private Ltv() {}

  /**
   * ARPA x margin / churn, with the expected lifetime 1 / churn capped at {@code horizon} periods:
   * {@code arpa * margin * min(1 / churn, horizon)}. Churn 0 gives {@code arpa * margin * horizon}.
   *
   * @param arpa revenue per account per period, >= 0
   * @param margin gross margin, in [0, 1]
   * @param churn churn rate per period, in [0, 1]
   * @param horizon the longest lifetime counted, in periods, > 0 and finite
   */
  public static double capped(double arpa, double margin, double churn, double horizon) {
    checkArpa(arpa);
    checkUnit("margin", margin);
    checkUnit("churn", churn);
    if (!(horizon > 0) || Double.isInfinite(horizon)) {
      throw new ArgumentException("horizon", "must be a finite number > 0", String.valueOf(horizon));
    }
    double lifetime = churn * horizon <= 1 ? horizon : 1 / churn;
    return arpa * margin * lifetime;
  }

  /**
   * The discounted lifetime value of a margin {@code m} earned at the end of every period the account is
   * retained: {@code m r / (1 + d - r)} (the sum over t >= 1 of m (r / (1 + d))^t).
   *
   * @param m margin per period (ARPA x gross margin), >= 0
   * @param retention the retention rate r = 1 - churn, in [0, 1]
   * @param discount the discount rate d per period, &gt;= 0; d = 0 requires r &lt; 1
   */
  public static double discounted(double m, double retention, double discount) {
    checkDiscounted(m, retention, discount);
    if (retention == 1 && discount == 0) {
      throw new ArgumentException("discount",
          "with retention 1 and no discounting the value is unbounded: give a horizon", "0");
    }
    return m * retention / (1 + discount - retention);
  }

  /**
   * The discounted lifetime value over at most {@code horizon} periods: the sum for t = 1..H of
   * m (r / (1 + d))^t, in closed form {@code m q (1 - q^H) / (1 - q)} with q = r / (1 + d); {@code m H} when
   * q = 1. Tends to {@link #discounted(double, double, double)} as H grows. H may be fractional (the closed
   * form is then used as is).
   */
  public static double discounted(double m, double retention, double discount, double horizon) {
    checkDiscounted(m, retention, discount);
    if (!(horizon > 0)) {
      throw new ArgumentException("horizon", "must be > 0", String.valueOf(horizon));
    }
    if (Double.isInfinite(horizon)) {
      return discounted(m, retention, discount);
    }
    double q = retention / (1 + discount);
    if (q == 0) {
      return 0;
    }
    double lnq = Math.log(q);
    if (Math.abs(lnq) < 1e-9) {
      // (1 - q^H) / (1 - q) -> H as q -> 1; second-order term keeps accuracy near 1
      return m * q * horizon * (1 + lnq * (horizon - 1) / 2);
    }
    return m * q * (-Math.expm1(horizon * lnq)) / (-Math.expm1(lnq));
  }

  private static void checkDiscounted(double m, double retention, double discount) {
    checkArpa(m);
    checkUnit("retention", retention);
    if (!(discount >= 0) || Double.isInfinite(discount)) {
      throw new ArgumentException("discount", "must be a finite number >= 0", String.valueOf(discount));
    }
  }

  private static void checkArpa(double v) {
    if (!(v >= 0) || Double.isInfinite(v)) {
      throw new ArgumentException("arpa", "revenue must be a finite number >= 0", String.valueOf(v));
    }
  }

  private static void checkUnit(String name, double v) {
    if (!(v >= 0 && v <= 1)) {
      throw new ArgumentException(name, "must be in [0, 1]", String.valueOf(v));
    }
  }
}
