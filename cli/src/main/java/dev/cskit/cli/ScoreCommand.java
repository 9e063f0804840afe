package dev.cskit.cli;

import dev.cskit.core.Account;
import dev.cskit.core.Accounts;
import dev.cskit.core.ConfigException;
import dev.cskit.core.CskitException;
import dev.cskit.core.Configs;
import dev.cskit.core.HealthBand;
import dev.cskit.core.MetricTable;
import dev.cskit.core.io.TextTable;
import dev.cskit.scoring.Cap;
import dev.cskit.scoring.HealthScore;
import dev.cskit.scoring.HealthScorer;
import dev.cskit.scoring.Overrides;
import dev.cskit.scoring.ScoreOverride;
import dev.cskit.scoring.ScoreTable;
import dev.cskit.scoring.Scorecard;
import dev.cskit.scoring.ScorecardRef;
import dev.cskit.scoring.ScorecardSet;
import dev.cskit.scoring.ScoringOptions;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cskit score}: scores accounts' metrics with a scorecard (or scorecard set). */
@Command(
    name = "score",
    mixinStandardHelpOptions = true,
    description =
        "Score accounts with a health scorecard: score, band, coverage, category and measure sub-scores, "
            + "each measure's contribution, caps and overrides applied. The scorecard file (JSON or YAML) may "
            + "be a scorecard or a scorecard set; the names three-axis, onboarding and by-stage are built in.",
    subcommands = {ScoreValidateCommand.class, ScoreFitWeightsCommand.class})
