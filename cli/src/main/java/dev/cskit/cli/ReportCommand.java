package dev.cskit.cli;

import dev.cskit.run.ProjectReports;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cskit report}: the HTML report of a stored run of a project. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Draw the HTML report of a stored run of a project (cskit.yaml).",
      "The report shows the latest snapshot at or before --as-of (default: the latest), with band shares and "
          + "usage over the earlier snapshots: one self-contained page (ECharts inlined), written atomically."
    })
public final class ReportCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--project", paramLabel = "FILE", required = true, description = "The project file (cskit.yaml).")
  Path project;

  @Option(names = "--as-of", paramLabel = "DATE", description = "The report of the latest run at or before this date (YYYY-MM-DD); default the latest run.")
  LocalDate asOf;

  @Option(names = "--out", paramLabel = "FILE", required = true, description = "The HTML file to write.")
  Path out;

  @Override
  public Integer call() {
    LocalDate date = ProjectReports.write(project, asOf, out);
    spec.commandLine().getOut().printf("wrote the report of the run of %s to %s%n", date, out);
    spec.commandLine().getOut().flush();
    return Main.OK;
  }
}
