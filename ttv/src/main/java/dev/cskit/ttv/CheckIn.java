package dev.cskit.ttv;

import dev.cskit.core.AccountId;
import dev.cskit.core.ArgumentException;
import dev.cskit.core.CskitException;
import dev.cskit.ttv.stats.AalenJohansen;
import dev.cskit.ttv.stats.KaplanMeier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.DoubleBinaryOperator;

/**
 * Check-in timing from a time-to-value curve. One vendor phones every new customer on day 10.3 of a
 * two-week onboarding; cskit finds that day from the data: the conditional chance of reaching value in
 * the next k days given not yet reached, {@code h(d) = 1 - S(d + k) / S(d)}, rises while accounts are
 * getting through onboarding and falls once those that will make it on their own have done so. The
 * recommended call day is the earliest d where h(d) falls below a threshold after having been at or above
 * it. Since S is a right-continuous step function, h only changes at event times t and at t - k, so the
 * day is exact and may be fractional.
 *
 * <p>With churn as a competing event, use the {@link AalenJohansen} overloads: the chance of reaching value
 * in the window given neither value nor churn yet is {@code (F(d + k) - F(d)) / p0(d)}, with F the
 * cumulative incidence of value (type 1) and p0 the event-free probability. With no churn this equals the
 * Kaplan-Meier formula; treating churn as censoring instead would overstate the chance.
 */
public final class CheckIn {
  private CheckIn() {}

  /**
   * The recommended check-in day.
   *
   * @param km the time-to-value curve
   * @param windowDays the look-ahead window k (> 0)
   * @param threshold the chance below which accounts are unlikely to get there alone, in (0, 1)
   */
  public static CheckInDay recommend(KaplanMeier km, double windowDays, double threshold) {
    return recommend(km.times(), km::survival, t -> 1 - km.survival(t), windowDays, threshold);
  }

  /**
   * The recommended check-in day with churn (type 2) as a competing event: {@code h(d) = (F(d + k) -
   * F(d)) / p0(d)} with F the incidence of value (type 1).
   */
  public static CheckInDay recommend(AalenJohansen aj, double windowDays, double threshold) {
    return recommend(aj.times(), aj::eventFree, t -> aj.incidenceValue(1, t), windowDays, threshold);
  }

  private static CheckInDay recommend(
      double[] times, java.util.function.DoubleUnaryOperator free,
      java.util.function.DoubleUnaryOperator value, double windowDays, double threshold) {
    if (!(windowDays > 0) || Double.isInfinite(windowDays)) {
      throw new ArgumentException("window", "must be a finite number of days > 0", String.valueOf(windowDays));
    }
    if (!(threshold > 0 && threshold < 1)) {
      throw new ArgumentException("threshold", "must be strictly between 0 and 1", String.valueOf(threshold));
    }
    TreeSet<Double> candidates = new TreeSet<>();
    candidates.add(0.0);
    for (double t : times) {
      candidates.add(t);
      if (t - windowDays > 0) {
        candidates.add(t - windowDays);
      }
    }
    boolean above = false;
    double peak = Double.NaN;
    double peakDay = Double.NaN;
    for (double d : candidates) {
      double p0 = free.applyAsDouble(d);
      if (p0 <= 0) {
        break;
      }
      double h = (value.applyAsDouble(d + windowDays) - value.applyAsDouble(d)) / p0;
      if (Double.isNaN(peak) || h > peak) {
        peak = h;
        peakDay = d;
      }
      if (h >= threshold) {
        above = true;
      } else if (above) {
        return new CheckInDay(d, windowDays, threshold, h, peak, peakDay);
      }
    }
    return new CheckInDay(Double.NaN, windowDays, threshold, Double.NaN, peak, peakDay);
  }

  /**
   * One point of the curve the check-in day is read from: the chance of reaching value within the window
   * after {@code day}, given neither value nor churn (or, for a Kaplan-Meier curve, no value) by then.
   *
   * @param day the day since the start
   * @param chance the conditional chance
   */
  public record Chance(double day, double chance) {}

  /**
   * The conditional chance of value within {@code windowDays} on every day {@link #recommend(AalenJohansen,
   * double, double)} examines (day 0, each observed time, and each observed time minus the window), up to
   * the last day with accounts still event-free: the curve on which the check-in day is marked.
   */
  public static List<Chance> chanceCurve(AalenJohansen aj, double windowDays) {
    if (!(windowDays > 0) || Double.isInfinite(windowDays)) {
      throw new CskitException("window", "must be a finite number of days > 0", String.valueOf(windowDays));
    }
    DoubleBinaryOperator chance = chanceBetween(aj);
    TreeSet<Double> candidates = new TreeSet<>();
    candidates.add(0.0);
    for (double t : aj.times()) {
      candidates.add(t);
      if (t - windowDays > 0) {
        candidates.add(t - windowDays);
      }
    }
    List<Chance> out = new java.util.ArrayList<>();
    for (double d : candidates) {
      if (aj.eventFree(d) <= 0) {
        break;
      }
      out.add(new Chance(d, chance.applyAsDouble(d, d + windowDays)));
    }
    return List.copyOf(out);
  }

