package dev.cskit.cli;

import static dev.cskit.cli.CliTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cskit.core.Accounts;
import dev.cskit.sample.SamplePortfolio;
import dev.cskit.sample.SampleRoster;
import dev.cskit.touchmodel.trial.ArmComparison;
import dev.cskit.touchmodel.trial.TrialPlan;
import dev.cskit.touchmodel.trial.Trials;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cskit touch books} and {@code cskit touch trial plan|assign|analyse}. */
class TouchCommandTest {
  @TempDir static Path dir;
  static Path accounts;
  static Path roster;
  static Path trial;

  @BeforeAll
  static void sample() throws Exception {
    SamplePortfolio p = SamplePortfolio.generate(1000, SamplePortfolio.DEFAULT_SEED);
    accounts = dir.resolve("accounts.csv");
    Accounts.writeCsv(p.accounts(), accounts);
    roster = dir.resolve("roster.csv");
    try (Writer w = Files.newBufferedWriter(roster)) {
      SampleRoster.writeCsv(w);
    }
    trial = dir.resolve("trial.csv");
    try (Writer w = Files.newBufferedWriter(trial)) {
      SampleRoster.writeTrialCsv(p, w);
    }
  }

  @Test
  void planOfTheIssue() {
    CliTestSupport r = run("touch", "trial", "plan", "--baseline", "0.10", "--target", "0.15", "--power", "0.8",
        "--alpha", "0.05", "--pace", "100", "--format", "json");
    assertEquals(0, r.code, r.err);
    JsonNode j = r.json();
    TrialPlan p = Trials.plan(0.10, 0.15, 0.8, 0.05, 100, false);
    assertEquals(p.nPerArm(), j.get("nPerArm").asDouble());
    assertEquals(686, j.get("accountsPerArm").asLong());
    assertEquals(1372, j.get("totalAccounts").asLong());
    assertEquals(14, j.get("months").asLong());
    // --confidence, the spelling every command uses, is 1 - alpha; --alpha stays as its old name
    CliTestSupport conf = run("touch", "trial", "plan", "--baseline", "0.10", "--target", "0.15", "--power", "0.8",
        "--confidence", "0.95", "--pace", "100", "--format", "json");
    assertEquals(r.out, conf.out);
    assertEquals(0.05, conf.json().get("alpha").asDouble(), 0);
    CliTestSupport ninety = run("touch", "trial", "plan", "--baseline", "0.10", "--target", "0.15",
        "--confidence", "0.9", "--format", "json");
    assertEquals(Trials.plan(0.10, 0.15, 0.8, 0.1, Double.NaN, false).nPerArm(),
        ninety.json().get("nPerArm").asDouble());
    CliTestSupport t = run("touch", "trial", "plan", "--baseline", "0.10", "--target", "0.15", "--pace", "100");
    assertTrue(t.out.contains("686 accounts per arm") && t.out.contains("14 months"), t.out);
    CliTestSupport c = run("touch", "trial", "plan", "--baseline", "0.10", "--target", "0.15", "--format", "csv");
    assertTrue(c.out.startsWith("baseline,target,power,alpha,strict,n_per_arm,accounts_per_arm"), c.out);
  }

  @Test
  void badFlagValuesExitTwoNamingTheFlag() {
    CliTestSupport r = run("touch", "trial", "plan", "--baseline", "1.5", "--target", "0.15");
    assertEquals(2, r.code);
    assertTrue(r.err.startsWith("cskit: --baseline must be a rate in (0, 1)"), r.err);
    CliTestSupport a = run("touch", "trial", "analyse", "--play-conversions", "15", "--play-accounts", "100");
    assertEquals(2, a.code, a.err);
    CliTestSupport both = run("touch", "trial", "analyse", "--play-conversions", "15", "--play-accounts", "100",
        "--control-conversions", "8", "--control-accounts", "100", "--outcomes", trial.toString());
    assertEquals(2, both.code);
    CliTestSupport prior = run("touch", "trial", "analyse", "--play-conversions", "1", "--play-accounts", "10",
        "--control-conversions", "1", "--control-accounts", "10", "--prior-alpha", "0.5");
    assertEquals(2, prior.code);
    assertTrue(prior.err.contains("--prior-alpha"), prior.err);
  }

