package dev.cskit.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** The events reader's fast timestamp path agrees with {@link Instant#parse} to the second. */
class EventTimestampProperties {
  @Property(tries = 2000)
  void fastPathMatchesInstantParse(@ForAll @LongRange(min = -2_000_000_000L, max = 7_000_000_000L) long second) {
    String text = Instant.ofEpochSecond(second).toString();
    long fast = ProjectData.EventStream.utcSeconds(text);
    if (text.length() == 20) {
      assertEquals(Instant.parse(text).getEpochSecond(), fast, text);
    } else {
      assertEquals(Long.MIN_VALUE, fast, text); // other forms go through the full parser
    }
  }

  @Property(tries = 200)
  void impossibleDatesAreLeftToTheFullParser(@ForAll @LongRange(min = 0, max = 99) long k) {
    assertEquals(Long.MIN_VALUE, ProjectData.EventStream.utcSeconds("2026-02-30T10:00:00Z"));
    assertEquals(Long.MIN_VALUE, ProjectData.EventStream.utcSeconds("2026-13-01T10:00:00Z"));
    assertEquals(Long.MIN_VALUE, ProjectData.EventStream.utcSeconds("2026-01-01T24:00:" + (k < 10 ? "0" + k : k) + "Z"));
    assertEquals(Long.MIN_VALUE, ProjectData.EventStream.utcSeconds("2026-01-01 10:00:00Z"));
  }
}
