package dev.cskit.benchmarks.card;

import dev.cskit.core.AccountId;
import dev.cskit.core.MetricTable;
import java.util.SplittableRandom;

/**
 * A seeded table of accounts for a {@link CardSpec}: every metric uniform over its rule's range widened by a
 * quarter on each side (so both clamps are exercised), {@code missingShare} of the values missing (NaN), at
 * random and independently.
 */
public final class CardData {
  /** The share of missing values of the card. */
  public static final double MISSING = 0.05;

  private CardData() {}

  /** The data: {@code accounts} accounts for the card, 5% missing. */
  public static MetricTable generate(CardSpec card, int accounts, long seed) {
    return generate(card, accounts, MISSING, seed);
  }

  /**
   * The table with a "previous period" column for each of the first {@code measures} measures (for trend
   * variants): the current value times a random factor in [0.5, 1.5), 0 for 5% of accounts, missing where
   * the current value is.
   */
  public static MetricTable withPrevious(CardSpec card, MetricTable table, int measures, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    MetricTable out = table;
    for (int j = 0; j < measures; j++) {
      double[] cur = table.column(card.metric(j));
      double[] prev = new double[cur.length];
      for (int i = 0; i < cur.length; i++) {
        prev[i] = rnd.nextDouble() < 0.05 ? 0.0 : cur[i] * (0.5 + rnd.nextDouble());
      }
      out = out.withColumn(card.previousMetric(j), prev);
    }
    return out;
  }

  /** A seeded table for the card. */
  public static MetricTable generate(CardSpec card, int accounts, double missingShare, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int m = card.measures();
    MetricTable.Builder b = MetricTable.builder(card.metrics());
    double[] row = new double[m];
    for (int i = 0; i < accounts; i++) {
      for (int j = 0; j < m; j++) {
        double lo = card.lo(j);
        double span = card.hi(j) - lo;
        row[j] = rnd.nextDouble() < missingShare ? Double.NaN : lo - 0.25 * span + rnd.nextDouble() * 1.5 * span;
      }
      b.addRow(AccountId.of("a" + i), row);
    }
    return b.build();
  }
}
