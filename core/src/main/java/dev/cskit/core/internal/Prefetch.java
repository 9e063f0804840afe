package dev.cskit.core.internal;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads an iterator ahead on a thread of its own, in batches, so that producing the elements (decoding and
 * tokenising a file) and consuming them (aggregating) run at the same time on two cores. The consumer sees the
 * same elements in the same order, and the same exception at the same place: an exception of the source is
 * handed over after the elements that came before it, and thrown by {@link #hasNext()} as it was thrown.
 *
 * <p>One consumer thread; {@link #close()} (always, in a try-with-resources) stops the reader early and waits for
 * it, so the source may be closed after it: the reader stops after the element it is reading, and {@code close}
 * waits at most 10 seconds for that (a source blocked longer, or a consumer interrupted while closing, may then
 * see its source closed under it, which ends the reader with an exception nobody receives).
 *
 * @param <T> the element type
 */
public final class Prefetch<T> implements Iterator<T>, AutoCloseable {
  private static final Object[] END = new Object[0];

  /** A failure of the source, handed over in order. */
  private record Failure(Throwable error) {}

  private final BlockingQueue<Object> queue;
  private final Thread reader;
  private volatile boolean closed;
  private Object[] batch = new Object[0];
  private int at;
  private boolean done;

  private Prefetch(Iterator<? extends T> source, int batchSize, int depth) {
    this.queue = new ArrayBlockingQueue<>(depth);
    this.reader = new Thread(() -> read(source, batchSize), "cskit-prefetch");
    reader.setDaemon(true);
    reader.start();
  }

  /** Reads {@code source} ahead in batches of 2048 elements, at most 8 batches ahead. */
  public static <T> Prefetch<T> of(Iterator<? extends T> source) {
    return new Prefetch<>(source, 2048, 8);
  }

  /** Reads {@code source} ahead in batches of {@code batchSize} elements, at most {@code depth} batches ahead. */
  public static <T> Prefetch<T> of(Iterator<? extends T> source, int batchSize, int depth) {
    if (batchSize < 1 || depth < 1) {
      throw new IllegalArgumentException("batchSize and depth must be 1 or more");
    }
    return new Prefetch<>(source, batchSize, depth);
  }

  private void read(Iterator<? extends T> source, int batchSize) {
    Object[] b = new Object[batchSize];
    int n = 0;
    try {
      while (!closed && source.hasNext()) {
        b[n++] = source.next();
        if (n == batchSize) {
          if (!hand(b)) {
            return;
          }
          b = new Object[batchSize];
          n = 0;
        }
      }
      if (n > 0 && !hand(java.util.Arrays.copyOf(b, n))) {
        return;
      }
      hand(END);
    } catch (Throwable t) {
      if (n > 0 && !hand(java.util.Arrays.copyOf(b, n))) {
        return;
      }
      hand(new Failure(t));
    }
  }

  /** Puts an item in the queue, waiting while it is full; false once the consumer has closed. */
  private boolean hand(Object item) {
    try {
      while (!closed) {
        if (queue.offer(item, 50, TimeUnit.MILLISECONDS)) {
          return true;
        }
      }
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public boolean hasNext() {
    while (at == batch.length) {
      if (done) {
        return false;
      }
      Object item;
      try {
        item = queue.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while reading ahead", e);
      }
      if (item == END) {
        done = true;
        return false;
      }
      if (item instanceof Failure f) {
        done = true;
        if (f.error() instanceof RuntimeException r) {
          throw r;
        }
        if (f.error() instanceof Error e) {
          throw e;
        }
        throw new IllegalStateException(f.error());
      }
      batch = (Object[]) item;
      at = 0;
    }
    return true;
  }

  @Override
  @SuppressWarnings("unchecked")
  public T next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    T t = (T) batch[at];
    batch[at++] = null;
    return t;
  }

  /**
   * Stops reading ahead and waits, at most 10 seconds and not when interrupted, for the reader to finish its
   * current element.
   */
  @Override
  public void close() {
    closed = true;
    queue.clear();
    try {
      reader.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
