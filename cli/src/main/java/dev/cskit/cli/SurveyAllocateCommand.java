package dev.cskit.cli;

import dev.cskit.core.Account;
import dev.cskit.core.Accounts;
import dev.cskit.core.io.CsvInput;
import dev.cskit.core.io.TextTable;
import dev.cskit.survey.StratifiedAllocation;
import dev.cskit.survey.Stratum;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cskit survey allocate}: a stratified allocation of responses, with the design effect. */
@Command(
    name = "allocate",
    mixinStandardHelpOptions = true,
    description = {
      "Split a number of responses over strata, with the design effect.",
      "Proportional (to size), neyman (to size x sd) or cost-optimal "
          + "(to size x sd / sqrt(cost)), each stratum at least --minimum, rounded so the total is exact.",
      "Strata from --strata (CSV: stratum, size, and optional sd, cost; or proportion for sd = sqrt(p(1 - p))) "
          + "or counted from --accounts by an attribute (--by segment). With --contacts-per-account and --icc, the "
          + "design effect 1 + (m - 1) icc and the effective sample size."
    })
public final class SurveyAllocateCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  static final class Source {
    @Option(names = "--strata", paramLabel = "FILE", required = true, description = "Strata CSV.")
    Path strata;

    @Option(names = "--accounts", paramLabel = "FILE", required = true,
        description = "Accounts CSV: one stratum per value of --by.")
    Path accounts;
  }

  @Option(names = "--by", paramLabel = "ATTRIBUTE",
      description = "The accounts' attribute (or stage) that names the strata (default: ${DEFAULT-VALUE}).")
  String by = "segment";

  @Feeds("n")
  @Option(names = "--responses", paramLabel = "N", required = true, description = "Responses to allocate.")
  long n;

  @Feeds("minimum")
  @Option(names = "--minimum", paramLabel = "M", description = "Least responses per stratum (default: ${DEFAULT-VALUE}).")
  long minimum;

  @Option(names = "--method", paramLabel = "METHOD",
      description = "proportional, neyman or cost-optimal (default: proportional).")
  String method = "proportional";

  @Feeds("contacts per account")
  @Option(names = "--contacts-per-account", paramLabel = "M",
      description = "Contacts surveyed per account, for the design effect (default: ${DEFAULT-VALUE}).")
  double contactsPerAccount = 1;

  @Feeds("rho")
  @Option(names = "--icc", paramLabel = "RHO",
      description = "Intra-class correlation of answers within an account (default: ${DEFAULT-VALUE}).")
  double icc;

  @CommandLine.Mixin TableFormatOption tableFormat;

  /** The allocation with its design effect. */
  record Result(StratifiedAllocation.Result allocation, double designEffect, double effectiveN) {}

  @Override
  public Integer call() {
    StratifiedAllocation.Method m;
    try {
      m = StratifiedAllocation.Method.parse(method);
    } catch (dev.cskit.core.CskitException e) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--method must be proportional, neyman or cost-optimal, found " + method);
    }
    double deff = StratifiedAllocation.designEffect(contactsPerAccount, icc);
    List<Stratum> strata = source.strata != null ? readStrata(source.strata) : fromAccounts(source.accounts, by);
    StratifiedAllocation.Result a = StratifiedAllocation.allocate(strata, n, minimum, m);
    Result r = new Result(a, deff, StratifiedAllocation.effectiveSampleSize(a.n(), deff));
    Output.print(spec, tableFormat.format, () -> text(r), csv -> {
      csv.row("stratum", "size", "unrounded", "allocated");
      a.rows().forEach(x -> csv.row(x.stratum(), String.valueOf(x.size()), Output.n(x.unrounded()),
          String.valueOf(x.allocated())));
    }, () -> json(r));
    return Main.OK;
  }

  static Map<String, Object> json(Result r) {
    List<Object> rows = new ArrayList<>();
    r.allocation().rows().forEach(x -> rows.add(Json.object("stratum", x.stratum(), "size", x.size(),
        "unrounded", x.unrounded(), "allocated", x.allocated())));
    return Json.object("method", r.allocation().method().toString(), "n", r.allocation().n(),
        "cost", r.allocation().cost(), "designEffect", r.designEffect(), "effectiveSampleSize", r.effectiveN(),
        "strata", rows);
  }

  static String text(Result r) {
    TextTable t = TextTable.withHeader("stratum", "size", "unrounded", "allocated");
    r.allocation().rows().forEach(x -> t.row(x.stratum(), x.size(), TextTable.fixed(x.unrounded(), 1),
        x.allocated()));
    return String.format(java.util.Locale.ROOT, "%s allocation of %d responses, cost %s; design effect %.2f, "
        + "effective sample size %.1f%n", r.allocation().method(), r.allocation().n(),
        TextTable.money(r.allocation().cost()), r.designEffect(), r.effectiveN()) + t;
  }

  static List<Stratum> readStrata(Path file) {
    List<Stratum> out = new ArrayList<>();
    try (CsvInput in = CsvInput.open(file)) {
      in.require("stratum", "size");
      boolean hasSd = in.has("sd");
      boolean hasP = in.has("proportion");
      boolean hasCost = in.has("cost");
      for (CsvInput.Row row : in) {
        String name = row.required("stratum");
        long size = row.requiredLong("size");
        double cost = hasCost ? row.requiredNumber("cost") : 1;
        if (hasP) {
          out.add(Stratum.ofProportion(name, size, row.requiredNumber("proportion"), cost));
        } else {
          out.add(new Stratum(name, size, hasSd ? row.requiredNumber("sd") : 0.5, cost));
        }
      }
    }
    return out;
  }

  static List<Stratum> fromAccounts(Path file, String attribute) {
    Map<String, Long> counts = new TreeMap<>();
    for (Account a : Accounts.readCsv(file)) {
      String v = attribute.equals("stage") ? a.stage().toString() : a.attribute(attribute);
      counts.merge(v == null || v.isBlank() ? "(none)" : v, 1L, Long::sum);
    }
    List<Stratum> out = new ArrayList<>();
    counts.forEach((k, v) -> out.add(Stratum.of(k, v)));
    return out;
  }
}
