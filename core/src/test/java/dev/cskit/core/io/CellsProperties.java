package dev.cskit.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cskit.core.ArgumentException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;

/** The hand-written fast paths of {@link Cells} give what java.time and Double.parseDouble give. */
class CellsProperties {
  /** The timestamp rule before the fast path: java.time only. Null when java.time refuses. */
  static Instant javaTime(String t) {
    try {
      if (t.length() == 10) {
        return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      char last = t.charAt(t.length() - 1);
      if (last == 'Z' || t.lastIndexOf('+') > 10 || t.lastIndexOf('-') > 10) {
        return OffsetDateTime.parse(t).toInstant();
      }
      return LocalDateTime.parse(t.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String pad(int v, int width) {
    StringBuilder sb = new StringBuilder(Integer.toString(v));
    while (sb.length() < width) {
      sb.insert(0, '0');
    }
    return sb.toString();
  }

  @Provide
  Arbitrary<String> timestamps() {
    // years around leap rules (1900, 2000, 2024, 2100), the epoch and the far past; days up to 31 in every
    // month (so impossible dates such as 02-30 come up); hours to 24 and minutes/seconds to 60 (out of range)
    Arbitrary<Integer> year = Arbitraries.oneOf(Arbitraries.integers().between(0, 9999),
        Arbitraries.of(1900, 1969, 1970, 2000, 2023, 2024, 2026, 2100, 2400));
    Arbitrary<Integer> month = Arbitraries.integers().between(0, 13);
    Arbitrary<Integer> day = Arbitraries.oneOf(Arbitraries.integers().between(0, 32),
        Arbitraries.of(1, 28, 29, 30, 31));
    Arbitrary<Integer> hour = Arbitraries.integers().between(0, 24);
    Arbitrary<Integer> minute = Arbitraries.integers().between(0, 60);
    Arbitrary<String> seconds = Arbitraries.oneOf(Arbitraries.just(""),
        Arbitraries.integers().between(0, 60).map(s -> ":" + pad(s, 2)),
        Combinators.combine(Arbitraries.integers().between(0, 59),
            Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(10))
            .as((s, f) -> ":" + pad(s, 2) + "." + f));
    Arbitrary<String> zone = Arbitraries.oneOf(Arbitraries.of("", "Z", "z", "+00:00", "-00:00", "+0100", "+01",
            "+18:00", "-18:00", "+18:01", "+01:00:30", "UTC", " ", "Zgarbage"),
        Combinators.combine(Arbitraries.of("+", "-"), Arbitraries.integers().between(0, 19),
            Arbitraries.integers().between(0, 60)).as((s, h, m) -> s + pad(h, 2) + ":" + pad(m, 2)));
    Arbitrary<String> sep = Arbitraries.of("T", "T", "T", " ", "t", "x");
    Arbitrary<String> time = Combinators.combine(sep, hour, minute, seconds, zone)
        .as((s, h, mi, sec, z) -> s + pad(h, 2) + ":" + pad(mi, 2) + sec + z);
    return Combinators.combine(year, month, day, Arbitraries.oneOf(Arbitraries.just(""), time, time, time))
        .as((y, m, d, t) -> pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2) + t);
  }

  @Property(tries = 3000)
  void fastPathAgreesWithJavaTime(@ForAll("timestamps") String t) {
    Instant expected = javaTime(t);
    if (expected == null) {
      assertThrows(ArgumentException.class, () -> Cells.instant(t), t);
      assertThrows(ArgumentException.class, () -> Cells.epochSecond(t), t);
      assertEquals(Cells.NOT_FAST, Cells.fastEpochSecond(t), t);
    } else {
      assertEquals(expected, Cells.instant(t), t);
      assertEquals(expected.getEpochSecond(), Cells.epochSecond(t), t);
      long fast = Cells.fastEpochSecond(t);
      if (fast != Cells.NOT_FAST) {
        assertEquals(expected.getEpochSecond(), fast, t);
      }
    }
  }

  /** {@link Cells#epochDay} reads exactly what {@link Cells#date} reads, and refuses what it refuses. */
  @Property(tries = 3000)
  void epochDayAgreesWithDate(@ForAll("timestamps") String t) {
    LocalDate date;
    try {
      date = Cells.date(t);
    } catch (ArgumentException e) {
      ArgumentException again = assertThrows(ArgumentException.class, () -> Cells.epochDay(t), t);
      assertEquals(e.getMessage(), again.getMessage(), t);
      return;
    }
    assertEquals(date.toEpochDay(), Cells.epochDay(t), t);
  }

  @Property(tries = 1000)
  void everyDocumentedTimestampTakesTheFastPath(@ForAll("instants") Instant at) {
    String t = at.toString(); // the documented layout, with a fraction when there is one
    assertNotEquals(Cells.NOT_FAST, Cells.fastEpochSecond(t), t);
    assertEquals(at, Cells.instant(t));
  }

  @Provide
  Arbitrary<Instant> instants() {
    return Combinators.combine(
            Arbitraries.longs().between(LocalDate.of(1, 1, 1).toEpochDay() * 86_400L,
                LocalDate.of(9999, 12, 31).toEpochDay() * 86_400L),
            Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(0, 999_999_999)))
        .as(Instant::ofEpochSecond)
        .filter(i -> i.atOffset(ZoneOffset.UTC).getSecond() != 0 || i.getNano() != 0);
  }

  @Property(tries = 2000)
  void numbersAgreeWithParseDouble(@ForAll double v) {
    if (Double.isFinite(v)) {
      String t = Double.toString(v);
      assertEquals(Double.doubleToLongBits(v), Double.doubleToLongBits(Cells.number(t)), t);
    }
  }

  @Property(tries = 2000)
  void decimalTextAgreesWithParseDouble(
      @ForAll @DoubleRange(min = -1e7, max = 1e7) double v, @ForAll("scales") int scale) {
    String t = java.math.BigDecimal.valueOf(v).setScale(scale, java.math.RoundingMode.HALF_UP).toPlainString();
    assertEquals(Double.doubleToLongBits(Double.parseDouble(t)), Double.doubleToLongBits(Cells.number(t)), t);
  }

  @Provide
  Arbitrary<Integer> scales() {
    return Arbitraries.integers().between(0, 25);
  }
}
