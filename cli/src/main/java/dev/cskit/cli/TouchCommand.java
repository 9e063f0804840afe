package dev.cskit.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code cskit touch}: from tiers to people and plays: books of business per manager ({@code touch books}),
 * trials of a play ({@code touch trial plan|assign|analyse}), usage groups ({@code touch groups}) and the content
 * advisor ({@code touch content}). The subcommands are separate classes so that more can join the list.
 */
@Command(
    name = "touch",
    mixinStandardHelpOptions = true,
    description = "From tiers to people and plays: books of business per manager, trials of a play, usage groups "
        + "of new accounts, content to move between touch levels.",
    subcommands = {
      TouchBooksCommand.class,
      TouchTrialCommand.class,
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
