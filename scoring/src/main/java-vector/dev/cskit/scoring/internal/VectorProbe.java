package dev.cskit.scoring.internal;

import jdk.incubator.vector.DoubleVector;

/** Loaded only when the incubator module is present: the preferred number of double lanes. */
final class VectorProbe {
  private VectorProbe() {}

  static int lanes() {
    return DoubleVector.SPECIES_PREFERRED.length();
  }
}
