package dev.cskit.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cskit.core.ArgumentException;
import dev.cskit.core.DataException;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CellsTest {
  @ParameterizedTest
  @ValueSource(strings = {"5d", "39d", "1f", "1F", "0x10", "0x1p3", "1e", "1e+", "--1", "1.2.3", "1,5", "5 d",
      "Infinity", "-Infinity", "NaN", "nan", "NA", "na", ".", "+", "-", "e5", "12abc", "1_000", "١٢"})
  void numbersInFullOnly(String t) {
    ArgumentException e = assertThrows(ArgumentException.class, () -> Cells.number(t));
    assertTrue(e.rule().contains("leave the cell empty"), e.getMessage());
  }

  @Test
  void numbers() {
    assertEquals(5, Cells.number("5"));
    assertEquals(-0.5, Cells.number("-.5"));
    assertEquals(5, Cells.number("5."));
    assertEquals(1000, Cells.number("+1e3"));
    assertEquals(1.5e-7, Cells.number("1.5E-7"));
    assertEquals(0.1, Cells.number("0.1"));
    assertEquals(123456789012345678901.0, Cells.number("123456789012345678901"));
    assertEquals(Double.doubleToLongBits(-0.0), Double.doubleToLongBits(Cells.number("-0")));
    assertEquals("must be a finite number", assertThrows(ArgumentException.class, () -> Cells.number("1e400")).rule());
  }

  @Test
  void wholeNumbers() {
    assertEquals(39, Cells.wholeNumber("39"));
    assertEquals(39, Cells.wholeNumber("39.0"));
    assertEquals(-7, Cells.wholeNumber("-7"));
    assertEquals(3000, Cells.wholeNumber("3e3"));
    for (String bad : new String[] {"39d", "39.5", "1e16", "NA", "0x27", "39L"}) {
      assertThrows(ArgumentException.class, () -> Cells.wholeNumber(bad), bad);
    }
  }

  @Test
  void datesInFullOnly() {
    assertEquals(LocalDate.of(2022, 12, 2), Cells.date("2022-12-02"));
    assertEquals(LocalDate.of(2024, 2, 29), Cells.date("2024-02-29"));
    assertEquals(LocalDate.of(2022, 12, 2), Cells.date("2022-12-02T10:00:00Z"));
    for (String bad : new String[] {"2022-12-02Tgarbage", "2022-12-02T", "2023-02-29", "2026-02-30", "2022-12-2",
        "2022/12/02", "2022-12-02x", "20221202"}) {
      assertEquals(Cells.DATE_RULE, assertThrows(ArgumentException.class, () -> Cells.date(bad), bad).rule());
    }
  }

  @Test
  void timestamps() {
    assertEquals(Instant.parse("2026-04-02T14:45:12Z"), Cells.instant("2026-04-02T14:45:12Z"));
    assertEquals(Instant.parse("2026-04-02T12:45:12.250Z"), Cells.instant("2026-04-02T14:45:12.25+02:00"));
    assertEquals(Instant.parse("2026-04-02T14:45:00Z"), Cells.instant("2026-04-02 14:45"));
    assertEquals(Instant.parse("2026-04-02T00:00:00Z"), Cells.instant("2026-04-02"));
    assertEquals(Instant.parse("1969-12-31T23:59:59Z").getEpochSecond(), Cells.epochSecond("1969-12-31T23:59:59.9Z"));
    assertThrows(ArgumentException.class, () -> Cells.instant("2026-04-02T14:45:12Zgarbage"));
  }

  @Test
  void rowErrorsNameFileRowColumnAndRule() {
    try (CsvInput in = CsvInput.ofText("account_id,arr,seats,start\na,5d,3,2022-12-02\n", "accounts.csv")) {
      CsvInput.Row row = in.iterator().next();
      DataException e = assertThrows(DataException.class, () -> row.number("arr"));
      assertEquals("accounts.csv", e.source());
      assertEquals(2, e.row());
      assertEquals("arr", e.column());
      assertTrue(e.getMessage().contains("5d") && e.getMessage().contains("number in full"), e.getMessage());
    }
    try (CsvInput in = CsvInput.ofText("account_id,seats,start\na,39d,2022-12-02Tgarbage\n", "accounts.csv")) {
      CsvInput.Row row = in.iterator().next();
      assertEquals("seats", assertThrows(DataException.class, () -> row.requiredLong("seats")).column());
      assertEquals("start", assertThrows(DataException.class, () -> row.date("start")).column());
    }
  }
}
