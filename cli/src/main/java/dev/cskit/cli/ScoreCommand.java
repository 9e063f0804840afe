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
    subcommands = {ScoreValidateCommand.class, ScoreFitWeightsCommand.class, ScoreDiffCommand.class,
        ScoreTrackCommand.class})
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
      description = "The date the metrics describe (required): overrides are judged at its midnight UTC, and it "
          + "fills the as_of column that score validate and score track read.")
  LocalDate asOf;

  @CommandLine.Mixin TableFormatOption tableFormat;

  @Option(names = "--explain", description = "Add each account's attribution (score = contributions).")
  boolean explain;

  @Override
  public Integer call() {
    if (scorecard == null || metrics == null) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "Missing required option" + (scorecard == null && metrics == null ? "s: '--scorecard=FILE', '--metrics=FILE'"
              : scorecard == null ? ": '--scorecard=FILE'" : ": '--metrics=FILE'"));
    }
    if (asOf == null) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "Missing required option: '--as-of=DATE' (the date the metrics describe; it is never taken to be today)");
    }
    if (explain && tableFormat.format == OutputFormat.CSV) {
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
    Instant instant = asOf.atStartOfDay(ZoneOffset.UTC).toInstant();
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
    switch (tableFormat.format) {
      case CSV:
        scores.writeCsv(out, asOf); // with the card, its version and as_of per row: score validate reads it
        break;
      case JSON:
        writeJson(card.ref, scores, card.isSet, explain, asOf, warnings.list(), out);
        out.println();
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

  /** As {@link #writeJson(ScorecardRef, ScoreTable, boolean, boolean, LocalDate, java.io.Writer)} with no date. */
  static void writeJson(ScorecardRef ref, ScoreTable scores, boolean perAccountCard, boolean explain,
      java.io.Writer out) {
    writeJson(ref, scores, perAccountCard, explain, null, null, out);
  }

  /**
   * Writes the JSON document of a scoring at {@code asOf} (null: no date) row by row: the card, the date, every
   * expired override, then one account's object at a time, and the warnings (null: none written) (its score, band, coverage, score before caps,
   * sub-scores, contributions and shares, which {@code score diff} reads back, caps and overrides applied and
   * expired), its detail computed block by block, so memory does not grow with the accounts beyond the score
   * table itself.
   */
  static void writeJson(ScorecardRef ref, ScoreTable scores, boolean perAccountCard, boolean explain,
      LocalDate asOf, List<String> warnings, java.io.Writer out) {
    com.fasterxml.jackson.databind.ObjectMapper mapper = Json.mapper();
    try (com.fasterxml.jackson.core.JsonGenerator g = mapper.getFactory().createGenerator(out)) {
      g.disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeFieldName("scorecard");
      mapper.writeValue(g, refJson(ref));
      if (asOf != null) {
        g.writeStringField("asOf", asOf.toString());
      }
      List<Object> expired = new ArrayList<>();
      scores.expiredOverrides().forEach((id, list) -> list.forEach(o -> {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("accountId", id.value());
        m.putAll(overrideJson(o));
        expired.add(m);
      }));
      g.writeFieldName("expiredOverrides");
      mapper.writeValue(g, expired);
      g.writeFieldName("accounts");
      g.writeStartArray();
      scores.forEachRow(h -> {
        try {
          mapper.writeValue(g, jsonRow(h, perAccountCard, explain));
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
      g.writeEndArray();
      if (warnings != null) {
        g.writeFieldName("warnings");
        mapper.writeValue(g, warnings);
      }
      g.writeEndObject();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** One account's JSON object. */
  static Map<String, Object> jsonRow(HealthScore h, boolean perAccountCard, boolean explain) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("accountId", h.accountId().value());
    if (perAccountCard) {
      row.put("scorecard", refJson(h.scorecard()));
    }
    row.put("score", h.score());
    row.put("band", h.band().name());
    row.put("coverage", h.coverage());
    row.put("scoreBeforeCaps", h.scoreBeforeCaps());
    row.put("categories", h.categories());
    row.put("measures", h.measures());
    row.put("contributions", h.contributions());
    row.put("shares", h.shares());
    List<Object> caps = new ArrayList<>();
    for (Cap c : h.capsApplied()) {
      caps.add(Json.object("metric", c.metric(), "op", c.op().symbol(), "value", c.value(), "maxScore", c.maxScore()));
    }
    row.put("capsApplied", caps);
    List<Object> applied = new ArrayList<>();
    for (ScoreOverride o : h.overridesApplied()) {
      applied.add(overrideJson(o));
    }
    row.put("overridesApplied", applied);
    List<Object> expiredHere = new ArrayList<>();
    for (ScoreOverride o : h.overridesExpired()) {
      expiredHere.add(overrideJson(o));
    }
    row.put("overridesExpired", expiredHere);
    if (explain) {
      row.put("explanation", h.attribution().toString());
    }
    return row;
  }

  static Map<String, Object> overrideJson(ScoreOverride o) {
    return Json.object("scope", o.scope().id(), "target", o.target(), "value", o.value(), "reason", o.reason(),
        "author", o.author(), "from", o.from(), "until", o.until());
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
      cells[k++] = TextTable.fixed(h.score(), 1);
      cells[k++] = h.band().name();
      cells[k++] = TextTable.percent(h.coverage());
      for (String c : cats) {
        cells[k++] = TextTable.fixed(scores.categoryScore(i, c), 1);
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
}
