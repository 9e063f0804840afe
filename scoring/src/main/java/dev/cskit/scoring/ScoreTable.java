package dev.cskit.scoring;

import dev.cskit.core.AccountId;
import dev.cskit.core.HealthBand;
import dev.cskit.core.io.TextTable;
import dev.cskit.core.io.CsvOutput;
import java.io.StringWriter;
import java.io.Writer;
import dev.cskit.scoring.internal.CardResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The scores of a portfolio, columnar: overall score, band, coverage, category and measure sub-scores per
 * account, in the row order of the scored {@link dev.cskit.core.MetricTable}. Rows materialise as
 * {@link HealthScore} values on demand ({@link #row(int)}). Immutable and thread-safe.
 */
public final class ScoreTable {
  private final CardScores[] parts;
  private final int[] cardOf;
  private final int[] localOf;
  private final dev.cskit.core.MetricTable source;

  ScoreTable(dev.cskit.core.MetricTable source, CardScores[] parts, int[] cardOf, int[] localOf) {
    this.source = source;
    this.parts = parts;
    this.cardOf = cardOf;
    this.localOf = localOf;
  }

  private CardScores part(int i) {
    return parts[cardOf == null ? 0 : cardOf[i]];
  }

  private int local(int i) {
    return localOf == null ? i : localOf[i];
  }

  /** The number of accounts. */
  public int size() {
    return source.rowCount();
  }

  /** The account of a row. */
  public AccountId accountId(int i) {
    return source.accountId(i);
  }

  /** The row of an account, or -1. */
  public int rowOf(AccountId id) {
    return source.rowOf(id);
  }

  /** The final score of a row; NaN when undefined. */
  public double score(int i) {
    return part(i).result().score[local(i)];
  }

  /** The score before caps and an overall override (recomputed for the row: same engine, same bits). */
  public double scoreBeforeCaps(int i) {
    return part(i).result().detailed().preCap[local(i)];
  }

  /** The band of a row. */
  public HealthBand band(int i) {
    return part(i).band(part(i).result().band[local(i)]);
  }

  /** The coverage of a row: the share of weight whose values were observed. */
  public double coverage(int i) {
    return part(i).result().coverage[local(i)];
  }

  /** The scorecard that scored a row. */
  public ScorecardRef scorecard(int i) {
    return part(i).card().ref();
  }

  /** A category's score for a row; NaN when undefined or when the row's card lacks the category. */
  public double categoryScore(int i, String category) {
    int g = part(i).engine().categoryIndex(category);
    return g < 0 ? Double.NaN : part(i).result().categories[g][local(i)];
  }

  /**
   * A copy of a category's column, in row order (NaN where undefined or where the row's card lacks it).
   */
  public double[] categoryColumn(String category) {
    double[] out = new double[source.rowCount()];
    for (int i = 0; i < out.length; i++) {
      out[i] = categoryScore(i, category);
    }
    return out;
  }

  /**
   * A measure's sub-score for a row; NaN when it has none or the row's card lacks it. The batch keeps only
   * what most callers read (score, band, coverage, categories); sub-scores are computed by a detailed re-run
   * of the same engine on first use (same bits), once per table.
   */
  public double measureScore(int i, String measure) {
    int j = part(i).engine().measureIndex(measure);
    return j < 0 ? Double.NaN : part(i).result().detailed().measures[j][local(i)];
  }

  /** A copy of a measure's sub-score column, in row order. */
  public double[] measureColumn(String measure) {
    double[] out = new double[source.rowCount()];
    for (int i = 0; i < out.length; i++) {
      out[i] = measureScore(i, measure);
    }
    return out;
  }

  /** A copy of the final scores, in row order. */
  public double[] scores() {
    double[] out = new double[source.rowCount()];
    for (int i = 0; i < out.length; i++) {
      out[i] = score(i);
    }
    return out;
  }

  /** The full result of a row (the row re-run alone, detailed: same engine, same bits). */
  public HealthScore row(int i) {
    return part(i).row(local(i));
  }

  /** The full result of an account. */
  public HealthScore get(AccountId id) {
    int r = rowOf(id);
    if (r < 0) {
      throw new dev.cskit.core.ArgumentException("scores", "no such account",
          dev.cskit.core.CskitException.quote(id.value()));
    }
    return row(r);
  }

  /** Every row materialised, in row order. */
  public List<HealthScore> rows() {
    List<HealthScore> out = new ArrayList<>(source.rowCount());
    forEachRow(out::add);
    return out;
  }

  /** The rows materialised per block by {@link #forEachRow}. */
  static final int DETAIL_BLOCK = 4096;

  /**
   * Materialises every row in row order and hands it to {@code action}, without keeping them: the detail
   * (measure sub-scores, attribution) is computed block by block ({@value #DETAIL_BLOCK} rows), once per row,
   * by the same engine (same bits as {@link #row}), so memory for detail does not grow with the table.
   */
  public void forEachRow(java.util.function.Consumer<? super HealthScore> action) {
    int n = source.rowCount();
    HealthScore[] block = new HealthScore[Math.min(n, DETAIL_BLOCK)];
    int[] locals = new int[block.length];
    int[] positions = new int[block.length];
    for (int from = 0; from < n; from += DETAIL_BLOCK) {
      int to = Math.min(n, from + DETAIL_BLOCK);
      for (int p = 0; p < parts.length; p++) {
        int m = 0;
        for (int i = from; i < to; i++) {
          if (cardOf == null || cardOf[i] == p) {
            locals[m] = local(i);
            positions[m++] = i - from;
          }
        }
        if (m == 0) {
          continue;
        }
        CardScores part = parts[p];
        if (part.result().isDetailed()) {
          for (int k = 0; k < m; k++) {
            block[positions[k]] = part.materialize(part.result(), locals[k], locals[k]);
          }
        } else {
          CardResult detail = part.result().gather(Arrays.copyOf(locals, m));
          for (int k = 0; k < m; k++) {
            block[positions[k]] = part.materialize(detail, k, locals[k]);
          }
        }
      }
      for (int k = 0; k < to - from; k++) {
        action.accept(block[k]);
        block[k] = null;
      }
    }
  }

  /** The number of accounts per band, in band order (the default card's bands, then others), then INSUFFICIENT_DATA. */
  public Map<HealthBand, Integer> bandCounts() {
    Map<HealthBand, Integer> counts = new LinkedHashMap<>();
    for (CardScores p : parts) {
      for (HealthBand b : p.engine().bands) {
        counts.putIfAbsent(b, 0);
      }
    }
    counts.put(HealthBand.INSUFFICIENT_DATA, 0);
    for (int i = 0; i < source.rowCount(); i++) {
      counts.merge(band(i), 1, Integer::sum);
    }
    return counts;
  }

  /**
   * Why each account's score moved since an earlier scoring (another date or scorecard version): one
   * {@link ScoreDiff} per account present in both tables, in this table's row order.
   */
  public List<ScoreDiff> diff(ScoreTable before) {
    List<ScoreDiff> out = new ArrayList<>();
    for (int i = 0; i < size(); i++) {
      int j = before.rowOf(accountId(i));
      if (j >= 0) {
        out.add(ScoreDiff.between(before.row(j), row(i)));
      }
    }
    return out;
  }

  /** Overrides that had expired at the as-of instant, by account. */
  public Map<AccountId, List<ScoreOverride>> expiredOverrides() {
    Map<AccountId, List<ScoreOverride>> out = new LinkedHashMap<>();
    for (int i = 0; i < source.rowCount(); i++) {
      List<ScoreOverride> e = part(i).expired().get(local(i));
      if (e != null) {
        out.put(source.accountId(i), List.copyOf(e));
      }
    }
    return out;
  }

  /** The populations this batch ranked percentile measures in, for scoring single accounts later. */
  public PercentileReference percentileReference() {
    Map<String, Map<String, double[]>> all = new HashMap<>();
    for (CardScores p : parts) {
      p.result().distributions.forEach((m, d) -> all.put(m, Map.copyOf(d)));
    }
    return PercentileReference.fromSorted(Map.copyOf(all));
  }

  /** The ids of every category of the cards used, in card order. */
  public List<String> categoryIds() {
    Set<String> s = new LinkedHashSet<>();
    for (CardScores p : parts) {
      if (p.engine().hasCategories) {
        s.addAll(Arrays.asList(p.engine().categoryIds));
      }
    }
    return new ArrayList<>(s);
  }

  /** The ids of every measure of the cards used, in card order. */
  public List<String> measureIds() {
    Set<String> s = new LinkedHashSet<>();
    for (CardScores p : parts) {
      s.addAll(Arrays.asList(p.engine().measureIds));
    }
    return new ArrayList<>(s);
  }

  /**
   * Writes CSV: {@code account_id,score,band,coverage,scorecard}, then one column per category
   * ({@code category_<id>}) and per measure ({@code measure_<id>}); undefined values as empty cells.
   */
  public void writeCsv(Writer writer) {
    writeCsv(writer, null);
  }

  /**
   * Writes CSV as {@link #writeCsv(Writer)}, with {@code scorecard_version} and {@code as_of} after
   * {@code scorecard} when {@code asOf} is given: each row then says which card scored it and when, and the
   * file reads back as {@link dev.cskit.scoring.validation.ScoreSnapshots} (validated per card).
   */
  public void writeCsv(Writer writer, java.time.LocalDate asOf) {
    CsvOutput out = new CsvOutput(writer);
    List<String> cats = categoryIds();
    List<String> ms = measureIds();
    List<String> head = new ArrayList<>(List.of("account_id", "score", "band", "coverage", "scorecard"));
    if (asOf != null) {
      head.add("scorecard_version");
      head.add("as_of");
    }
    cats.forEach(c -> head.add("category_" + c));
    ms.forEach(m -> head.add("measure_" + m));
    out.row(head.toArray(new String[0]));
    // per card, found once: each column's index in the card (-1: the card lacks it) and the fixed text cells
    int[][] catAt = new int[parts.length][cats.size()];
    int[][] measureAt = new int[parts.length][ms.size()];
    String[] cardText = new String[parts.length];
    String[][] bandText = new String[parts.length][];
    String asOfText = asOf == null ? null : asOf.toString();
    for (int p = 0; p < parts.length; p++) {
      for (int c = 0; c < cats.size(); c++) {
        catAt[p][c] = parts[p].engine().categoryIndex(cats.get(c));
      }
      for (int m = 0; m < ms.size(); m++) {
        measureAt[p][m] = parts[p].engine().measureIndex(ms.get(m));
      }
      ScorecardRef ref = parts[p].card().ref();
      cardText[p] = CsvOutput.escape(ref.name()) + (asOf == null ? "" : "," + ref.version() + "," + asOfText);
      // a row's band index k (-1: insufficient data) is the text at k + 1
      bandText[p] = new String[parts[p].engine().bands.length + 1];
      for (int k = -1; k < bandText[p].length - 1; k++) {
        bandText[p][k + 1] = CsvOutput.escape(parts[p].band(k).name());
      }
    }
    StringBuilder line = new StringBuilder(256);
    try {
      for (int i = 0; i < source.rowCount(); i++) {
        int p = cardOf == null ? 0 : cardOf[i];
        CardScores part = parts[p];
        CardResult r = part.result();
        int local = local(i);
        line.setLength(0);
        line.append(CsvOutput.escape(source.accountId(i).value())).append(',');
        CsvOutput.appendNumber(line, r.score[local]);
        line.append(',').append(bandText[p][r.band[local] + 1]).append(',');
        CsvOutput.appendNumber(line, r.coverage[local]);
        line.append(',').append(cardText[p]);
        for (int c = 0; c < catAt[p].length; c++) {
          line.append(',');
          int g = catAt[p][c];
          if (g >= 0) {
            CsvOutput.appendNumber(line, r.categories[g][local]);
          }
        }
        for (int m = 0; m < measureAt[p].length; m++) {
          line.append(',');
          int j = measureAt[p][m];
          if (j >= 0) {
            CsvOutput.appendNumber(line, r.detailed().measures[j][local]);
          }
        }
        line.append('\n');
        writer.append(line);
      }
      writer.flush();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The table as CSV text. */
  public String toCsv() {
    StringWriter w = new StringWriter();
    writeCsv(w);
    return w.toString();
  }

  /** The first 20 rows as a text table, with the band counts. */
  @Override
  public String toString() {
    List<String> cats = categoryIds();
    List<String> head = new ArrayList<>(List.of("account", "score", "band", "coverage"));
    head.addAll(cats);
    TextTable t = TextTable.withHeader(head.toArray(new String[0]));
    int shown = Math.min(20, source.rowCount());
    for (int i = 0; i < shown; i++) {
      Object[] row = new Object[head.size()];
      row[0] = source.accountId(i).value();
      row[1] = TextTable.fixed(score(i), 1);
      row[2] = band(i).name();
      row[3] = TextTable.percent(coverage(i));
      for (int c = 0; c < cats.size(); c++) {
        row[4 + c] = TextTable.fixed(categoryScore(i, cats.get(c)), 1);
      }
      t.row(row);
    }
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "ScoreTable %d accounts, %s%n", source.rowCount(), parts.length == 1
        ? parts[0].card().ref().toString() : String.join(", ", Arrays.stream(parts).map(p -> p.card().ref().toString()).toList())));
    sb.append("bands: ").append(TextTable.pairs(bandCounts())).append('\n');
    sb.append(t);
    if (source.rowCount() > shown) {
      sb.append("... ").append(source.rowCount() - shown).append(" more rows\n");
    }
    return sb.toString();
  }

}
