package dev.cskit.cli;

import dev.cskit.sample.SamplePortfolio;
import picocli.CommandLine.Option;

/** The options {@code demo} and {@code sample} share: the size and seed of the generated sample portfolio. */
final class PortfolioOptions {
  @Feeds("size")
  @Option(names = "--accounts", paramLabel = "N", description = "Number of accounts (default: ${DEFAULT-VALUE}).")
  int accounts = 1000;

  @Option(names = "--seed", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed = SamplePortfolio.DEFAULT_SEED;

  /** The sample portfolio of these options (the library checks the account count). */
  SamplePortfolio generate() {
    return SamplePortfolio.generate(accounts, seed);
  }
}
