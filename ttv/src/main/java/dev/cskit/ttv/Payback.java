package dev.cskit.ttv;

import dev.cskit.core.ArgumentException;
import dev.cskit.core.CskitException;
import dev.cskit.core.io.TextTable;
import dev.cskit.ttv.stats.AalenJohansen;
import dev.cskit.ttv.stats.KaplanMeier;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;

/**
 * Payback of an adoption: the "negative phase" right after the contract, where learning, licence and
 * set-up costs exceed benefits, and when it ends.
 *
 * <p>Day 0 carries the upfront cost; on each day d = 1..horizon the benefit and the cost of that day flow
 * (at the end of the day, discounted by {@code (1 + annualRate)^(-d/365)} in the discounted curve). The
 * result gives the cumulative net curves, their troughs and the interpolated payback days, undiscounted
 * and discounted.
 *
 * <p>{@link #of} uses benefits that start on day 1 ({@code benefits.at(1)} on day 1). {@link #expected}
 * lets benefits start when the account reaches value, at a time drawn from a time-to-value distribution:
 * with value on day s (time in (s - 1, s]; time 0 counts as day 0) benefits flow from day s + 1 with the
 * curve's day 1, so the expected benefit on day d is {@code sum_s P(value on day s) benefits.at(d - s)}.
 * Probability mass the distribution never places (accounts that never reach value within the data) earns
 * no benefit: the expected curve is conservative.
 *
 * @param upfrontCost the cost on day 0
 * @param dailyCosts the cost per day
 * @param dailyBenefits the benefit per day (since value, for the expected curve)
 * @param annualDiscountRate the annual discount rate (0 for none)
 * @param curve the days 0..horizon
 * @param undiscounted the undiscounted trough and payback
 * @param discounted the discounted trough and payback
 */
