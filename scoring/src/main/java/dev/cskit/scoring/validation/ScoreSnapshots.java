package dev.cskit.scoring.validation;

import dev.cskit.core.ArgumentException;
import dev.cskit.core.AccountId;
import dev.cskit.core.DataException;
import dev.cskit.core.HealthBand;
import dev.cskit.core.io.CsvInput;
import dev.cskit.scoring.ScoreTable;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Health-score snapshots over time, stored by column: for each row an account, the as-of date of the scoring,
 * the overall score (NaN when the engine gave none), the band and one sub-score per measure (NaN when the
 * measure had no sub-score). Immutable.
 *
 * <p>CSV form ({@link #readCsv(Path)}): columns {@code account_id, as_of, score, band} and one column per
 * measure holding its sub-score (named by the measure's id). The engine's own score CSV
 * ({@link dev.cskit.scoring.ScoreTable#writeCsv}) with an {@code as_of} column added reads as well: when any
 * column is named {@code measure_<id>}, those columns are the measures (id = the rest of the name) and
 * {@code category_<id>} columns are ignored. {@code coverage} and {@code scorecard} columns are never
 * measures. An account may have many rows (one per as-of date).
 */
public final class ScoreSnapshots {
  /** Columns that are not measures. */
  public static final Set<String> FIXED_COLUMNS =
      Set.of("account_id", "as_of", "score", "band", "coverage", "scorecard", "scorecard_version");

  private final String source;
  private final AccountId[] ids;
  private final LocalDate[] asOf;
  private final double[] score;
  private final HealthBand[] band;
  private final List<String> measures;
  private final double[][] subScores; // [measure][row]
  private final String[] cards; // the scorecard of each row, or null entries when unknown

  private ScoreSnapshots(
      String source, AccountId[] ids, LocalDate[] asOf, double[] score, HealthBand[] band,
      List<String> measures, double[][] subScores, String[] cards) {
    this.cards = cards;
    this.source = source;
    this.ids = ids;
    this.asOf = asOf;
    this.score = score;
    this.band = band;
    this.measures = Collections.unmodifiableList(new ArrayList<>(measures));
    this.subScores = subScores;
  }

  /** Reads snapshots from a CSV file (see the class comment for the columns). */
  public static ScoreSnapshots readCsv(Path file) {
    try (CsvInput in = CsvInput.open(file)) {
      return read(in);
    }
  }

  /** Reads snapshots from CSV text, naming it {@code source} in errors. */
  public static ScoreSnapshots readCsv(String text, String source) {
    try (CsvInput in = CsvInput.ofText(text, source)) {
      return read(in);
    }
  }

  private static ScoreSnapshots read(CsvInput in) {
    in.require("account_id", "as_of", "score", "band");
    boolean prefixed = in.header().stream().anyMatch(c -> c.startsWith("measure_") && c.length() > 8);
    List<String> measures = new ArrayList<>();
    List<String> columns = new ArrayList<>();
    for (String c : in.header()) {
      if (FIXED_COLUMNS.contains(c)) {
        continue;
      }
      if (prefixed) {
        if (c.startsWith("measure_") && c.length() > 8) {
          measures.add(c.substring(8));
          columns.add(c);
        }
      } else {
        measures.add(c);
        columns.add(c);
      }
    }
    Builder b = builder(measures).source(in.source());
    boolean carded = in.has("scorecard");
    Set<String> seen = new java.util.HashSet<>(); // checked here, so that the error names the file's row
    int[] pos = new int[measures.size()];
    for (int m = 0; m < pos.length; m++) {
      pos[m] = in.indexOf(columns.get(m));
    }
    for (CsvInput.Row row : in) {
      String id = row.required("account_id");
      LocalDate date = row.date("as_of");
      if (date == null) {
        throw row.error("as_of", "every snapshot needs its as-of date (YYYY-MM-DD)", "an empty cell");
      }
      double s = row.number("score");
      if (!Double.isNaN(s) && (s < 0 || s > 100)) {
        throw row.error("score", "a score must be in [0, 100]", String.valueOf(s));
      }
      HealthBand hb;
      try {
        hb = HealthBand.of(row.required("band"));
      } catch (dev.cskit.core.ArgumentException e) {
        throw row.error("band", "must name a band", row.text("band"));
      }
      double[] subs = new double[pos.length];
      for (int m = 0; m < pos.length; m++) {
        subs[m] = row.number(pos[m], columns.get(m));
        if (!Double.isNaN(subs[m]) && (subs[m] < 0 || subs[m] > 100)) {
          throw row.error(columns.get(m), "a sub-score must be in [0, 100]", String.valueOf(subs[m]));
        }
      }
      if (!seen.add(id + "\u0000" + date)) {
        throw row.error("as_of", "an account may have one snapshot per as-of date",
            "\"" + id + "\" on " + date + " twice");
      }
      if (carded && !row.text("scorecard").isEmpty()) {
        b.addScored(row.text("scorecard"), AccountId.of(id), date, s, hb, subs);
      } else {
        b.add(AccountId.of(id), date, s, hb, subs);
      }
    }
    return b.build();
  }

  /**
   * The snapshots of one scoring: every row of the table, dated {@code asOf}, with its score, band and the
   * sub-score of every measure of the cards used.
   */
  public static ScoreSnapshots of(ScoreTable table, LocalDate asOf) {
    return of(table, asOf, null);
  }

  /**
   * The snapshots of the rows of a scoring that the scorecard named {@code scorecard} scored (all rows when
   * null), as with {@link #of(ScoreTable, LocalDate)}: for a scorecard set, one card's accounts.
   */
  public static ScoreSnapshots of(ScoreTable table, LocalDate asOf, String scorecard) {
    List<String> ms = table.measureIds();
    Builder b = builder(ms).source("scores as of " + asOf);
    double[] subs = new double[ms.size()];
    for (int i = 0; i < table.size(); i++) {
      if (scorecard != null && !table.scorecard(i).name().equals(scorecard)) {
        continue;
      }
      for (int m = 0; m < subs.length; m++) {
        subs[m] = table.measureScore(i, ms.get(m));
      }
      var card = table.scorecard(i);
      b.addScored(card == null ? null : card.name(), table.accountId(i), asOf, table.score(i), table.band(i), subs);
    }
    return b.build();
  }

  /** The scorecard that scored a row, or null when unknown (snapshots read without a {@code scorecard} column). */
  public String scorecard(int row) {
    return cards[row];
  }

  /** The scorecards named by the rows, in order of first appearance (empty when none is known). */
  public List<String> scorecards() {
    return Arrays.stream(cards).filter(java.util.Objects::nonNull).distinct().toList();
  }

  /**
   * The rows one scorecard scored, with only the measures that have a sub-score in them: validation and
   * fitted weights of a scorecard set's output are computed per card, never pooled.
   */
  public ScoreSnapshots forScorecard(String name) {
    List<Integer> rows = new ArrayList<>();
    for (int i = 0; i < size(); i++) {
      if (name.equals(cards[i])) {
        rows.add(i);
      }
    }
    List<Integer> keep = new ArrayList<>();
    for (int m = 0; m < measures.size(); m++) {
      for (int i : rows) {
        if (!Double.isNaN(subScores[m][i])) {
          keep.add(m);
          break;
        }
      }
    }
    List<String> ms = new ArrayList<>();
    keep.forEach(m -> ms.add(measures.get(m)));
    Builder b = builder(ms).source(source + " (" + name + ")");
    double[] subs = new double[ms.size()];
    for (int i : rows) {
      for (int k = 0; k < subs.length; k++) {
        subs[k] = subScores[keep.get(k)][i];
      }
      b.addScored(name, ids[i], asOf[i], score[i], band[i], subs);
    }
    return b.build();
  }

  /** These snapshots followed by others (measures: the union, in order of first appearance). */
  public ScoreSnapshots concat(ScoreSnapshots other) {
    List<String> ms = new ArrayList<>(measures);
    for (String m : other.measures) {
      if (!ms.contains(m)) {
        ms.add(m);
      }
    }
    Builder b = builder(ms).source(source);
    for (ScoreSnapshots part : List.of(this, other)) {
      int[] idx = new int[ms.size()];
      for (int m = 0; m < idx.length; m++) {
        idx[m] = part.measures.indexOf(ms.get(m));
      }
      double[] subs = new double[ms.size()];
      for (int i = 0; i < part.size(); i++) {
        for (int m = 0; m < subs.length; m++) {
          subs[m] = idx[m] < 0 ? Double.NaN : part.subScores[idx[m]][i];
        }
        b.addScored(part.cards[i], part.ids[i], part.asOf[i], part.score[i], part.band[i], subs);
      }
    }
    return b.build();
  }

  /** These snapshots with one more sub-score column (values by row, NaN for missing). */
  public ScoreSnapshots withMeasure(String id, double[] values) {
    if (measures.contains(id)) {
      throw new ValidationException(source, "measure ids must be unique", "\"" + id + "\" twice");
    }
    if (values.length != size()) {
      throw new ArgumentException("values", "one value per row is required", values.length + " values for " + size() + " rows");
    }
    List<String> ms = new ArrayList<>(measures);
    ms.add(id);
    double[][] subs = Arrays.copyOf(subScores, subScores.length + 1);
    subs[subs.length - 1] = values.clone();
    return new ScoreSnapshots(source, ids, asOf, score, band, ms, subs, cards);
  }

  /** Writes the snapshots as CSV: {@code account_id, as_of, score, band} and one column per measure. */
  public void writeCsv(java.io.Writer writer) {
    dev.cskit.core.io.CsvOutput out = new dev.cskit.core.io.CsvOutput(writer);
    List<String> head = new ArrayList<>(List.of("account_id", "as_of", "score", "band"));
    head.addAll(measures);
    String[] cells = head.toArray(new String[0]);
    out.row(cells);
    for (int i = 0; i < size(); i++) {
      cells[0] = ids[i].value();
      cells[1] = asOf[i].toString();
      cells[2] = dev.cskit.core.io.CsvOutput.number(score[i]);
      cells[3] = band[i].name();
      for (int m = 0; m < measures.size(); m++) {
        cells[4 + m] = dev.cskit.core.io.CsvOutput.number(subScores[m][i]);
      }
      out.row(cells);
    }
    out.flush();
  }

  /** A builder for snapshots with these measure ids (sub-score columns). */
  public static Builder builder(List<String> measures) {
    return new Builder(measures);
  }

  /** A builder for snapshots with these measure ids (sub-score columns). */
  public static Builder builder(String... measures) {
    return new Builder(Arrays.asList(measures));
  }

  /** The source named in errors (a file name, or "snapshots"). */
  public String source() {
    return source;
  }

  /** The number of snapshots. */
  public int size() {
    return ids.length;
  }

  /** The measure ids, in column order. */
  public List<String> measures() {
    return measures;
  }

  public AccountId accountId(int row) {
    return ids[row];
  }

  public LocalDate asOf(int row) {
    return asOf[row];
  }

  /** The overall score, NaN when there was none. */
  public double score(int row) {
    return score[row];
  }

  public HealthBand band(int row) {
    return band[row];
  }

  /** The sub-score of measure number {@code measure} (see {@link #measures()}), NaN when missing. */
  public double subScore(int measure, int row) {
    return subScores[measure][row];
  }

  /** A copy of one measure's sub-scores, by row. */
  public double[] subScores(String measure) {
    int m = measures.indexOf(measure);
    if (m < 0) {
      throw DataException.of(source, "has no sub-score column for measure \"" + measure + "\"",
          "columns " + String.join(", ", measures));
    }
    return subScores[m].clone();
  }

  /** A copy of the overall scores, by row. */
  public double[] scores() {
    return score.clone();
  }

  /** The distinct as-of dates, in order. */
  public List<LocalDate> dates() {
    return Arrays.stream(asOf).distinct().sorted().toList();
  }

  /** The rows whose as-of date satisfies {@code keep}, as new snapshots. */
  public ScoreSnapshots filter(java.util.function.Predicate<LocalDate> keep) {
    Builder b = builder(measures).source(source);
    for (int i = 0; i < size(); i++) {
      if (keep.test(asOf[i])) {
        double[] subs = new double[measures.size()];
        for (int m = 0; m < subs.length; m++) {
          subs[m] = subScores[m][i];
        }
        b.addScored(cards[i], ids[i], asOf[i], score[i], band[i], subs);
      }
    }
    return b.build();
  }

  @Override
  public String toString() {
    return "ScoreSnapshots[" + size() + " rows, " + dates().size() + " dates, measures " + measures + "]";
  }

  /** Collects snapshots row by row. */
  public static final class Builder {
    private final List<String> measures;
    private String source = "snapshots";
    private final List<AccountId> ids = new ArrayList<>();
    private final List<LocalDate> dates = new ArrayList<>();
    private final List<HealthBand> bands = new ArrayList<>();
    private final List<String> cards = new ArrayList<>();
    private String nextCard;
    private double[] score = new double[16];
    private double[][] subs;
    private final Set<String> keys = new java.util.HashSet<>();

    Builder(List<String> measures) {
      if (measures.stream().distinct().count() != measures.size()) {
        throw new ValidationException("snapshots", "measure ids must be unique", measures.toString());
      }
      this.measures = List.copyOf(measures);
      this.subs = new double[measures.size()][16];
    }

    /** The name used in errors. */
    public Builder source(String source) {
      this.source = source;
      return this;
    }

    /**
     * Adds a snapshot.
     *
     * @param score the overall score, NaN when there was none
     * @param subScores one sub-score per measure, in the builder's order, NaN when missing
     */
    public Builder add(AccountId id, LocalDate asOf, double score, HealthBand band, double... subScores) {
      int row = ids.size() + 1;
      if (id == null) {
        throw new DataException(source, row, "account_id", "every snapshot needs an account id", null);
      }
      if (asOf == null) {
        throw new DataException(source, row, "as_of", "every snapshot needs its as-of date", "nothing");
      }
      if (band == null) {
        throw new DataException(source, row, "band", "every snapshot needs a band", "nothing");
      }
      if (!keys.add(id.value() + "\u0000" + asOf)) {
        throw new DataException(source, row, "as_of", "an account may have one snapshot per as-of date",
            "\"" + id + "\" on " + asOf + " twice");
      }
      if (subScores.length != measures.size()) {
        throw new DataException(source, row, null,
            "needs one sub-score per measure (" + measures.size() + ")", subScores.length + " values");
      }
      int n = ids.size();
      if (n == this.score.length) {
        this.score = Arrays.copyOf(this.score, n * 2);
        for (int m = 0; m < subs.length; m++) {
          subs[m] = Arrays.copyOf(subs[m], n * 2);
        }
      }
      ids.add(id);
      dates.add(asOf);
      bands.add(band);
      cards.add(nextCard);
      nextCard = null;
      this.score[n] = score;
      for (int m = 0; m < subs.length; m++) {
        subs[m][n] = subScores[m];
      }
      return this;
    }

    /** Adds a snapshot, as {@link #add}, naming the scorecard that scored it (null when unknown). */
    public Builder addScored(String scorecard, AccountId id, LocalDate asOf, double score, HealthBand band,
        double... subScores) {
      nextCard = scorecard;
      try {
        return add(id, asOf, score, band, subScores);
      } finally {
        nextCard = null;
      }
    }

    public ScoreSnapshots build() {
      int n = ids.size();
      double[][] s = new double[subs.length][];
      for (int m = 0; m < subs.length; m++) {
        s[m] = Arrays.copyOf(subs[m], n);
      }
      return new ScoreSnapshots(
          source, ids.toArray(new AccountId[0]), dates.toArray(new LocalDate[0]), Arrays.copyOf(score, n),
          bands.toArray(new HealthBand[0]), measures, s, cards.toArray(new String[0]));
    }
  }
}
