package dev.cskit.cli;

import dev.cskit.core.io.CsvInput;
import dev.cskit.survey.BetaPrior;
import dev.cskit.survey.BenchmarkPrior;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cskit survey update-prior}: the response-rate prior after a wave. */
@Command(
    name = "update-prior",
    mixinStandardHelpOptions = true,
    description = {
      "The response-rate prior after a wave: Beta(alpha + responded, beta + invited - responded).",
      "The wave from counts (--invited, --responded) or a survey CSV (one row per invitation, responded 1/0); "
          + "the prior from a benchmark (--prior) or --prior-alpha and --prior-beta. The posterior is the prior of "
          + "'survey invitations' for the next wave."
    })
public final class SurveyUpdatePriorCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  PriorSource prior;

  static final class PriorSource {
    @Option(names = "--prior", paramLabel = "NAME", required = true, converter = SurveyCommand.PriorConverter.class,
        description = "A benchmark prior: zendesk-2014-nps, zendesk-2014-csat, first-survey, great-online, "
            + "b2b-relationship.")
    BenchmarkPrior benchmark;

    @ArgGroup(exclusive = false)
    SurveyCommand.InvitationsCommand.Prior own;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Wave wave;

  static final class Wave {
    @Option(names = "--survey", paramLabel = "FILE", required = true,
        description = "Invitations CSV with a responded column (1/0).")
    Path survey;

    @ArgGroup(exclusive = false)
    Counts counts;
  }

  static final class Counts {
    @Feeds("invited")
    @Option(names = "--invited", paramLabel = "N", required = true, description = "Invitations sent.")
    long invited;

    @Feeds("responded")
    @Option(names = "--responded", paramLabel = "N", required = true, description = "Responses received.")
    long responded;
  }

  @CommandLine.Mixin TableFormatOption tableFormat;

  @Override
  public Integer call() {
    BetaPrior before = prior.benchmark != null ? prior.benchmark.prior()
        : BetaPrior.of(prior.own.alpha, prior.own.beta);
    long invited;
    long responded;
    if (wave.survey != null) {
      long[] c = count(wave.survey);
      invited = c[0];
      responded = c[1];
    } else {
      invited = wave.counts.invited;
      responded = wave.counts.responded;
    }
    BetaPrior after = before.update(invited, responded);
    Output.print(spec, tableFormat.format, () -> String.format(java.util.Locale.ROOT,
        "prior      %s%nwave       %d invited, %d responded (%.1f%%)%nposterior  %s%n", before, invited, responded,
        invited == 0 ? Double.NaN : 100.0 * responded / invited, after), csv -> {
          csv.row("which", "alpha", "beta", "mean", "sd");
          csv.row("prior", Output.n(before.alpha()), Output.n(before.beta()), Output.n(before.mean()),
              Output.n(before.sd()));
          csv.row("posterior", Output.n(after.alpha()), Output.n(after.beta()), Output.n(after.mean()),
              Output.n(after.sd()));
        }, () -> Json.object("prior", prior(before), "invited", invited, "responded", responded,
            "posterior", prior(after)));
    return Main.OK;
  }

  static Map<String, Object> prior(BetaPrior p) {
    return Json.object("alpha", p.alpha(), "beta", p.beta(), "mean", p.mean(), "sd", p.sd());
  }

  /** {invitations, responses} of a survey CSV. */
  static long[] count(Path file) {
    long[] c = new long[2];
    try (CsvInput in = CsvInput.open(file)) {
      in.require("responded");
      for (CsvInput.Row row : in) {
        long r = row.requiredLong("responded");
        if (r != 0 && r != 1) {
          throw row.error("responded", "must be 1 (answered) or 0 (silent)", String.valueOf(r));
        }
        c[0]++;
        c[1] += r;
      }
    }
    return c;
  }
}
