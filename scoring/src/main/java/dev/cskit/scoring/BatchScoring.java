package dev.cskit.scoring;

import dev.cskit.core.ArgumentException;
import dev.cskit.core.Account;
import dev.cskit.core.AccountId;
import dev.cskit.core.CskitException;
import dev.cskit.core.DataException;
import dev.cskit.core.MetricTable;
import dev.cskit.scoring.internal.BlockEngine;
import dev.cskit.scoring.internal.CardResult;
import dev.cskit.scoring.internal.CompiledCard;
import dev.cskit.scoring.internal.OverridePlan;
import dev.cskit.scoring.internal.Percentiles;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.function.IntFunction;

/**
 * The orchestration behind {@link HealthScorer}'s scoring: which card scores which row (a set's selectors),
 * binding the table's columns, deriving percentile columns, resolving overrides, and running the block engine
 * per card (on several threads when asked); and the same for one account. Immutable and thread-safe.
 */
final class BatchScoring {
  private final List<CompiledScorecard> cards;
  private final List<ScorecardSet.Selector> selectors;
  private final int[] selectorCard;
  /** Whether batch scoring reads accounts: to pick a set's card, or for a percentile measure's segment. */
  private final boolean readsAccounts;

  BatchScoring(List<CompiledScorecard> cards, List<ScorecardSet.Selector> selectors, int[] selectorCard) {
    this.cards = List.copyOf(cards);
    this.selectors = List.copyOf(selectors);
    this.selectorCard = selectorCard.clone();
    boolean segments = false;
    for (CompiledScorecard c : this.cards) {
      for (String attribute : c.engine().percentileSegment) {
        segments |= attribute != null;
      }
    }
    this.readsAccounts = this.cards.size() > 1 || segments;
  }

  /** The cards, the default first. */
  List<CompiledScorecard> cards() {
    return cards;
  }

  /** Scores every row of the table: see {@link HealthScorer#score(MetricTable, ScoringOptions)}. */
  ScoreTable score(MetricTable metrics, ScoringOptions options) {
    List<Account> accounts = options.accounts();
    List<ScoreOverride> overrides = options.overrides();
    Instant asOf = options.asOf().orElse(null);
    ExecutorService executor = options.executor().orElse(null);
    int parallelism = options.parallelism();
    PercentileReference reference = options.percentileReference().orElse(null);
    ActiveOverrides.check(overrides, asOf, cards, options.warnings());
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
    if (readsAccounts) {
      checkSelection(accounts, acc, metrics, options.warnings());
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
    List<List<ActiveOverrides.Pending>> activeOf = new ArrayList<>();
    List<Map<Integer, List<ScoreOverride>>> expiredOf = new ArrayList<>();
    for (int k = 0; k < cards.size(); k++) {
      activeOf.add(new ArrayList<>());
      expiredOf.add(new HashMap<>());
    }
    int oi = 0;
    for (ScoreOverride o : overrides) {
      int row = metrics.rowOf(AccountId.of(o.accountId()));
      if (row < 0) {
        options.warnings().add("overrides[" + oi + "].accountId",
            "names an account that is not in the metrics: the override is not applied", CskitException.quote(o.accountId()));
      }
      oi++;
      if (row >= 0) {
        int k = cardOf == null ? 0 : cardOf[row];
        ActiveOverrides.classify(List.of(o), localOf == null ? row : localOf[row], asOf, activeOf.get(k),
            expiredOf.get(k));
      }
    }
    CardScores[] parts = new CardScores[cards.size()];
    Percentiles.Ranker ranker = new Percentiles.Ranker(); // scratch shared by every percentile column of this call
    for (int k = 0; k < cards.size(); k++) {
      CompiledCard card = cards.get(k).engine();
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
      IntFunction<AccountId> ids = single ? metrics::accountId : r -> metrics.accountId(rows[r]);
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
        cols[card.inputs.size() + q] = ranker.column(cols[card.percentileValueSlot(q)], segments, d);
        distributions.put(measureId, d);
      }
      List<ScoreOverride> sources = new ArrayList<>();
      OverridePlan plan = ActiveOverrides.plan(card, activeOf.get(k), sources);
      CardResult result = parallelism > 1
          ? BlockEngine.runParallel(card, cols, m, ids, plan, distributions, false, executor, parallelism)
          : BlockEngine.run(card, cols, m, ids, plan, distributions, false);
      parts[k] = new CardScores(cards.get(k), result, List.copyOf(sources), expiredOf.get(k));
    }
    return new ScoreTable(metrics, parts, cardOf, localOf);
  }

