package dev.cskit.survey;

import dev.cskit.core.AccountId;
import dev.cskit.core.HealthBand;
import dev.cskit.core.MetricTable;
import dev.cskit.core.internal.CskitStyle;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.immutables.value.Value;

/**
 * The warning signs {@link SilentCheck#atRisk(java.util.Collection, SilentRiskOptions)} looks for; each is
 * optional, and an account is at risk when any one shows:
 * <ul>
 *   <li>health: a score below {@link #healthBelow()}, or a band in {@link #lowBands()} or
 *       {@link HealthBand#INSUFFICIENT_DATA} (too little usage to score is itself a warning sign);
 *   <li>usage: a relative change ({@link #usageChangeMetric()} of the {@link #usage()} table, e.g.
 *       {@code events_change_30d}) below {@link #declineBelow()};
 *   <li>no activity: a value of {@link #activityMetric()} (e.g. {@code events_30d}) of 0 or less.
 * </ul>
 * Immutable; build with {@link #builder()}.
 */
@Value.Immutable
@CskitStyle
public abstract class SilentRiskOptions {
  /** Health scores by account; none by default. */
  public abstract Map<AccountId, Double> health();

  /** The health under which an account is at risk; absent: health scores alone flag no account. */
  public abstract OptionalDouble healthBelow();

  /** Health bands by account; none by default. */
  public abstract Map<AccountId, HealthBand> bands();

  /** The bands that put an account at risk (red, say); none by default. */
  public abstract Set<HealthBand> lowBands();

  /** A table holding {@link #usageChangeMetric()} (and {@link #activityMetric()}), by account. */
  public abstract Optional<MetricTable> usage();

  /** The relative usage change metric of {@link #usage()}, e.g. {@code events_change_30d}. */
  public abstract Optional<String> usageChangeMetric();

  /** The change under which usage counts as falling, e.g. -0.3; absent: no account is flagged for it. */
  public abstract OptionalDouble declineBelow();

  /** The activity metric of {@link #usage()} whose value of 0 or less flags an account (e.g. {@code events_30d}). */
  public abstract Optional<String> activityMetric();

  /** A builder; every field is optional. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link SilentRiskOptions}. */
  public static final class Builder extends SilentRiskOptionsImpl.Builder {
    Builder() {}
  }
}
