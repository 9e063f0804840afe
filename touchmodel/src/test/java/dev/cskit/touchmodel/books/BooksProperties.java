package dev.cskit.touchmodel.books;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Books do not depend on the order of the input, and every rule holds on random instances. */
class BooksProperties {
  @Property(tries = 200)
  void orderFreeAndFeasible(@ForAll long seed) {
    Object[] inst = BooksTest.instance(new Random(seed));
    Roster roster = (Roster) inst[0];
    @SuppressWarnings("unchecked")
    List<BookAccount> accounts = (List<BookAccount>) inst[1];
    BookAssignment b;
    try {
      b = Books.assign(roster, accounts);
    } catch (InfeasibleRosterException e) {
      return;
    }
    BooksTest.assertFeasible(roster, accounts, b);
    List<BookAccount> shuffled = new ArrayList<>(accounts);
    Collections.shuffle(shuffled, new Random(seed + 1));
    assertEquals(b.accounts(), Books.assign(roster, shuffled).accounts());
    for (AccountBook ab : b.accounts()) {
      if (ab.move() == Move.KEPT) {
        assertEquals(ab.previousManager(), ab.manager());
      } else {
        assertTrue(ab.reason() != null && !ab.reason().isEmpty());
      }
    }
    assertTrue(b.continuity() >= 0 && b.continuity() <= 1);
  }
}
