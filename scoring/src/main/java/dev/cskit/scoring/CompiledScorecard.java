package dev.cskit.scoring;

import dev.cskit.scoring.internal.CompiledCard;

/**
 * A scorecard with its compiled engine form: what the API needs beside the kernels (the card's reference and
 * caps) travels here, not in {@code internal}.
 *
 * @param card the scorecard
 * @param ref its name, revision and content hash (computed once)
 * @param engine its kernels and arrays
 */
record CompiledScorecard(Scorecard card, ScorecardRef ref, CompiledCard engine) {
  /** Cap number {@code index} of the card. */
  Cap cap(int index) {
    return card.caps().get(index);
  }
}
