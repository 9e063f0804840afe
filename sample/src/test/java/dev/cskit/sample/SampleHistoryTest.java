package dev.cskit.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample's history: deterministic, 13 months long, with churns, renewals, monthly CRM rows and two waves. */
class SampleHistoryTest {
  @Test
  void theSameSeedWritesTheSameFilesAndAnotherSeedOthers(@TempDir Path dir) throws Exception {
    SampleHistory.generate(80, 5).writeProject(dir.resolve("a"));
    SampleHistory.generate(80, 5).writeProject(dir.resolve("b"));
    SampleHistory.generate(80, 6).writeProject(dir.resolve("c"));
    for (String f : List.of("data/accounts.csv", "data/events.csv", "data/crm.csv", "data/milestones.csv",
        "data/status.csv", "data/contacts.csv", "data/survey.csv", "cskit.yaml")) {
      assertEquals(-1L, Files.mismatch(dir.resolve("a").resolve(f), dir.resolve("b").resolve(f)), f);
    }
    assertNotEquals(-1L, Files.mismatch(dir.resolve("a/data/events.csv"), dir.resolve("c/data/events.csv")));
  }

  @Test
  void itHoldsThirteenMonthsOfHistory(@TempDir Path dir) throws Exception {
    SampleHistory h = SampleHistory.generate(300, 42);
    h.writeProject(dir);
    LocalDate end = h.end();
    assertTrue(ChronoUnit.DAYS.between(h.start(), end) >= 395, h.start() + " to " + end);
    // events span the history and stop at each churn
    Map<String, LocalDate> churn = new HashMap<>();
    List<String> status = Files.readAllLines(dir.resolve("data/status.csv"));
    Set<String> renewed = new HashSet<>();
    for (String l : status.subList(1, status.size())) {
      String[] f = l.split(",");
      if (f[2].equals("churned")) {
        churn.put(f[0], LocalDate.parse(f[1]));
      } else {
        renewed.add(f[0]);
      }
    }
    assertTrue(churn.size() >= 10, "churns: " + churn.size());
    assertTrue(renewed.size() >= 50, "renewals: " + renewed.size());
    assertEquals(churn.size(), h.churnedCount());
    LocalDate first = LocalDate.MAX;
    LocalDate last = LocalDate.MIN;
    List<String> events = Files.readAllLines(dir.resolve("data/events.csv"));
    for (String l : events.subList(1, events.size())) {
      String[] f = l.split(",");
      LocalDate d = LocalDate.ofInstant(Instant.parse(f[3]), java.time.ZoneOffset.UTC);
      first = d.isBefore(first) ? d : first;
      last = d.isAfter(last) ? d : last;
      LocalDate c = churn.get(f[0]);
      assertTrue(c == null || d.isBefore(c), f[0] + " has an event on " + d + " after churning on " + c);
    }
    assertTrue(ChronoUnit.DAYS.between(first, last) >= 390, first + " to " + last);
    // CRM rows move month to month; two NPS waves
    List<String> crm = Files.readAllLines(dir.resolve("data/crm.csv"));
    Set<String> months = new HashSet<>();
    crm.subList(1, crm.size()).forEach(l -> months.add(l.split(",")[1]));
    assertTrue(months.size() >= 13, "months: " + months);
    List<String> survey = Files.readAllLines(dir.resolve("data/survey.csv"));
    Set<String> waves = new HashSet<>();
    survey.subList(1, survey.size()).forEach(l -> waves.add(l.split(",")[2]));
    assertEquals(2, waves.size(), waves.toString());
  }

  @Test
  void accountsStillOnboardingAreRecentOnes(@TempDir Path dir) throws Exception {
    SampleHistory h = SampleHistory.generate(400, 42);
    h.writeProject(dir);
    Map<String, LocalDate> signed = new HashMap<>();
    Set<String> done = new HashSet<>();
    List<String> ms = Files.readAllLines(dir.resolve("data/milestones.csv"));
    for (String l : ms.subList(1, ms.size())) {
      String[] f = l.split(",");
      if (f[1].equals("contract_signed")) {
        signed.put(f[0], LocalDate.ofInstant(Instant.parse(f[2]), java.time.ZoneOffset.UTC));
      } else if (f[1].equals("first_value") || f[1].equals("churned")) {
        done.add(f[0]);
      }
    }
    long longest = 0;
    for (Map.Entry<String, LocalDate> e : signed.entrySet()) {
      if (!done.contains(e.getKey())) {
        longest = Math.max(longest, ChronoUnit.DAYS.between(e.getValue(), h.end()));
      }
    }
    assertTrue(longest <= 150, "an account has been onboarding for " + longest + " days");
  }
}
