package dev.cskit.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cskit.core.DataException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvInputTest {
  private static int readAll(Path file) {
    int rows = 0;
    try (CsvInput in = CsvInput.open(file)) {
      for (CsvInput.Row row : in) {
        rows++;
      }
    }
    return rows;
  }

  @Test
  void aFileThatIsNotUtf8NamesTheFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("latin1.csv");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write("account_id,name\na1,Caf".getBytes(StandardCharsets.US_ASCII));
    bytes.write(0xE9); // "é" in ISO-8859-1: not UTF-8
    bytes.write("\n".getBytes(StandardCharsets.US_ASCII));
    Files.write(file, bytes.toByteArray());
    DataException e = assertThrows(DataException.class, () -> readAll(file));
    assertEquals(file.toString(), e.source());
    assertEquals(file + ": the file must be UTF-8 text", e.getMessage());
  }

  @Test
  void aLongFileThatIsNotUtf8PastTheFirstBufferNamesTheFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("late.csv");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write("account_id,x\n".getBytes(StandardCharsets.US_ASCII));
    for (int i = 0; i < 20_000; i++) {
      bytes.write(("a" + i + ",1\n").getBytes(StandardCharsets.US_ASCII));
    }
    bytes.write(new byte[] {'b', (byte) 0xE9, ',', '1', '\n'});
    Files.write(file, bytes.toByteArray());
    DataException e = assertThrows(DataException.class, () -> readAll(file));
    assertEquals(file.toString(), e.source());
    assertEquals("the file must be UTF-8 text", e.rule());
  }
}
