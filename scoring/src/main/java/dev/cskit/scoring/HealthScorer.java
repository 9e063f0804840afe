package dev.cskit.scoring;

import dev.cskit.core.Account;
import dev.cskit.core.ArgumentException;
import dev.cskit.core.AccountId;
import dev.cskit.core.DataException;
import dev.cskit.core.MetricTable;
import dev.cskit.scoring.internal.BlockEngine;
import dev.cskit.scoring.internal.CompiledCard;
import dev.cskit.scoring.internal.SingleRow;
import dev.cskit.scoring.internal.Vectorization;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A compiled scorecard (or scorecard set): immutable and thread-safe, shareable across threads.
 *
 * <p>{@link #score(MetricTable)} scores a portfolio into a columnar {@link ScoreTable} with no per-account
 * allocation; {@link #score(AccountId, Map)} scores one account into a {@link HealthScore}. Both run the same
 * block engine, so a batch row and the single score of the same inputs are equal bit for bit (percentile
 * measures: with the batch's {@link ScoreTable#percentileReference()}).
 */
public final class HealthScorer {
  private final BatchScoring scoring;
  /** The cards, the default first. */
  private final List<CompiledScorecard> cards;
  /** The allocation-free single-account path of the default card (null when it has percentile measures). */
  private final SingleRow quick;

  private HealthScorer(List<CompiledScorecard> cards, List<ScorecardSet.Selector> selectors, int[] selectorCard) {
    this.scoring = new BatchScoring(cards, selectors, selectorCard);
    this.cards = scoring.cards();
    CompiledCard first = this.cards.get(0).engine();
    this.quick = first.percentileCount() == 0 ? new SingleRow(first) : null;
  }

  static HealthScorer of(CompiledScorecard card) {
    return new HealthScorer(List.of(card), List.of(), new int[0]);
  }

  static HealthScorer of(ScorecardSet set, List<CompiledScorecard> cards, int[] selectorCard) {
    return new HealthScorer(cards, set.selectors(), selectorCard);
  }

  /** The scorecard (for a set: the default one). */
  public ScorecardRef scorecard() {
    return cards.get(0).ref();
  }

  /**
   * Whether this scorer runs the Vector API kernels ({@code jdk.incubator.vector}): true when the JVM was
   * started with {@code --add-modules jdk.incubator.vector}, the hardware has at least 256-bit double vectors
   * and {@code -Dcskit.vector=false} was not given; otherwise it runs the scalar kernels. Scores are the same,
   * bit for bit, either way.
   */
  public boolean vectorized() {
    return Vectorization.enabled();
  }

  /** Every scorecard this scorer may use, the default first. */
  public List<ScorecardRef> scorecards() {
    List<ScorecardRef> out = new ArrayList<>();
    cards.forEach(c -> out.add(c.ref()));
    return out;
  }

  /** Scores every row of the table with no accounts (no selectors, no segments) and no overrides. */
  public ScoreTable score(MetricTable metrics) {
    return score(metrics, ScoringOptions.DEFAULTS);
  }

  /**
   * Scores every row of the table with the accounts (for a set's selectors and percentile segments), the
   * overrides active at the as-of instant and the parallelism of the options. On several threads the result
   * is identical, bit for bit, to one thread's.
   *
   * @throws dev.cskit.core.CskitException when there are overrides but no as-of instant
   * @throws dev.cskit.core.ConfigException when an override names no measure or category of the card, or the
   *     table lacks a metric the card reads
   */
  public ScoreTable score(MetricTable metrics, ScoringOptions options) {
    return scoring.score(metrics, options);
  }

  /**
   * Scores every row of the table by the default scorecard into caller-owned arrays, for repeated batch
   * scoring at scale: the score after caps ({@code NaN} when undefined), the coverage, and the band as an
   * index into {@link #bands()} ({@code -1} for {@link dev.cskit.core.HealthBand#INSUFFICIENT_DATA}); the same
   * bits as {@link #score(MetricTable)}. For a card without categories and caps, nothing it allocates grows
   * with the number of rows. No overrides, no explanation.
   *
   * @throws UnsupportedOperationException when the card has percentile measures (their ranking sorts the
   *     population)
   * @throws dev.cskit.core.ArgumentException when an array is shorter than the table
   */
  public void scoreInto(MetricTable metrics, double[] score, double[] coverage, int[] band) {
    CompiledCard card = cards.get(0).engine();
    if (card.percentileCount() > 0) {
      throw new UnsupportedOperationException("scoreInto: the scorecard has percentile measures");
    }
    int n = metrics.rowCount();
    if (score.length < n || coverage.length < n || band.length < n) {
      throw new ArgumentException("scoreInto", "the arrays must hold " + n + " rows",
          Math.min(score.length, Math.min(coverage.length, band.length)) + " in the shortest");
    }
    BlockEngine.into(card, card.bind(metrics), n, metrics::accountId, score, coverage, band);
  }

  /** The bands of the default scorecard, in order: {@link #scoreInto} reports indices into this list. */
  public List<dev.cskit.core.HealthBand> bands() {
    return List.of(cards.get(0).engine().bands);
  }

  /**
   * The metrics the default scorecard reads, in the order {@link #quickScore(double[])} takes their values.
   */
  public List<String> inputs() {
    return cards.get(0).engine().inputs;
  }

  /**
   * The overall score of one account by the default scorecard, for latency-critical callers: the values of
   * {@link #inputs()} in that order (NaN where missing); no explanation, no overrides, no allocation. The
   * bits are those of {@link #score(MetricTable)} for the same values. Use {@link #score(AccountId, Map)} for
   * the band, coverage and explanation.
   *
   * @return the score after caps, NaN when no measure has a sub-score
   * @throws UnsupportedOperationException when the card has percentile measures (they need a population)
   * @throws DataException when a value is infinite (as a {@link MetricTable} would)
   */
  public double quickScore(double[] values) {
    if (quick == null) {
      throw new UnsupportedOperationException("quickScore: the scorecard has percentile measures");
    }
    return quick.score(values);
  }

  /**
   * Scores one account from metric values by name (an absent metric is missing; values must be finite, as in
   * a {@link MetricTable}); no overrides.
   */
  public HealthScore score(AccountId id, Map<String, Double> metrics) {
    return score(id, metrics, null, List.of(), null, PercentileReference.EMPTY);
  }

  /** Scores one row of a table (percentile measures need {@link #score(AccountId, Map, Account, Collection, Instant, PercentileReference)}). */
  public HealthScore score(MetricTable.Row row) {
    return score(row.accountId(), row.asMap());
  }

  /**
   * Scores one account.
   *
   * @param account the account (for a set's selectors and percentile segments), or null
   * @param overrides overrides (those of other accounts are ignored)
   * @param asOf the instant overrides are judged at; required when there are overrides
   * @param reference the populations percentile measures rank against
   * @throws DataException when a metric value is infinite (a {@link MetricTable} refuses them too)
   */
  public HealthScore score(AccountId id, Map<String, Double> metrics, Account account,
      Collection<ScoreOverride> overrides, Instant asOf, PercentileReference reference) {
    return scoring.scoreOne(id, metrics, account, overrides, asOf, reference);
  }

  @Override
  public String toString() {
    return "HealthScorer " + scorecards();
  }
}
