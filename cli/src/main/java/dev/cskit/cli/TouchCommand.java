package dev.cskit.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code cskit touch}: touch-model helpers beside {@code segment} and {@code capacity}. The subcommands are
 * separate classes so that more can join the list.
 */
@Command(
    name = "touch",
    mixinStandardHelpOptions = true,
    description = "Touch-model helpers: usage groups of new accounts, content to move between touch levels.",
    subcommands = {
      TouchGroupsCommand.class,
      TouchContentCommand.class,
    })
public final class TouchCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: "
        + String.join(", ", spec.subcommands().keySet().stream().filter(n -> !n.equals("help")).toList()));
  }
}
