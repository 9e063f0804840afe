package dev.cskit.survey;

import dev.cskit.core.AccountId;
import dev.cskit.core.ArgumentException;
import dev.cskit.core.CskitException;
import dev.cskit.core.io.TextTable;
import dev.cskit.survey.internal.Checks;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Contact throttling: who may be surveyed today, and why the others may not. Immutable rules; {@link
 * #decide} walks the candidates in the order given (so earlier candidates use up an account's quota first).
 *
 * <p>A candidate is excluded when (in this order of reasons) its last invitation was fewer than {@link
 * #daysSinceInvitation()} days ago, its last response fewer than {@link #daysSinceResponse()} days ago, or
 * its account already has {@link #maxPerAccountPerQuarter()} invitations in the calendar quarter of today
 * (counting those approved by this call). Reminders for a survey already sent are exempt: reminder events
 * never count, and a candidate marked as a reminder is always eligible.
 *
 * @param daysSinceInvitation the least days since a contact's last invitation (default 90)
 * @param daysSinceResponse the least days since a contact's last response (default 180)
 * @param maxPerAccountPerQuarter the most survey invitations per account per calendar quarter (default 2)
 */
public record Throttle(int daysSinceInvitation, int daysSinceResponse, int maxPerAccountPerQuarter) {
  /** The defaults: 90 days after an invitation, 180 after a response, 2 per account per quarter. */
  public static final Throttle DEFAULT = new Throttle(90, 180, 2);

  /**
   * @throws CskitException when a rule is negative
   */
  public Throttle {
    Checks.nonNegative("daysSinceInvitation", daysSinceInvitation);
    Checks.nonNegative("daysSinceResponse", daysSinceResponse);
    Checks.nonNegative("maxPerAccountPerQuarter", maxPerAccountPerQuarter);
  }

  /** What happened to a contact. */
  public enum Kind {
    /** A survey invitation: counts for the day rule and the account quota. */
    INVITATION,
    /** A reminder of a survey already sent: exempt, never counts. */
    REMINDER,
    /** An answer: counts for the day rule after a response. */
    RESPONSE
  }

  /**
   * A past contact event.
   *
   * @param contactId the person
   * @param accountId their account
   * @param date when
   * @param kind what
   */
  public record Event(String contactId, AccountId accountId, LocalDate date, Kind kind) {
    /** Requires every field. */
    public Event {
      Objects.requireNonNull(contactId, "contactId");
      Objects.requireNonNull(accountId, "accountId");
      Objects.requireNonNull(date, "date");
      Objects.requireNonNull(kind, "kind");
    }
  }

  /**
   * A contact one wants to survey today.
   *
   * @param contactId the person
   * @param accountId their account
   * @param reminder whether this is a reminder for a survey already sent (exempt)
   */
  public record Candidate(String contactId, AccountId accountId, boolean reminder) {
    /** Requires the contact and the account. */
    public Candidate {
      Objects.requireNonNull(contactId, "contactId");
      Objects.requireNonNull(accountId, "accountId");
    }

    /** A new invitation. */
    public static Candidate of(String contactId, AccountId accountId) {
      return new Candidate(contactId, accountId, false);
    }
  }

  /**
   * The decision for one candidate.
   *
   * @param contactId the person
   * @param accountId their account
   * @param eligible whether they may be surveyed today
   * @param reason why not (or why, for reminders and the eligible)
   */
  public record Decision(String contactId, AccountId accountId, boolean eligible, String reason) {}

  /**
   * Reads a contact history from CSV with columns {@code contact_id, account_id, date, kind} ({@code kind}:
   * {@code invitation}, {@code reminder} or {@code response}; dates YYYY-MM-DD). Other columns are ignored.
   *
   * @throws dev.cskit.core.DataException naming the file, row and column of a bad cell
   */
  public static List<Event> readHistoryCsv(java.nio.file.Path file) {
    try (dev.cskit.core.io.CsvInput in = dev.cskit.core.io.CsvInput.open(file)) {
      return readHistory(in);
    }
  }

  /** Reads a contact history from CSV text (see {@link #readHistoryCsv}), naming it {@code source}. */
  public static List<Event> readHistoryCsv(String text, String source) {
    try (dev.cskit.core.io.CsvInput in = dev.cskit.core.io.CsvInput.ofText(text, source)) {
      return readHistory(in);
    }
  }

  private static List<Event> readHistory(dev.cskit.core.io.CsvInput in) {
    in.require("contact_id", "account_id", "date", "kind");
    List<Event> out = new ArrayList<>();
    for (dev.cskit.core.io.CsvInput.Row row : in) {
      String kindText = row.required("kind");
      Kind kind;
      try {
        kind = Kind.valueOf(kindText.toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw row.error("kind", "must be invitation, reminder or response", CskitException.quote(kindText));
      }
      LocalDate date = row.date("date");
      if (date == null) {
        throw row.error("date", "must not be empty", null);
      }
      out.add(new Event(row.required("contact_id"), AccountId.of(row.required("account_id")), date, kind));
    }
    return out;
  }

  /** Decides every candidate for {@code today} from the history. */
  public Decisions decide(List<Candidate> candidates, List<Event> history, LocalDate today) {
    Objects.requireNonNull(today, "today");
    Map<String, LocalDate> lastInvited = new HashMap<>();
    Map<String, LocalDate> lastResponded = new HashMap<>();
    Map<AccountId, Integer> quarterCount = new HashMap<>();
    for (Event e : history) {
      if (e.date().isAfter(today)) {
        throw new ArgumentException(
            "history", "must not hold events after today (" + today + ")", e.contactId() + " on " + e.date());
      }
      switch (e.kind()) {
        case INVITATION:
          lastInvited.merge(e.contactId(), e.date(), (a, b) -> a.isAfter(b) ? a : b);
          if (sameQuarter(e.date(), today)) {
            quarterCount.merge(e.accountId(), 1, Integer::sum);
          }
          break;
        case RESPONSE:
          lastResponded.merge(e.contactId(), e.date(), (a, b) -> a.isAfter(b) ? a : b);
          break;
        default:
          break; // reminders are exempt
      }
    }
    List<Decision> out = new ArrayList<>();
    for (Candidate c : candidates) {
      if (c.reminder()) {
        out.add(new Decision(c.contactId(), c.accountId(), true, "reminder: exempt from throttling"));
        continue;
      }
      LocalDate inv = lastInvited.get(c.contactId());
      LocalDate resp = lastResponded.get(c.contactId());
      int used = quarterCount.getOrDefault(c.accountId(), 0);
      String reason = null;
      if (inv != null && ChronoUnit.DAYS.between(inv, today) < daysSinceInvitation) {
        reason = String.format("invited %s, %d days ago (rule: %d days between invitations)",
            inv, ChronoUnit.DAYS.between(inv, today), daysSinceInvitation);
      } else if (resp != null && ChronoUnit.DAYS.between(resp, today) < daysSinceResponse) {
        reason = String.format("responded %s, %d days ago (rule: %d days after a response)",
            resp, ChronoUnit.DAYS.between(resp, today), daysSinceResponse);
      } else if (used >= maxPerAccountPerQuarter) {
        reason = String.format("account %s already has %d survey invitations this quarter (rule: at most %d)",
            c.accountId(), used, maxPerAccountPerQuarter);
      }
      if (reason == null) {
        quarterCount.merge(c.accountId(), 1, Integer::sum);
        lastInvited.put(c.contactId(), today);
        out.add(new Decision(c.contactId(), c.accountId(), true, "eligible"));
      } else {
        out.add(new Decision(c.contactId(), c.accountId(), false, reason));
      }
    }
    return new Decisions(out);
  }

  private static boolean sameQuarter(LocalDate a, LocalDate b) {
    return a.getYear() == b.getYear() && a.get(IsoFields.QUARTER_OF_YEAR) == b.get(IsoFields.QUARTER_OF_YEAR);
  }

  /** The decisions, in the candidates' order. */
  public record Decisions(List<Decision> all) {
    /** Copies the decisions. */
    public Decisions {
      all = List.copyOf(all);
    }

    /** The eligible candidates. */
    public List<Decision> eligible() {
      return all.stream().filter(Decision::eligible).toList();
    }

    /** The excluded candidates, with reasons. */
    public List<Decision> excluded() {
      return all.stream().filter(d -> !d.eligible()).toList();
    }

    @Override
    public String toString() {
      TextTable t = TextTable.withHeader("contact", "account", "eligible", "reason");
      all.forEach(d -> t.row(d.contactId(), d.accountId(), d.eligible() ? "yes" : "no", d.reason()));
      return t.toString();
    }
  }
}