public record Payback(
    double upfrontCost,
    DailySeries dailyCosts,
    DailySeries dailyBenefits,
    double annualDiscountRate,
    List<PaybackPoint> curve,
    PaybackSummary undiscounted,
    PaybackSummary discounted) {
  public Payback {
    curve = List.copyOf(curve);
  }

  /** Payback with benefits flowing from day 1. */
  public static Payback of(
      double upfrontCost, DailySeries dailyCosts, DailySeries dailyBenefits, double annualDiscountRate,
      int horizonDays) {
    return build(upfrontCost, dailyCosts, dailyBenefits, annualDiscountRate, horizonDays,
        d -> dailyBenefits.at((int) d));
  }

  /**
   * Expected payback when benefits start at the time to value, drawn from {@code shareReachedBy}: the
   * cumulative probability of having reached value by time t (e.g. {@code t -> 1 - km.survival(t)} or the
   * Aalen-Johansen incidence of value).
   */
  public static Payback expected(
      double upfrontCost, DailySeries dailyCosts, DailySeries dailyBenefits, double annualDiscountRate,
      int horizonDays, DoubleUnaryOperator shareReachedBy) {
    checkHorizon(horizonDays);
    double[] f = new double[horizonDays + 1];
    double prev = 0;
    for (int s = 0; s <= horizonDays; s++) {
      double cum = shareReachedBy.applyAsDouble(s);
      if (!(cum >= 0 && cum <= 1 + 1e-12)) {
        throw new ArgumentException("time-to-value distribution",
            "the share reached must be between 0 and 1", String.valueOf(cum));
      }
      f[s] = Math.max(cum - prev, 0);
      prev = Math.max(prev, cum);
    }
    return build(upfrontCost, dailyCosts, dailyBenefits, annualDiscountRate, horizonDays,
        dd -> {
          int d = (int) dd;
          double b = 0;
          for (int s = 0; s < d; s++) {
            if (f[s] > 0) {
              b += f[s] * dailyBenefits.at(d - s);
            }
          }
          return b;
        });
  }

  /** Expected payback with the time to value from a Kaplan-Meier curve ({@code 1 - S(t)}). */
  public static Payback expected(
      double upfrontCost, DailySeries dailyCosts, DailySeries dailyBenefits, double annualDiscountRate,
      int horizonDays, KaplanMeier timeToValue) {
    return expected(upfrontCost, dailyCosts, dailyBenefits, annualDiscountRate, horizonDays,
        t -> 1 - timeToValue.survival(t));
  }

  /**
   * Expected payback with the time to value from the Aalen-Johansen incidence of value (type 1): accounts
   * that churn first never earn the benefit.
   */
  public static Payback expected(
      double upfrontCost, DailySeries dailyCosts, DailySeries dailyBenefits, double annualDiscountRate,
      int horizonDays, AalenJohansen incidence) {
    return expected(upfrontCost, dailyCosts, dailyBenefits, annualDiscountRate, horizonDays,
        t -> incidence.incidence(1, t).value());
  }

  /** The longest horizon, in days: 100 years. */
  public static final int MAX_HORIZON_DAYS = 36_500;

  /**
   * Checks a horizon as every payback here does: 1 to {@link #MAX_HORIZON_DAYS} days. For callers that take
   * the horizon before they read the data.
   *
   * @throws ArgumentException ({@code horizon}) otherwise
   */
  public static void checkHorizon(int horizonDays) {
    if (horizonDays < 1 || horizonDays > MAX_HORIZON_DAYS) {
      throw new ArgumentException("horizon", "must be 1 to " + MAX_HORIZON_DAYS + " days", String.valueOf(horizonDays));
    }
  }

  private static Payback build(
      double upfront, DailySeries costs, DailySeries benefits, double rate, int horizon,
      DoubleUnaryOperator benefitOnDay) {
    checkHorizon(horizon);
    if (!Double.isFinite(upfront) || upfront < 0) {
      throw new ArgumentException("upfront cost", "must be a finite number >= 0", String.valueOf(upfront));
    }
    if (!(rate >= 0) || Double.isInfinite(rate)) {
      throw new ArgumentException("discount rate", "must be a finite annual rate >= 0", String.valueOf(rate));
    }
    List<PaybackPoint> points = new ArrayList<>(horizon + 1);
    double n = -upfront;
    double dn = -upfront;
    points.add(new PaybackPoint(0, 0, upfront, n, dn));
    for (int d = 1; d <= horizon; d++) {
      double b = benefitOnDay.applyAsDouble(d);
      double c = costs.at(d);
      n += b - c;
      dn += (b - c) * Math.pow(1 + rate, -d / 365.0);
      points.add(new PaybackPoint(d, b, c, n, dn));
    }
    return new Payback(upfront, costs, benefits, rate, points, summary(points, PaybackPoint::cumulativeNet),
        summary(points, PaybackPoint::discountedCumulativeNet));
  }

  private static PaybackSummary summary(List<PaybackPoint> points, ToDoubleFunction<PaybackPoint> net) {
    int trough = 0;
    double depth = Double.POSITIVE_INFINITY;
    for (PaybackPoint p : points) {
      double v = net.applyAsDouble(p);
      if (v < depth) {
        depth = v;
        trough = p.day();
      }
    }
    double payback = Double.NaN;
    if (depth >= 0) {
      payback = 0;
    } else {
      for (int d = trough + 1; d < points.size(); d++) {
        double a = net.applyAsDouble(points.get(d - 1));
        double b = net.applyAsDouble(points.get(d));
        if (a < 0 && b >= 0) {
          payback = d - 1 + (-a) / (b - a);
          break;
        }
      }
    }
    return new PaybackSummary(trough, depth, payback);
  }

  @Override
  public String toString() {
    TextTable t = TextTable.withHeader("", "trough day", "trough depth", "payback day")
        .column(2, TextTable::money).column(3, TextTable.decimals(TextTable.decimalsFor(
            new double[] {undiscounted.paybackDay(), discounted.paybackDay()}, 1)));
    t.row("undiscounted", undiscounted.troughDay(), undiscounted.troughDepth(), undiscounted.paybackDay());
    t.row("discounted", discounted.troughDay(), discounted.troughDepth(), discounted.paybackDay());
    return "Payback over " + (curve.size() - 1) + " days, upfront " + TextTable.cell(upfrontCost)
        + ", costs " + dailyCosts + ", benefits " + dailyBenefits + ", discount rate "
        + TextTable.cell(annualDiscountRate) + "\n" + t;
  }
}