  @Test
  void analyseCountsOfTheIssue() {
    CliTestSupport r = run("touch", "trial", "analyse", "--play-conversions", "15", "--play-accounts", "100",
        "--control-conversions", "8", "--control-accounts", "100", "--format", "json");
    assertEquals(0, r.code, r.err);
    ArmComparison c = Trials.analyse(15, 100, 8, 100).overall();
    JsonNode o = r.json().get("overall");
    assertEquals(c.fisherP(), o.get("fisherP").asDouble());
    assertEquals(c.differenceLower(), o.get("differenceLower").asDouble());
    assertEquals(c.differenceUpper(), o.get("differenceUpper").asDouble());
    assertEquals(c.oddsRatio(), o.get("oddsRatio").asDouble());
    assertEquals(c.probabilityPlayBetter(), o.get("probabilityPlayBetter").asDouble());
    assertEquals(0, r.json().get("warnings").size());
    CliTestSupport csv = run("touch", "trial", "analyse", "--play-conversions", "15", "--play-accounts", "100",
        "--control-conversions", "8", "--control-accounts", "100", "--format", "csv");
    assertTrue(csv.out.split("\n")[1].startsWith("all,15,100,8,100,0.15,"), csv.out);
  }

  @Test
  void analyseOutcomesWithSmallCountsWarns() throws Exception {
    Path f = dir.resolve("outcomes.csv");
    StringBuilder sb = new StringBuilder("account_id,arm,converted,tier,band\n");
    for (int i = 0; i < 60; i++) {
      sb.append("A").append(i).append(',').append(i % 2 == 0 ? "play" : "control").append(',')
          .append(i % 7 == 0 ? 1 : 0).append(',').append(i < 50 ? "low" : "high").append(",green\n");
    }
    Files.writeString(f, sb.toString());
    CliTestSupport r = run("touch", "trial", "analyse", "--outcomes", f.toString(), "--format", "json");
    assertEquals(0, r.code, r.err);
    JsonNode j = r.json();
    assertEquals(30, j.get("overall").get("playAccounts").asInt());
    assertEquals(3, j.get("strata").size());
    assertTrue(j.get("warnings").size() > 0);
    assertTrue(r.err.contains("cskit: warning: tier=high"), r.err);
    CliTestSupport sample = run("touch", "trial", "analyse", "--outcomes", trial.toString());
    assertEquals(0, sample.code, sample.err);
    CliTestSupport joined = run("touch", "trial", "analyse", "--outcomes", trial.toString(), "--accounts",
        accounts.toString(), "--as-of", "2026-06-30", "--format", "json");
    assertEquals(0, joined.code, joined.err);
    assertEquals(200, joined.json().get("overall").get("playAccounts").asInt()
        + joined.json().get("overall").get("controlAccounts").asInt());
    assertTrue(joined.json().get("strata").get(0).get("group").asText().startsWith("tier="), joined.out);
    Files.writeString(f, "account_id,arm,converted\nA,play,maybe\n");
    CliTestSupport bad = run("touch", "trial", "analyse", "--outcomes", f.toString());
    assertEquals(3, bad.code);
    assertTrue(bad.err.contains("row 2, column \"converted\""), bad.err);
  }

  @Test
  void assignIsSeededStratifiedAndWrittenAtomically() throws Exception {
    String[] args = {"touch", "trial", "assign", "--accounts", accounts.toString(), "--as-of", "2026-06-30",
        "--tiers", "low,high", "--stratify", "tier", "--seed", "7", "--format", "csv"};
    CliTestSupport a = run(args);
    assertEquals(0, a.code, a.err);
    assertEquals(a.out, run(args).out);
    String[] lines = a.out.split("\n");
    assertEquals("account_id,stratum,arm", lines[0]);
    int play = 0;
    for (int i = 1; i < lines.length; i++) {
      assertFalse(lines[i].contains(",tech,"));
      play += lines[i].endsWith(",play") ? 1 : 0;
    }
    assertTrue(Math.abs(play - (lines.length - 1 - play)) <= 2, a.out);
    args[args.length - 3] = "8";
    assertNotEquals(a.out, run(args).out);
    Path out = dir.resolve("assigned.csv");
    CliTestSupport w = run("touch", "trial", "assign", "--accounts", accounts.toString(), "--as-of", "2026-06-30",
        "--stratify", "band", "--seed", "7", "--out", out.toString());
    assertEquals(0, w.code, w.err);
    assertEquals(1001, Files.readAllLines(out).size());
    CliTestSupport bad = run("touch", "trial", "assign", "--accounts", accounts.toString(), "--stratify", "colour",
        "--seed", "1");
    assertEquals(2, bad.code);
  }

