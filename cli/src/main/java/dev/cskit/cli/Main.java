package dev.cskit.cli;

import dev.cskit.core.ArgumentException;
import dev.cskit.core.CskitException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The {@code cskit} command line. Exit codes: 0 success, 1 anything unexpected, 2 bad command-line usage,
 * 3 invalid input (configuration or data), with a one-line message naming the file, row or path and rule.
 *
 * <p>A value given on the command line is checked by the library it is passed to; when that check fails
 * (an {@link ArgumentException} about an argument that an option given on the command line
 * {@link Feeds feeds}), it is a usage error naming the option, exit 2. The same exception about a value
 * read from a file stays invalid input, exit 3.
 */
public final class Main {
  /** Success. */
  public static final int OK = 0;
  /** Anything unexpected. */
  public static final int FAILURE = 1;
  /** Bad command-line usage. */
  public static final int USAGE = 2;
  /** Invalid input: configuration or data. */
  public static final int INVALID_INPUT = 3;

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line with the given output streams and returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    // cskit ships no SLF4J binding; keep SLF4J's "no providers" notice off the CLI's stderr
    if (System.getProperty("slf4j.internal.verbosity") == null) {
      System.setProperty("slf4j.internal.verbosity", "ERROR");
    }
    CommandLine cli = commandLine();
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          if (ex instanceof ArgumentException) {
            // a value from the command line breaks the library's rule: a usage error naming the option
            ArgumentException a = (ArgumentException) ex;
            OptionSpec option = Feeds.Options.feeding(commandLine.getCommandSpec(), a.argument());
            if (option != null && commandLine.getParseResult().hasMatchedOption(option)) {
              return usage(commandLine, option.longestName() + " " + a.rule()
                  + (a.found() == null ? "" : ", found " + a.found()));
            }
          }
          if (ex instanceof CskitException) {
            commandLine.getErr().println("cskit: " + ex.getMessage());
            return INVALID_INPUT;
          }
          commandLine.getErr().println("cskit: unexpected error: " + ex);
          if (System.getenv("CSKIT_DEBUG") != null) {
            ex.printStackTrace(commandLine.getErr());
          }
          return FAILURE;
        });
    // also receives the ParameterExceptions that commands throw from call(): picocli rethrows them unwrapped
    cli.setParameterExceptionHandler(
        (ex, a) -> usage(ex.getCommandLine(), ex.getMessage()));
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /** Reports a usage error of a command as picocli's parameter errors are reported, and returns {@link #USAGE}. */
  private static int usage(CommandLine c, String message) {
    c.getErr().println("cskit: " + message);
    c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
    return USAGE;
  }

  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new CskitCommand());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    return cli;
  }
}
