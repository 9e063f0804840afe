package dev.cskit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cskit.core.AccountId;
import dev.cskit.core.ConfigException;
import dev.cskit.core.DataException;
import dev.cskit.core.HealthBand;
import dev.cskit.core.io.TextTable;
import dev.cskit.scoring.Cap;
import dev.cskit.scoring.HealthScore;
import dev.cskit.scoring.ScoreDiff;
import dev.cskit.scoring.ScorecardRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cskit score diff}: why each account's score moved between two scorings. */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = {
      "Why scores moved between two scorings (two dates, or two scorecard revisions).",
      "Reads two outputs of 'cskit score --format json' and splits each account's change into one line per "
          + "measure whose sub-score changed (its share before x the change in its sub-score), a reweighting "
          + "line (measures that appeared or dropped out, shares that moved), and caps and override lines; "
          + "the lines sum to the change. Accounts in both files, largest change first."
    })
public final class ScoreDiffCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--before", paramLabel = "FILE", required = true,
      description = "The earlier scoring: the output of 'cskit score --format json'.")
  Path before;

  @Option(names = "--after", paramLabel = "FILE", required = true,
      description = "The later scoring, in the same form.")
  Path after;

  @Option(names = "--top", paramLabel = "N", description = "Show only the N largest changes (default: all).")
  Integer top;

  @CommandLine.Mixin TableFormatOption tableFormat;

  @Override
  public Integer call() {
    if (top != null && top < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--top must be 1 or more, found " + top);
    }
    Map<AccountId, HealthScore> b = read(before);
    Map<AccountId, HealthScore> a = read(after);
    List<ScoreDiff> diffs = new ArrayList<>();
    for (Map.Entry<AccountId, HealthScore> e : a.entrySet()) {
      HealthScore prev = b.get(e.getKey());
      if (prev != null) {
        diffs.add(e.getValue().diff(prev));
      }
    }
    diffs = ranked(diffs);
    int total = diffs.size();
    if (top != null && diffs.size() > top) {
      diffs = diffs.subList(0, top);
    }
    List<ScoreDiff> shown = diffs;
    Output.print(spec, tableFormat.format, () -> text(shown, total), csv -> {
      csv.row("account_id", "score_before", "score_after", "change", "line", "points");
      for (ScoreDiff d : shown) {
        for (ScoreDiff.Line l : d.lines()) {
          csv.row(d.accountId().value(), Output.n(d.scoreBefore()), Output.n(d.scoreAfter()), Output.n(d.change()),
              l.label(), Output.n(l.points()));
        }
      }
    }, () -> json(shown));
    return Main.OK;
  }

  /** Largest absolute change first; undefined changes last; ties by account id. */
  static List<ScoreDiff> ranked(List<ScoreDiff> diffs) {
    List<ScoreDiff> out = new ArrayList<>(diffs);
    out.sort(Comparator.comparingDouble((ScoreDiff d) -> Double.isNaN(d.change()) ? -1 : Math.abs(d.change()))
        .reversed().thenComparing(ScoreDiff::accountId));
    return out;
  }

  static Map<String, Object> json(List<ScoreDiff> diffs) {
    List<Object> rows = new ArrayList<>();
    for (ScoreDiff d : diffs) {
      List<Object> lines = new ArrayList<>();
      d.lines().forEach(l -> lines.add(Json.object("label", l.label(), "points", l.points())));
      rows.add(Json.object("accountId", d.accountId().value(), "scoreBefore", d.scoreBefore(),
          "scoreAfter", d.scoreAfter(), "change", d.change(), "lines", lines));
    }
    return Json.object("accounts", rows);
  }

  static String text(List<ScoreDiff> diffs, int total) {
    TextTable t = TextTable.withHeader("account", "before", "after", "change", "why (points)");
    for (ScoreDiff d : diffs) {
      StringBuilder why = new StringBuilder();
      for (ScoreDiff.Line l : d.lines()) {
        if (Math.abs(l.points()) < 0.05) {
          continue; // prints as +0.0: rounding noise of a renormalisation, not a reason
        }
        why.append(why.length() == 0 ? "" : ", ").append(l.label()).append(' ')
            .append(String.format(java.util.Locale.ROOT, "%+.1f", l.points()));
      }
      t.row(d.accountId().value(), TextTable.fixed(d.scoreBefore(), 1), TextTable.fixed(d.scoreAfter(), 1),
          Double.isNaN(d.change()) ? "-" : String.format(java.util.Locale.ROOT, "%+.1f", d.change()),
          why.length() == 0 ? (Double.isNaN(d.change()) ? "a score is undefined" : "no change") : why.toString());
    }
    return total + " accounts in both scorings" + (diffs.size() < total ? ", the " + diffs.size() + " largest changes"
        : ", largest change first") + "\n" + t;
  }

  /** Reads the accounts of a {@code score --format json} file back into health scores. */
  static Map<AccountId, HealthScore> read(Path file) {
    JsonNode root;
    try {
      root = Json.mapper().readTree(Files.readString(file));
    } catch (java.nio.file.NoSuchFileException e) {
      throw DataException.of(file.toString(), "must exist", "no such file");
    } catch (IOException e) {
      throw DataException.of(file.toString(), "must be the JSON output of 'cskit score --format json'",
          e.getClass().getSimpleName());
    }
    JsonNode accounts = root == null ? null : root.get("accounts");
    if (accounts == null || !accounts.isArray()) {
      throw DataException.of(file.toString(), "must be the JSON output of 'cskit score --format json' (an "
          + "\"accounts\" list)", root == null ? "empty" : "no accounts list");
    }
    ScorecardRef card = ref(root.get("scorecard"));
    Map<AccountId, HealthScore> out = new LinkedHashMap<>();
    int i = 0;
    for (JsonNode a : accounts) {
      String where = "accounts[" + i++ + "]";
      if (!a.has("shares") || !a.has("scoreBeforeCaps")) {
        throw new ConfigException(file.toString(), where, -1,
            "needs shares and scoreBeforeCaps: write it with this version's 'cskit score --format json'",
            "an older score output");
      }
      AccountId id = AccountId.of(a.path("accountId").asText());
      List<Cap> caps = new ArrayList<>();
      for (JsonNode c : a.path("capsApplied")) {
        caps.add(Cap.of(c.path("metric").asText(), c.path("op").asText(), num(c.get("value")),
            num(c.get("maxScore"))));
      }
      out.put(id, new HealthScore(id, a.has("scorecard") ? ref(a.get("scorecard")) : card, num(a.get("score")),
          HealthBand.of(a.path("band").asText()), num(a.get("coverage")), num(a.get("scoreBeforeCaps")),
          map(a.get("categories")), map(a.get("measures")), map(a.get("contributions")), map(a.get("shares")),
          caps, List.of(), List.of()));
    }
    return out;
  }

  private static ScorecardRef ref(JsonNode n) {
    if (n == null) {
      return new ScorecardRef("unknown", 0, "");
    }
    return new ScorecardRef(n.path("name").asText(), n.path("version").asInt(), n.path("hash").asText());
  }

  private static double num(JsonNode n) {
    return n == null || n.isNull() ? Double.NaN : n.asDouble();
  }

  private static Map<String, Double> map(JsonNode n) {
    Map<String, Double> m = new LinkedHashMap<>();
    if (n != null) {
      for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        m.put(e.getKey(), num(e.getValue()));
      }
    }
    return m;
  }
}
