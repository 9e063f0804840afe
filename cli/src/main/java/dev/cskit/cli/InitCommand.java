package dev.cskit.cli;

import dev.cskit.core.DataException;
import dev.cskit.sample.SampleHistory;
import dev.cskit.sample.SamplePortfolio;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code cskit init DIR}: writes a working project around the sample portfolio with its history. */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description = {
      "Write a working cskit project around the built-in sample portfolio.",
      "The project holds data files with 13 months of history (usage events, CRM fields by month, milestones, "
          + "renewals and churns, two NPS waves), a survey plan and cskit.yaml. "
          + "Then run it: cskit run --project DIR/cskit.yaml --as-of 2026-06-30."
    })
public final class InitCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin PortfolioOptions portfolio;

  @Parameters(index = "0", paramLabel = "DIR", description = "The project folder to create (must not exist or be empty).")
  Path dir;

  @Override
  public Integer call() throws IOException {
    if (Files.exists(dir) && (!Files.isDirectory(dir) || hasFiles(dir))) {
      throw DataException.of(dir.toString(), "must be a new or empty folder", "an existing file or folder with files");
    }
    SamplePortfolio p = portfolio.generate();
    SampleHistory h = SampleHistory.of(p);
    Path parent = dir.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path tmp = Files.createTempDirectory(parent, ".cskit-init");
    try {
      h.writeProject(tmp);
      if (Files.isDirectory(dir)) {
        Files.delete(dir);
      }
      Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      if (Files.exists(tmp)) {
        try (Stream<Path> s = Files.walk(tmp)) {
          for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
            Files.delete(q);
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    spec.commandLine().getOut().printf(
        "wrote a cskit project to %s: %d accounts (seed %d), history %s to %s, %d churned during it%n"
            + "next: cskit run --project %s --as-of %s%n",
        dir, p.size(), p.seed(), h.start(), h.end(), h.churnedCount(), dir.resolve("cskit.yaml"), h.end());
    spec.commandLine().getOut().flush();
    return Main.OK;
  }

  private static boolean hasFiles(Path d) throws IOException {
    try (Stream<Path> s = Files.list(d)) {
      return s.findAny().isPresent();
    }
  }
}
