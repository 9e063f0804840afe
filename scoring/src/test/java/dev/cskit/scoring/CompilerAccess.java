package dev.cskit.scoring;

import dev.cskit.scoring.internal.CompiledCard;

/** Test access to the package-private {@link CardCompiler}, for the engine tests in {@code internal}. */
public final class CompilerAccess {
  private CompilerAccess() {}

  /** The engine form of a card, as {@link Scorecard#compile()} builds it. */
  public static CompiledCard compile(Scorecard card) {
    return CardCompiler.compile(card).engine();
  }
}
