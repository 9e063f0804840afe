package dev.cskit.cli;

import dev.cskit.core.AccountId;
import dev.cskit.core.HealthBand;
import dev.cskit.core.MetricTable;
import dev.cskit.core.io.CsvInput;
import dev.cskit.core.io.TextTable;
import dev.cskit.survey.SilentCheck;
import dev.cskit.survey.SilentRiskOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cskit survey silent}: respondents versus the silent, and the silent accounts at risk. */
@Command(
    name = "silent",
    mixinStandardHelpOptions = true,
    description = {
      "Respondents versus silent accounts on usage, and the silent accounts at risk.",
      "Silent customers are not necessarily happy: respondents versus silent accounts on every usage metric "
          + "(standardized mean difference, flagged at --threshold), and the silent accounts showing a warning "
          + "sign, at risk first.",
      "Survey CSV: account_id and responded (1/0), one row per invitation; an account responded when any of "
          + "its contacts did, and is silent when invited and none did. Warning signs: a health score below "
          + "--health-below or a red band (from --scores), usage falling below --decline-below on "
          + "--usage-change-metric, no activity on --activity-metric."
    })
public final class SurveySilentCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--survey", paramLabel = "FILE", required = true, description = "Invitations CSV.")
  Path survey;

  @Option(names = "--metrics", paramLabel = "FILE", required = true, description = "Usage metrics CSV.")
  Path metrics;

  @Option(names = "--scores", paramLabel = "FILE",
      description = "Score CSV (account_id, score, band: the output of 'cskit score --format csv').")
  Path scores;

  @Feeds("threshold")
  @Option(names = "--threshold", paramLabel = "SMD",
      description = "The |standardized mean difference| at which a metric is flagged (default: ${DEFAULT-VALUE}).")
  double threshold = SilentCheck.DEFAULT_SMD_THRESHOLD;

  @Option(names = "--health-below", paramLabel = "SCORE",
      description = "A health score below this is a warning sign (default: ${DEFAULT-VALUE}).")
  double healthBelow = 40;

  @Option(names = "--usage-change-metric", paramLabel = "NAME",
      description = "The relative usage change metric (default: ${DEFAULT-VALUE}).")
  String usageChange = "events_change_30d";

  @Option(names = "--decline-below", paramLabel = "CHANGE",
      description = "A usage change below this is a warning sign (default: ${DEFAULT-VALUE}).")
  double declineBelow = -0.3;

  @Option(names = "--activity-metric", paramLabel = "NAME",
      description = "A value of 0 here is a warning sign (default: ${DEFAULT-VALUE}).")
  String activity = "events_30d";

  @CommandLine.Mixin TableFormatOption tableFormat;

  /** The result: the balance of the metrics and the silent accounts' warning signs. */
  record Result(int respondents, int silent, SilentCheck.Balance balance, List<SilentCheck.SilentAccount> accounts) {}

  @Override
  public Integer call() {
    Set<AccountId> invited = new LinkedHashSet<>();
    Set<AccountId> responded = new LinkedHashSet<>();
    try (CsvInput in = CsvInput.open(survey)) {
      in.require("account_id", "responded");
      for (CsvInput.Row row : in) {
        AccountId id = AccountId.of(row.required("account_id"));
        long r = row.requiredLong("responded");
        if (r != 0 && r != 1) {
          throw row.error("responded", "must be 1 (answered) or 0 (silent)", String.valueOf(r));
        }
        invited.add(id);
        if (r == 1) {
          responded.add(id);
        }
      }
    }
    MetricTable table = MetricTable.readCsv(metrics);
    List<AccountId> silent = new ArrayList<>();
    invited.stream().filter(id -> !responded.contains(id)).forEach(silent::add);
    SilentRiskOptions.Builder options = SilentRiskOptions.builder().usage(table);
    if (table.metrics().contains(usageChange)) {
      options.usageChangeMetric(usageChange).declineBelow(declineBelow);
    }
    if (table.metrics().contains(activity)) {
      options.activityMetric(activity);
    }
    if (scores != null) {
      Map<AccountId, Double> health = new LinkedHashMap<>();
      Map<AccountId, HealthBand> bands = new LinkedHashMap<>();
      try (CsvInput in = CsvInput.open(scores)) {
        in.require("account_id", "score", "band");
        for (CsvInput.Row row : in) {
          AccountId id = AccountId.of(row.required("account_id"));
          health.put(id, row.number("score"));
          bands.put(id, HealthBand.of(row.required("band")));
        }
      }
      options.health(health).healthBelow(healthBelow).bands(bands).addLowBands(HealthBand.of("red"));
    }
    Result r = new Result(responded.size(), silent.size(), SilentCheck.compare(table, responded, threshold),
        SilentCheck.atRisk(silent, options.build()));
    Output.print(spec, tableFormat.format, () -> text(r), csv -> {
      csv.row("account_id", "at_risk", "health", "usage_change", "reasons");
      r.accounts().forEach(a -> csv.row(a.accountId().value(), a.atRisk() ? "1" : "0", Output.n(a.health()),
          Output.n(a.usageChange()), a.reasons()));
    }, () -> json(r));
    return Main.OK;
  }

  static Map<String, Object> json(Result r) {
    List<Object> balance = new ArrayList<>();
    r.balance().rows().forEach(x -> balance.add(Json.object("metric", x.metric(), "respondents", x.respondents(),
        "respondentMean", x.respondentMean(), "silent", x.silent(), "silentMean", x.silentMean(), "smd", x.smd(),
        "flagged", x.flagged())));
    List<Object> accounts = new ArrayList<>();
    r.accounts().forEach(a -> accounts.add(Json.object("accountId", a.accountId().value(), "atRisk", a.atRisk(),
        "health", a.health(), "usageChange", a.usageChange(), "reasons", a.reasons())));
    return Json.object("respondents", r.respondents(), "silent", r.silent(), "threshold", r.balance().threshold(),
        "balance", balance, "atRisk", r.accounts().stream().filter(SilentCheck.SilentAccount::atRisk).count(),
        "accounts", accounts);
  }

  static String text(Result r) {
    StringBuilder sb = new StringBuilder();
    sb.append(r.respondents()).append(" accounts answered, ").append(r.silent()).append(" stayed silent\n\n");
    TextTable b = TextTable.withHeader("metric", "respondents mean", "silent mean", "SMD", "flag");
    r.balance().rows().forEach(x -> b.row(x.metric(), TextTable.fixed(x.respondentMean(), 2),
        TextTable.fixed(x.silentMean(), 2), TextTable.fixed(x.smd(), 2), x.flagged() ? "differs" : ""));
    sb.append(b).append('\n');
    List<SilentCheck.SilentAccount> risk = r.accounts().stream().filter(SilentCheck.SilentAccount::atRisk).toList();
    sb.append(risk.size()).append(" silent accounts at risk\n");
    if (!risk.isEmpty()) {
      TextTable t = TextTable.withHeader("account", "health", "usage change", "warning signs");
      risk.forEach(a -> t.row(a.accountId().value(), TextTable.fixed(a.health(), 1), TextTable.percent(a.usageChange()),
          a.reasons()));
      sb.append(t);
    }
    return sb.toString();
  }
}
