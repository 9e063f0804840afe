package dev.cskit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoreCommandsTest {
  @Test
  void versionAndHelp() {
    CliTestSupport v = CliTestSupport.run("--version");
    assertEquals(0, v.code);
    assertTrue(v.out.startsWith("cskit 0."), v.out);
    CliTestSupport none = CliTestSupport.run();
    assertEquals(2, none.code);
  }

  @Test
  void demoJsonDescribesThePortfolio() {
    CliTestSupport r = CliTestSupport.run("demo", "--accounts", "200", "--seed", "7", "--json");
    assertEquals(0, r.code, r.err);
    JsonNode p = r.json().get("portfolio");
    assertEquals(200, p.get("accounts").asInt());
    assertEquals(7, p.get("seed").asLong());
    int sum = 0;
    for (JsonNode s : p.get("segments")) {
      sum += s.get("accounts").asInt();
    }
    assertEquals(200, sum);
    assertTrue(p.get("usage").get("events30d").asDouble() > 0);
  }

  @Test
  void demoIsDeterministic() {
    assertEquals(CliTestSupport.run("demo", "--accounts", "50", "--json").out,
        CliTestSupport.run("demo", "--accounts", "50", "--json").out);
  }

  @Test
  void badFlagsExitTwo() {
    CliTestSupport r = CliTestSupport.run("demo", "--accounts", "many");
    assertEquals(2, r.code);
    assertTrue(r.err.startsWith("cskit: Invalid value for option '--accounts'"), r.err);
    assertEquals(2, CliTestSupport.run("nonsense").code);
  }

  /** The library checks the range of a flag's value; its failure is a usage error naming the flag. */
  @Test
  void outOfRangeFlagsExitTwoNamingTheFlag(@TempDir Path dir) throws Exception {
    CliTestSupport demo = CliTestSupport.run("demo", "--accounts", "0");
    assertEquals(2, demo.code);
    assertEquals("cskit: --accounts must be between 1 and 10000000, found 0\n"
        + "Try 'cskit demo --help' for more information.\n", demo.err);
    CliTestSupport sample = CliTestSupport.run("sample", "--accounts", "10000001", "--out", dir.toString());
    assertEquals(2, sample.code);
    assertTrue(sample.err.startsWith("cskit: --accounts must be between 1 and 10000000, found 10000001"), sample.err);

    // checked before the (missing) files are read
    CliTestSupport usage = CliTestSupport.run("usage", "--accounts", dir.resolve("none.csv").toString(),
        "--events", dir.resolve("none.csv").toString(), "--as-of", "2026-06-30", "--windows", "14,0");
    assertEquals(2, usage.code);
    assertEquals("cskit: --windows must be 1 to 366 days, found 0\n"
        + "Try 'cskit usage --help' for more information.\n", usage.err);
    assertEquals(2, CliTestSupport.run("usage", "--accounts", "a.csv", "--events", "e.csv", "--as-of", "2026-06-30",
        "--windows", "367").code);
  }

  @Test
  void sampleFilesFeedTheUsageCommand(@TempDir Path dir) throws Exception {
    CliTestSupport s = CliTestSupport.run("sample", "--accounts", "30", "--out", dir.toString());
    assertEquals(0, s.code, s.err);
    for (String f : new String[] {"accounts.csv", "events.csv", "metrics.csv", "milestones.csv", "survey.csv", "outcomes.csv"}) {
      assertTrue(Files.size(dir.resolve(f)) > 0, f);
    }
    CliTestSupport u = CliTestSupport.run("usage", "--accounts", dir.resolve("accounts.csv").toString(),
        "--events", dir.resolve("events.csv").toString(), "--as-of", "2026-06-30", "--format", "csv");
    assertEquals(0, u.code, u.err);
    // the same aggregation the sample portfolio itself computes
    String expected = dev.cskit.sample.SamplePortfolio.generate(30, 42).usage().toCsv();
    assertEquals(expected, u.out);
  }

  @Test
  void sampleIntoAFileExitsThreeWithOneLine(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("taken");
    Files.writeString(file, "x");
    CliTestSupport r = CliTestSupport.run("sample", "--accounts", "5", "--out", file.toString());
    assertEquals(3, r.code);
    assertEquals("cskit: " + file + ": --out must be a directory; found a file\n", r.err);
    assertEquals("x", Files.readString(file));
  }

  @Test
  void badDataExitsThreeWithOneLine(@TempDir Path dir) throws Exception {
    Path accounts = dir.resolve("accounts.csv");
    Files.writeString(accounts, "account_id,arr,seats\na1,100,-2\n");
    Path events = dir.resolve("events.csv");
    Files.writeString(events, "account_id,user_id,event_type,timestamp\n");
    CliTestSupport r = CliTestSupport.run("usage", "--accounts", accounts.toString(), "--events", events.toString(),
        "--as-of", "2026-06-30");
    assertEquals(3, r.code);
    assertEquals("cskit: " + accounts + ", row 2, column \"seats\": must be a whole number >= 0; found -2\n", r.err);
  }
}
