package dev.cskit.retention;

import dev.cskit.core.ArgumentException;
import dev.cskit.core.CskitException;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The conventions of a retention analysis, each a documented choice. Immutable; start from {@link #defaults()}
 * and change with the {@code with...} methods.
 *
 * @param churnRecognition when a cancelled subscription stops counting (default {@link
 *     ChurnRecognition#AT_CANCELLATION})
 * @param reactivationWindowMonths how many whole months an account may have no MRR and still come back as a
 *     reactivation; a longer absence makes its return new business. Null (the default) means no limit: every
 *     return of a churned account is a reactivation (ChartMogul's convention).
 * @param currency the analysis currency; null to require (and use) the one currency of the input
 * @param conversion units of {@code currency} per unit of each other currency (e.g. {@code EUR -> 1.08}); empty
 *     when the input has one currency
 * @param through the last month of the history; null for the latest month any start or end date falls in
 */
public record RetentionOptions(
    ChurnRecognition churnRecognition,
    Integer reactivationWindowMonths,
    String currency,
    Map<String, BigDecimal> conversion,
    YearMonth through) {

  /** Checks the options. */
  public RetentionOptions {
    Objects.requireNonNull(churnRecognition, "churnRecognition");
    conversion = Map.copyOf(conversion == null ? Map.of() : conversion);
    if (reactivationWindowMonths != null && reactivationWindowMonths < 0) {
      throw new ArgumentException("reactivationWindowMonths", "must be 0 or more (null for no limit)",
          reactivationWindowMonths.toString());
    }
    if (!conversion.isEmpty() && (currency == null || currency.isEmpty())) {
      throw new ArgumentException("currency", "must be named when a conversion table is given", "nothing");
    }
    for (Map.Entry<String, BigDecimal> e : new TreeMap<>(conversion).entrySet()) {
      if (e.getValue().signum() <= 0) {
        throw new ArgumentException("conversion " + e.getKey(), "must be a rate above 0", e.getValue().toPlainString());
      }
    }
  }

  /** Churn at cancellation, no reactivation window, one currency, history through the latest date. */
  public static RetentionOptions defaults() {
    return new RetentionOptions(ChurnRecognition.AT_CANCELLATION, null, null, Map.of(), null);
  }

  /** These options with another churn recognition. */
  public RetentionOptions withChurnRecognition(ChurnRecognition value) {
    return new RetentionOptions(value, reactivationWindowMonths, currency, conversion, through);
  }

  /** These options with a reactivation window in months (null: no limit). */
  public RetentionOptions withReactivationWindowMonths(Integer value) {
    return new RetentionOptions(churnRecognition, value, currency, conversion, through);
  }

  /** These options with an analysis currency and a conversion table into it. */
  public RetentionOptions withCurrency(String value, Map<String, BigDecimal> table) {
    return new RetentionOptions(churnRecognition, reactivationWindowMonths, value, table, through);
  }

  /** These options with the last month of the history (null: the latest month of the input). */
  public RetentionOptions withThrough(YearMonth value) {
    return new RetentionOptions(churnRecognition, reactivationWindowMonths, currency, conversion, value);
  }
}
