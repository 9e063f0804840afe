package dev.cskit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cskit.core.AccountId;
import dev.cskit.core.MetricTable;
import dev.cskit.scoring.BandTracker;
import dev.cskit.scoring.HealthScorer;
import dev.cskit.scoring.ScoreDiff;
import dev.cskit.scoring.ScoreTable;
import dev.cskit.scoring.Scorecard;
import dev.cskit.scoring.ScoringOptions;
import dev.cskit.scoring.validation.ScoreSnapshots;
import dev.cskit.survey.BenchmarkPrior;
import dev.cskit.survey.BetaPrior;
import dev.cskit.survey.Nps;
import dev.cskit.survey.SilentCheck;
import dev.cskit.survey.StratifiedAllocation;
import dev.cskit.survey.Stratum;
import dev.cskit.survey.Throttle;
import dev.cskit.touchmodel.ContentAdvisor;
import dev.cskit.touchmodel.KMeans;
import dev.cskit.touchmodel.UsageGroupSettings;
import dev.cskit.touchmodel.UsageGroups;
import dev.cskit.ttv.Bottlenecks;
import dev.cskit.ttv.StepStats;
import dev.cskit.ttv.TtvSpec;
import dev.cskit.ttv.stats.AalenJohansen;
import dev.cskit.ttv.stats.ConfType;
import dev.cskit.ttv.stats.Estimate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands added for issue 13, run on the sample files; each command's JSON is checked against the
 * library's own result on the same input.
 */
