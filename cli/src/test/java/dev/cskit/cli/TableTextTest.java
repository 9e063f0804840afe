package dev.cskit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --format table}: one precision per column, chosen for what it holds, never one row at 0.5 and the next
 * at 0.4873 (CSV and JSON keep full precision).
 */
class TableTextTest {
  @Test
  void aDocumentsRecordColumnsHaveOnePrecision() {
    List<Map<String, Object>> rows = List.of(
        Map.of("name", "a", "contacts", 1200.0, "cumulativeRate", 0.15, "cost", 24.0, "n", 3),
        Map.of("name", "b", "contacts", 887.4, "cumulativeRate", 0.26049, "cost", 20.4, "n", 4),
        Map.of("name", "c", "contacts", 838.59, "cumulativeRate", 0.3681, "cost", 1024.0, "n", 5));
    assertEquals(null, Output.columnFormat("n", rows));
    assertEquals(null, Output.columnFormat("name", rows));
    assertEquals("1200.0", Output.columnFormat("contacts", rows).apply(1200.0));
    assertEquals("838.6", Output.columnFormat("contacts", rows).apply(838.59));
    assertEquals("26.0%", Output.columnFormat("cumulativeRate", rows).apply(0.26049));
    assertEquals("20.4", Output.columnFormat("cost", rows).apply(20.4));
    assertEquals("24.0", Output.columnFormat("cost", rows).apply(24.0));
  }

  @Test
  void aValueThatIsNotZeroNeverPrintsAsZero() {
    List<Map<String, Object>> rows = List.of(
        Map.of("stdErr", 0.25, "pValue", 3.2e-6, "churnRate", 0.0001, "cost", 1500.5, "gap", 0.5),
        Map.of("stdErr", 0.00002, "pValue", 0.5, "churnRate", 0.2, "cost", 0.04, "gap", 0.0));
    assertEquals(null, Output.columnFormat("stdErr", rows));
    assertEquals(null, Output.columnFormat("pValue", rows));
    assertEquals(null, Output.columnFormat("churnRate", rows));
    assertEquals(null, Output.columnFormat("cost", rows));
    // zero itself is no reason to give up the column's precision
    assertEquals("0.50", Output.columnFormat("gap", List.of(Map.of("gap", 1.5), Map.of("gap", 0.0))).apply(0.5));
    String text = Output.text(Map.of("rows", rows));
    assertTrue(text.contains("3.20e-06"), text);
    assertTrue(text.contains("2.00e-05"), text);
  }

  @Test
  void theSurveyPlansWavesPrintOnePrecisionPerColumn() {
    String plan = Path.of("..", "survey", "src", "main", "resources", "dev", "cskit", "survey",
        "escalation-plan-example.yaml").toString();
    CliTestSupport t = CliTestSupport.run("survey", "plan", "--plan", plan, "--format", "table");
    assertEquals(0, t.code, t.err);
    JsonNode j = CliTestSupport.run("survey", "plan", "--plan", plan, "--format", "json").json();
    String[] lines = t.out.split("\n");
    int header = 0;
    while (!lines[header].startsWith("name ")) {
      header++;
    }
    JsonNode waves = j.get("waves");
    int[] decimals = {-1, -1, -1, -1, -1, -1};
    for (int i = 0; i < waves.size(); i++) {
      JsonNode w = waves.get(i);
      String[] cells = lines[header + 2 + i].trim().split(" +");
      assertEquals(w.get("name").asText(), cells[0]);
      // the cumulative rate in percent, to 1 decimal
      assertEquals(String.format(Locale.ROOT, "%.1f%%", w.get("cumulativeRate").asDouble() * 100), cells[4]);
      // contacts, responses and cost: each column one count of decimals on every row, the JSON value rounded
      for (int c : new int[] {2, 3, 5}) {
        int d = cells[c].length() - cells[c].indexOf('.') - 1;
        assertTrue(cells[c].contains(".") && (decimals[c] < 0 || decimals[c] == d), t.out);
        decimals[c] = d;
        String key = c == 2 ? "contacts" : c == 3 ? "responses" : "cost";
        assertEquals(w.get(key).asDouble(), Double.parseDouble(cells[c]), Math.pow(10, -d) / 2 + 1e-9, t.out);
      }
    }
  }

  @Test
  void theStalledAccountsDaysHaveOnePrecision(@TempDir Path dir) throws Exception {
    assertEquals(0, CliTestSupport.run("sample", "--out", dir.toString(), "--accounts", "200").code);
    CliTestSupport durations = CliTestSupport.run("ttv", "from-events", "--events",
        dir.resolve("milestones.csv").toString(), "--start", "contract_signed", "--value", "first_value", "--churn",
        "churned", "--as-of", "2026-06-30");
    assertEquals(0, durations.code, durations.err);
    Path d = dir.resolve("durations.csv");
    Files.writeString(d, durations.out);
    CliTestSupport t = CliTestSupport.run("ttv", "checkin", "--input", d.toString(), "--window", "7",
        "--threshold", "0.1", "--format", "table");
    assertEquals(0, t.code, t.err);
    String stalled = t.out.substring(t.out.indexOf("\nstalled\n") + 9);
    String[] lines = stalled.split("\n");
    assertTrue(lines.length > 3, t.out);
    for (int i = 2; i < lines.length; i++) {
      String[] cells = lines[i].trim().split(" +");
      assertTrue(cells[1].matches("\\d+\\.\\d"), lines[i]); // days since start, 1 decimal on every row
    }
  }
}
