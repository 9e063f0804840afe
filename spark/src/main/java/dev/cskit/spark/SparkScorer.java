package dev.cskit.spark;

import dev.cskit.core.ArgumentException;
import java.util.Optional;
import dev.cskit.scoring.ScoringOptions;
import static org.apache.spark.sql.functions.col;

import dev.cskit.core.Account;
import dev.cskit.core.AccountId;
import dev.cskit.core.ConfigException;
import dev.cskit.core.ConfigFormat;
import dev.cskit.core.Configs;
import dev.cskit.core.CskitException;
import dev.cskit.core.MetricTable;
import dev.cskit.scoring.Cap;
import dev.cskit.scoring.HealthScore;
import dev.cskit.scoring.HealthScorer;
import dev.cskit.scoring.Measure;
import dev.cskit.scoring.Overrides;
import dev.cskit.scoring.PercentileReference;
import dev.cskit.scoring.Rule;
import dev.cskit.scoring.ScoreOverride;
import dev.cskit.scoring.ScoreTable;
import dev.cskit.scoring.Scorecard;
import dev.cskit.scoring.ScorecardRef;
import dev.cskit.scoring.ScorecardSet;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Health scoring as a Spark job, through cskit's own columnar engine: each partition is cut into blocks of
 * rows, each block becomes a {@link MetricTable} and is scored by {@link HealthScorer#score} (the batch
 * path, with the Vector API kernels where the executor JVM has {@code jdk.incubator.vector}), not row by
 * row. The scorer travels as a {@link ScorerSpec} and is compiled once per executor JVM.
 *
 * <p>Scorecard sets pick a card per account from the account's stage, attributes and ARR, as locally.
 * Percentile measures rank against the whole portfolio, not the block: the job first computes, across the
 * cluster, each percentile measure's population (per card of the set, per segment value), collects it to the
 * driver as (value, count) pairs, broadcasts it, and scores every block against it
 * ({@link dev.cskit.scoring.ScoringOptions#percentileReference()}), which gives
 * each account the bits the local batch gives it. Overrides apply as locally.
 *
 * <p>Inputs: {@code metrics} with {@code account_id} and a numeric column per metric the cards read (null is
 * missing, as NaN); {@code accounts} (may be null when no card reads accounts) with cskit's account columns
 * ({@code account_id, name, arr, currency, seats, contract_start, renewal_date, stage}, any other column an
 * attribute). Output: one row per metrics row, in no particular order: {@code account_id, score, band,
 * coverage, card, card_version, card_hash} and the columns {@link ScoreColumns} asks for; scores are NaN where
 * the local engine gives NaN, the band {@code INSUFFICIENT_DATA} there.
 *
 * <p>With a percentile measure the job reads {@code metrics} twice (the reference pass, then the scoring
 * pass): cache or persist it first (or read it from Parquet) so that its lineage, a usage aggregation say,
 * does not run twice.
 *
 * <p>Differences from local scoring: every metric any card of a set reads must be a column of
 * {@code metrics} (locally only those of cards that score some account); percentile measures of different
 * cards of a set must have different ids (the reference is keyed by measure id). Immutable, serializable.
 */
public final class SparkScorer implements Serializable {
  private static final long serialVersionUID = 1L;
  /** Rows per engine block by default. */
  public static final int DEFAULT_BLOCK_ROWS = 16_384;

  private final ScorerSpec spec;
  private final int blockRows;

  private SparkScorer(ScorerSpec spec, int blockRows) {
    this.spec = spec;
    this.blockRows = blockRows;
  }

  /** A scorer of this spec. */
  public static SparkScorer of(ScorerSpec spec) {
    return new SparkScorer(spec, DEFAULT_BLOCK_ROWS);
  }

  /** This scorer with another block size (rows per {@link MetricTable} handed to the engine). */
  public SparkScorer withBlockRows(int rows) {
    if (rows < 1) {
      throw new ArgumentException("blockRows", "must be at least 1", String.valueOf(rows));
    }
    return new SparkScorer(spec, rows);
  }

  /** The spec. */
  public ScorerSpec spec() {
    return spec;
  }

  /** Scores with no overrides: the score, band, coverage and card columns. */
  public Dataset<Row> score(Dataset<Row> metrics, Dataset<Row> accounts) {
    return score(metrics, accounts, List.of(), null, ScoreColumns.BASIC);
  }

  /**
   * Scores every row of {@code metrics}.
   *
   * @param accounts the accounts, for a set's selectors and percentile segments; may be null otherwise
   * @param overrides manual overrides (those active at {@code asOf} apply)
   * @param asOf the instant overrides are judged at; required when there are overrides
   * @param columns the optional output columns
   * @throws ConfigException when {@code metrics} lacks a metric a card reads
   */
  public Dataset<Row> score(Dataset<Row> metrics, Dataset<Row> accounts, Collection<ScoreOverride> overrides,
      Instant asOf, ScoreColumns columns) {
    SparkUsageAggregator.require(metrics, "metrics", MetricTable.ACCOUNT_ID);
    ScorecardSet set = spec.set();
    HealthScorer scorer = spec.compile();
    List<Scorecard> used = set.usedScorecards();
    List<String> inputs = inputs(used);
    List<String> have = Arrays.asList(metrics.columns());
    for (String m : inputs) {
      if (!have.contains(m)) {
        throw ConfigException.at(set.name(), "names a metric the metrics lack (columns: " + have + ")",
            CskitException.quote(m));
      }
    }
    if (!overrides.isEmpty() && asOf == null) {
      throw new ArgumentException("overrides", "an as-of instant is required to apply overrides", null);
    }
    // validates the overrides' targets on the driver, as the local engine does
    if (!overrides.isEmpty()) {
      scorer.score(MetricTable.builder(inputs).build(), ScoringOptions.builder().overrides(overrides)
          .asOf(Optional.ofNullable(asOf)).build());
    }
    boolean percentiles = false;
    boolean segments = false;
    List<String> pctIds = new ArrayList<>();
    for (Scorecard c : used) {
      for (Measure m : c.measures()) {
        if (m.rule() instanceof Rule.Percentile p) {
          percentiles = true;
          segments |= p.segment() != null;
          if (pctIds.contains(m.id())) {
            throw ConfigException.at(set.name(), "percentile measures of different cards of a set must have "
                + "different ids on Spark (the reference population is keyed by measure id)",
                CskitException.quote(m.id()));
          }
          pctIds.add(m.id());
        }
      }
    }
    boolean readsAccounts = used.size() > 1 || segments;

    // the input: account_id, the metrics as doubles, then (when read) the account columns
    List<Column> select = new ArrayList<>();
    select.add(col(MetricTable.ACCOUNT_ID).cast("string").as("_id"));
    for (int s = 0; s < inputs.size(); s++) {
      select.add(col("`" + inputs.get(s) + "`").cast("double").as("_m" + s));
    }
    Dataset<Row> in = metrics.select(select.toArray(new Column[0]));
    List<String> accountColumns = new ArrayList<>();
    if (readsAccounts && accounts != null) {
      SparkUsageAggregator.require(accounts, "accounts", MetricTable.ACCOUNT_ID);
      List<Column> a = new ArrayList<>();
      for (String name : accounts.columns()) {
        accountColumns.add(name);
        a.add(col("`" + name + "`").as("_a" + a.size()));
      }
      Dataset<Row> acc = accounts.select(a.toArray(new Column[0]));
      int idAt = accountColumns.indexOf(MetricTable.ACCOUNT_ID);
      in = in.join(acc, in.col("_id").equalTo(acc.col("_a" + idAt).cast("string")), "left_outer");
    }
    Layout layout = new Layout(new ArrayList<>(inputs), new SparkAccounts(accountColumns, 1 + inputs.size()),
        !accountColumns.isEmpty());

    // percentile measures: the whole portfolio's populations, computed on the cluster, broadcast
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(metrics.sparkSession().sparkContext());
    Broadcast<HashMap<String, HashMap<String, double[]>>> reference = null;
    String referenceId = null;
    if (percentiles) {
      StructType valueSchema = new StructType()
          .add("measure", DataTypes.StringType, false)
          .add("segment", DataTypes.StringType, false)
          .add("value", DataTypes.DoubleType, false);
      List<Row> counted = in.mapPartitions(new PercentileValues(spec, layout), Encoders.row(valueSchema))
          .groupBy("measure", "segment", "value").count().collectAsList();
      reference = jsc.broadcast(populations(counted));
      referenceId = UUID.randomUUID().toString();
    }

    List<String> categoryIds = new ArrayList<>();
    List<String> measureIds = new ArrayList<>();
    for (Scorecard c : used) {
      c.categories().forEach(g -> {
        if (!categoryIds.contains(g.id())) {
          categoryIds.add(g.id());
        }
      });
      c.measures().forEach(m -> {
        if (!measureIds.contains(m.id())) {
          measureIds.add(m.id());
        }
      });
    }
    StructType out = outputSchema(columns, categoryIds, measureIds);
    String overridesJson = overrides.isEmpty() ? null
        : Configs.write(new Overrides(1, new ArrayList<>(overrides)), ConfigFormat.JSON);
    ScorePartition f = new ScorePartition(spec, layout, blockRows, reference, referenceId, overridesJson,
        overridesJson == null ? null : UUID.randomUUID().toString(), asOf, columns, categoryIds, measureIds);
    return in.mapPartitions(f, Encoders.row(out));
  }

  /** The schema of {@link #score}'s output. */
  static StructType outputSchema(ScoreColumns columns, List<String> categoryIds, List<String> measureIds) {
    StructType s = new StructType()
        .add("account_id", DataTypes.StringType, false)
        .add("score", DataTypes.DoubleType, false)
        .add("band", DataTypes.StringType, false)
        .add("coverage", DataTypes.DoubleType, false)
        .add("card", DataTypes.StringType, false)
        .add("card_version", DataTypes.IntegerType, false)
        .add("card_hash", DataTypes.StringType, false);
    if (columns.categories()) {
      for (String c : categoryIds) {
        s = s.add("category_" + c, DataTypes.DoubleType, false);
      }
    }
    if (columns.measures()) {
      for (String m : measureIds) {
        s = s.add("measure_" + m, DataTypes.DoubleType, false);
      }
    }
    if (columns.contributions()) {
      for (String m : measureIds) {
        s = s.add("contribution_" + m, DataTypes.DoubleType, false);
      }
    }
    return s;
  }

  /** Every metric the cards read, in order of first use. */
  static List<String> inputs(List<Scorecard> cards) {
    LinkedHashSet<String> s = new LinkedHashSet<>();
    for (Scorecard c : cards) {
      for (Measure m : c.measures()) {
        s.addAll(m.metrics());
      }
      for (Cap cap : c.caps()) {
        s.add(cap.metric());
      }
    }
    return new ArrayList<>(s);
  }

  /** Sorted populations from (measure, segment, value, count) rows. */
  private static HashMap<String, HashMap<String, double[]>> populations(List<Row> counted) {
    Map<String, Map<String, List<double[]>>> pairs = new HashMap<>();
    for (Row r : counted) {
      pairs.computeIfAbsent(r.getString(0), k -> new HashMap<>())
          .computeIfAbsent(r.getString(1), k -> new ArrayList<>())
          .add(new double[] {r.getDouble(2), r.getLong(3)});
    }
    HashMap<String, HashMap<String, double[]>> out = new HashMap<>();
    pairs.forEach((measure, bySegment) -> {
      HashMap<String, double[]> m = new HashMap<>();
      bySegment.forEach((segment, list) -> {
        list.sort((a, b) -> Double.compare(a[0], b[0]));
        long n = 0;
        for (double[] p : list) {
          n += (long) p[1];
        }
        double[] values = new double[Math.toIntExact(n)];
        int i = 0;
        for (double[] p : list) {
          double v = p[0] == 0.0 ? 0.0 : p[0];
          for (long c = 0; c < (long) p[1]; c++) {
            values[i++] = v;
          }
        }
        m.put(segment, values);
      });
      out.put(measure, m);
    });
    return out;
  }

  /** Where things are in an input row: id, metric values, then the account columns. */
  record Layout(ArrayList<String> inputs, SparkAccounts accounts, boolean hasAccounts) implements Serializable {
    Account account(Row row) {
      return hasAccounts ? accounts.read(row) : null;
    }
  }

  /** Picks a set's card for an account, as the local engine: the first matching selector, else the default. */
  static String cardOf(ScorecardSet set, Account a) {
    if (a != null) {
      for (ScorecardSet.Selector s : set.selectors()) {
        if (s.matches(a)) {
          return s.scorecard();
        }
      }
    }
    return set.defaultScorecard();
  }

  /** The values each percentile measure ranks, with the segment, for the rows its card scores. */
  static final class PercentileValues implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final ScorerSpec spec;
    private final Layout layout;

    PercentileValues(ScorerSpec spec, Layout layout) {
      this.spec = spec;
      this.layout = layout;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
      ScorecardSet set = spec.set();
      Map<String, List<Object[]>> byCard = new HashMap<>(); // card -> [measure id, metric slot, segment attribute]
      for (Scorecard c : set.usedScorecards()) {
        List<Object[]> ps = new ArrayList<>();
        for (Measure m : c.measures()) {
          if (m.rule() instanceof Rule.Percentile p) {
            ps.add(new Object[] {m.id(), layout.inputs().indexOf(m.metric()), p.segment()});
          }
        }
        byCard.put(c.name(), ps);
      }
      List<Row> out = new ArrayList<>();
      while (rows.hasNext()) {
        Row r = rows.next();
        Account a = layout.account(r);
        for (Object[] p : byCard.get(cardOf(set, a))) {
          int slot = (Integer) p[1];
          Object v = r.get(1 + slot);
          if (v == null) {
            continue;
          }
          double x = (Double) v;
          if (x != x) {
            continue;
          }
          String attribute = (String) p[2];
          String segment = attribute == null || a == null ? null : a.attribute(attribute);
          out.add(RowFactory.create(p[0], segment == null ? PercentileReference.ALL : segment, x == 0.0 ? 0.0 : x));
        }
      }
      return out.iterator();
    }
  }

  /** The per-JVM caches of broadcast references and parsed overrides (by the id the driver gave them). */
  private static final Map<String, PercentileReference> REFERENCES = new ConcurrentHashMap<>();
  private static final Map<String, Map<String, List<ScoreOverride>>> OVERRIDES = new ConcurrentHashMap<>();

  /** Scores a partition block by block through the columnar engine. */
  static final class ScorePartition implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final ScorerSpec spec;
    private final Layout layout;
    private final int blockRows;
    private final Broadcast<HashMap<String, HashMap<String, double[]>>> reference;
    private final String referenceId;
    private final String overridesJson;
    private final String overridesId;
    private final Instant asOf;
    private final ScoreColumns columns;
    private final ArrayList<String> categoryIds;
    private final ArrayList<String> measureIds;

    ScorePartition(ScorerSpec spec, Layout layout, int blockRows,
        Broadcast<HashMap<String, HashMap<String, double[]>>> reference, String referenceId, String overridesJson,
        String overridesId, Instant asOf, ScoreColumns columns, List<String> categoryIds, List<String> measureIds) {
      this.spec = spec;
      this.layout = layout;
      this.blockRows = blockRows;
      this.reference = reference;
      this.referenceId = referenceId;
      this.overridesJson = overridesJson;
      this.overridesId = overridesId;
      this.asOf = asOf;
      this.columns = columns;
      this.categoryIds = new ArrayList<>(categoryIds);
      this.measureIds = new ArrayList<>(measureIds);
    }

    private PercentileReference reference() {
      if (reference == null) {
        return null;
      }
      return REFERENCES.computeIfAbsent(referenceId, k -> {
        if (REFERENCES.size() > 8) {
          REFERENCES.clear();
        }
        PercentileReference r = PercentileReference.EMPTY;
        for (Map.Entry<String, HashMap<String, double[]>> m : reference.value().entrySet()) {
          for (Map.Entry<String, double[]> s : m.getValue().entrySet()) {
            r = r.with(m.getKey(), s.getKey(), s.getValue());
          }
        }
        return r;
      });
    }

    private Map<String, List<ScoreOverride>> overrides() {
      if (overridesJson == null) {
        return Map.of();
      }
      return OVERRIDES.computeIfAbsent(overridesId, k -> {
        if (OVERRIDES.size() > 8) {
          OVERRIDES.clear();
        }
        Map<String, List<ScoreOverride>> byAccount = new HashMap<>();
        for (ScoreOverride o : Configs.parse(overridesJson, ConfigFormat.JSON, "overrides", Overrides.class)
            .overrides()) {
          byAccount.computeIfAbsent(o.accountId(), x -> new ArrayList<>()).add(o);
        }
        return byAccount;
      });
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
      HealthScorer scorer = spec.compile();
      PercentileReference ref = reference();
      Map<String, List<ScoreOverride>> overrides = overrides();
      int n = layout.inputs().size();
      return new Iterator<>() {
        private List<Row> block = List.of();
        private int next;

        @Override
        public boolean hasNext() {
          if (next < block.size()) {
            return true;
          }
          if (!rows.hasNext()) {
            return false;
          }
          block = scoreBlock();
          next = 0;
          return next < block.size();
        }

        @Override
        public Row next() {
          if (!hasNext()) {
            throw new NoSuchElementException();
          }
          return block.get(next++);
        }

        private List<Row> scoreBlock() {
          MetricTable.Builder b = MetricTable.builder(layout.inputs()).source("metrics");
          List<Account> accounts = new ArrayList<>();
          List<ScoreOverride> mine = new ArrayList<>();
          double[] values = new double[n];
          int count = 0;
          while (count < blockRows && rows.hasNext()) {
            Row r = rows.next();
            String id = r.getString(0);
            for (int s = 0; s < n; s++) {
              Object v = r.get(1 + s);
              values[s] = v == null ? Double.NaN : (Double) v;
            }
            b.addRow(AccountId.of(id), values);
            Account a = layout.account(r);
            if (a != null) {
              accounts.add(a);
            }
            List<ScoreOverride> os = overrides.get(id);
            if (os != null) {
              mine.addAll(os);
            }
            count++;
          }
          MetricTable table = b.build();
          ScoreTable t = ref == null
              ? scorer.score(table, ScoringOptions.builder().accounts(accounts).overrides(mine)
                  .asOf(Optional.ofNullable(asOf)).build())
              : scorer.score(table, ScoringOptions.builder().accounts(accounts).overrides(mine)
                  .asOf(Optional.ofNullable(asOf)).percentileReference(ref).build());
          List<HealthScore> details = columns.contributions() ? t.rows() : null;
          List<Row> out = new ArrayList<>(t.size());
          int width = 7 + (columns.categories() ? categoryIds.size() : 0)
              + (columns.measures() ? measureIds.size() : 0) + (columns.contributions() ? measureIds.size() : 0);
          for (int i = 0; i < t.size(); i++) {
            Object[] cells = new Object[width];
            ScorecardRef card = t.scorecard(i);
            int k = 0;
            cells[k++] = t.accountId(i).value();
            cells[k++] = t.score(i);
            cells[k++] = t.band(i).name();
            cells[k++] = t.coverage(i);
            cells[k++] = card.name();
            cells[k++] = card.version();
            cells[k++] = card.hash();
            if (columns.categories()) {
              for (String c : categoryIds) {
                cells[k++] = t.categoryScore(i, c);
              }
            }
            if (columns.measures()) {
              for (String m : measureIds) {
                cells[k++] = t.measureScore(i, m);
              }
            }
            if (columns.contributions()) {
              Map<String, Double> contributions = details.get(i).contributions();
              for (String m : measureIds) {
                Double v = contributions.get(m);
                cells[k++] = v == null ? Double.NaN : v;
              }
            }
            out.add(RowFactory.create(cells));
          }
          return out;
        }
      };
    }
  }
}
