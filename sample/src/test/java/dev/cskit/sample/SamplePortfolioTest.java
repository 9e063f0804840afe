package dev.cskit.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cskit.core.Account;
import dev.cskit.core.Accounts;
import dev.cskit.core.MetricTable;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SamplePortfolioTest {
  private static final SamplePortfolio P = SamplePortfolio.generate(2000, SamplePortfolio.DEFAULT_SEED);

  @Test
  void sameSeedSamePortfolio() {
    SamplePortfolio again = SamplePortfolio.generate(2000, SamplePortfolio.DEFAULT_SEED);
    assertEquals(P.accounts(), again.accounts());
    assertEquals(P.usage(), again.usage());
    assertEquals(P.crm(), again.crm());
    assertEquals(P.milestones(), again.milestones());
    assertEquals(P.surveyResponses(), again.surveyResponses());
    assertEquals(P.outcomes(), again.outcomes());
    assertNotEquals(P.accounts(), SamplePortfolio.generate(2000, 43).accounts());
  }

  /** A smaller portfolio is a prefix of a larger one: each account has its own random streams. */
  @Test
  void accountsDoNotDependOnPortfolioSize() {
    SamplePortfolio small = SamplePortfolio.generate(100, SamplePortfolio.DEFAULT_SEED);
    for (int i = 0; i < 100; i++) {
      Account a = small.accounts().get(i);
      Account b = P.accounts().get(i);
      assertEquals(a.arr(), b.arr());
      assertEquals(a.seats(), b.seats());
      assertEquals(small.pattern(a.id()), P.pattern(b.id()));
    }
  }

  /**
   * The fingerprint of a generated portfolio. Every draw uses SplitMix64 and StrictMath, so this holds on
   * any JVM and machine; a change to the generator must change this value on purpose.
   */
  @Test
  void fingerprintIsStableAcrossMachines() throws Exception {
    SamplePortfolio p = SamplePortfolio.generate(300, 42);
    StringWriter w = new StringWriter();
    Accounts.writeCsv(p.accounts(), w);
    w.write(p.metrics().toCsv());
    p.milestones().forEach(m -> w.write(m + "\n"));
    p.surveyResponses().forEach(m -> w.write(m + "\n"));
    p.outcomes().forEach(m -> w.write(m + "\n"));
    String sha = HexFormat.of().formatHex(
        MessageDigest.getInstance("SHA-256").digest(w.toString().getBytes(StandardCharsets.UTF_8)));
    assertEquals(FINGERPRINT, sha);
  }

  static final String FINGERPRINT =
      "c8995d4a8e1a3a54b17c0a05fc0549193a23fa595703d747e5aba0e4d012db73";

  @Test
  void patternsShowInTheUsage() {
    MetricTable m = P.metrics();
    Map<UsagePattern, List<Integer>> rows = new java.util.EnumMap<>(UsagePattern.class);
    for (int r = 0; r < m.rowCount(); r++) {
      rows.computeIfAbsent(P.pattern(m.accountId(r)), k -> new ArrayList<>()).add(r);
    }
    assertEquals(Set.of(UsagePattern.values()), rows.keySet());
    double thriving = median(m, rows.get(UsagePattern.THRIVING), "active_days_30d");
    double never = median(m, rows.get(UsagePattern.NEVER_ONBOARDED), "active_days_30d");
    assertTrue(thriving > 15 && never < 3, thriving + " vs " + never);
    assertTrue(median(m, rows.get(UsagePattern.DECLINING), "events_change_30d") < -0.2);
    assertTrue(median(m, rows.get(UsagePattern.SHELFWARE), "penetration_30d")
        < median(m, rows.get(UsagePattern.STEADY), "penetration_30d") / 2);
  }

  @Test
  void outcomesFollowHealthAndMilestonesAreOrdered() {
    Map<UsagePattern, double[]> churn = new java.util.EnumMap<>(UsagePattern.class);
    for (ChurnOutcome o : P.outcomes()) {
      double[] c = churn.computeIfAbsent(P.pattern(o.accountId()), k -> new double[2]);
      c[0]++;
      c[1] += o.churned() ? 1 : 0;
      assertTrue(o.churnDate() == null || !o.churnDate().isAfter(o.renewalDate()));
      assertTrue(o.churnDate() == null || o.churnDate().isAfter(P.asOf()));
    }
    double thriving = churn.get(UsagePattern.THRIVING)[1] / churn.get(UsagePattern.THRIVING)[0];
    double declining = churn.get(UsagePattern.DECLINING)[1] / churn.get(UsagePattern.DECLINING)[0];
    assertTrue(declining > 3 * thriving, declining + " vs " + thriving);

    Map<String, List<Milestone>> byAccount =
        P.milestones().stream().collect(Collectors.groupingBy(m -> m.accountId().value()));
    long reached = 0;
    long churnedFirst = 0;
    for (List<Milestone> ms : byAccount.values()) {
      assertEquals(Milestone.CONTRACT_SIGNED, ms.get(0).type());
      for (int i = 1; i < ms.size(); i++) {
        assertTrue(!ms.get(i).timestamp().isBefore(ms.get(i - 1).timestamp()), ms.toString());
      }
      reached += ms.stream().filter(m -> m.type().equals(Milestone.FIRST_VALUE)).count();
      churnedFirst += ms.stream().filter(m -> m.type().equals(Milestone.CHURNED)).count();
    }
    assertTrue(reached > 0 && reached < byAccount.size() && churnedFirst > 0);
  }

  private static double median(MetricTable m, List<Integer> rows, String metric) {
    double[] v = rows.stream().mapToDouble(r -> m.value(r, metric)).filter(x -> !Double.isNaN(x)).sorted().toArray();
    return v[v.length / 2];
  }
}
