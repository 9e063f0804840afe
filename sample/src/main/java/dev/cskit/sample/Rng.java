package dev.cskit.sample;

import java.util.SplittableRandom;

/**
 * A seeded random source whose every draw is reproducible on any JVM and machine: SplitMix64
 * ({@link SplittableRandom}, a fixed algorithm) and {@link StrictMath} for every transformation.
 */
final class Rng {
  private final SplittableRandom random;

  /** A stream for one purpose ({@code stream}) of one account ({@code index}) under a seed. */
  Rng(long seed, long index, long stream) {
    this.random = new SplittableRandom(mix(mix(seed) ^ mix(index * 0x9E3779B97F4A7C15L + stream)));
  }

  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  double uniform() {
    return random.nextDouble();
  }

  double uniform(double lo, double hi) {
    return lo + (hi - lo) * random.nextDouble();
  }

  int nextInt(int bound) {
    return random.nextInt(bound);
  }

  boolean bernoulli(double p) {
    return random.nextDouble() < p;
  }

  /** A standard normal draw (Box-Muller, one value per call). */
  double gaussian() {
    double u1 = 1.0 - random.nextDouble(); // (0, 1]
    double u2 = random.nextDouble();
    return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2);
  }

  double logNormal(double median, double sigma) {
    return median * StrictMath.exp(sigma * gaussian());
  }

  double exponential(double mean) {
    return -mean * StrictMath.log(1.0 - random.nextDouble());
  }

  /** A Poisson draw (Knuth's method; for the small means used here). */
  int poisson(double mean) {
    double limit = StrictMath.exp(-mean);
    double p = 1.0;
    int k = 0;
    do {
      k++;
      p *= random.nextDouble();
    } while (p > limit);
    return k - 1;
  }

  /** Picks an index by weights that sum to 1. */
  int pick(double... weights) {
    double u = random.nextDouble();
    double acc = 0;
    for (int i = 0; i < weights.length; i++) {
      acc += weights[i];
      if (u < acc) {
        return i;
      }
    }
    return weights.length - 1;
  }
}
