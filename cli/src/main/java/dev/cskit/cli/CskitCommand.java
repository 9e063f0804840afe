package dev.cskit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root command: {@code cskit <command>}. */
@Command(
    name = "cskit",
    mixinStandardHelpOptions = true,
    versionProvider = CskitCommand.Version.class,
    description = "Customer-success analytics: health scores, touch models, survey planning, time to value, revenue retention.",
    subcommands = {
      DemoCommand.class,
      SampleCommand.class,
      UsageCommand.class,
      ScoreCommand.class,
      SegmentCommand.class,
      TouchCommand.class,
      CapacityCommand.class,
      TtvCommand.class,
      SurveyCommand.class,
      RetentionCommand.class,
      InitCommand.class,
      RunCommand.class,
      ReportCommand.class,
      CommandLine.HelpCommand.class,
    })
public final class CskitCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (try: cskit demo)");
  }

  /** Reads the version Maven filtered into the jar. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties p = new Properties();
      try (InputStream in = CskitCommand.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          p.load(in);
        }
      }
      return new String[] {"cskit " + p.getProperty("version", "unknown")};
    }
  }
}