  /** Scores one account: see {@link HealthScorer#score(AccountId, Map, Account, Collection, Instant, PercentileReference)}. */
  HealthScore scoreOne(AccountId id, Map<String, Double> metrics, Account account,
      Collection<ScoreOverride> overrides, Instant asOf, PercentileReference reference) {
    ActiveOverrides.check(overrides, asOf, cards, dev.cskit.core.Warnings.ignore());
    CompiledScorecard compiled = cards.get(pick(account));
    CompiledCard card = compiled.engine();
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
        throw new ArgumentException("measure " + CskitException.quote(measureId),
            "a percentile measure needs a reference distribution to score one account"
                + (attribute == null ? "" : " (segment " + attribute + " = " + segment + ")"), null);
      }
      cols[slots + q][0] = Percentiles.scoreAgainst(x, population);
    }
    List<ActiveOverrides.Pending> active = new ArrayList<>();
    Map<Integer, List<ScoreOverride>> expired = new HashMap<>();
    List<ScoreOverride> mine = new ArrayList<>();
    for (ScoreOverride o : overrides) {
      if (o.accountId().equals(id.value())) {
        mine.add(o);
      }
    }
    ActiveOverrides.classify(mine, 0, asOf, active, expired);
    List<ScoreOverride> sources = new ArrayList<>();
    OverridePlan plan = ActiveOverrides.plan(card, active, sources);
    CardResult r = BlockEngine.run(card, cols, 1, x -> id, plan, Map.of(), true);
    return new CardScores(compiled, r, List.copyOf(sources), expired).materialize(r, 0, 0);
  }

  /**
   * Checks that a set or a percentile segment can read what it needs: accounts, the attributes its selectors
   * and segments name, accounts that match the metrics rows. An account no selector picks is not an error
   * (the default card scores it) but a metrics row without an account is counted and reported.
   */
  private void checkSelection(List<Account> accounts, Account[] acc, MetricTable metrics, dev.cskit.core.Warnings w) {
    String what = cards.size() > 1 ? "a scorecard set picks each account's card from its account"
        : "a percentile segment ranks accounts within an account attribute";
    if (metrics.rowCount() == 0) {
      return; // nothing to select a card for (a driver checking overrides on an empty table, say)
    }
    if (accounts.isEmpty()) {
      if (cards.size() > 1) {
        throw new ArgumentException("accounts", what + ": accounts are required", "none");
      }
      w.add("accounts", what + ", but no accounts were given: every account is ranked in one segment", null);
      return;
    }
    int n = metrics.rowCount();
    int without = 0;
    String firstWithout = null;
    for (int i = 0; i < n; i++) {
      if (acc == null || acc[i] == null) {
        without++;
        if (firstWithout == null) {
          firstWithout = metrics.accountId(i).value();
        }
      }
    }
    if (n > 0 && without == n) {
      throw new ArgumentException("accounts", what + ": no account's id matches a metrics row",
          accounts.size() + " accounts, " + n + " metrics rows, such as " + CskitException.quote(firstWithout));
    }
    if (without > 0) {
      w.add("accounts", without + " of " + n + " metrics rows have no account (such as "
          + CskitException.quote(firstWithout) + "): scored with the default scorecard, without segment", null);
    }
    for (int i = 0; i < selectors.size(); i++) {
      String attribute = selectors.get(i).attribute();
      if (attribute != null && accounts.stream().noneMatch(a -> a.attribute(attribute) != null)) {
        throw new ArgumentException("accounts", "selectors[" + i + "] reads attribute \"" + attribute
            + "\", which no account has", CskitException.quote(attribute));
      }
    }
    for (CompiledScorecard c : cards) {
      for (String attribute : c.engine().percentileSegment) {
        if (attribute != null && accounts.stream().noneMatch(a -> a.attribute(attribute) != null)) {
          throw new ArgumentException("accounts", "scorecard " + c.ref().name() + " ranks within segment \""
              + attribute + "\", an attribute no account has", CskitException.quote(attribute));
        }
      }
    }
    int unmatched = 0;
    if (cards.size() > 1 && acc != null) {
      for (Account a : acc) {
        if (a != null && pick(a) == 0 && selectors.stream().noneMatch(s -> s.matches(a))) {
          unmatched++;
        }
      }
      if (unmatched > 0) {
        w.add("scorecard set", unmatched + " of " + n + " accounts match no selector: scored with the default card "
            + cards.get(0).ref().name(), null);
      }
    }
  }

  /** The index of the card that scores an account: the first matching selector's, else the default (0). */
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

  /** A percentile column ranked against a reference: the single-account rule, row by row (the same bits). */
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
        throw new ArgumentException("measure " + CskitException.quote(measureId),
            "a percentile measure needs a reference distribution"
                + (attribute == null ? "" : " (segment " + attribute + " = " + segment + ")"), null);
      }
      out[r] = Percentiles.scoreAgainst(v, population);
    }
    return out;
  }
}
