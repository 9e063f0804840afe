package dev.cskit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class UsageAggregatorProperties {
  private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);
  private static final String[] TYPES = {"login", "app_built", "seminar"};

  private static List<UsageEvent> events(long seed, int count, int accounts) {
    Random r = new Random(seed);
    List<UsageEvent> out = new ArrayList<>();
    long end = AS_OF.plusDays(3).atStartOfDay().toEpochSecond(java.time.ZoneOffset.UTC);
    for (int i = 0; i < count; i++) {
      long t = end - (long) (r.nextDouble() * 70 * 86_400);
      out.add(UsageEvent.of("a" + r.nextInt(accounts), "u" + r.nextInt(5), TYPES[r.nextInt(3)],
          Instant.ofEpochSecond(t)));
    }
    return out;
  }

  private static List<Account> accounts(int n) {
    List<Account> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(Account.builder().id("a" + i).arr(1).seats(i).build());
    }
    return out;
  }

  @Property(tries = 50)
  void theOrderOfEventsChangesNothing(@ForAll long seed, @ForAll @IntRange(min = 0, max = 400) int count) {
    List<UsageEvent> events = events(seed, count, 6);
    List<UsageEvent> shuffled = new ArrayList<>(events);
    Collections.shuffle(shuffled, new Random(seed ^ 0x5DEECE66DL));
    UsageAggregator agg = UsageAggregator.builder().asOf(AS_OF).windows(7, 30).build();
    assertEquals(agg.aggregate(accounts(6), events), agg.aggregate(accounts(6), shuffled));
  }

  @Property(tries = 50)
  void countsAddUpAcrossTypes(@ForAll long seed, @ForAll @IntRange(min = 0, max = 300) int count) {
    MetricTable t = UsageAggregator.builder().asOf(AS_OF).windows(14).eventTypes(List.of(TYPES)).build()
        .aggregate(accounts(4), events(seed, count, 4));
    for (int r = 0; r < t.rowCount(); r++) {
      double sum = 0;
      for (String type : TYPES) {
        sum += t.value(r, type + "_14d");
      }
      assertEquals(t.value(r, "events_14d"), sum);
    }
  }
}
