package dev.cskit.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cskit.core.MetricTable;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The sample's contacts, contact history, sessions and last month's metrics. */
class SampleExtrasTest {
  static final SamplePortfolio P = SamplePortfolio.generate(200, 42);

  @Test
  void contactHistoryIsDeterministicAndInThePast() {
    List<SampleContacts.ContactEvent> h = SampleContacts.history(P);
    assertEquals(h, SampleContacts.history(SamplePortfolio.generate(200, 42)));
    assertFalse(h.equals(SampleContacts.history(SamplePortfolio.generate(200, 7))));
    Set<String> contacts = new HashSet<>();
    SampleContacts.contacts(P).forEach(c -> contacts.add(c.contactId()));
    for (SampleContacts.ContactEvent e : h) {
      assertFalse(e.date().isAfter(P.asOf()), e.toString());
      assertTrue(contacts.contains(e.contactId()), e.toString());
      assertTrue(Set.of("invitation", "reminder", "response").contains(e.kind()));
    }
    // every survey invitation of the wave is in the history
    assertEquals(P.surveyResponses().size(), h.stream()
        .filter(e -> e.kind().equals("invitation") && e.date().equals(P.asOf().minusDays(45))).count());
  }

  @Test
  void sessionsRecurAndWebinarsCountTheirAttendance() {
    List<SampleSessions.Session> s = SampleSessions.sessions(P);
    assertEquals(s, SampleSessions.sessions(SamplePortfolio.generate(200, 42)));
    assertTrue(s.stream().anyMatch(x -> x.touch().equals("high")));
    for (SampleSessions.Webinar w : SampleSessions.webinars(P)) {
      long attended = s.stream().filter(x -> x.touch().equals("low") && x.topic().equals(w.topic())).count();
      assertEquals(attended, w.attended());
      assertTrue(w.attended() <= w.invited());
    }
  }

  @Test
  void lastMonthsMetricsHaveTheSameColumnsAndAccounts() {
    MetricTable now = P.metrics();
    MetricTable before = SampleMetricHistory.previousMonth(P);
    assertEquals(now.metrics(), before.metrics());
    assertEquals(now.rowCount(), before.rowCount());
    // usage differs a month apart, the CRM facts do not
    assertFalse(java.util.Arrays.equals(now.column("events_30d"), before.column("events_30d")));
    assertTrue(java.util.Arrays.equals(now.column("arr"), before.column("arr")));
  }
}
