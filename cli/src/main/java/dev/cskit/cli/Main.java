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
            if (option == null && a.argument() != null && a.argument().contains("[")) {
              // an element of a list argument (scores[3]): the option that fed the list
              option = Feeds.Options.feeding(commandLine.getCommandSpec(),
                  a.argument().substring(0, a.argument().indexOf('[')));
            }
            if (option != null && commandLine.getParseResult().hasMatchedOption(option)) {
              return usage(commandLine, option.longestName() + " " + a.rule()
                  + (a.found() == null ? "" : ", found " + a.found()));
            }
          }
          if (ex instanceof CskitException) {
            commandLine.getErr().println("cskit: " + ex.getMessage());
            return INVALID_INPUT;
          }
          java.io.IOException io = ioCause(ex);
          if (io != null) {
            commandLine.getErr().println("cskit: " + describe(io));
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
    int code;
    try {
      code = cli.execute(args);
    } catch (OutOfMemoryError e) {
      err.println("cskit: out of memory: the input is too large for the Java heap; give Java more memory with "
          + "-Xmx (for example: java -Xmx8g -jar cskit.jar ...)");
      code = FAILURE;
    } catch (StackOverflowError e) {
      err.println("cskit: the input is nested too deeply to process");
      code = FAILURE;
    }
    out.flush();
    err.flush();
    return code;
  }

  /** The I/O failure behind an exception, if any. */
  private static java.io.IOException ioCause(Throwable ex) {
    for (Throwable c = ex; c != null; c = c.getCause()) {
      if (c instanceof java.io.IOException) {
        return (java.io.IOException) c;
      }
    }
    return null;
  }

  /** An I/O failure in words, naming its path: never Java's exception names. */
  static String describe(java.io.IOException e) {
    if (e instanceof java.nio.file.FileSystemException) {
      java.nio.file.FileSystemException f = (java.nio.file.FileSystemException) e;
      String reason = e instanceof java.nio.file.NoSuchFileException ? "does not exist"
          : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
          : e instanceof java.nio.file.FileAlreadyExistsException ? "already exists"
          : e instanceof java.nio.file.DirectoryNotEmptyException ? "is a directory that is not empty"
          : f.getReason() == null ? "cannot be read or written" : f.getReason().toLowerCase(java.util.Locale.ROOT);
      return f.getFile() + ": " + reason + (f.getOtherFile() == null ? "" : " (" + f.getOtherFile() + ")");
    }
    String m = e.getMessage();
    return "input or output failed" + (m == null ? "" : ": " + CskitException.cut(m));
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
    // values picocli converts itself: messages in the user's words, not Java's types and exceptions
    cli.registerConverter(java.time.LocalDate.class, s -> {
      try {
        return java.time.LocalDate.parse(s);
      } catch (java.time.format.DateTimeParseException e) {
        throw new CommandLine.TypeConversionException("must be a date YYYY-MM-DD that exists, found '"
            + CskitException.cut(s) + "'");
      }
    });
    cli.registerConverter(java.time.ZoneId.class, s -> {
      try {
        return java.time.ZoneId.of(s);
      } catch (java.time.DateTimeException e) {
        throw new CommandLine.TypeConversionException("must be a time zone such as UTC, Europe/Paris or +09:00, "
            + "found '" + CskitException.cut(s) + "'");
      }
    });
    return cli;
  }
}
