package dev.cskit.benchmarks.card;

import java.util.Locale;

/**
 * What every implementation must agree on: the band counts and the sum of the scores (undefined scores left
 * out).
 *
 * @param red accounts in red
 * @param yellow accounts in yellow
 * @param green accounts in green
 * @param insufficient accounts without a score
 * @param scoreSum the sum of the defined scores
 */
public record ScoreSummary(long red, long yellow, long green, long insufficient, double scoreSum) {

  /** The summary of per-account scores and band codes. */
  public static ScoreSummary of(double[] scores, byte[] bands, int n) {
    long[] counts = new long[4];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      counts[bands[i]]++;
      if (scores[i] == scores[i]) {
        sum += scores[i];
      }
    }
    return new ScoreSummary(counts[0], counts[1], counts[2], counts[3], sum);
  }

  /** Same counts, and sums equal to a relative tolerance (summation order differs between engines). */
  public boolean agrees(ScoreSummary o, double relTol) {
    return red == o.red && yellow == o.yellow && green == o.green && insufficient == o.insufficient
        && Math.abs(scoreSum - o.scoreSum) <= relTol * Math.max(1.0, Math.abs(scoreSum));
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "red %d, yellow %d, green %d, insufficient %d, score sum %.6f",
        red, yellow, green, insufficient, scoreSum);
  }
}
