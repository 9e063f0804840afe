package dev.cskit.touchmodel;

import dev.cskit.core.AccountId;
import dev.cskit.core.ArgumentException;
import dev.cskit.core.CskitException;
import dev.cskit.core.io.TextTable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Moving content between touch levels. If 5 of the last 10 high-touch accounts needed the same explanation, it
 * becomes a seminar; seminar content that resonates (high attendance) becomes e-mail or help content.
 * Stateless.
 */
public final class ContentAdvisor {
  private ContentAdvisor() {}

  /** One high-touch session: an account, a topic, the minutes spent, the date. */
  public record Session(AccountId account, String topic, double minutes, LocalDate date) {
    /** Validates. */
    public Session {
      if (topic == null || topic.isBlank()) {
        throw new ArgumentException("session of " + account, "needs a topic", CskitException.quote(topic));
      }
      if (!(minutes >= 0) || Double.isInfinite(minutes)) {
        throw new ArgumentException("session of " + account + " on " + CskitException.quote(topic),
            "minutes must be a finite number >= 0", Double.toString(minutes));
      }
    }
  }

  /** One seminar run: its topic, how many were invited and how many attended. */
  public record SeminarRun(String topic, int invited, int attended) {
    /** Validates. */
    public SeminarRun {
      if (invited < 0 || attended < 0 || attended > invited) {
        throw new ArgumentException("seminar run " + CskitException.quote(topic), "needs 0 <= attended <= invited",
            attended + " of " + invited);
      }
    }
  }

  /**
   * A topic to run as a seminar: how many of the last n accounts needed it, in how many sessions and minutes,
   * and the hours a month saved by one seminar of {@code seminarMinutes} instead of those sessions.
   */
  public record SeminarProposal(String topic, int accounts, int sessions, double minutes, double hoursSaved) {}

  /** A seminar topic to turn into e-mail or help content, with its attendance. */
  public record ContentProposal(String topic, int invited, int attended, double attendanceRate) {}

  /**
   * Topics that recur in at least {@code k} of the last {@code n} accounts with sessions (the n accounts
   * whose latest session is most recent; ties by account id), proposed as seminars, most hours saved first.
   * Hours saved = (minutes spent on the topic by those accounts - seminarMinutes) / 60. Topics compare
   * case-insensitively and trimmed.
   */
  public static List<SeminarProposal> seminarCandidates(
      List<Session> sessions, int k, int n, double seminarMinutes) {
    if (k < 1 || n < k) {
      throw new ArgumentException("seminar candidates", "need 1 <= k <= n", "k=" + k + ", n=" + n);
    }
    Map<AccountId, LocalDate> latest = new HashMap<>();
    for (Session s : sessions) {
      latest.merge(s.account(), s.date(), (a, b) -> a.isAfter(b) ? a : b);
    }
    List<AccountId> recent = new ArrayList<>(latest.keySet());
    recent.sort(Comparator.<AccountId, LocalDate>comparing(latest::get).reversed()
        .thenComparing(Comparator.naturalOrder()));
    Set<AccountId> window = new HashSet<>(recent.subList(0, Math.min(n, recent.size())));
    Map<String, Set<AccountId>> accounts = new LinkedHashMap<>();
    Map<String, double[]> load = new HashMap<>();
    for (Session s : sessions) {
      if (!window.contains(s.account())) {
        continue;
      }
      String topic = s.topic().trim().toLowerCase(Locale.ROOT);
      accounts.computeIfAbsent(topic, t -> new HashSet<>()).add(s.account());
      double[] l = load.computeIfAbsent(topic, t -> new double[2]);
      l[0]++;
      l[1] += s.minutes();
    }
    List<SeminarProposal> out = new ArrayList<>();
    for (Map.Entry<String, Set<AccountId>> e : accounts.entrySet()) {
      if (e.getValue().size() >= k) {
        double[] l = load.get(e.getKey());
        out.add(new SeminarProposal(e.getKey(), e.getValue().size(), (int) l[0], l[1],
            (l[1] - seminarMinutes) / 60));
      }
    }
    out.sort(Comparator.comparingDouble(SeminarProposal::hoursSaved).reversed()
        .thenComparing(SeminarProposal::topic));
    return out;
  }

  /**
   * Seminar topics whose attendance rate (attended / invited over all runs of the topic) is at least
   * {@code minRate}, with at least {@code minInvited} invitations, proposed as e-mail or help content, highest
   * rate first.
   */
  public static List<ContentProposal> contentCandidates(List<SeminarRun> runs, double minRate, int minInvited) {
    Map<String, int[]> byTopic = new LinkedHashMap<>();
    for (SeminarRun r : runs) {
      int[] c = byTopic.computeIfAbsent(r.topic().trim().toLowerCase(Locale.ROOT), t -> new int[2]);
      c[0] += r.invited();
      c[1] += r.attended();
    }
    List<ContentProposal> out = new ArrayList<>();
    for (Map.Entry<String, int[]> e : byTopic.entrySet()) {
      int[] c = e.getValue();
      if (c[0] > 0 && c[0] >= minInvited) {
        double rate = (double) c[1] / c[0];
        if (rate >= minRate) {
          out.add(new ContentProposal(e.getKey(), c[0], c[1], rate));
        }
      }
    }
    out.sort(Comparator.comparingDouble(ContentProposal::attendanceRate).reversed()
        .thenComparing(ContentProposal::topic));
    return out;
  }

  /** Seminar proposals as a text table. */
  public static String table(List<SeminarProposal> proposals) {
    TextTable t = TextTable.withHeader("topic", "accounts", "sessions", "minutes", "hours saved");
    for (SeminarProposal p : proposals) {
      t.row(p.topic(), p.accounts(), p.sessions(), p.minutes(), p.hoursSaved());
    }
    return t.toString();
  }
}
