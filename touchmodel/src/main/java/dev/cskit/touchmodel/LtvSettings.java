package dev.cskit.touchmodel;

import dev.cskit.core.ConfigPath;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * How lifetime value is computed from an account's ARR (its annual ARPA): a configuration record, bound from
 * JSON or YAML (see {@link dev.cskit.core.Configs}) or built in Java; validated on construction with
 * {@link dev.cskit.core.ConfigException}s whose paths are relative to this record.
 *
 * <ul>
 *   <li>{@code method}: {@code capped} (default): ARR x grossMargin x min(1 / churn, horizonYears);
 *       {@code discounted}: m r / (1 + d - r) with m = ARR x grossMargin, r = 1 - churn, d =
 *       discountRate, summed over at most {@code horizonYears} when a horizon is given.
 *   <li>{@code grossMargin} in [0, 1], default 0.8.
 *   <li>{@code churn}: annual churn rate in [0, 1], default 0.1; {@code churnByTier}: the churn expected in a
 *       given touch tier (tier name to rate), where it differs.
 *   <li>{@code discountRate} >= 0, default 0.1 (discounted method only).
 *   <li>{@code horizonYears} > 0: default 5 for the capped method; optional for the discounted one (then
 *       churn 0 needs a discount rate > 0).
 * </ul>
 */
public record LtvSettings(
    Method method,
    Double grossMargin,
    Double churn,
    Map<String, Double> churnByTier,
    Double discountRate,
    Double horizonYears) {

  /** The LTV formula. */
  public enum Method {
    /** ARPA x margin / churn with a horizon cap. */
    CAPPED,
    /** m r / (1 + d - r), optionally over a finite horizon. */
    DISCOUNTED
  }

  /** Validates and fills defaults. */
  public LtvSettings {
    ConfigPath root = ConfigPath.root();
    method = method == null ? Method.CAPPED : method;
    grossMargin = grossMargin == null ? 0.8 : grossMargin;
    churn = churn == null ? 0.1 : churn;
    discountRate = discountRate == null ? (method == Method.DISCOUNTED ? 0.1 : 0.0) : discountRate;
    if (horizonYears == null && method == Method.CAPPED) {
      horizonYears = 5.0;
    }
    root.field("grossMargin").check(grossMargin >= 0 && grossMargin <= 1, "must be in [0, 1]", grossMargin);
    root.field("churn").check(churn >= 0 && churn <= 1, "must be in [0, 1]", churn);
    root.field("discountRate")
        .check(discountRate >= 0 && !discountRate.isInfinite(), "must be a finite number >= 0", discountRate);
    if (horizonYears != null) {
      root.field("horizonYears")
          .check(horizonYears > 0 && !horizonYears.isInfinite(), "must be a finite number > 0", horizonYears);
    }
    Map<String, Double> byTier = new TreeMap<>();
    if (churnByTier != null) {
      for (Map.Entry<String, Double> e : churnByTier.entrySet()) {
        ConfigPath p = root.field("churnByTier").field(e.getKey());
        Double v = p.required(e.getValue());
        p.check(v >= 0 && v <= 1, "must be in [0, 1]", v);
        byTier.put(e.getKey().trim().toLowerCase(Locale.ROOT), v);
      }
    }
    churnByTier = Map.copyOf(byTier);
    if (method == Method.DISCOUNTED && horizonYears == null && discountRate == 0) {
      boolean zeroChurn = churn == 0 || byTier.containsValue(0.0);
      root.field("discountRate")
          .check(!zeroChurn, "with churn 0 and no horizon the discounted value is unbounded: give"
              + " discountRate > 0 or horizonYears", discountRate);
    }
  }

  /** The defaults: capped, margin 0.8, churn 0.1, horizon 5 years. */
  public static LtvSettings defaults() {
    return new LtvSettings(null, null, null, null, null, null);
  }

  /** The churn expected in a tier: its own where configured, else {@link #churn()}. */
  public double churnFor(String tier) {
    if (tier == null) {
      return churn;
    }
    Double v = churnByTier.get(tier.toLowerCase(Locale.ROOT));
    return v == null ? churn : v;
  }

  /** The LTV of an account with this ARR at the base churn rate. */
  public double ltv(double arr) {
    return ltvAtChurn(arr, churn);
  }

  /** The LTV of an account with this ARR in a tier (using the tier's churn). */
  public double ltv(double arr, String tier) {
    return ltvAtChurn(arr, churnFor(tier));
  }

  /** The LTV of an account with this ARR at a given annual churn rate. */
  public double ltvAtChurn(double arr, double annualChurn) {
    if (method == Method.CAPPED) {
      return Ltv.capped(arr, grossMargin, annualChurn, horizonYears);
    }
    double m = arr * grossMargin;
    return horizonYears == null
        ? Ltv.discounted(m, 1 - annualChurn, discountRate)
        : Ltv.discounted(m, 1 - annualChurn, discountRate, horizonYears);
  }
}
