package dev.cskit.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import dev.cskit.core.AccountId;
import dev.cskit.core.DataException;
import dev.cskit.core.HealthBand;
import dev.cskit.scoring.validation.ScoreSnapshots;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

/**
 * Scored snapshots as Parquet, for validating a score and fitting weights on the driver with
 * {@link dev.cskit.scoring.validation} from Spark output.
 *
 * <p>The layout (one row per account and as-of date; the history store of monthly runs uses the same column
 * names): {@code as_of} (DATE), {@code account_id} (STRING), {@code score} (DOUBLE, NaN when the engine gave
 * none), {@code band} (STRING, {@code INSUFFICIENT_DATA} when none), {@code card} (STRING),
 * {@code card_version} (INT), {@code card_hash} (STRING), then one DOUBLE column {@code measure_<id>} per
 * measure of the cards used, holding its sub-score (NaN when the measure had none or the account's card
 * lacks it). Successive runs append to the same directory.
 */
public final class SparkSnapshots {
  /** The fixed columns, in order; the {@code measure_<id>} columns follow. */
  public static final List<String> FIXED_COLUMNS =
      List.of("as_of", "account_id", "score", "band", "card", "card_version", "card_hash");

  private SparkSnapshots() {}

  /**
   * The snapshot rows of one scoring: {@code scored} must come from {@link SparkScorer#score} with
   * {@link ScoreColumns#measures()} on.
   */
  public static Dataset<Row> of(Dataset<Row> scored, LocalDate asOf) {
    SparkUsageAggregator.require(scored, "scores", "account_id", "score", "band", "card", "card_version",
        "card_hash");
    List<Column> cols = new ArrayList<>();
    cols.add(lit(java.sql.Date.valueOf(asOf)).as("as_of"));
    for (String c : FIXED_COLUMNS.subList(1, FIXED_COLUMNS.size())) {
      cols.add(col(c));
    }
    for (String c : scored.columns()) {
      if (c.startsWith("measure_")) {
        cols.add(col("`" + c + "`"));
      }
    }
    return scored.select(cols.toArray(new Column[0]));
  }

  /** Appends snapshot rows to a Parquet directory. */
  public static void append(Dataset<Row> snapshots, String path) {
    snapshots.write().mode(SaveMode.Append).parquet(path);
  }

  /**
   * Collects snapshot rows to the driver as {@link ScoreSnapshots} (measures named by their ids), ready for
   * {@link dev.cskit.scoring.validation.Backtest} and {@link dev.cskit.scoring.validation.ScorecardFit}.
   *
   * @throws DataException when a fixed column is missing or an account has two rows for one date
   */
  public static ScoreSnapshots collect(Dataset<Row> snapshots) {
    SparkUsageAggregator.require(snapshots, "snapshots", FIXED_COLUMNS.toArray(new String[0]));
    List<String> measureColumns = new ArrayList<>();
    List<String> measures = new ArrayList<>();
    for (String c : snapshots.columns()) {
      if (c.startsWith("measure_") && c.length() > 8) {
        measureColumns.add(c);
        measures.add(c.substring(8));
      }
    }
    List<Column> cols = new ArrayList<>(List.of(col("account_id"), col("as_of"), col("score"), col("band")));
    measureColumns.forEach(c -> cols.add(col("`" + c + "`")));
    ScoreSnapshots.Builder b = ScoreSnapshots.builder(measures).source("spark snapshots");
    double[] subs = new double[measures.size()];
    for (Row r : snapshots.select(cols.toArray(new Column[0])).collectAsList()) {
      for (int m = 0; m < subs.length; m++) {
        subs[m] = r.isNullAt(4 + m) ? Double.NaN : r.getDouble(4 + m);
      }
      Object d = r.get(1);
      LocalDate asOf = d instanceof java.sql.Date sd ? sd.toLocalDate() : (LocalDate) d;
      b.add(AccountId.of(r.getString(0)), asOf, r.isNullAt(2) ? Double.NaN : r.getDouble(2),
          HealthBand.of(r.getString(3)), subs);
    }
    return b.build();
  }
}
