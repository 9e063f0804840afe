package dev.cskit.sample;

import dev.cskit.core.Account;
import dev.cskit.core.AccountId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A log of the sample portfolio's customer-success sessions over the 90 days before the as-of date, for the
 * content advisor ({@code cskit touch content}): one-to-one sessions with enterprise accounts ({@code high}
 * touch), webinar attendance of mid-market accounts ({@code low} touch), and the webinars' invitation counts.
 * A few topics recur (how to build a first app, single sign-on, user roles), so some become seminar
 * candidates. Deterministic per seed.
 */
public final class SampleSessions {
  private static final long STREAM_SESSIONS = 102;

  /** The session topics and how often each comes up. */
  static final String[] TOPICS = {
    "first app walkthrough", "single sign-on setup", "user roles and permissions", "api limits",
    "data import", "reporting dashboards", "billing questions", "workflow automation"
  };
  private static final double[] WEIGHTS = {0.24, 0.18, 0.16, 0.10, 0.10, 0.09, 0.07, 0.06};

  private SampleSessions() {}

  /**
   * One logged session.
   *
   * @param touch {@code high} (one-to-one) or {@code low} (a webinar attended)
   */
  public record Session(AccountId accountId, String topic, double minutes, LocalDate date, String touch) {}

  /** A webinar: its topic, date, how many were invited and how many attended. */
  public record Webinar(String topic, LocalDate date, int invited, int attended) {}

  /** The sessions, in date order (ties: account, topic). */
  public static List<Session> sessions(SamplePortfolio p) {
    List<Session> out = new ArrayList<>();
    List<Account> accounts = p.accounts();
    for (int i = 0; i < accounts.size(); i++) {
      Account a = accounts.get(i);
      String segment = a.attribute("segment");
      Rng r = new Rng(p.seed(), i, STREAM_SESSIONS);
      if ("enterprise".equals(segment)) {
        int n = 1 + r.poisson(2.5);
        for (int k = 0; k < n; k++) {
          String topic = TOPICS[r.pick(WEIGHTS)];
          double minutes = 15 * (1 + r.nextInt(4));
          out.add(new Session(a.id(), topic, minutes, p.asOf().minusDays(r.nextInt(90)), "high"));
        }
      } else if ("mid".equals(segment) && r.bernoulli(0.5)) {
        String topic = TOPICS[r.pick(WEIGHTS)];
        out.add(new Session(a.id(), topic, 60, webinarDate(p, topic), "low"));
      }
    }
    out.sort(Comparator.comparing(Session::date).thenComparing(Session::accountId)
        .thenComparing(Session::topic));
    return out;
  }

  /**
   * The webinars: one per topic, attended by the low-touch sessions logged; the first topics were announced
   * to a few mid-market accounts, the later ones to all of them, so attendance rates differ.
   */
  public static List<Webinar> webinars(SamplePortfolio p) {
    int mid = 0;
    for (Account a : p.accounts()) {
      if ("mid".equals(a.attribute("segment"))) {
        mid++;
      }
    }
    List<Session> sessions = sessions(p);
    List<Webinar> out = new ArrayList<>();
    for (int t = 0; t < TOPICS.length; t++) {
      String topic = TOPICS[t];
      int attended = 0;
      for (Session s : sessions) {
        if (s.touch().equals("low") && s.topic().equals(topic)) {
          attended++;
        }
      }
      int invited = Math.max(attended, Math.min(mid, mid * (t + 2) / 10));
      out.add(new Webinar(topic, webinarDate(p, topic), invited, attended));
    }
    return out;
  }

  private static LocalDate webinarDate(SamplePortfolio p, String topic) {
    for (int t = 0; t < TOPICS.length; t++) {
      if (TOPICS[t].equals(topic)) {
        return p.asOf().minusDays(10L + 10L * t);
      }
    }
    return p.asOf();
  }
}
