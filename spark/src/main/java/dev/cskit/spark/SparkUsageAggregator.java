package dev.cskit.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.raise_error;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import dev.cskit.core.CskitException;
import dev.cskit.core.DataException;
import dev.cskit.core.MetricTable;
import dev.cskit.core.UsageAggregator;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.TimestampType;

/**
 * {@link UsageAggregator} as a Spark job: usage events and accounts as {@code Dataset<Row>}s in, the same
 * metric columns out, with the same names, the same window edges and the same values (counts exactly, ratios
 * bit for bit), computed by Spark's own aggregation: nothing about the events is collected to the driver.
 *
 * <p>Input columns (names as in cskit's CSV files):
 * <ul>
 *   <li>events: {@code account_id} (string), {@code user_id} (string, optional column; null or empty counts
 *       for no user), {@code event_type} (string), {@code timestamp} (a Spark {@code TIMESTAMP});
 *   <li>accounts: {@code account_id} (string), {@code seats} (a number); other columns are ignored.
 * </ul>
 *
 * <p>Output: {@code account_id} and the columns of {@link UsageAggregator} in its order, all {@code DOUBLE}
 * ({@code NaN} where the local table has NaN), one row per account of {@code accounts} (accounts without
 * events get zero counts), in no particular order. An event of an account not in {@code accounts} fails the
 * job when it runs (a {@code SparkException} whose message carries the rule and the account id), as it fails
 * {@link UsageAggregator#aggregate} locally.
 *
 * <p>The job: events are filtered to the tracked span (twice the largest window) and grouped twice by
 * Spark's hash aggregation, first by (account, user), keeping a bitset of active days and the counts per
 * window and type, then by account, OR-ing the bitsets (distinct active days) and counting the users whose
 * bitset meets each window. Without {@link Builder#eventTypes} the types are first found by a distinct query
 * (one extra scan of the events, a handful of strings to the driver), since Spark needs the columns up front.
 *
 * <p>Not checked (the local aggregator checks them): an account listed twice in {@code accounts}.
 * Immutable and thread-safe.
 */
public final class SparkUsageAggregator {
  private final UsageAggregator local;
  private final int[] windows;
  private final LocalDate asOf;
  private final ZoneId zone;
  private final List<String> types;

  private SparkUsageAggregator(Builder b) {
    UsageAggregator.Builder lb = UsageAggregator.builder().asOf(b.asOf).zone(b.zone);
    if (b.windows != null) {
      lb.windows(b.windows);
    }
    if (b.types != null) {
      lb.eventTypes(b.types);
    }
    this.local = lb.build();
    this.windows = local.windows();
    this.asOf = b.asOf;
    this.zone = b.zone;
    if (b.types == null) {
      this.types = null;
    } else {
      // as the local aggregator: column names of the fixed types, sorted, each once
      TreeSet<String> names = new TreeSet<>();
      b.types.forEach(t -> names.add(UsageAggregator.columnName(t)));
      this.types = List.copyOf(names);
    }
  }

  /** A builder; the as-of date is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The local aggregator with the same settings (the reference this job equals). */
  public UsageAggregator local() {
    return local;
  }

  /** The windows in days, ascending. */
  public int[] windows() {
    return windows.clone();
  }

  /** The names of the metric columns for these event type column names, in the local aggregator's order. */
  public List<String> metricNames(List<String> typeColumns) {
    List<String> names = new ArrayList<>();
    for (int w : windows) {
      names.add("active_days_" + w + "d");
      names.add("active_days_prev_" + w + "d");
      names.add("events_" + w + "d");
      names.add("events_prev_" + w + "d");
      names.add("events_change_" + w + "d");
      names.add("active_users_" + w + "d");
      names.add("active_users_prev_" + w + "d");
      names.add("penetration_" + w + "d");
      for (String t : typeColumns) {
        names.add(t + "_" + w + "d");
        names.add(t + "_prev_" + w + "d");
      }
    }
    return names;
  }

