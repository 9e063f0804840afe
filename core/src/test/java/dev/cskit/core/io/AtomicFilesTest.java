package dev.cskit.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cskit.core.DataException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir Path dir;

  @Test
  void writesEveryFileOnCommitAndLeavesNoTemporaryFile() throws IOException {
    try (AtomicFiles files = AtomicFiles.create()) {
      files.write(dir.resolve("a.csv"), w -> w.write("x\n"));
      files.write(dir.resolve("b.csv"), w -> w.write("y\n"));
      assertFalse(Files.exists(dir.resolve("a.csv")), "nothing is in place before the commit");
      files.commit();
    }
    assertEquals("x\n", Files.readString(dir.resolve("a.csv")));
    assertEquals("y\n", Files.readString(dir.resolve("b.csv")));
    assertEquals(List.of("a.csv", "b.csv"), names());
  }

  @Test
  void aFailingFileLeavesEveryTargetUnchanged() throws IOException {
    Files.writeString(dir.resolve("a.csv"), "old\n");
    try (AtomicFiles files = AtomicFiles.create()) {
      files.write(dir.resolve("a.csv"), w -> w.write("new\n"));
      assertThrows(DataException.class, () -> files.write(dir.resolve("b.csv"), w -> {
        throw new IOException("disk full");
      }));
    }
    assertEquals("old\n", Files.readString(dir.resolve("a.csv")));
    assertEquals(List.of("a.csv"), names(), "no temporary file and no b.csv");
  }

  @Test
  void aDirectoryTargetIsRefusedByName() throws IOException {
    Files.createDirectory(dir.resolve("out.csv"));
    DataException e = assertThrows(DataException.class, () -> AtomicFiles.writeString(dir.resolve("out.csv"), "x"));
    assertTrue(e.getMessage().contains("out.csv") && e.getMessage().contains("is a directory"), e.getMessage());
  }

  @Test
  void writeStringReturnsTheUtf8Bytes() throws IOException {
    assertEquals(2 + 3, AtomicFiles.writeString(dir.resolve("u.txt"), "é€"), "é is 2 bytes, € 3");
    assertEquals("é€", Files.readString(dir.resolve("u.txt")));
  }

  /** A written file has the permissions any new file gets here (the umask), not a temporary file's private ones. */
  @Test
  void writtenFilesHaveTheUmasksPermissionsNotPrivateOnes() throws IOException {
    Assumptions.assumeTrue(Files.getFileStore(dir).supportsFileAttributeView("posix"), "no POSIX permissions here");
    Set<PosixFilePermission> usual = Files.getPosixFilePermissions(Files.createFile(dir.resolve("plain.txt")));
    AtomicFiles.writeString(dir.resolve("written.txt"), "x");
    assertEquals(usual, Files.getPosixFilePermissions(dir.resolve("written.txt")));
  }

  private List<String> names() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
