package dev.cskit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cskit init} and {@code cskit run}: the quick start, end to end, and its exit codes. */
class RunCommandTest {
  @Test
  void initThenABackfillNamesMoversTiersSurveyAndValidation(@TempDir Path dir) throws Exception {
    Path project = dir.resolve("demo-project");
    CliTestSupport init = CliTestSupport.run("init", project.toString(), "--accounts", "80", "--seed", "3");
    assertEquals(0, init.code, init.err);
    assertTrue(init.out.contains("wrote a cskit project"), init.out);
    CliTestSupport run = CliTestSupport.run("run", "--project", project.resolve("cskit.yaml").toString(),
        "--from", "2026-01-31", "--to", "2026-06-30", "--every", "month");
    assertEquals(0, run.code, run.err);
    assertTrue(run.out.contains("Run as of 2026-06-30"), run.out);
    assertTrue(run.out.contains("previous snapshot 2026-05-31"), run.out);
    assertTrue(run.out.contains("Accounts that moved"), run.out);
    assertTrue(run.out.contains("measures that moved it"), run.out);
    assertTrue(run.out.contains("Tier changes"), run.out);
    assertTrue(run.out.contains("Survey:"), run.out);
    assertTrue(run.out.contains("Validation against outcomes:"), run.out);
    assertTrue(run.out.contains("horizon 90 days"), run.out);
    CliTestSupport json = CliTestSupport.run("run", "--project", project.resolve("cskit.yaml").toString(),
        "--as-of", "2026-06-30", "--format", "json");
    assertEquals(0, json.code, json.err);
    assertEquals("2026-06-30", json.json().get("asOf").asText());
    assertTrue(json.json().get("warnings").isArray());
    assertEquals(project.resolve("runs/2026-06-30").toAbsolutePath().normalize().toString(),
        json.json().get("output").asText());
    for (String d : new String[] {"2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30", "2026-05-31", "2026-06-30"}) {
      assertTrue(Files.isRegularFile(project.resolve("runs").resolve(d).resolve("summary.json")), d);
      assertTrue(Files.isRegularFile(project.resolve("runs").resolve(d).resolve("report.html")), d);
      assertTrue(Files.isRegularFile(project.resolve("runs").resolve(d).resolve("retention.csv")), d);
    }
    assertTrue(run.out.contains("Revenue retention, MRR bridge"), run.out);
    assertTrue(json.json().get("retention").get("bridge").isArray(), json.out);

    // cskit report: the stored run at or before a date
    Path html = dir.resolve("out/report.html");
    CliTestSupport report = CliTestSupport.run("report", "--project", project.resolve("cskit.yaml").toString(),
        "--as-of", "2026-04-15", "--out", html.toString());
    assertEquals(0, report.code, report.err);
    assertTrue(report.out.contains("run of 2026-03-31"), report.out);
    assertEquals(Files.readString(project.resolve("runs/2026-03-31/report.html")), Files.readString(html));
    CliTestSupport none = CliTestSupport.run("report", "--project", project.resolve("cskit.yaml").toString(),
        "--as-of", "2025-01-01", "--out", dir.resolve("none.html").toString());
    assertTrue(none.code != 0 && none.err.contains("2025-01-01"), none.err);
    assertFalse(Files.exists(dir.resolve("none.html")));
    assertEquals(2, CliTestSupport.run("report", "--project", project.resolve("cskit.yaml").toString()).code,
        "--out is required");
  }

  @Test
  void badFlagsExit2AndBadInputExits3WritingNothing(@TempDir Path dir) throws Exception {
    Path project = dir.resolve("p");
    assertEquals(0, CliTestSupport.run("init", project.toString(), "--accounts", "40").code);
    String file = project.resolve("cskit.yaml").toString();
    CliTestSupport both = CliTestSupport.run("run", "--project", file, "--as-of", "2026-06-30", "--from", "2026-01-31");
    assertEquals(2, both.code);
    CliTestSupport every = CliTestSupport.run("run", "--project", file, "--from", "2026-01-31", "--to", "2026-02-28",
        "--every", "fortnight");
    assertEquals(2, every.code);
    assertTrue(every.err.contains("--every must be month or week"), every.err);
    Files.writeString(project.resolve("data/milestones.csv"), "account_id,event_type,timestamp\nA00001,x,soon\n");
    CliTestSupport bad = CliTestSupport.run("run", "--project", file, "--as-of", "2026-06-30");
    assertEquals(3, bad.code, bad.out + bad.err);
    assertTrue(bad.err.contains("milestones.csv"), bad.err);
    assertTrue(bad.err.contains("timestamp"), bad.err);
    assertFalse(bad.err.contains("\tat "), "no stack trace");
    assertFalse(Files.exists(project.resolve("runs/2026-06-30")));
    CliTestSupport again = CliTestSupport.run("init", project.toString());
    assertEquals(3, again.code, "init refuses a folder with files");
  }
}