  /**
   * The metric table of these accounts: one row per account, {@code account_id} then the metric columns.
   *
   * @throws DataException when a required column is missing or the timestamp is not a timestamp, or when an
   *     event type's columns take another column's name
   */
  public Dataset<Row> aggregate(Dataset<Row> events, Dataset<Row> accounts) {
    require(events, "usage events", "account_id", "event_type", "timestamp");
    require(accounts, "accounts", "account_id", "seats");
    if (!(events.schema().apply("timestamp").dataType() instanceof TimestampType)) {
      throw new DataException("usage events", 0, "timestamp", "must be a Spark TIMESTAMP column",
          events.schema().apply("timestamp").dataType().simpleString());
    }
    int span = 2 * windows[windows.length - 1];
    int words = (span + 63) / 64;

    // day offset back from the as-of date, in the zone: d = 0 is the as-of day
    Column seconds = expr("unix_seconds(timestamp)");
    Column day;
    if (zone instanceof ZoneOffset offset) {
      Column s = seconds.plus(lit((long) offset.getTotalSeconds()));
      day = s.minus(pmod(s, lit(86_400L))).divide(lit(86_400L)).cast("long");
    } else {
      ZoneId z = zone;
      UserDefinedFunction epochDay = udf(
          (UDF1<Long, Long>) sec -> sec == null ? null
              : LocalDate.ofInstant(Instant.ofEpochSecond(sec), z).toEpochDay(), DataTypes.LongType);
      day = epochDay.apply(seconds);
    }
    UserDefinedFunction typeName = udf(
        (UDF1<String, String>) t -> t == null ? null : UsageAggregator.columnName(t), DataTypes.StringType);
    boolean hasUser = Arrays.asList(events.columns()).contains("user_id");
    Dataset<Row> ev = events
        .select(col("account_id").cast("string").as("account_id"),
            hasUser ? coalesce(col("user_id").cast("string"), lit("")).as("_u") : lit("").as("_u"),
            typeName.apply(col("event_type").cast("string")).as("_t"),
            lit(asOf.toEpochDay()).minus(day).cast("int").as("_d"))
        .where(col("_d").geq(0).and(col("_d").lt(span)));

    List<String> typeColumns = types != null ? types : discoverTypes(ev);
    List<String> names = metricNames(typeColumns);
    requireDistinct(names, typeColumns);

    // level 1: (account, user) -> day bitset words, counts per window and per type and window
    List<Column> first = new ArrayList<>();
    for (int k = 0; k < words; k++) {
      first.add(expr("bit_or(CASE WHEN _d >= " + (64 * k) + " AND _d < " + (64 * (k + 1))
          + " THEN shiftleft(1L, _d - " + (64 * k) + ") ELSE 0L END)").as("_w" + k));
    }
    for (int i = 0; i < windows.length; i++) {
      int w = windows[i];
      first.add(sum(when(cur(w), 1L).otherwise(0L)).as("_e" + i + "c"));
      first.add(sum(when(prev(w), 1L).otherwise(0L)).as("_e" + i + "p"));
      for (int j = 0; j < typeColumns.size(); j++) {
        Column isType = col("_t").equalTo(lit(typeColumns.get(j)));
        first.add(sum(when(isType.and(cur(w)), 1L).otherwise(0L)).as("_t" + j + "_" + i + "c"));
        first.add(sum(when(isType.and(prev(w)), 1L).otherwise(0L)).as("_t" + j + "_" + i + "p"));
      }
    }
    Dataset<Row> byUser = ev.groupBy(col("account_id"), col("_u"))
        .agg(first.get(0), first.subList(1, first.size()).toArray(new Column[0]));

    // level 2: account -> OR of the bitsets, sums, users active in each window
    List<Column> second = new ArrayList<>();
    for (int k = 0; k < words; k++) {
      second.add(expr("bit_or(_w" + k + ")").as("_w" + k));
    }
    for (int i = 0; i < windows.length; i++) {
      int w = windows[i];
      second.add(sum(col("_e" + i + "c")).as("_e" + i + "c"));
      second.add(sum(col("_e" + i + "p")).as("_e" + i + "p"));
      Column named = col("_u").notEqual(lit(""));
      second.add(sum(when(named.and(meets(0, w, words)), 1L).otherwise(0L)).as("_u" + i + "c"));
      second.add(sum(when(named.and(meets(w, 2 * w, words)), 1L).otherwise(0L)).as("_u" + i + "p"));
      for (int j = 0; j < typeColumns.size(); j++) {
        second.add(sum(col("_t" + j + "_" + i + "c")).as("_t" + j + "_" + i + "c"));
        second.add(sum(col("_t" + j + "_" + i + "p")).as("_t" + j + "_" + i + "p"));
      }
    }
    Dataset<Row> byAccount = byUser.groupBy(col("account_id"))
        .agg(second.get(0), second.subList(1, second.size()).toArray(new Column[0]));

    // every account, with or without events; an event of an unknown account fails the job
    Dataset<Row> acc = accounts.select(col("account_id").cast("string").as("_aid"),
        col("seats").cast("double").as("_seats"));
    Dataset<Row> joined = acc.join(byAccount, acc.col("_aid").equalTo(byAccount.col("account_id")), "full_outer");
    Column unknown = raise_error(concat(lit("usage events: account_id: every event must belong to a known account: '"),
        byAccount.col("account_id"), lit("'")));
    List<Column> out = new ArrayList<>();
    out.add(coalesce(joined.col("_aid"), unknown).cast("string").as(MetricTable.ACCOUNT_ID));
    int c = 0;
    for (int i = 0; i < windows.length; i++) {
      int w = windows[i];
      out.add(activeDays(0, w, words).as(names.get(c++)));
      out.add(activeDays(w, 2 * w, words).as(names.get(c++)));
      Column now = count("_e" + i + "c");
      Column before = count("_e" + i + "p");
      out.add(now.as(names.get(c++)));
      out.add(before.as(names.get(c++)));
      out.add(when(before.equalTo(0.0), lit(Double.NaN)).otherwise(now.minus(before).divide(before))
          .as(names.get(c++)));
      Column users = count("_u" + i + "c");
      out.add(users.as(names.get(c++)));
      out.add(count("_u" + i + "p").as(names.get(c++)));
      out.add(when(col("_seats").equalTo(0.0), lit(Double.NaN)).otherwise(users.divide(col("_seats")))
          .as(names.get(c++)));
      for (int j = 0; j < typeColumns.size(); j++) {
        out.add(count("_t" + j + "_" + i + "c").as(names.get(c++)));
        out.add(count("_t" + j + "_" + i + "p").as(names.get(c++)));
      }
    }
    return joined.select(out.toArray(new Column[0]));
  }

