package dev.cskit.cli;

import dev.cskit.survey.Nps;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cskit survey power}: the answers needed to detect an NPS difference. */
@Command(
    name = "power",
    mixinStandardHelpOptions = true,
    description = {
      "The answers needed in each of two groups to detect an NPS difference.",
      "A two-sided test: n = "
          + "(z(1 - alpha/2) + z(power))^2 (vA + vB) / delta^2, rounded up, with the trinomial variances "
          + "v = p + d - (p - d)^2 of the expected shares of promoters p and detractors d.",
      "The difference is that of the expected shares unless --difference gives another (in NPS points); with "
          + "--rate, the invitations each group needs at that response rate."
    })
public final class SurveyPowerCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--promoters-a", paramLabel = "P", required = true, description = "Expected share of promoters in A.")
  double promotersA;

  @Option(names = "--detractors-a", paramLabel = "D", required = true, description = "Expected share of detractors in A.")
  double detractorsA;

  @Option(names = "--promoters-b", paramLabel = "P", required = true, description = "Expected share of promoters in B.")
  double promotersB;

  @Option(names = "--detractors-b", paramLabel = "D", required = true, description = "Expected share of detractors in B.")
  double detractorsB;

  @Feeds("difference")
  @Option(names = "--difference", paramLabel = "POINTS",
      description = "The NPS difference to detect, in points (default: that of the expected shares).")
  Double difference;

  @Option(names = "--confidence", paramLabel = "C",
      description = "Confidence level of the test, 1 - alpha (default: ${DEFAULT-VALUE}).")
  double confidence = 0.95;

  @Feeds("power")
  @Option(names = "--power", paramLabel = "POWER", description = "The chance of detecting it (default: ${DEFAULT-VALUE}).")
  double power = 0.8;

  @Option(names = "--rate", paramLabel = "R", description = "Expected response rate, for the invitations needed.")
  Double rate;

  @CommandLine.Mixin TableFormatOption tableFormat;

  @Override
  public Integer call() {
    if (!(confidence > 0 && confidence < 1)) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--confidence must be between 0 and 1, exclusive, found " + confidence);
    }
    if (rate != null && !(rate > 0 && rate <= 1)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--rate must be in (0, 1], found " + rate);
    }
    double delta = difference != null ? difference
        : 100 * ((promotersA - detractorsA) - (promotersB - detractorsB));
    long n = Nps.sampleSizeToDetect(delta, promotersA, detractorsA, promotersB, detractorsB, 1 - confidence, power);
    Long invitations = rate == null ? null : (long) Math.ceil(n / rate - 1e-9);
    Output.print(spec, tableFormat.format, () -> String.format(java.util.Locale.ROOT,
        "to detect %.1f NPS points (confidence %.2f, power %.2f): %,d answers per group, %,d in all%s%n", delta,
        confidence, power, n, 2 * n, invitations == null ? ""
            : String.format(java.util.Locale.ROOT, "; at a %.0f%% response rate, %,d invitations per group",
                100 * rate, invitations)), csv -> {
          csv.row("difference", "confidence", "power", "answers_per_group", "answers", "invitations_per_group");
          csv.row(Output.n(delta), Output.n(confidence), Output.n(power), String.valueOf(n), String.valueOf(2 * n),
              invitations == null ? "" : String.valueOf(invitations));
        }, () -> Json.object("difference", delta, "confidence", confidence, "power", power, "answersPerGroup", n,
            "answers", 2 * n, "invitationsPerGroup", invitations));
    return Main.OK;
  }
}
