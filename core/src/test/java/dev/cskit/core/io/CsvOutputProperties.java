package dev.cskit.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@link CsvOutput#appendNumber} writes exactly the text of {@link CsvOutput#number}. */
class CsvOutputProperties {
  @Provide
  Arbitrary<Double> anyDouble() {
    return Arbitraries.oneOf(
        Arbitraries.longs().map(Double::longBitsToDouble),
        Arbitraries.doubles().between(-1e3, 1e3),
        Arbitraries.doubles().between(0, 100).ofScale(2),
        Arbitraries.integers().between(-100000, 100000).map(i -> i / 3.0),
        Arbitraries.of(Double.NaN, 0.0, -0.0, 1e15, -1e15, 1e15 - 1, 9.999999999999998e14, 1e-7, 1e7, 1e-3,
            Double.MIN_VALUE, Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 2e-3));
  }

  @Property(tries = 5000)
  void appendsWhatNumberReturns(@ForAll("anyDouble") double v) {
    StringBuilder b = new StringBuilder("x");
    CsvOutput.appendNumber(b, v);
    assertEquals("x" + CsvOutput.number(v), b.toString());
  }
}