  @Test
  void booksOnTheSampleThenAMonthLater() throws Exception {
    CliTestSupport r = run("touch", "books", "--roster", roster.toString(), "--accounts", accounts.toString(),
        "--as-of", "2026-06-30", "--format", "json");
    assertEquals(0, r.code, r.err);
    JsonNode j = r.json();
    assertEquals(12, j.get("managers").size());
    for (JsonNode m : j.get("managers")) {
      assertTrue(m.get("hours").asDouble() <= m.get("capacityHours").asDouble() + 1e-9, m.toString());
      assertTrue(m.get("accounts").asInt() <= m.get("maxAccounts").asInt(), m.toString());
    }
    CliTestSupport csv = run("touch", "books", "--roster", roster.toString(), "--accounts", accounts.toString(),
        "--as-of", "2026-06-30", "--format", "csv");
    Path previous = dir.resolve("books.csv");
    Files.writeString(previous, csv.out);
    Path roster2 = dir.resolve("roster2.csv");
    Files.writeString(roster2, Files.readString(roster).replace("M02,high,120", "M02,high,80"));
    CliTestSupport next = run("touch", "books", "--roster", roster2.toString(), "--accounts", accounts.toString(),
        "--previous", previous.toString(), "--as-of", "2026-07-31", "--format", "json");
    assertEquals(0, next.code, next.err);
    JsonNode cont = next.json().get("continuity");
    assertTrue(cont.get("share").asDouble() >= 0.9, cont.toString());
    assertTrue(cont.get("staying").asInt() > 250, cont.toString());
    CliTestSupport table = run("touch", "books", "--roster", roster2.toString(), "--accounts", accounts.toString(),
        "--previous", previous.toString(), "--as-of", "2026-07-31");
    assertTrue(table.out.contains("M12") && table.out.contains("continuity:") && table.out.contains("Moves:"),
        table.out);
  }

  @Test
  void theDateOfARunIsNeverToday() throws Exception {
    for (String[] cmd : List.of(
        new String[] {"touch", "books", "--roster", roster.toString(), "--accounts", accounts.toString()},
        new String[] {"touch", "trial", "assign", "--accounts", accounts.toString(), "--seed", "7"})) {
      CliTestSupport r = run(cmd);
      assertEquals(2, r.code, String.join(" ", cmd) + ": " + r.err);
      assertTrue(r.err.contains("--as-of") && r.err.contains("never from today"), r.err);
      assertEquals("", r.out);
    }
    // a scores file with an as_of column gives the date
    Path scores = dir.resolve("scores-dated.csv");
    Files.writeString(scores, "account_id,score,band,as_of\n" + Files.readAllLines(accounts).stream().skip(1)
        .map(l -> l.split(",")[0] + ",55,yellow,2026-06-30").collect(java.util.stream.Collectors.joining("\n")) + "\n");
    CliTestSupport dated = run("touch", "books", "--roster", roster.toString(), "--accounts", accounts.toString(),
        "--scores", scores.toString(), "--format", "json");
    CliTestSupport explicit = run("touch", "books", "--roster", roster.toString(), "--accounts", accounts.toString(),
        "--scores", scores.toString(), "--as-of", "2026-06-30", "--format", "json");
    assertEquals(0, dated.code, dated.err);
    assertEquals(explicit.out, dated.out);
  }

  @Test
  void infeasibleRosterExitsThreeSayingWhatIsShort() throws Exception {
    Path small = dir.resolve("small.csv");
    Files.writeString(small, "manager_id,tier,hours,max_accounts\nH1,high,100,15\nL1,low,400,300\n");
    CliTestSupport r = run("touch", "books", "--roster", small.toString(), "--accounts", accounts.toString(),
        "--as-of", "2026-06-30");
    assertEquals(3, r.code, r.out);
    assertTrue(r.err.startsWith("cskit: tier high: needs 464 h a month but its managers have 100 h: short 364 h"),
        r.err);
    assertEquals("", r.out);
  }

  @Test
  void sampleWritesRosterAndTrial() throws Exception {
    Path out = dir.resolve("sample");
    CliTestSupport r = run("sample", "--out", out.toString());
    assertEquals(0, r.code, r.err);
    assertEquals(13, Files.readAllLines(out.resolve("roster.csv")).size());
    assertEquals(201, Files.readAllLines(out.resolve("trial.csv")).size());
  }
}
