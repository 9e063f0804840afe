package dev.cskit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccountsTest {
  private static List<Account> read(String csv) {
    return Accounts.readCsv(new StringReader(csv), "accounts.csv");
  }

  @Test
  void readsEveryFieldAndKeepsOtherColumnsAsAttributes() {
    List<Account> accounts = read(
        "account_id,name,arr,currency,seats,contract_start,renewal_date,stage,segment\n"
            + "a1,Acme,12000.5,eur,10,2025-01-15,2027-01-15,Onboarding,smb\n"
            + "a2,,0,,0,,,,\n");
    Account a = accounts.get(0);
    assertEquals(AccountId.of("a1"), a.id());
    assertEquals("Acme", a.name());
    assertEquals(12000.5, a.arr());
    assertEquals("EUR", a.currency());
    assertEquals(10, a.seats());
    assertEquals(LocalDate.of(2025, 1, 15), a.contractStart().orElseThrow());
    assertEquals(LocalDate.of(2027, 1, 15), a.renewalDate().orElseThrow());
    assertEquals(LifecycleStage.ONBOARDING, a.stage());
    assertEquals(Map.of("segment", "smb"), a.attributes());
    Account b = accounts.get(1);
    assertEquals("a2", b.name());
    assertEquals("USD", b.currency());
    assertEquals(LifecycleStage.ADOPTION, b.stage());
    assertEquals(Map.of(), b.attributes());
  }

  @Test
  void writesWhatItReads() {
    List<Account> accounts = read(
        "account_id,name,arr,currency,seats,contract_start,renewal_date,stage,segment\n"
            + "a1,\"Acme, Inc.\",12000.5,EUR,10,2025-01-15,2027-01-15,renewal,smb\n");
    StringWriter w = new StringWriter();
    Accounts.writeCsv(accounts, w);
    assertEquals(accounts, Accounts.readCsv(new StringReader(w.toString()), "again"));
  }

  @Test
  void aNegativeSeatCountIsAnError() {
    DataException e = assertThrows(DataException.class, () -> read("account_id,arr,seats\na1,100,-3\n"));
    assertEquals("accounts.csv, row 2, column \"seats\": must be a whole number >= 0; found -3", e.getMessage());
  }

  @Test
  void aMissingRequiredColumnIsAnError() {
    DataException e = assertThrows(DataException.class, () -> read("account_id,arr\na1,100\n"));
    assertEquals("accounts.csv, row 1: a column \"seats\" is required; found columns account_id, arr",
        e.getMessage());
  }

  @Test
  void aMissingAccountIdColumnIsAnError() {
    DataException e = assertThrows(DataException.class, () -> read("id,arr,seats\na1,100,1\n"));
    assertEquals("accounts.csv, row 1: a column \"account_id\" is required; found columns id, arr, seats",
        e.getMessage());
  }

  @Test
  void aDuplicatedAccountIsAnError() {
    DataException e = assertThrows(DataException.class,
        () -> read("account_id,arr,seats\na1,1,1\na1,2,2\n"));
    assertEquals(
        "accounts.csv, row 3, column \"account_id\": each account may appear once; found \"a1\" again (first at row 2)",
        e.getMessage());
  }

  @Test
  void badCellsNameTheirColumn() {
    assertEquals("accounts.csv, row 2, column \"seats\": must be a whole number; found \"2.5\"",
        assertThrows(DataException.class, () -> read("account_id,arr,seats\na1,1,2.5\n")).getMessage());
    assertEquals("accounts.csv, row 2, column \"contract_start\": must be a date (YYYY-MM-DD); found \"15/01/2025\"",
        assertThrows(DataException.class,
            () -> read("account_id,arr,seats,contract_start\na1,1,2,15/01/2025\n")).getMessage());
    assertEquals("accounts.csv, row 2, column \"stage\": a lifecycle stage must be one of onboarding, adoption, "
            + "expansion, renewal, churned; found \"trial\"",
        assertThrows(DataException.class, () -> read("account_id,arr,seats,stage\na1,1,2,trial\n")).getMessage());
    assertEquals("accounts.csv, row 2, column \"arr\": must be a number >= 0; found -5.0",
        assertThrows(DataException.class, () -> read("account_id,arr,seats\na1,-5,2\n")).getMessage());
  }

  @Test
  void theBuilderRejectsNegativeSeats() {
    assertThrows(dev.cskit.core.ArgumentException.class, () -> Account.builder().id("x").arr(1).seats(-1).build());
  }
}
