package dev.cskit.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code cskit touch}: from tiers to people and plays: books of business per manager ({@code touch books}) and
 * trials of a play ({@code touch trial plan|assign|analyse}).
 */
@Command(
    name = "touch",
    mixinStandardHelpOptions = true,
    description = "From tiers to people and plays: books of business per manager, trials of a play.",
    subcommands = {
      TouchBooksCommand.class,
      TouchTrialCommand.class,
    })
public final class TouchCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: books or trial");
  }
}