class NewCommandsTest {
  @TempDir static Path dir;
  static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);
  static final LocalDate BEFORE = LocalDate.of(2026, 5, 30);

  @BeforeAll
  static void sample() throws Exception {
    CliTestSupport r = CliTestSupport.run("sample", "--out", dir.toString(), "--accounts", "300");
    assertEquals(0, r.code, r.err);
    write("before.json", ok("score", "--scorecard", "three-axis", "--metrics", f("metrics-previous.csv"),
        "--as-of", BEFORE.toString(), "--format", "json"));
    write("after.json", ok("score", "--scorecard", "three-axis", "--metrics", f("metrics.csv"),
        "--as-of", AS_OF.toString(), "--format", "json"));
    write("before.csv", ok("score", "--scorecard", "three-axis", "--metrics", f("metrics-previous.csv"),
        "--as-of", BEFORE.toString(), "--format", "csv"));
    write("after.csv", ok("score", "--scorecard", "three-axis", "--metrics", f("metrics.csv"),
        "--as-of", AS_OF.toString(), "--format", "csv"));
  }

  static String f(String name) {
    return dir.resolve(name).toString();
  }

  static void write(String name, String text) throws Exception {
    Files.writeString(dir.resolve(name), text);
  }

  static String ok(String... args) {
    CliTestSupport r = CliTestSupport.run(args);
    assertEquals(0, r.code, String.join(" ", args) + ": " + r.err);
    return r.out;
  }

  static JsonNode json(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--format");
    all.add("json");
    CliTestSupport r = CliTestSupport.run(all.toArray(new String[0]));
    assertEquals(0, r.code, String.join(" ", args) + ": " + r.err);
    return r.json();
  }

  static ScoreTable score(String metrics, LocalDate asOf) {
    HealthScorer scorer = Scorecard.builtIn("three-axis").compile();
    return scorer.score(MetricTable.readCsv(dir.resolve(metrics)), ScoringOptions.builder()
        .asOf(asOf.atStartOfDay(ZoneOffset.UTC).toInstant()).build());
  }

  static double num(JsonNode n) {
    return n == null || n.isNull() ? Double.NaN : n.asDouble();
  }

  @Test
  void scoreWritesAsOfAndNeedsIt() throws Exception {
    assertTrue(Files.readString(dir.resolve("after.csv")).startsWith("account_id,score,band,coverage,scorecard,scorecard_version,as_of"));
    // score validate's snapshot reader takes the file as it is
    assertEquals(300, ScoreSnapshots.readCsv(dir.resolve("after.csv")).size());
    CliTestSupport r = CliTestSupport.run("score", "--scorecard", "three-axis", "--metrics", f("metrics.csv"));
    assertEquals(Main.USAGE, r.code);
    assertTrue(r.err.contains("--as-of"), r.err);
  }

  @Test
  void scoreDiffMatchesTheLibrary() {
    List<ScoreDiff> expected = ScoreDiffCommand.ranked(score("metrics.csv", AS_OF).diff(score("metrics-previous.csv",
        BEFORE)));
    JsonNode out = json("score", "diff", "--before", f("before.json"), "--after", f("after.json"));
    JsonNode accounts = out.get("accounts");
    assertEquals(expected.size(), accounts.size());
    double previous = Double.POSITIVE_INFINITY;
    for (int i = 0; i < expected.size(); i++) {
      ScoreDiff d = expected.get(i);
      JsonNode a = accounts.get(i);
      assertEquals(d.accountId().value(), a.get("accountId").asText());
      assertEquals(d.change(), num(a.get("change")), 1e-9);
      assertEquals(d.lines().size(), a.get("lines").size(), d.toString());
      double sum = 0;
      for (int k = 0; k < d.lines().size(); k++) {
        assertEquals(d.lines().get(k).label(), a.get("lines").get(k).get("label").asText());
        assertEquals(d.lines().get(k).points(), num(a.get("lines").get(k).get("points")), 1e-9);
        sum += num(a.get("lines").get(k).get("points"));
      }
      if (!Double.isNaN(d.change())) {
        assertEquals(d.change(), sum, 1e-6, "the lines sum to the change");
        assertTrue(Math.abs(d.change()) <= previous + 1e-12, "ranked by the size of the change");
        previous = Math.abs(d.change());
      }
    }
    assertTrue(expected.stream().anyMatch(d -> d.change() != 0 && !Double.isNaN(d.change())));
  }

  @Test
  void scoreTrackMatchesTheLibrary() {
    JsonNode out = json("score", "track", "--scores", f("before.csv"), f("after.csv"), "--confirmations", "1");
    BandTracker tracker = BandTracker.builder().confirmations(1).dropAlert(15, 45).build();
    ScoreSnapshots s = ScoreSnapshots.readCsv(dir.resolve("before.csv")).concat(
        ScoreSnapshots.readCsv(dir.resolve("after.csv")));
    Map<AccountId, List<BandTracker.Reading>> by = new TreeMap<>();
    for (int i = 0; i < s.size(); i++) {
      by.computeIfAbsent(s.accountId(i), k -> new ArrayList<>()).add(new BandTracker.Reading(s.asOf(i), s.score(i)));
    }
    List<String> expected = new ArrayList<>();
    by.forEach((id, readings) -> tracker.track(readings).forEach(t -> {
      if (t.bandChanged()) {
        expected.add(id.value() + " " + t.date() + " band change " + t.band().name());
      }
      if (t.dropAlert()) {
        expected.add(id.value() + " " + t.date() + " drop alert " + t.band().name());
      }
    }));
    List<String> actual = new ArrayList<>();
    out.get("events").forEach(e -> actual.add(e.get("accountId").asText() + " " + e.get("date").asText() + " "
        + e.get("event").asText() + " " + e.get("band").asText()));
    assertEquals(expected, actual);
    assertFalse(expected.isEmpty());
    assertEquals(300, out.get("accounts").asInt());
  }

  @Test
  void scoreJsonListsExpiredOverrides() throws Exception {
    Files.writeString(dir.resolve("overrides.yaml"), "version: 1\noverrides:\n"
        + "  - {accountId: A00001, value: 99, reason: renewal call, from: 2026-05-01, until: 2026-06-15}\n");
    JsonNode out = json("score", "--scorecard", "three-axis", "--metrics", f("metrics.csv"), "--overrides",
        f("overrides.yaml"), "--as-of", AS_OF.toString());
    assertEquals(1, out.get("expiredOverrides").size());
    assertEquals("A00001", out.get("expiredOverrides").get(0).get("accountId").asText());
    assertEquals("renewal call", out.get("expiredOverrides").get(0).get("reason").asText());
    assertEquals(AS_OF.toString(), out.get("asOf").asText());
  }

  @Test
  void surveyEligibleMatchesTheThrottle() {
    JsonNode out = json("survey", "eligible", "--history", f("contact-history.csv"), "--candidates",
        f("contacts.csv"), "--as-of", AS_OF.toString());
    Throttle.Decisions d = Throttle.DEFAULT.decide(SurveyEligibleCommand.readCandidates(dir.resolve("contacts.csv")),
        Throttle.readHistoryCsv(dir.resolve("contact-history.csv")), AS_OF);
    assertEquals(d.eligible().size(), out.get("eligible").asInt());
    assertEquals(d.excluded().size(), out.get("excluded").asInt());
    assertTrue(d.eligible().size() > 0 && d.excluded().size() > 0);
    for (int i = 0; i < d.all().size(); i++) {
      assertEquals(d.all().get(i).contactId(), out.get("decisions").get(i).get("contactId").asText());
      assertEquals(d.all().get(i).reason(), out.get("decisions").get(i).get("reason").asText());
    }
  }

  @Test
  void surveySilentMatchesSilentCheck() {
    JsonNode out = json("survey", "silent", "--survey", f("survey.csv"), "--metrics", f("metrics.csv"));
    MetricTable m = MetricTable.readCsv(dir.resolve("metrics.csv"));
    Set<AccountId> responded = new HashSet<>();
    for (String line : lines("survey.csv")) {
      String[] c = line.split(",", -1);
      if (c[4].equals("1")) {
        responded.add(AccountId.of(c[0]));
      }
    }
    SilentCheck.Balance b = SilentCheck.compare(m, responded, 0.1);
    assertEquals(b.rows().size(), out.get("balance").size());
    for (int i = 0; i < b.rows().size(); i++) {
      assertEquals(b.rows().get(i).smd(), num(out.get("balance").get(i).get("smd")), 1e-12);
    }
    assertEquals(responded.size(), out.get("respondents").asInt());
    assertTrue(out.get("atRisk").asInt() > 0);
  }

  static List<String> lines(String name) {
    try {
      List<String> all = Files.readAllLines(dir.resolve(name));
      return all.subList(1, all.size());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void surveyAllocateMatchesTheLibrary() {
    JsonNode out = json("survey", "allocate", "--accounts", f("accounts.csv"), "--by", "segment", "--responses",
        "120", "--method", "neyman", "--contacts-per-account", "2", "--icc", "0.1");
    StratifiedAllocation.Result r = StratifiedAllocation.allocate(
        SurveyAllocateCommand.fromAccounts(dir.resolve("accounts.csv"), "segment"), 120, 0,
        StratifiedAllocation.Method.NEYMAN);
    for (int i = 0; i < r.rows().size(); i++) {
      assertEquals(r.rows().get(i).allocated(), out.get("strata").get(i).get("allocated").asLong());
    }
    assertEquals(1.1, out.get("designEffect").asDouble(), 1e-12);
    assertEquals(120 / 1.1, out.get("effectiveSampleSize").asDouble(), 1e-9);
    List<Stratum> strata = List.of(Stratum.of("a", 10), Stratum.of("b", 30));
    assertEquals(30, StratifiedAllocation.allocate(strata, 40, 0, StratifiedAllocation.Method.PROPORTIONAL)
        .allocated("b"));
  }

  @Test
  void surveyUpdatePriorMatchesBetaPrior() {
    JsonNode out = json("survey", "update-prior", "--prior", "first-survey", "--invited", "400", "--responded", "70");
    BetaPrior p = BenchmarkPrior.parse("first-survey").prior().update(400, 70);
    assertEquals(p.alpha(), out.get("posterior").get("alpha").asDouble(), 1e-12);
    assertEquals(p.beta(), out.get("posterior").get("beta").asDouble(), 1e-12);
    assertEquals(p.mean(), out.get("posterior").get("mean").asDouble(), 1e-12);
    JsonNode fromFile = json("survey", "update-prior", "--prior-alpha", "2", "--prior-beta", "8", "--survey",
        f("survey.csv"));
    long invited = lines("survey.csv").size();
    long responded = lines("survey.csv").stream().filter(l -> l.split(",", -1)[4].equals("1")).count();
    assertEquals(2 + responded, fromFile.get("posterior").get("alpha").asDouble(), 1e-12);
    assertEquals(8 + invited - responded, fromFile.get("posterior").get("beta").asDouble(), 1e-12);
  }

  @Test
  void surveyPowerMatchesNps() {
    JsonNode out = json("survey", "power", "--promoters-a", "0.5", "--detractors-a", "0.2", "--promoters-b", "0.45",
        "--detractors-b", "0.25", "--rate", "0.2");
    long n = Nps.sampleSizeToDetect(10, 0.5, 0.2, 0.45, 0.25, 0.05, 0.8);
    assertEquals(n, out.get("answersPerGroup").asLong());
    assertEquals((long) Math.ceil(n / 0.2 - 1e-9), out.get("invitationsPerGroup").asLong());
    assertEquals(0.95, out.get("confidence").asDouble(), 0);
  }

  @Test
  void ttvBottlenecksMatchTheLibrary() {
    List<String> path = List.of("contract_signed", "users_invited", "first_app_built", "first_value");
    JsonNode out = json("ttv", "bottlenecks", "--events", f("milestones.csv"), "--path", String.join(",", path),
        "--churn", "churned", "--as-of", AS_OF.toString());
    Bottlenecks b = Bottlenecks.analyze(TtvBottlenecksCommand.readEvents(dir.resolve("milestones.csv")), path,
        List.of("churned"), TtvSpec.endOfDay(AS_OF));
    for (int s = 0; s < b.steps().size(); s++) {
      StepStats x = b.steps().get(s);
      JsonNode j = out.get("steps").get(s);
      assertEquals(x.entered(), j.get("entered").asInt());
      assertEquals(x.completed(), j.get("completed").asInt());
      assertEquals(x.median().value(), num(j.get("median").get("value")), 1e-12);
      assertEquals(x.restrictedMean().value(), num(j.get("restrictedMean").get("value")), 1e-9);
    }
    assertEquals(b.horizon(), out.get("horizon").asDouble(), 1e-9);
  }

  @Test
  void ttvShareMatchesAalenJohansen() throws Exception {
    write("durations.csv", ok("ttv", "from-events", "--events", f("milestones.csv"), "--start", "contract_signed",
        "--value", "first_value", "--churn", "churned", "--as-of", AS_OF.toString()));
    JsonNode out = json("ttv", "share", "--input", f("durations.csv"), "--day", "14");
    List<String> rows = lines("durations.csv");
    double[] t = new double[rows.size()];
    int[] s = new int[rows.size()];
    for (int i = 0; i < t.length; i++) {
      String[] c = rows.get(i).split(",");
      t[i] = Double.parseDouble(c[3]);
      s[i] = Integer.parseInt(c[4]);
    }
    Estimate e = AalenJohansen.fit(t, s, 2, ConfType.LOG_LOG, 0.95).incidence(1, 14);
    JsonNode all = out.get("cohorts").get(0);
    assertEquals(e.value(), all.get("share").asDouble(), 1e-12);
    assertEquals(e.lower(), all.get("lower").asDouble(), 1e-12);
    assertEquals(e.upper(), all.get("upper").asDouble(), 1e-12);
    assertTrue(e.value() > 0 && e.value() < 1);
  }

  @Test
  void touchGroupsMatchTheLibrary() {
    JsonNode out = json("touch", "groups", "--metrics", f("metrics.csv"), "--k", "4");
    MetricTable m = MetricTable.readCsv(dir.resolve("metrics.csv"));
    UsageGroups g = UsageGroups.of(m, UsageGroupSettings.defaults());
    g.counts().forEach((name, c) -> assertEquals((int) c, out.get("counts").get(name).asInt(), name));
    UsageGroupSettings d = UsageGroupSettings.defaults();
    List<String> cols = new ArrayList<>(d.utilization());
    cols.addAll(d.engagement());
    cols.addAll(d.penetration());
    KMeans.Clustering km = KMeans.cluster(m, cols, 4, 42);
    for (int i = 0; i < 4; i++) {
      assertEquals(km.sizes()[i], out.get("kmeans").get("sizes").get(i).asInt());
    }
    int[] labels = km.labels();
    for (int i = 0; i < labels.length; i++) {
      assertEquals(labels[i] + 1, out.get("accounts").get(i).get("cluster").asInt());
      assertEquals(g.groupOf(i), out.get("accounts").get(i).get("group").asText());
    }
  }

  @Test
  void touchContentMatchesTheAdvisor() {
    JsonNode out = json("touch", "content", "--sessions", f("sessions.csv"), "--webinars", f("webinars.csv"),
        "--min-accounts", "3", "--last", "10");
    List<ContentAdvisor.SeminarProposal> p = ContentAdvisor.seminarCandidates(
        TouchContentCommand.readSessions(dir.resolve("sessions.csv")), 3, 10, 60);
    assertEquals(p.size(), out.get("seminars").size());
    assertFalse(p.isEmpty());
    for (int i = 0; i < p.size(); i++) {
      assertEquals(p.get(i).topic(), out.get("seminars").get(i).get("topic").asText());
      assertEquals(p.get(i).hoursSaved(), out.get("seminars").get(i).get("hoursSaved").asDouble(), 1e-12);
    }
    List<ContentAdvisor.ContentProposal> c = ContentAdvisor.contentCandidates(
        TouchContentCommand.readRuns(dir.resolve("webinars.csv")), 0.2, 20);
    assertEquals(c.size(), out.get("content").size());
  }

  @Test
  void everyNewTableIsReadable() {
    String[][] commands = {
      {"score", "diff", "--before", f("before.json"), "--after", f("after.json"), "--top", "5"},
      {"score", "track", "--scores", f("before.csv"), f("after.csv")},
      {"survey", "silent", "--survey", f("survey.csv"), "--metrics", f("metrics.csv")},
      {"touch", "groups", "--metrics", f("metrics.csv")},
      {"touch", "content", "--sessions", f("sessions.csv")},
    };
    for (String[] c : commands) {
      String text = ok(c);
      assertFalse(text.contains("={") || text.matches("(?s).*\\{[a-z_]+=.*"), "a Java map in: " + text);
      assertFalse(text.isBlank());
    }
  }

  @Test
  void documentsPrintAsTableAndCsvToo() {
    String table = ok("survey", "nps", "--promoters", "80", "--passives", "60", "--detractors", "59", "--format",
        "table");
    assertTrue(table.startsWith("field") && table.contains("stdErr"), table);
    String csv = ok("survey", "nps", "--promoters", "80", "--passives", "60", "--detractors", "59", "--format", "csv");
    assertEquals("nps,stdErr,lower,upper", csv.split("\r?\n")[0]);
    JsonNode j = json("survey", "nps", "--promoters", "80", "--passives", "60", "--detractors", "59");
    assertEquals(j.get("nps").asDouble(), Double.parseDouble(csv.split("\r?\n")[1].split(",")[0]), 1e-12);
    String plan = ok("survey", "plan", "--plan",
        "../survey/src/main/resources/dev/cskit/survey/escalation-plan-example.yaml", "--format", "table");
    assertTrue(plan.contains("waves") && plan.contains("channel"), plan);
  }
}
