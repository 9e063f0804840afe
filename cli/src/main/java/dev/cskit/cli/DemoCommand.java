package dev.cskit.cli;

import dev.cskit.report.Report;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cskit demo}: generates the built-in sample portfolio and prints what the library knows about it. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Generate the built-in sample portfolio and show what cskit computes on it.")
public final class DemoCommand implements Callable<Integer> {
  /** The demo's sections, in order. Each capability adds its own. */
  static final List<DemoSection> SECTIONS =
      List.of(
          new PortfolioSection(),
          new HealthSection(),
          new ValidationSection(),
          new TouchModelSection(),
          new BooksAndTrialsSection(),
          new TimeToValueSection(),
          new SurveySection(),
          new RetentionSection());

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin PortfolioOptions portfolio;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Option(names = "--report", paramLabel = "FILE",
      description = "Write the sample's HTML report (charts, self-contained, opens offline) to FILE instead of"
          + " printing the demo.")
  Path report;

  @Override
  public Integer call() {
    DemoContext context = new DemoContext(portfolio.generate());
    PrintWriter out = spec.commandLine().getOut();
    if (report != null) {
      Path dir = report.toAbsolutePath().getParent();
      if (dir == null || !Files.isDirectory(dir)) {
        throw new CommandLine.ParameterException(spec.commandLine(),
            "--report: the folder of " + report + " does not exist");
      }
      long bytes = writeAtomically(report, Report.html(DemoReport.inputs(context)));
      out.println("Wrote " + report + " (" + bytes + " bytes).");
      out.flush();
      return Main.OK;
    }
    Map<String, Object> sections = new LinkedHashMap<>();
    for (DemoSection section : SECTIONS) {
      DemoSection.Result result = section.run(context);
      if (json) {
        sections.put(section.key(), result.json());
      } else {
        out.println("== " + section.title() + " ==");
        out.println(result.text());
      }
    }
    if (json) {
      out.println(Json.write(sections));
    }
    out.flush();
    return Main.OK;
  }

  /** Writes the text to a temporary file beside the target, then moves it into place; returns the bytes. */
  static long writeAtomically(Path target, String text) {
    return dev.cskit.core.io.AtomicFiles.writeString(target, text);
  }
}
