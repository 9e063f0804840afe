package dev.cskit.sample;

import dev.cskit.core.Account;
import dev.cskit.core.AccountId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The sample portfolio's survey contacts and their contact history, for throttling ({@code cskit survey
 * eligible}): every contact that may be surveyed today (up to three per account, as in the NPS wave), and the
 * past contact events: the NPS wave of {@link SamplePortfolio#surveyResponses()} (its invitations and
 * responses), a reminder a week after that wave to those who stayed silent, and an earlier wave about 130
 * days before the as-of date to the first contact of some older accounts. Deterministic per seed.
 */
public final class SampleContacts {
  private static final long STREAM_CONTACTS = 101;

  private SampleContacts() {}

  /** One contact that may be surveyed. */
  public record Contact(String contactId, AccountId accountId) {}

  /**
   * One past contact event.
   *
   * @param kind {@code invitation}, {@code reminder} or {@code response}
   */
  public record ContactEvent(String contactId, AccountId accountId, LocalDate date, String kind) {}

  /** The contacts of every account (up to three: one more per 15 seats), in account order. */
  public static List<Contact> contacts(SamplePortfolio p) {
    List<Contact> out = new ArrayList<>();
    for (Account a : p.accounts()) {
      int n = Math.min(3, 1 + a.seats() / 15);
      for (int c = 0; c < n; c++) {
        out.add(new Contact(a.id().value() + "-c" + (c + 1), a.id()));
      }
    }
    return out;
  }

  /** The contact history up to the as-of date, in date order (ties: contact id, then kind). */
  public static List<ContactEvent> history(SamplePortfolio p) {
    List<ContactEvent> out = new ArrayList<>();
    for (SurveyResponse r : p.surveyResponses()) {
      out.add(new ContactEvent(r.contactId(), r.accountId(), r.invitedOn(), "invitation"));
      if (r.responded()) {
        out.add(new ContactEvent(r.contactId(), r.accountId(), r.respondedOn(), "response"));
      } else {
        out.add(new ContactEvent(r.contactId(), r.accountId(), r.invitedOn().plusDays(7), "reminder"));
      }
    }
    LocalDate earlier = p.asOf().minusDays(130);
    List<Account> accounts = p.accounts();
    for (int i = 0; i < accounts.size(); i++) {
      Account a = accounts.get(i);
      if (a.contractStart().isEmpty() || !a.contractStart().get().isBefore(earlier)) {
        continue;
      }
      Rng r = new Rng(p.seed(), i, STREAM_CONTACTS);
      if (r.bernoulli(0.4)) {
        String contact = a.id().value() + "-c1";
        out.add(new ContactEvent(contact, a.id(), earlier, "invitation"));
        if (r.bernoulli(0.3)) {
          out.add(new ContactEvent(contact, a.id(), earlier.plusDays(1 + r.nextInt(10)), "response"));
        }
      }
    }
    out.sort(Comparator.comparing(ContactEvent::date).thenComparing(ContactEvent::contactId)
        .thenComparing(ContactEvent::kind));
    return out;
  }
}
