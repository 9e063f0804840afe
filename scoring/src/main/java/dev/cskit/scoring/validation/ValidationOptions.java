package dev.cskit.scoring.validation;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a validation is computed.
 *
 * @param level the confidence level of the AUC interval (0.95 by default)
 * @param interval {@code delong} (default) or {@code bootstrap}
 * @param replicates bootstrap replicates (2000 by default)
 * @param seed the bootstrap's seed (42 by default)
 * @param bandMins the bands' lower bounds, band name to min score, when known (from the scorecard); when
 *     empty they are inferred from the snapshots as the lowest score seen in each band. They order the
 *     bands (red to green) and band the measures' sub-scores.
 */
public record ValidationOptions(
    double level, String interval, int replicates, long seed, Map<String, Double> bandMins) {

  public ValidationOptions {
    if (!(level > 0 && level < 1)) {
      throw new ValidationException("level", "must be in (0, 1)", String.valueOf(level));
    }
    if (!interval.equals("delong") && !interval.equals("bootstrap")) {
      throw new ValidationException("interval", "must be delong or bootstrap", "\"" + interval + "\"");
    }
    if (replicates < 10) {
      throw new ValidationException("replicates", "must be at least 10", String.valueOf(replicates));
    }
    bandMins = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(bandMins));
  }

  /** DeLong 95% intervals, bands inferred from the snapshots. */
  public static ValidationOptions defaults() {
    return new ValidationOptions(0.95, "delong", 2000, 42L, Map.of());
  }

  /** These options with a seeded percentile bootstrap interval. */
  public ValidationOptions withBootstrap(int replicates, long seed) {
    return new ValidationOptions(level, "bootstrap", replicates, seed, bandMins);
  }

  /** These options with another confidence level. */
  public ValidationOptions withLevel(double level) {
    return new ValidationOptions(level, interval, replicates, seed, bandMins);
  }

  /** These options with the bands' lower bounds given (band name to min score). */
  public ValidationOptions withBandMins(Map<String, Double> bandMins) {
    return new ValidationOptions(level, interval, replicates, seed, bandMins);
  }
}
