package dev.cskit.touchmodel.books;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cskit.core.Account;
import dev.cskit.core.AccountId;
import dev.cskit.sample.SamplePortfolio;
import dev.cskit.sample.SampleRoster;
import dev.cskit.touchmodel.PreviousTier;
import dev.cskit.touchmodel.Segmentation;
import dev.cskit.touchmodel.TierAssignment;
import dev.cskit.touchmodel.TouchModel;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The done criteria on the sample: with its roster of 12 managers every manager is within capacity,
 * and a month later (10% of the accounts' ARR moved, one manager down to 80 hours) continuity holds for at
 * least 90% of the accounts that stay in their tier; the report per manager prints.
 */
class SampleBooksTest {
  static Roster roster() {
    StringWriter w = new StringWriter();
    SampleRoster.writeCsv(w);
    return Roster.parseCsv(w.toString(), "roster.csv");
  }

  @Test
  void twelveManagersTwoMonths() {
    SamplePortfolio p = SamplePortfolio.generate(1000, SamplePortfolio.DEFAULT_SEED);
    TouchModel model = TouchModel.example();
    Roster roster = roster();
    assertEquals(12, roster.managers().size());
    Segmentation s1 = model.segment(p.accounts(), Map.of(), Map.of(), p.asOf());
    List<BookAccount> month1 = Books.accounts(s1, model, p.accounts(), Map.of());
    BookAssignment b1 = Books.assign(roster, month1);
    BooksTest.assertFeasible(roster, month1, b1);
    int booked = (int) b1.accounts().stream().filter(a -> a.manager() != null).count();
    assertEquals(s1.tier("high").accounts() + s1.tier("low").accounts(), booked);

    // a month later: 10% of the accounts change ARR by -40%..+60%, one manager has fewer hours
    Random r = new Random(11);
    List<Account> next = new ArrayList<>();
    for (Account a : p.accounts()) {
      next.add(r.nextInt(10) == 0
          ? Account.builder().from(a).arr(a.arr() * (0.6 + 1.0 * r.nextDouble())).build() : a);
    }
    Map<AccountId, PreviousTier> prevTiers = new HashMap<>();
    for (TierAssignment t : s1.assignments()) {
      prevTiers.put(t.accountId(), PreviousTier.of(t.tier(), p.asOf().minusDays(200)));
    }
    Map<AccountId, String> prevManagers = new HashMap<>();
    b1.accounts().stream().filter(a -> a.manager() != null).forEach(a -> prevManagers.put(a.accountId(), a.manager()));
    Segmentation s2 = model.segment(next, Map.of(), prevTiers, p.asOf().plusMonths(1));
    List<Manager> ms = new ArrayList<>(roster.managers());
    Manager m2 = ms.get(1);
    ms.set(1, new Manager(m2.id(), m2.tier(), 80, m2.maxAccounts(), m2.regions(), m2.languages(), m2.segments()));
    Roster roster2 = Roster.of(ms);
    List<BookAccount> month2 = Books.accounts(s2, model, next, prevManagers);
    BookAssignment b2 = Books.assign(roster2, month2);
    BooksTest.assertFeasible(roster2, month2, b2);
    assertTrue(b2.staying() > 250, b2.balanceText());
    assertTrue(b2.continuity() >= 0.9, b2.balanceText());
    for (BookAssignment b : List.of(b1, b2)) {
      for (TierBalance t : b.tiers()) {
        assertTrue(t.utilisationBound() <= t.peakUtilisation() + 1e-9, b.balanceText());
        assertTrue(t.arrShareBound() <= t.peakArrShare() + 1e-9, b.balanceText());
      }
    }
    String report = b2.toString();
    for (Manager m : roster2.managers()) {
      assertTrue(report.contains(m.id()), report);
    }
    System.out.println(report);
    System.out.println(b2.movesTable());
  }
}
