package dev.cskit.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Reading ahead changes nothing a consumer sees: the same elements, in order, and the same failure after them. */
class PrefetchProperties {

  @Property(tries = 200)
  void yieldsTheSourceInOrder(@ForAll @IntRange(max = 5000) int size, @ForAll @IntRange(min = 1, max = 64) int batch,
      @ForAll @IntRange(min = 1, max = 4) int depth) {
    List<Integer> source = IntStream.range(0, size).boxed().toList();
    List<Integer> seen = new ArrayList<>();
    try (Prefetch<Integer> p = Prefetch.of(source.iterator(), batch, depth)) {
      while (p.hasNext()) {
        seen.add(p.next());
      }
      assertFalse(p.hasNext());
    }
    assertEquals(source, seen);
  }

  /** A source failing at element k: the consumer gets the k elements before it, then that very exception. */
  @Property(tries = 200)
  void aFailureComesAfterTheElementsBeforeIt(@ForAll @IntRange(max = 3000) int failAt,
      @ForAll @IntRange(min = 1, max = 64) int batch, @ForAll @IntRange(min = 1, max = 4) int depth) {
    IllegalStateException boom = new IllegalStateException("row " + failAt + ": bad cell");
    Iterator<Integer> source = new Iterator<>() {
      int i;

      @Override
      public boolean hasNext() {
        if (i == failAt) {
          throw boom;
        }
        return true;
      }

      @Override
      public Integer next() {
        return i++;
      }
    };
    List<Integer> seen = new ArrayList<>();
    try (Prefetch<Integer> p = Prefetch.of(source, batch, depth)) {
      RuntimeException thrown = assertThrows(RuntimeException.class, () -> {
        while (p.hasNext()) {
          seen.add(p.next());
        }
      });
      assertSame(boom, thrown);
    }
    assertEquals(IntStream.range(0, failAt).boxed().toList(), seen);
  }

  /** A consumer that stops early closes the reader, which stops reading soon after instead of reading it all. */
  @Test
  void closingEarlyStopsTheReader() {
    AtomicInteger produced = new AtomicInteger();
    Iterator<Integer> endless = new Iterator<>() {
      @Override
      public boolean hasNext() {
        return true;
      }

      @Override
      public Integer next() {
        return produced.incrementAndGet();
      }
    };
    try (Prefetch<Integer> p = Prefetch.of(endless, 16, 2)) {
      for (int i = 0; i < 10; i++) {
        assertEquals(i + 1, p.next());
      }
    }
    int afterClose = produced.get();
    assertTrue(afterClose <= 10 + 16 * 4, "read at most a few batches ahead: " + afterClose);
    assertEquals(afterClose, produced.get(), "nothing is read after close returns");
  }
}
