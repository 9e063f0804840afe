package dev.cskit.core.io;

import dev.cskit.core.DataException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a group of files all or nothing: each file is written to a temporary file beside its target, and
 * only when every one was written are they moved into place. A failure (a target that is a directory, a
 * directory that cannot be written, a full disk) leaves no target changed and no temporary file behind, and
 * is a {@link DataException} naming the path.
 *
 * <pre>{@code
 * try (AtomicFiles files = AtomicFiles.create()) {
 *   files.write(dir.resolve("a.csv"), w -> w.write("x\n"));
 *   files.write(dir.resolve("b.csv"), w -> w.write("y\n"));
 *   files.commit();
 * }
 * }</pre>
 *
 * <p>Not thread-safe: one group is written by one thread.
 */
public final class AtomicFiles implements AutoCloseable {
  /** Writes text to a writer; may throw {@link IOException}. */
  @FunctionalInterface
  public interface Body {
    /** Writes the file's content. */
    void write(Writer writer) throws IOException;
  }

  private final Map<Path, Path> staged = new LinkedHashMap<>();
  private boolean committed;

  private AtomicFiles() {}

  /** A new, empty group. */
  public static AtomicFiles create() {
    return new AtomicFiles();
  }

  /** Writes one file of a group on its own: {@code create()}, {@link #write}, {@link #commit()}. */
  public static void writeOne(Path target, Body body) {
    try (AtomicFiles files = create()) {
      files.write(target, body);
      files.commit();
    }
  }

  /** Writes a file's content (UTF-8) to a temporary file beside {@code target}. */
  public AtomicFiles write(Path target, Body body) {
    if (committed) {
      throw new IllegalStateException("already committed");
    }
    Path t = target.toAbsolutePath();
    if (Files.isDirectory(t)) {
      throw DataException.of(target.toString(), "cannot be written: it is a directory", null);
    }
    Path dir = t.getParent();
    Path tmp;
    try {
      tmp = temporaryBeside(t);
    } catch (IOException e) {
      throw failure(target, dir, e);
    }
    staged.put(t, tmp);
    try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      body.write(w);
    } catch (IOException e) {
      throw failure(target, tmp, e);
    } catch (UncheckedIOException e) {
      throw failure(target, tmp, e.getCause());
    }
    return this;
  }

  /**
   * Writes one text file all or nothing: a temporary file beside the target, then a move.
   *
   * @return the number of bytes written (UTF-8)
   * @throws DataException naming the target when it cannot be written
   */
  public static long writeString(Path target, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    try (AtomicFiles files = create()) {
      files.write(target, w -> w.write(text));
      files.commit();
    }
    return bytes.length;
  }

  /**
   * Creates an empty temporary file beside the target, named after it. Unlike {@link Files#createTempFile}, whose
   * files are private ({@code rw-------}), it takes the permissions a new file gets from the process's umask, so the
   * target, once moved into place, is as readable as any file the user writes.
   */
  static Path temporaryBeside(Path target) throws IOException {
    Path dir = target.getParent();
    for (int attempt = 0; ; attempt++) {
      String suffix = Long.toUnsignedString(java.util.concurrent.ThreadLocalRandom.current().nextLong(), 36);
      try {
        return Files.createFile(dir.resolve("." + target.getFileName() + "." + suffix + ".cskit-tmp"));
      } catch (java.nio.file.FileAlreadyExistsException e) {
        if (attempt >= 100) {
          throw e;
        }
      }
    }
  }

  /** Moves every written file into place; nothing is moved when a target is found unwritable first. */
  public void commit() {
    for (Path target : staged.keySet()) {
      if (Files.isDirectory(target)) {
        throw DataException.of(target.toString(), "cannot be written: it is a directory", null);
      }
      if (Files.exists(target) && !Files.isWritable(target)) {
        throw DataException.of(target.toString(), "cannot be written: the file is read-only", null);
      }
    }
    List<Path> done = new ArrayList<>();
    for (Map.Entry<Path, Path> e : staged.entrySet()) {
      try {
        try {
          Files.move(e.getValue(), e.getKey(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException notAtomic) {
          Files.move(e.getValue(), e.getKey(), StandardCopyOption.REPLACE_EXISTING);
        }
        done.add(e.getKey());
      } catch (IOException ex) {
        throw failure(e.getKey(), e.getKey(), ex);
      }
    }
    committed = true;
    staged.clear();
  }

  /** Deletes the temporary files of a group that was not committed. */
  @Override
  public void close() {
    for (Path tmp : staged.values()) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // best effort: the temporary file's name says what it is
      }
    }
    staged.clear();
  }

  private static DataException failure(Path target, Path where, IOException e) {
    String why = e == null ? null : e.getMessage();
    String reason = e instanceof java.nio.file.AccessDeniedException ? "permission denied"
        : e instanceof java.nio.file.NoSuchFileException ? "its directory does not exist"
        : why == null ? e.getClass().getSimpleName() : why.replace(String.valueOf(where), "").replace(": ", "").trim();
    return new DataException(target.toString(), 0, null, "cannot be written (" + reason + ")", null, e);
  }
}
