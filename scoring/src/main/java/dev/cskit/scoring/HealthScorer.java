package dev.cskit.scoring;

import dev.cskit.core.Account;
import dev.cskit.core.AccountId;
import dev.cskit.core.ConfigException;
import dev.cskit.core.CskitException;
import dev.cskit.core.DataException;
import dev.cskit.core.MetricTable;
import dev.cskit.scoring.internal.BlockEngine;
import dev.cskit.scoring.internal.CardResult;
import dev.cskit.scoring.internal.CompiledCard;
import dev.cskit.scoring.internal.OverridePlan;
import dev.cskit.scoring.internal.Percentiles;
import dev.cskit.scoring.internal.SingleRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * A compiled scorecard (or scorecard set): immutable and thread-safe, shareable across threads.
 *
 * <p>{@link #score(MetricTable)} scores a portfolio into a columnar {@link ScoreTable} with no per-account
 * allocation; {@link #score(AccountId, Map)} scores one account into a {@link HealthScore}. Both run the same
 * block engine, so a batch row and the single score of the same inputs are equal bit for bit (percentile
 * measures: with the batch's {@link ScoreTable#percentileReference()}).
 */
public final class HealthScorer {
  private final List<CompiledCard> cards;
  private final List<ScorecardSet.Selector> selectors;
  private final int[] selectorCard;
  /** The allocation-free single-account path of the default card (null when it has percentile measures). */
  private final SingleRow quick;
  /** Whether batch scoring reads accounts: to pick a set's card, or for a percentile measure's segment. */
  private final boolean readsAccounts;

  private HealthScorer(List<CompiledCard> cards, List<ScorecardSet.Selector> selectors, int[] selectorCard) {
    this.cards = List.copyOf(cards);
    this.selectors = List.copyOf(selectors);
    this.selectorCard = selectorCard.clone();
    this.quick = this.cards.get(0).percentileCount() == 0 ? new SingleRow(this.cards.get(0)) : null;
    boolean segments = false;
    for (CompiledCard c : this.cards) {
      for (String attribute : c.percentileSegment) {
        segments |= attribute != null;
      }
    }
    this.readsAccounts = this.cards.size() > 1 || segments;
  }

  static HealthScorer of(CompiledCard card) {
    return new HealthScorer(List.of(card), List.of(), new int[0]);
  }

  static HealthScorer of(ScorecardSet set, List<CompiledCard> cards, int[] selectorCard) {
    return new HealthScorer(cards, set.selectors(), selectorCard);
  }

  /** The scorecard (for a set: the default one). */
  public ScorecardRef scorecard() {
    return cards.get(0).ref;
  }

  /** Every scorecard this scorer may use, the default first. */
  public List<ScorecardRef> scorecards() {
    List<ScorecardRef> out = new ArrayList<>();
    cards.forEach(c -> out.add(c.ref));
    return out;
  }

  /** Scores every row of the table with no accounts (no selectors, no segments) and no overrides. */
  public ScoreTable score(MetricTable metrics) {
    return score(metrics, List.of(), List.of(), null);
  }

  /**
   * Scores every row of the table.
   *
   * @param accounts the accounts (for scorecard-set selectors and percentile segments); may be empty
   * @param overrides manual overrides; those active at {@code asOf} are applied, expired ones reported
   * @param asOf the instant overrides are judged at; required when there are overrides
   */
  public ScoreTable score(MetricTable metrics, Collection<Account> accounts, Collection<ScoreOverride> overrides,
      Instant asOf) {
    return score(metrics, accounts, overrides, asOf, null, 1);
  }

  /**
   * Scores every row of the table on several threads: the rows are split into {@code parallelism} contiguous
   * ranges of whole blocks, all but the last scored on {@code executor}, the last on the calling thread. The
   * result is identical, bit for bit, to {@link #score(MetricTable)}.
   */
  public ScoreTable score(MetricTable metrics, ExecutorService executor, int parallelism) {
    return score(metrics, List.of(), List.of(), null, executor, parallelism);
  }

  /**
   * {@link #score(MetricTable, Collection, Collection, Instant)} on several threads, as
   * {@link #score(MetricTable, ExecutorService, int)}.
   *
   * @param executor runs all ranges but the last; may be null when {@code parallelism} is 1
   * @param parallelism the number of ranges, at least 1
   */
  public ScoreTable score(MetricTable metrics, Collection<Account> accounts, Collection<ScoreOverride> overrides,
      Instant asOf, ExecutorService executor, int parallelism) {
    return score(metrics, accounts, overrides, asOf, executor, parallelism, null);
  }

  /**
   * {@link #score(MetricTable, Collection, Collection, Instant)} with percentile measures ranked against a
   * given reference population instead of the table's own rows: for scoring a portfolio in pieces (one block
   * of a distributed job, say) exactly as it scores whole. With the reference a whole-portfolio batch reports
   * ({@link ScoreTable#percentileReference()}), every row gets the bits it gets in that batch. The table's
   * {@link ScoreTable#percentileReference()} is then the given one.
   *
   * @param reference the populations percentile measures rank against (by measure id and segment)
   * @throws CskitException when a percentile measure's population (or a row's segment's) is not in it
   */
  public ScoreTable score(MetricTable metrics, Collection<Account> accounts, Collection<ScoreOverride> overrides,
      Instant asOf, PercentileReference reference) {
    if (reference == null) {
      throw new CskitException("reference", "a percentile reference is required", null);
    }
    return score(metrics, accounts, overrides, asOf, null, 1, reference);
  }

  private ScoreTable score(MetricTable metrics, Collection<Account> accounts, Collection<ScoreOverride> overrides,
      Instant asOf, ExecutorService executor, int parallelism, PercentileReference reference) {
    if (parallelism < 1 || (parallelism > 1 && executor == null)) {
      throw new IllegalArgumentException(
          "parallelism must be at least 1, and needs an executor when above 1; got " + parallelism);
    }
    checkOverrides(overrides, asOf);
    int n = metrics.rowCount();
    // each row's account, only when something reads it (a single card without segments does not)
    Map<AccountId, Account> byId = new HashMap<>();
    if (readsAccounts) {
      for (Account a : accounts) {
        byId.put(a.id(), a);
      }
    }
    Account[] acc = byId.isEmpty() ? null : new Account[n];
    if (acc != null) {
      for (int i = 0; i < n; i++) {
        acc[i] = byId.get(metrics.accountId(i));
      }
    }
    // a set: each row's card, and each card's rows (local row r of card k is table row rowsOf[k][r])
    boolean single = cards.size() == 1;
    int[] cardOf = null;
    int[] localOf = null;
    int[][] rowsOf = new int[cards.size()][];
    if (!single) {
      cardOf = new int[n];
      int[] counts = new int[cards.size()];
      for (int i = 0; i < n; i++) {
        cardOf[i] = pick(acc == null ? null : acc[i]);
        counts[cardOf[i]]++;
      }
      for (int k = 0; k < cards.size(); k++) {
        rowsOf[k] = new int[counts[k]];
      }
      localOf = new int[n];
      int[] fill = new int[cards.size()];
      for (int i = 0; i < n; i++) {
        int k = cardOf[i];
        localOf[i] = fill[k];
        rowsOf[k][fill[k]++] = i;
      }
    }
    // overrides are sparse: resolve each to its card and row (overrides of unknown accounts are ignored)
    List<List<OverridePlan.Entry>> entriesOf = new ArrayList<>();
    List<Map<Integer, List<ScoreOverride>>> expiredOf = new ArrayList<>();
    for (int k = 0; k < cards.size(); k++) {
      entriesOf.add(new ArrayList<>());
      expiredOf.add(new HashMap<>());
    }
    for (ScoreOverride o : overrides) {
      int row = metrics.rowOf(AccountId.of(o.accountId()));
      if (row >= 0) {
        int k = cardOf == null ? 0 : cardOf[row];
        classify(List.of(o), localOf == null ? row : localOf[row], asOf, entriesOf.get(k), expiredOf.get(k));
      }
    }
    CardResult[] parts = new CardResult[cards.size()];
    for (int k = 0; k < cards.size(); k++) {
      CompiledCard card = cards.get(k);
      int[] rows = rowsOf[k];
      int m = single ? n : rows.length;
      double[][] cols;
      if (single) {
        cols = card.bind(metrics);
      } else if (m == 0) {
        // a card of the set no account selected: its metrics need not be in the table
        cols = new double[card.inputs.size() + card.percentileCount()][0];
      } else {
        double[][] bound = card.bind(metrics);
        cols = new double[bound.length][];
        for (int s = 0; s < card.inputs.size(); s++) {
          double[] src = bound[s];
          double[] dst = new double[m];
          for (int r = 0; r < m; r++) {
            dst[r] = src[rows[r]];
          }
          cols[s] = dst;
        }
      }
      java.util.function.IntFunction<AccountId> ids = single ? metrics::accountId : r -> metrics.accountId(rows[r]);
      Map<String, Map<String, double[]>> distributions = new HashMap<>();
      for (int q = 0; q < card.percentileCount(); q++) {
        String attribute = card.percentileSegment[q];
        String[] segments = null;
        if (attribute != null) {
          segments = new String[m];
          for (int r = 0; r < m; r++) {
            Account a = acc == null ? null : acc[single ? r : rows[r]];
            segments[r] = a == null ? null : a.attribute(attribute);
          }
        }
        String measureId = card.measureIds[card.percentileMeasure(q)];
        if (reference != null) {
          cols[card.inputs.size() + q] =
              againstReference(cols[card.percentileValueSlot(q)], segments, measureId, attribute, reference);
          distributions.put(measureId, reference.populations(measureId));
          continue;
        }
        Map<String, double[]> d = new HashMap<>();
        cols[card.inputs.size() + q] = Percentiles.column(cols[card.percentileValueSlot(q)], segments, d);
        distributions.put(measureId, d);
      }
      List<OverridePlan.Entry> entries = entriesOf.get(k);
      Map<Integer, List<ScoreOverride>> expired = expiredOf.get(k);
      OverridePlan plan = entries.isEmpty() ? OverridePlan.EMPTY : OverridePlan.of(card, entries);
      parts[k] = parallelism > 1
          ? BlockEngine.runParallel(card, cols, m, ids, plan, expired, distributions, false, executor, parallelism)
          : BlockEngine.run(card, cols, m, ids, plan, expired, distributions, false);
    }
    return new ScoreTable(metrics, parts, cardOf, localOf);
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
   * @throws IllegalArgumentException when an array is shorter than the table
   */
  public void scoreInto(MetricTable metrics, double[] score, double[] coverage, int[] band) {
    CompiledCard card = cards.get(0);
    if (card.percentileCount() > 0) {
      throw new UnsupportedOperationException("scoreInto: the scorecard has percentile measures");
    }
    int n = metrics.rowCount();
    if (score.length < n || coverage.length < n || band.length < n) {
      throw new IllegalArgumentException("scoreInto: the arrays must hold " + n + " rows");
    }
    BlockEngine.into(card, card.bind(metrics), n, metrics::accountId, score, coverage, band);
  }

  /** The bands of the default scorecard, in order: {@link #scoreInto} reports indices into this list. */
  public List<dev.cskit.core.HealthBand> bands() {
    return List.of(cards.get(0).bands);
  }

  /**
   * The metrics the default scorecard reads, in the order {@link #quickScore(double[])} takes their values.
   */
  public List<String> inputs() {
    return cards.get(0).inputs;
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
    checkOverrides(overrides, asOf);
    CompiledCard card = cards.get(pick(account));
    int slots = card.inputs.size();
    double[][] cols = new double[slots + card.percentileCount()][1];
    for (int s = 0; s < slots; s++) {
      String metric = card.inputs.get(s);
      Double v = metrics.get(metric);
      if (v != null && v.isInfinite()) {
        // a MetricTable refuses infinities too: the kernels take finite values or NaN
        throw new DataException("metrics of account " + CskitException.quote(id.value()), 0, metric,
            "must be a finite number or missing", String.valueOf(v));
      }
      cols[s][0] = v == null ? Double.NaN : v;
    }
    for (int q = 0; q < card.percentileCount(); q++) {
      double x = cols[card.percentileValueSlot(q)][0];
      String measureId = card.measureIds[card.percentileMeasure(q)];
      if (x != x) {
        cols[slots + q][0] = Double.NaN;
        continue;
      }
      String attribute = card.percentileSegment[q];
      String segment = attribute == null || account == null ? null : account.attribute(attribute);
      double[] population = reference.sorted(measureId, segment);
      if (population == null) {
        throw new CskitException("measure " + CskitException.quote(measureId),
            "a percentile measure needs a reference distribution to score one account"
                + (attribute == null ? "" : " (segment " + attribute + " = " + segment + ")"), null);
      }
      cols[slots + q][0] = Percentiles.scoreAgainst(x, population);
    }
    List<OverridePlan.Entry> entries = new ArrayList<>();
    Map<Integer, List<ScoreOverride>> expired = new HashMap<>();
    List<ScoreOverride> mine = new ArrayList<>();
    for (ScoreOverride o : overrides) {
      if (o.accountId().equals(id.value())) {
        mine.add(o);
      }
    }
    classify(mine, 0, asOf, entries, expired);
    OverridePlan plan = entries.isEmpty() ? OverridePlan.EMPTY : OverridePlan.of(card, entries);
    CardResult r = BlockEngine.run(card, cols, 1, x -> id, plan, expired, Map.of(), true);
    return ScoreTable.materialize(r, 0);
  }

  /** A percentile column ranked against a reference: the single-account rule, row by row (same bits). */
  private static double[] againstReference(double[] x, String[] segments, String measureId, String attribute,
      PercentileReference reference) {
    double[] out = new double[x.length];
    for (int r = 0; r < x.length; r++) {
      double v = x[r];
      if (v != v) {
        out[r] = Double.NaN;
        continue;
      }
      String segment = segments == null ? null : segments[r];
      double[] population = reference.sorted(measureId, segment);
      if (population == null) {
        throw new CskitException("measure " + CskitException.quote(measureId),
            "a percentile measure needs a reference distribution"
                + (attribute == null ? "" : " (segment " + attribute + " = " + segment + ")"), null);
      }
      out[r] = Percentiles.scoreAgainst(v, population);
    }
    return out;
  }

  private void checkOverrides(Collection<ScoreOverride> overrides, Instant asOf) {
    if (overrides.isEmpty()) {
      return;
    }
    if (asOf == null) {
      throw new CskitException("overrides", "an as-of instant is required to apply overrides", null);
    }
    int i = 0;
    for (ScoreOverride o : overrides) {
      boolean found = o.scope() == ScoreOverride.Scope.OVERALL;
      for (CompiledCard c : cards) {
        found |= o.scope() == ScoreOverride.Scope.MEASURE && c.measureIndex(o.target()) >= 0;
        found |= o.scope() == ScoreOverride.Scope.CATEGORY && c.categoryIndex(o.target()) >= 0;
      }
      if (!found) {
        throw ConfigException.at("overrides[" + i + "].target",
            "names no " + o.scope().id() + " of the scorecard", CskitException.quote(o.target()));
      }
      i++;
    }
  }

  private static void classify(List<ScoreOverride> os, int row, Instant asOf, List<OverridePlan.Entry> entries,
      Map<Integer, List<ScoreOverride>> expired) {
    for (ScoreOverride o : os) {
      if (o.activeAt(asOf)) {
        entries.add(new OverridePlan.Entry(row, o));
      } else if (o.expiredAt(asOf)) {
        expired.computeIfAbsent(row, x -> new ArrayList<>()).add(o);
      }
    }
  }

  private int pick(Account a) {
    if (a == null) {
      return 0;
    }
    for (int i = 0; i < selectors.size(); i++) {
      if (selectors.get(i).matches(a)) {
        return selectorCard[i];
      }
    }
    return 0;
  }

  @Override
  public String toString() {
    return "HealthScorer " + scorecards();
  }
}