  /** The conditional chance of reaching value within {@code windowDays} after day {@code d}. */
  public static double conditionalChance(KaplanMeier km, double d, double windowDays) {
    return chanceBetween(km).applyAsDouble(d, d + windowDays);
  }

  /** The chance of value by day {@code to} given none by day {@code from}: {@code 1 - S(to) / S(from)}. */
  private static DoubleBinaryOperator chanceBetween(KaplanMeier km) {
    return (from, to) -> {
      double s = km.survival(from);
      return s <= 0 ? Double.NaN : 1 - km.survival(to) / s;
    };
  }

  /**
   * The chance of value by day {@code to} given neither value nor churn by day {@code from}: {@code (F(to) -
   * F(from)) / p0(from)}.
   */
  private static DoubleBinaryOperator chanceBetween(AalenJohansen aj) {
    return (from, to) -> {
      double p0 = aj.eventFree(from);
      return p0 <= 0 ? Double.NaN : (aj.incidenceValue(1, to) - aj.incidenceValue(1, from)) / p0;
    };
  }

  /**
   * Accounts still onboarding past {@code day}, ranked by their chance of reaching value before renewal,
   * lowest first (those most likely to reach their renewal without value come first; unknown chances
   * last).
   *
   * @param durations the accounts' durations
   * @param km the time-to-value curve
   * @param day the check-in day (accounts with more days than this and no value are stalled)
   * @param renewalDays each account's renewal as days since its start (missing: unknown)
   */
  public static List<StalledAccount> stalled(
      Durations durations, KaplanMeier km, double day, Map<AccountId, Double> renewalDays) {
    return stalled(durations, day, renewalDays, chanceBetween(km));
  }

  /**
   * Stalled accounts with churn as a competing event: the chance before renewal is {@code (F(r) - F(e)) /
   * p0(e)}.
   *
   * @see #stalled(Durations, KaplanMeier, double, Map)
   */
  public static List<StalledAccount> stalled(
      Durations durations, AalenJohansen aj, double day, Map<AccountId, Double> renewalDays) {
    return stalled(durations, day, renewalDays, chanceBetween(aj));
  }

  private static List<StalledAccount> stalled(
      Durations durations, double day, Map<AccountId, Double> renewalDays, DoubleBinaryOperator chance) {
    List<StalledAccount> out = new ArrayList<>();
    for (AccountDuration a : durations.accounts()) {
      if (a.status() != TtvStatus.ONBOARDING || !(a.days() > day)) {
        continue;
      }
      Double r = renewalDays.get(a.accountId());
      out.add(stalledAccount(a.accountId(), a.days(), r == null ? Double.NaN : r, chance));
    }
    return rank(out);
  }

  /** One stalled account's chance of reaching value before renewal, churn competing. */
  public static StalledAccount stalledAccount(
      AalenJohansen aj, AccountId id, double daysSinceStart, double renewalDay) {
    return stalledAccount(id, daysSinceStart, renewalDay, chanceBetween(aj));
  }

  /** One stalled account's chance of reaching value before its renewal day. */
  public static StalledAccount stalledAccount(
      KaplanMeier km, AccountId id, double daysSinceStart, double renewalDay) {
    return stalledAccount(id, daysSinceStart, renewalDay, chanceBetween(km));
  }

  /** The rule both estimators share: NaN for an unknown renewal, 0 once it has passed. */
  private static StalledAccount stalledAccount(
      AccountId id, double daysSinceStart, double renewalDay, DoubleBinaryOperator chance) {
    double c = Double.isNaN(renewalDay) ? Double.NaN
        : renewalDay <= daysSinceStart ? 0
        : chance.applyAsDouble(daysSinceStart, renewalDay);
    return new StalledAccount(id, daysSinceStart, renewalDay, c);
  }

  /** Sorts by chance ascending (NaN last), then days since start descending, then id. */
  public static List<StalledAccount> rank(List<StalledAccount> accounts) {
    List<StalledAccount> out = new ArrayList<>(accounts);
    out.sort(
        Comparator.comparingDouble(
                (StalledAccount s) -> Double.isNaN(s.chanceBeforeRenewal()) ? 2 : s.chanceBeforeRenewal())
            .thenComparing(Comparator.comparingDouble(StalledAccount::daysSinceStart).reversed())
            .thenComparing(StalledAccount::accountId));
    return List.copyOf(out);
  }
}
