package dev.cskit.cli;

import dev.cskit.sample.SamplePortfolio;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The options {@code demo} and {@code sample} share: the size and seed of the generated sample portfolio. */
final class PortfolioOptions {
  @Option(names = "--accounts", paramLabel = "N", description = "Number of accounts (default: ${DEFAULT-VALUE}).")
  int accounts = 1000;

  @Option(names = "--seed", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed = SamplePortfolio.DEFAULT_SEED;

  /** The sample portfolio of these options; an account count out of range is a usage error of {@code cl}. */
  SamplePortfolio generate(CommandLine cl) {
    if (accounts < 1 || accounts > 10_000_000) {
      throw new CommandLine.ParameterException(cl, "--accounts must be between 1 and 10000000, found " + accounts);
    }
    return SamplePortfolio.generate(accounts, seed);
  }
}
