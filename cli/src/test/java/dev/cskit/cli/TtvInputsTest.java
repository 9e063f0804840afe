package dev.cskit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Survival inputs as R codes them, rows without a group, and the readable Kaplan-Meier summary. */
class TtvInputsTest {
  static final String R_CODED = "time,status,g\n"
      + "1,2,a\n2,1,a\n3,2,a\n4,2,a\n5,1,a\n6,2,a\n2,2,b\n3,2,b\n5,1,b\n7,2,b\n8,1,b\n9,2,b\n4,2,NA\n6,1,\n";
  static final String RECODED = "time,status,g\n"
      + "1,1,a\n2,0,a\n3,1,a\n4,1,a\n5,0,a\n6,1,a\n2,1,b\n3,1,b\n5,0,b\n7,1,b\n8,0,b\n9,1,b\n";

  @Test
  void rCodingAndMissingGroupsGiveWhatRecodedDataGives(@TempDir Path dir) throws Exception {
    Path r = dir.resolve("r.csv");
    Files.writeString(r, R_CODED);
    Path plain = dir.resolve("plain.csv");
    Files.writeString(plain, RECODED);
    CliTestSupport coded = CliTestSupport.run("ttv", "km", "--input", r.toString(), "--group-column", "g",
        "--event-value", "2", "--format", "json");
    assertEquals(0, coded.code, coded.err);
    assertTrue(coded.err.contains("2 row(s) without a g dropped"), coded.err);
    CliTestSupport recoded = CliTestSupport.run("ttv", "km", "--input", plain.toString(), "--group-column", "g",
        "--format", "json");
    JsonNode a = coded.json();
    JsonNode b = recoded.json();
    assertEquals(2, a.get("droppedRows").asInt());
    assertEquals(0, b.get("droppedRows").asInt());
    assertEquals(b.get("groups"), a.get("groups"));
    assertEquals(b.get("logRank"), a.get("logRank"));
    assertEquals(2, a.get("groups").size(), "no group named NA");
  }

  @Test
  void strictCodesStillNameTheFlag(@TempDir Path dir) throws Exception {
    Path r = dir.resolve("r.csv");
    Files.writeString(r, R_CODED);
    CliTestSupport bad = CliTestSupport.run("ttv", "km", "--input", r.toString());
    assertEquals(Main.INVALID_INPUT, bad.code);
    assertTrue(bad.err.contains("--event-value 2"), bad.err);
  }

  @Test
  void churnValueMapsACompetingEvent(@TempDir Path dir) throws Exception {
    Path a = dir.resolve("a.csv");
    Files.writeString(a, "time,status\n1,value\n2,gone\n3,open\n4,value\n5,gone\n6,value\n");
    Path b = dir.resolve("b.csv");
    Files.writeString(b, "time,status\n1,1\n2,2\n3,0\n4,1\n5,2\n6,1\n");
    CliTestSupport named = CliTestSupport.run("ttv", "cif", "--input", a.toString(), "--event-value", "value",
        "--churn-value", "gone");
    CliTestSupport coded = CliTestSupport.run("ttv", "cif", "--input", b.toString());
    assertEquals(0, named.code, named.err);
    assertEquals(coded.json().get("groups"), named.json().get("groups"));
  }

  @Test
  void theTableIsASummaryWithPetoPetoAndFullPrintsEveryRow(@TempDir Path dir) throws Exception {
    Path plain = dir.resolve("plain.csv");
    Files.writeString(plain, RECODED);
    CliTestSupport summary = CliTestSupport.run("ttv", "km", "--input", plain.toString(), "--group-column", "g",
        "--format", "table");
    assertEquals(0, summary.code, summary.err);
    assertTrue(summary.out.contains("Peto-Peto"), summary.out);
    assertTrue(summary.out.contains("--full"), summary.out);
    assertTrue(summary.out.contains("reached value"), summary.out);
    assertFalse(summary.out.contains("std err  lower"), summary.out);
    CliTestSupport full = CliTestSupport.run("ttv", "km", "--input", plain.toString(), "--group-column", "g",
        "--format", "table", "--full");
    assertTrue(full.out.contains("at risk"), full.out);
    assertTrue(full.out.split("\n").length > summary.out.split("\n").length - 10, full.out);
  }
}
