package dev.cskit.cli;

import dev.cskit.core.io.CsvOutput;
import dev.cskit.touchmodel.CapacityPlan;
import dev.cskit.touchmodel.Segmentation;
import dev.cskit.touchmodel.TouchModel;
import dev.cskit.touchmodel.WhatIf;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cskit capacity}: managers and hours per tier for a portfolio under a touch model. JSON: {@code
 * {"tiers":[{"tier","accounts","arr","hoursNeeded","hoursAvailable","accountsWanted","hoursWanted",
 * "hoursPerManager","managersNeeded","managersAvailable","accountsPerManager","coverageAccounts",
 * "shortfallHours","cost"}],"totals":{...}}}; unlimited values print as null. With {@code --what-if FILE},
 * {@code "whatIf": {"tiers":[{"tier","accountsBefore","accountsAfter","hoursBefore","hoursAfter","arrBefore",
 * "arrAfter"}],"changedAccounts":N,"changed":[ids]}}.
 */
@Command(
    name = "capacity",
    mixinStandardHelpOptions = true,
    description = "Capacity planning: accounts, hours and managers per touch tier, and the shortfall.")
public final class CapacityCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin TouchInputs inputs;

  @Feeds("hours per manager")
  @Option(names = "--hours-per-manager", paramLabel = "H",
      description = "Productive hours per manager per month for tiers whose capacity is not given in managers"
          + " (default: ${DEFAULT-VALUE}).")
  double hoursPerManager = 120;

  @Option(names = "--what-if", paramLabel = "FILE",
      description = "A second touch model (moved thresholds or budgets) to compare against --model.")
  Path whatIf;

  @CommandLine.Mixin TableFormatOption tableFormat;

  @Override
  public Integer call() {
    CapacityPlan.checkHoursPerManager(hoursPerManager); // the library's check, before any file is read
    if (whatIf != null && tableFormat.format == OutputFormat.CSV) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--what-if cannot be shown with --format csv (one row per tier); use --format table or json");
    }
    TouchModel m = inputs.model();
    Segmentation s = inputs.segment(m, spec.commandLine());
    CapacityPlan plan = CapacityPlan.of(m, s, hoursPerManager);
    WhatIf compare = null;
    if (whatIf != null) {
      compare = WhatIf.compare(s, inputs.segment(TouchInputs.model(whatIf), s.asOf()));
    }
    PrintWriter out = spec.commandLine().getOut();
    Warn.print(inputs.warnings, spec.commandLine().getErr());
    switch (tableFormat.format) {
      case JSON:
        Map<String, Object> j = json(plan);
        j.put("warnings", inputs.warnings.list());
        if (compare != null) {
          j.put("whatIf", json(compare));
        }
        out.println(Json.write(j));
        break;
      case CSV:
        CsvOutput csv = new CsvOutput(out);
        csv.row("tier", "accounts", "arr", "hours_needed", "hours_available", "accounts_wanted", "hours_wanted",
            "hours_per_manager", "managers_needed", "managers_available", "accounts_per_manager",
            "coverage_accounts", "shortfall_hours", "cost");
        for (CapacityPlan.Row r : plan.rows()) {
          csv.row(r.tier(), Integer.toString(r.accounts()), n(r.arr()), n(r.hoursNeeded()), n(r.hoursAvailable()),
              Integer.toString(r.accountsWanted()), n(r.hoursWanted()), n(r.hoursPerManager()),
              n(r.managersNeeded()), n(r.managersAvailable()), n(r.accountsPerManager()),
              n(r.coverageAccounts()), n(r.shortfallHours()), n(r.cost()));
        }
        csv.flush();
        break;
      default:
        out.print(plan);
        if (compare != null) {
          out.println();
          out.print(compare);
        }
    }
    out.flush();
    return Main.OK;
  }

  private static String n(double v) {
    return Double.isInfinite(v) ? "" : CsvOutput.number(v);
  }

  static Map<String, Object> json(WhatIf w) {
    List<Object> rows = new ArrayList<>();
    for (WhatIf.Row r : w.rows()) {
      rows.add(Json.object("tier", r.tier(), "accountsBefore", r.accountsBefore(), "accountsAfter", r.accountsAfter(),
          "hoursBefore", r.hoursBefore(), "hoursAfter", r.hoursAfter(), "arrBefore", r.arrBefore(),
          "arrAfter", r.arrAfter()));
    }
    List<String> ids = new ArrayList<>();
    w.changedAccounts().forEach(id -> ids.add(id.value()));
    return Json.object("tiers", rows, "changedAccounts", w.changedCount(), "changed", ids);
  }

  static Map<String, Object> json(CapacityPlan plan) {
    List<Object> rows = new ArrayList<>();
    int accounts = 0;
    double hoursNeeded = 0;
    double hoursWanted = 0;
    double managers = 0;
    double shortfall = 0;
    for (CapacityPlan.Row r : plan.rows()) {
      rows.add(Json.object("tier", r.tier(), "accounts", r.accounts(), "arr", r.arr(), "hoursNeeded", r.hoursNeeded(),
          "hoursAvailable", r.hoursAvailable(), "accountsWanted", r.accountsWanted(), "hoursWanted", r.hoursWanted(),
          "hoursPerManager", r.hoursPerManager(), "managersNeeded", r.managersNeeded(),
          "managersAvailable", r.managersAvailable(), "accountsPerManager", r.accountsPerManager(),
          "coverageAccounts", r.coverageAccounts(), "shortfallHours", r.shortfallHours(), "cost", r.cost()));
      accounts += r.accounts();
      hoursNeeded += r.hoursNeeded();
      hoursWanted += r.hoursWanted();
      managers += r.managersNeeded();
      shortfall += r.shortfallHours();
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("tiers", rows);
    out.put("totals", Json.object("accounts", accounts, "hoursNeeded", hoursNeeded, "hoursWanted", hoursWanted,
        "managersNeeded", managers, "shortfallHours", shortfall));
    return out;
  }
}