public final class ScoreCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  // not required = true: picocli would then demand them before the validate and fit-weights subcommands too
  @Option(names = "--scorecard", paramLabel = "FILE",
      description = "Scorecard or scorecard set (.json, .yaml), or a built-in name (required).")
  String scorecard;

  @Option(names = "--metrics", paramLabel = "FILE",
      description = "Metrics CSV: account_id, then one column per metric (empty = missing; required).")
  Path metrics;

  @Option(names = "--accounts", paramLabel = "FILE",
      description = "Accounts CSV, for scorecard-set selectors and percentile segments.")
  Path accounts;

  @Option(names = "--overrides", paramLabel = "FILE", description = "Overrides file (.json, .yaml).")
  Path overrides;

  @Option(names = "--as-of", paramLabel = "DATE",
      description = "The date overrides are judged at (midnight UTC; default: today).")
  LocalDate asOf;

  @Option(names = "--format", paramLabel = "FORMAT", description = "table, csv or json (default: table).")
  OutputFormat format = OutputFormat.TABLE;

  @Option(names = "--explain", description = "Add each account's attribution (score = contributions).")
  boolean explain;

  @Override
  public Integer call() {
    if (scorecard == null || metrics == null) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "Missing required option" + (scorecard == null && metrics == null ? "s: '--scorecard=FILE', '--metrics=FILE'"
              : scorecard == null ? ": '--scorecard=FILE'" : ": '--metrics=FILE'"));
    }
    if (explain && format == OutputFormat.CSV) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--explain cannot be shown with --format csv (one row per account); use --format table or json");
    }
    Loaded card = load(scorecard);
    if (card.isSet && accounts == null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--accounts is required with a scorecard set ("
          + card.ref.name() + "): its selectors pick each account's card from the account's stage and attributes");
    }
    MetricTable table = MetricTable.readCsv(metrics);
    if (table.rowCount() == 0) {
      throw dev.cskit.core.DataException.of(metrics.toString(), "has no rows: there is nothing to score", null);
    }
    List<Account> accountList = accounts == null ? List.of() : Accounts.readCsv(accounts);
    List<ScoreOverride> overrideList = overrides == null ? List.of() : Overrides.read(overrides).overrides();
    Instant instant = (asOf == null ? LocalDate.now(ZoneOffset.UTC) : asOf).atStartOfDay(ZoneOffset.UTC).toInstant();
    dev.cskit.core.Warnings warnings = dev.cskit.core.Warnings.collector();
    ScoreTable scores;
    try {
      scores = card.scorer.score(table, ScoringOptions.builder().accounts(accountList).overrides(overrideList)
          .asOf(instant).warnings(warnings).build());
    } catch (ConfigException e) {
      throw placed(e, card.ref, metrics, overrides, accounts);
    } catch (dev.cskit.core.ArgumentException e) {
      if ("accounts".equals(e.argument()) && accounts != null) {
        throw dev.cskit.core.DataException.of(accounts.toString(), e.rule(), e.found());
      }
      throw e;
    }
    PrintWriter out = spec.commandLine().getOut();
    Warn.print(warnings, spec.commandLine().getErr());
    switch (format) {
      case CSV:
        scores.writeCsv(out);
        break;
      case JSON:
        Map<String, Object> doc = json(card.ref, scores, card.isSet, explain);
        doc.put("warnings", warnings.list());
        out.println(Json.write(doc));
        break;
      default:
        out.print(text(card.ref, scores, explain));
    }
    out.flush();
    return Main.OK;
  }

  /**
   * A scorecard error raised while scoring, placed in the user's files: a metric the card reads and the
   * metrics file lacks names the metrics file and the card; an override's error names the overrides file.
   */
  static CskitException placed(ConfigException e, ScorecardRef ref, Path metrics, Path overrides, Path accounts) {
    String path = e.path() == null ? "" : e.path();
    if (e.rule().startsWith("names a metric the table lacks")) {
      return dev.cskit.core.DataException.of(metrics.toString(),
          "has no column " + e.found() + ", which scorecard " + ref.name() + " reads (" + path + ")", null);
    }
    if (path.startsWith("overrides") && overrides != null) {
      return new ConfigException(overrides.toString(), path, -1, e.rule(), e.found(), e);
    }
    return e;
  }

  /** A scorecard or set, compiled. */
  record Loaded(ScorecardRef ref, HealthScorer scorer, boolean isSet) {}

  /** Loads a card or set from a file, or a built-in by name. */
  static Loaded load(String spec) {
    Path file = Path.of(spec);
    ScorecardSet set = null;
    if (!Files.exists(file) && ScorecardSet.BUILT_IN.contains(spec)) {
      set = ScorecardSet.builtIn(spec);
    } else if (isSet(file)) {
      set = ScorecardSet.read(file);
    }
    if (set != null) {
      return new Loaded(set.ref(), set.compile(), true);
    }
    Scorecard c = scorecard(spec);
    return new Loaded(c.ref(), c.compile(), false);
  }

  /** A scorecard from a file, or a built-in one by name (a scorecard set is not accepted). */
  static Scorecard scorecard(String spec) {
    Path file = Path.of(spec);
    if (!Files.exists(file) && Scorecard.BUILT_IN.contains(spec)) {
      return Scorecard.builtIn(spec);
    }
    if (!Files.exists(file) && ScorecardSet.BUILT_IN.contains(spec)) {
      throw new ConfigException(spec, "", -1,
          "a single scorecard is needed here, not a scorecard set (built-in scorecards: "
              + String.join(", ", Scorecard.BUILT_IN) + ")", CskitException.quote(spec));
    }
    return Scorecard.read(file);
  }

  private static boolean isSet(Path file) {
    // unreadable: no fields, and reading it as a scorecard reports the problem with its place
    Set<String> fields = Configs.topLevelFields(file);
    return fields.contains("scorecards") || fields.contains("selectors") || fields.contains("default");
  }

  /** The JSON document of a scoring. */
  static Map<String, Object> json(ScorecardRef ref, ScoreTable scores, boolean perAccountCard, boolean explain) {
    List<Object> rows = new ArrayList<>(scores.size());
    for (int i = 0; i < scores.size(); i++) {
      HealthScore h = scores.row(i);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("accountId", h.accountId().value());
      if (perAccountCard) {
        row.put("scorecard", refJson(h.scorecard()));
      }
      row.put("score", h.score());
      row.put("band", h.band().name());
      row.put("coverage", h.coverage());
      row.put("categories", h.categories());
      row.put("measures", h.measures());
      row.put("contributions", h.contributions());
      List<Object> caps = new ArrayList<>();
      for (Cap c : h.capsApplied()) {
        caps.add(Json.object("metric", c.metric(), "op", c.op().symbol(), "value", c.value(), "maxScore", c.maxScore()));
      }
      row.put("capsApplied", caps);
      List<Object> applied = new ArrayList<>();
      for (ScoreOverride o : h.overridesApplied()) {
        applied.add(Json.object("scope", o.scope().id(), "target", o.target(), "value", o.value(), "reason", o.reason(),
            "author", o.author(), "from", o.from(), "until", o.until()));
      }
      row.put("overridesApplied", applied);
      if (explain) {
        row.put("explanation", h.attribution().toString());
      }
      rows.add(row);
    }
    return Json.object("scorecard", refJson(ref), "accounts", rows);
  }

  static Map<String, Object> refJson(ScorecardRef ref) {
    return Json.object("name", ref.name(), "version", ref.version(), "hash", ref.hash());
  }

  /** The text form: the scorecard, band counts, then one row per account (and its attribution). */
  static String text(ScorecardRef ref, ScoreTable scores, boolean explain) {
    StringBuilder sb = new StringBuilder();
    sb.append("scorecard ").append(ref).append(", ").append(scores.size()).append(" accounts\n");
    StringBuilder counts = new StringBuilder();
    for (Map.Entry<HealthBand, Integer> e : scores.bandCounts().entrySet()) {
      counts.append(counts.length() == 0 ? "" : ", ").append(e.getKey().name()).append(' ').append(e.getValue());
    }
    sb.append("bands: ").append(counts).append("\n\n");
    List<String> cats = scores.categoryIds();
    List<String> head = new ArrayList<>(List.of("account", "score", "band", "coverage"));
    head.addAll(cats);
    head.add("caps");
    head.add("overrides");
    TextTable t = TextTable.withHeader(head.toArray(new String[0]));
    for (int i = 0; i < scores.size(); i++) {
      HealthScore h = scores.row(i);
      Object[] cells = new Object[head.size()];
      int k = 0;
      cells[k++] = h.accountId().value();
      cells[k++] = round(h.score(), 10);
      cells[k++] = h.band().name();
      cells[k++] = round(h.coverage(), 100);
      for (String c : cats) {
        cells[k++] = round(scores.categoryScore(i, c), 10);
      }
      cells[k++] = h.capsApplied().size();
      cells[k] = h.overridesApplied().size();
      t.row(cells);
    }
    sb.append(t);
    if (explain) {
      sb.append('\n');
      for (int i = 0; i < scores.size(); i++) {
        sb.append(scores.row(i)).append('\n');
      }
    }
    return sb.toString();
  }

  private static double round(double v, double scale) {
    return Double.isNaN(v) ? v : Math.round(v * scale) / scale;
  }
}
