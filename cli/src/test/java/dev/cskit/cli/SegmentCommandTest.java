package dev.cskit.cli;

import static dev.cskit.cli.CliTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentCommandTest {
  @TempDir Path dir;

  private static final String MODEL = "version: 1\n"
      + "tiers:\n"
      + "  - {name: tech, hoursPerAccountMonth: 0, capacity: {unlimited: true}}\n"
      + "  - {name: low, hoursPerAccountMonth: 1, capacity: {hours: 100}}\n"
      + "  - {name: high, hoursPerAccountMonth: 10, capacity: {managers: 3, hoursPerManager: 10}}\n"
      + "rules:\n"
      + "  - {name: risky, tier: high, when: [{field: band, in: [red]}, {field: arr, min: 50000}]}\n"
      + "  - {name: big, tier: high, when: [{field: arr, min: 100000, exitMin: 90000}]}\n"
      + "  - {name: mid, tier: low, when: [{field: arr, min: 20000}]}\n"
      + "  - {name: rest, tier: tech}\n"
      + "pins: [{account: P, tier: high, until: 2030-01-01, reason: strategic}]\n";

  private static final String ACCOUNTS = "account_id,name,arr,seats,renewal_date,stage,segment\n"
      + "A,Alpha,150000,40,2027-03-01,adoption,enterprise\n"
      + "B,Beta,95000,20,2027-03-01,adoption,mid\n"
      + "C,Gamma,60000,10,2027-03-01,adoption,mid\n"
      + "D,Delta,25000,5,2027-03-01,adoption,smb\n"
      + "E,Epsilon,3000,2,2027-03-01,onboarding,smb\n"
      + "P,Pinned,1000,1,2027-03-01,adoption,smb\n";

  private Path write(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  @Test
  void segmentJson() throws Exception {
    Path model = write("model.yaml", MODEL);
    Path accounts = write("accounts.csv", ACCOUNTS);
    Path scores = write("scores.csv", "account_id,score,band\nA,80,green\nB,70,yellow\nC,20,red\nD,55,yellow\n");
    Path previous = write("previous.csv", "account_id,tier,since\nB,high,2025-01-01\nD,tech,2025-01-01\n");
    CliTestSupport r = run("segment", "--model", model.toString(), "--accounts", accounts.toString(), "--scores",
        scores.toString(), "--previous", previous.toString(), "--as-of", "2026-06-30", "--format", "json");
    assertEquals(0, r.code, r.err);
    JsonNode j = r.json();
    JsonNode acc = j.get("accounts");
    assertEquals(6, acc.size());
    // A: big; B: stays high on the exit threshold (95k >= 90k); C: risky (red, >= 50k); D: tech -> low;
    // E: tech; P: pinned. High holds 3 x 10 h / 10 h = 3 accounts: A (150k), B (95k) and C (60k) compete
    // with pinned P: P stays, then the two largest LTVs, A and B; C spills to low.
    assertAccount(acc.get(0), "A", "high", null, false);
    assertAccount(acc.get(1), "B", "high", "high", false);
    assertAccount(acc.get(2), "C", "low", null, false);
    assertAccount(acc.get(3), "D", "low", "tech", true);
    // since: kept while the tier stays (B, high since 2025-01-01), the run's date on entering one (D, A)
    assertEquals("2025-01-01", acc.get(1).get("since").asText());
    assertEquals("2026-06-30", acc.get(3).get("since").asText());
    assertEquals("2026-06-30", acc.get(0).get("since").asText());
    assertAccount(acc.get(4), "E", "tech", null, false);
    assertAccount(acc.get(5), "P", "high", null, false);
    assertTrue(acc.get(1).get("reason").asText().contains("within the exit threshold"), acc.get(1).toString());
    assertTrue(acc.get(2).get("reason").asText().startsWith("capacity spill"), acc.get(2).toString());
    assertEquals("pin: strategic (until 2030-01-01)", acc.get(5).get("reason").asText());
    // playbook: A is a green high-touch adoption account: the generic high-touch action
    assertEquals("quarterly business review", acc.get(0).get("action").asText());
    // C spilled to low and is red: the pooled team phones it
    assertEquals("phone call from the pooled team", acc.get(2).get("action").asText());
    assertEquals("arr", acc.get(3).get("boundary").get("field").asText());
    assertEquals(5000, acc.get(3).get("boundary").get("distance").asDouble(), 0);
    JsonNode tiers = j.get("tiers");
    assertEquals(3, tiers.size());
    JsonNode high = tiers.get(2);
    assertEquals("high", high.get("tier").asText());
    assertEquals(3, high.get("accounts").asInt());
    assertEquals(30, high.get("hoursNeeded").asDouble(), 0);
    assertEquals(30, high.get("hoursAvailable").asDouble(), 0);
    assertEquals(150_000 + 95_000 + 1_000, high.get("arr").asDouble(), 0);
    assertTrue(tiers.get(0).get("hoursAvailable").isNull());
    assertEquals(3000, tiers.get(0).get("arr").asDouble(), 0);
    for (String k : new String[] {"tier", "accounts", "arr", "hoursNeeded", "hoursAvailable"}) {
      assertTrue(high.has(k), k);
    }
  }

  private static void assertAccount(JsonNode a, String id, String tier, String previous, boolean changed) {
    assertEquals(id, a.get("accountId").asText(), a.toString());
    assertEquals(tier, a.get("tier").asText(), a.toString());
    if (previous == null) {
      assertTrue(a.get("previousTier").isNull(), a.toString());
    } else {
      assertEquals(previous, a.get("previousTier").asText(), a.toString());
    }
    assertEquals(changed, a.get("changed").asBoolean(), a.toString());
    assertTrue(a.has("reason"));
  }

  @Test
  void segmentCsvAndTable() throws Exception {
    Path model = write("model.yaml", MODEL);
    Path accounts = write("accounts.csv", ACCOUNTS);
    CliTestSupport csv = run("segment", "--model", model.toString(), "--accounts", accounts.toString(), "--as-of",
        "2026-06-30", "--format", "csv");
    assertEquals(0, csv.code, csv.err);
    assertTrue(csv.out.startsWith("account_id,tier,reason,previous_tier,changed"), csv.out);
    assertEquals(7, csv.out.trim().split("\n").length);
    CliTestSupport table = run("segment", "--model", model.toString(), "--accounts", accounts.toString(), "--as-of",
        "2026-06-30");
    assertEquals(0, table.code, table.err);
    assertTrue(table.out.contains("hours needed"), table.out);
  }

  @Test
  void capacityJson() throws Exception {
    Path model = write("model.yaml", MODEL);
    Path accounts = write("accounts.csv", ACCOUNTS);
    CliTestSupport r = run("capacity", "--model", model.toString(), "--accounts", accounts.toString(), "--as-of",
        "2026-06-30", "--format", "json");
    assertEquals(0, r.code, r.err);
    JsonNode high = r.json().get("tiers").get(2);
    // wanted in high without scores: A (big), B (big: 95k < 100k, no previous: no), P (pin) -> A, P
    assertEquals("high", high.get("tier").asText());
    assertEquals(2, high.get("accountsWanted").asInt());
    assertEquals(20, high.get("hoursWanted").asDouble(), 0);
    assertEquals(2, high.get("managersNeeded").asDouble(), 0);
    assertEquals(3, high.get("managersAvailable").asDouble(), 0);
    assertEquals(1, high.get("accountsPerManager").asDouble(), 0);
    assertEquals(0, high.get("shortfallHours").asDouble(), 0);
    assertTrue(r.json().get("totals").has("managersNeeded"));

    // what-if: the "mid" threshold moved from 20k to 2k moves E (3k) from tech to low
    Path lower = write("lower.yaml", MODEL.replace("min: 20000", "min: 2000"));
    CliTestSupport w = run("capacity", "--model", model.toString(), "--accounts", accounts.toString(), "--as-of",
        "2026-06-30", "--what-if", lower.toString(), "--format", "json");
    assertEquals(0, w.code, w.err);
    JsonNode wi = w.json().get("whatIf");
    assertEquals(1, wi.get("changedAccounts").asInt(), wi.toString());
    assertEquals("E", wi.get("changed").get(0).asText());
    // low before: B (95k, below the 100k entry), C (60k, no band: not "risky"), D (25k); after: + E
    assertEquals(3, wi.get("tiers").get(1).get("accountsBefore").asInt());
    assertEquals(4, wi.get("tiers").get(1).get("accountsAfter").asInt());
    assertEquals(95_000 + 60_000 + 25_000 + 3_000, wi.get("tiers").get(1).get("arrAfter").asDouble(), 0);
    assertEquals(4, wi.get("tiers").get(1).get("hoursAfter").asDouble(), 0);
  }

  @Test
  void badInputsExitThreeWithThePath() throws Exception {
    Path accounts = write("accounts.csv", ACCOUNTS);
    Path bad = write("bad.yaml", MODEL.replace("field: band", "field: colour"));
    CliTestSupport r = run("segment", "--model", bad.toString(), "--accounts", accounts.toString(), "--format", "json");
    assertEquals(3, r.code);
    assertTrue(r.err.contains("rules[0].when[0].field"), r.err);
    assertTrue(r.err.startsWith("cskit: "), r.err);
    Path noCap = write("nocap.yaml", MODEL.replace(", capacity: {hours: 100}", ""));
    CliTestSupport r2 = run("capacity", "--model", noCap.toString(), "--accounts", accounts.toString());
    assertEquals(3, r2.code);
    assertTrue(r2.err.contains("tiers[1].capacity"), r2.err);
    Path pin = write("pin.yaml", MODEL.replace("tier: high, until", "tier: gold, until"));
    CliTestSupport r3 = run("segment", "--model", pin.toString(), "--accounts", accounts.toString());
    assertEquals(3, r3.code);
    assertTrue(r3.err.contains("pins[0].tier"), r3.err);
    Path scores = write("scores.csv", "account_id,score\nA,3\n");
    CliTestSupport r4 = run("segment", "--model", write("m.yaml", MODEL).toString(), "--accounts", accounts.toString(),
        "--scores", scores.toString(), "--as-of", "2026-06-30");
    assertEquals(3, r4.code);
    assertTrue(r4.err.contains("a column \"band\" is required"), r4.err);
    CliTestSupport r5 = run("segment", "--model", write("m2.yaml", MODEL).toString(), "--accounts", accounts.toString(),
        "--format", "xml");
    assertEquals(2, r5.code);
  }

  @Test
  void exampleModelOnTheSampleAccounts() throws Exception {
    CliTestSupport sample = run("sample", "--accounts", "400", "--out", dir.resolve("sample").toString());
    assertEquals(0, sample.code, sample.err);
    CliTestSupport r = run("segment", "--model", "example", "--accounts", dir.resolve("sample/accounts.csv").toString(),
        "--as-of", "2026-06-30", "--format", "json");
    assertEquals(0, r.code, r.err);
    JsonNode j = r.json();
    assertEquals(400, j.get("accounts").size());
    int total = 0;
    for (JsonNode t : j.get("tiers")) {
      total += t.get("accounts").asInt();
    }
    assertEquals(400, total);
    // the pinned reference customer
    assertEquals("high", j.get("accounts").get(0).get("tier").asText());
    assertEquals("pin", j.get("accounts").get(0).get("kind").asText());
    CliTestSupport c = run("capacity", "--model", "example", "--accounts", dir.resolve("sample/accounts.csv").toString(),
        "--as-of", "2026-06-30");
    assertEquals(0, c.code, c.err);
    assertTrue(c.out.contains("managers needed"), c.out);
    // no --as-of: the date comes from the scores' as_of column, and is never today
    Path scores = dir.resolve("sample/scores.csv");
    Files.writeString(scores, run("score", "--scorecard", "three-axis", "--metrics",
        dir.resolve("sample/metrics.csv").toString(), "--as-of", "2026-06-30", "--format", "csv").out);
    CliTestSupport fromScores = run("segment", "--model", "example", "--accounts",
        dir.resolve("sample/accounts.csv").toString(), "--scores", scores.toString(), "--format", "json");
    assertEquals(0, fromScores.code, fromScores.err);
    assertEquals("2026-06-30", fromScores.json().get("asOf").asText());
    CliTestSupport none = run("capacity", "--model", "example", "--accounts",
        dir.resolve("sample/accounts.csv").toString());
    assertEquals(Main.USAGE, none.code);
    assertTrue(none.err.contains("--as-of"), none.err);
  }

  @Test
  void exampleModelWorksOnTheSamplePortfolioInTheDemo() throws Exception {
    CliTestSupport r = run("demo", "--accounts", "300", "--json");
    assertEquals(0, r.code, r.err);
    JsonNode t = r.json().get("touchModel");
    int total = 0;
    for (JsonNode tier : t.get("tiers")) {
      total += tier.get("accounts").asInt();
      if (!tier.get("hoursAvailable").isNull()) {
        assertTrue(tier.get("hoursNeeded").asDouble() <= tier.get("hoursAvailable").asDouble());
      }
    }
    assertEquals(300, total);
    assertEquals(8, t.get("usageGroups").size());
    int grouped = 0;
    for (JsonNode g : t.get("usageGroups")) {
      grouped += g.get("accounts").asInt();
    }
    assertEquals(300, grouped);
  }

  @Test
  void segmentCsvWritesSinceAndAPreviousFileWithoutItIsAnError() throws Exception {
    Path model = write("model.yaml", MODEL);
    Path accounts = write("accounts.csv", ACCOUNTS);
    Path previous = write("previous.csv", "account_id,tier,since\nB,high,2025-01-01\nD,tech,2025-01-01\n");
    CliTestSupport csv = run("segment", "--model", model.toString(), "--accounts", accounts.toString(),
        "--previous", previous.toString(), "--as-of", "2026-06-30", "--format", "csv");
    assertEquals(0, csv.code, csv.err);
    String header = csv.out.substring(0, csv.out.indexOf('\n'));
    assertTrue(header.endsWith(",since"), header);
    // the output reads back as the next run's previous tiers
    Path next = write("next.csv", csv.out);
    CliTestSupport again = run("segment", "--model", model.toString(), "--accounts", accounts.toString(),
        "--previous", next.toString(), "--as-of", "2026-07-31", "--format", "json");
    assertEquals(0, again.code, again.err);
    Path noSince = write("old.csv", "account_id,tier\nB,high\n");
    CliTestSupport bad = run("segment", "--model", model.toString(), "--accounts", accounts.toString(),
        "--previous", noSince.toString(), "--as-of", "2026-06-30");
    assertEquals(3, bad.code, bad.err);
    assertTrue(bad.err.contains("since"), bad.err);
    Path emptySince = write("empty.csv", "account_id,tier,since\nB,high,\n");
    CliTestSupport bad2 = run("segment", "--model", model.toString(), "--accounts", accounts.toString(),
        "--previous", emptySince.toString(), "--as-of", "2026-06-30");
    assertEquals(3, bad2.code, bad2.err);
    assertTrue(bad2.err.contains("row 2"), bad2.err);
  }
}