  private static Column cur(int w) {
    return col("_d").lt(w);
  }

  private static Column prev(int w) {
    return col("_d").geq(w).and(col("_d").lt(2 * w));
  }

  /** A count column as a double, 0 for accounts without events. */
  private static Column count(String name) {
    return coalesce(col(name), lit(0L)).cast("double");
  }

  /** Whether the bitset has a day in [from, to). */
  private static Column meets(int from, int to, int words) {
    Column any = null;
    for (int k = 0; k < words; k++) {
      long mask = mask(from, to, k);
      if (mask == 0) {
        continue;
      }
      Column hit = col("_w" + k).bitwiseAND(lit(mask)).notEqual(lit(0L));
      any = any == null ? hit : any.or(hit);
    }
    return any == null ? lit(false) : any;
  }

  /** The number of days in [from, to) of the account's bitset, as a double (0 without events). */
  private static Column activeDays(int from, int to, int words) {
    Column total = lit(0L);
    for (int k = 0; k < words; k++) {
      long mask = mask(from, to, k);
      if (mask != 0) {
        total = total.plus(coalesce(expr("bit_count(_w" + k + " & " + maskLiteral(mask) + ")"), lit(0)));
      }
    }
    return total.cast("double");
  }

  private static String maskLiteral(long mask) {
    // Spark SQL reads a long literal with the L suffix; Long.MIN_VALUE has no positive form
    return mask == Long.MIN_VALUE ? "(-9223372036854775807L - 1L)" : "(" + mask + "L)";
  }

  /** The bits of word {@code k} that fall in [from, to). */
  static long mask(int from, int to, int k) {
    int lo = Math.max(from, 64 * k) - 64 * k;
    int hi = Math.min(to, 64 * (k + 1)) - 64 * k;
    if (hi <= lo) {
      return 0L;
    }
    long upper = hi == 64 ? -1L : (1L << hi) - 1;
    return upper & (-1L << lo);
  }

  private static List<String> discoverTypes(Dataset<Row> ev) {
    TreeSet<String> found = new TreeSet<>();
    for (Row r : ev.select(col("_t")).where(col("_t").isNotNull()).distinct().collectAsList()) {
      found.add(r.getString(0));
    }
    return List.copyOf(found);
  }

  private static void requireDistinct(List<String> names, List<String> types) {
    Set<String> seen = new HashSet<>();
    for (String name : names) {
      if (!seen.add(name)) {
        String type = types.stream().filter(t -> name.startsWith(t + "_")).reduce((a, b) -> b).orElse(name);
        throw new DataException("usage events", 0, "event_type",
            "an event type must not give a column name that another column has",
            CskitException.quote(type) + " (column " + CskitException.quote(name) + ")");
      }
    }
  }

  static void require(Dataset<Row> data, String source, String... columns) {
    List<String> have = new ArrayList<>();
    for (StructField f : data.schema().fields()) {
      have.add(f.name());
    }
    for (String c : columns) {
      if (!have.contains(c)) {
        throw new DataException(source, 0, c, "a required column is missing", "columns " + have);
      }
    }
  }

  @Override
  public String toString() {
    return "SparkUsageAggregator[windows=" + Arrays.toString(windows) + ", asOf=" + asOf + ", zone=" + zone
        + (types == null ? "" : ", types=" + types) + "]";
  }

  /** Configures a {@link SparkUsageAggregator}, as {@link UsageAggregator.Builder}. */
  public static final class Builder {
    private int[] windows;
    private LocalDate asOf;
    private ZoneId zone = ZoneOffset.UTC;
    private List<String> types;

    Builder() {}

    /** The windows in days (default 14 and 30). */
    public Builder windows(int... days) {
      this.windows = days.clone();
      return this;
    }

    /** The as-of date: the last day of every window. */
    public Builder asOf(LocalDate date) {
      this.asOf = date;
      return this;
    }

    /** The time zone in which events fall on days (default UTC). */
    public Builder zone(ZoneId zone) {
      this.zone = zone;
      return this;
    }

    /** Fixes the event types that get columns (saves the distinct query); others count only in totals. */
    public Builder eventTypes(List<String> types) {
      this.types = new ArrayList<>(types);
      return this;
    }

    /** The aggregator; checks the settings as {@link UsageAggregator.Builder#build()} does. */
    public SparkUsageAggregator build() {
      return new SparkUsageAggregator(this);
    }
  }
}
