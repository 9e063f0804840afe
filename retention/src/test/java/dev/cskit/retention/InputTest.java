package dev.cskit.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cskit.core.CskitException;
import dev.cskit.core.DataException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputTest {
  @TempDir Path dir;

  static final String HEADER = "account_id,subscription_id,plan,start_date,end_date,amount,billing_period,currency\n";

  Path csv(String body) throws IOException {
    Path f = dir.resolve("subs.csv");
    Files.writeString(f, HEADER + body);
    return f;
  }

  @Test
  void mixingCurrenciesWithoutATableNamesTheRowsOfEach() throws IOException {
    Path f = csv("a,s1,p,2024-01-01,,10,month,USD\nb,s2,p,2024-01-01,,10,month,EUR\nc,s3,p,2024-02-01,,10,month,USD\n");
    DataException e = assertThrows(DataException.class, () -> MrrHistory.readSubscriptions(f, RetentionOptions.defaults()));
    assertTrue(e.getMessage().contains("EUR in 1 row (row 3)"), e.getMessage());
    assertTrue(e.getMessage().contains("USD in 2 rows (rows 2, 4)"), e.getMessage());
  }

  @Test
  void aConversionTableConvertsBeforeRoundingToTheCent() throws IOException {
    Path f = csv("a,s1,p,2024-01-01,,10,month,USD\nb,s2,p,2024-01-01,,100,year,EUR\n");
    MrrHistory h = MrrHistory.readSubscriptions(f,
        RetentionOptions.defaults().withCurrency("USD", Map.of("EUR", new BigDecimal("1.08"))));
    // 100 EUR a year = 108 USD a year = 9.00 a month
    assertEquals(900, h.mrr("b", YearMonth.of(2024, 1)));
    assertEquals("USD", h.currency());
    DataException missing = assertThrows(DataException.class, () -> MrrHistory.readSubscriptions(f,
        RetentionOptions.defaults().withCurrency("USD", Map.of("GBP", BigDecimal.ONE))));
    assertEquals(3, missing.row());
    assertEquals("currency", missing.column());
  }

  @Test
  void badCellsNameFileRowAndColumn() throws IOException {
    DataException e = assertThrows(DataException.class,
        () -> MrrHistory.readSubscriptions(csv("a,s,p,2024-01-01,,ten,month,USD\n"), RetentionOptions.defaults()));
    assertEquals(2, e.row());
    assertEquals("amount", e.column());
    e = assertThrows(DataException.class,
        () -> MrrHistory.readSubscriptions(csv("a,s,p,2024-01-01,,10,weekly,USD\n"), RetentionOptions.defaults()));
    assertEquals("billing_period", e.column());
    e = assertThrows(DataException.class,
        () -> MrrHistory.readSubscriptions(csv("a,s,p,2024-03-01,2024-02-01,10,month,USD\n"), RetentionOptions.defaults()));
    assertEquals("end_date", e.column());
    e = assertThrows(DataException.class,
        () -> MrrHistory.readSubscriptions(csv("a,s,p,2024-13-01,,10,month,USD\n"), RetentionOptions.defaults()));
    assertEquals("start_date", e.column());
    e = assertThrows(DataException.class,
        () -> MrrHistory.readSubscriptions(csv("a,s,p,2024-01-01,,-1,month,USD\n"), RetentionOptions.defaults()));
    assertEquals("amount", e.column());
    e = assertThrows(DataException.class, () -> MrrHistory.readSubscriptions(csv(""), RetentionOptions.defaults()));
    assertTrue(e.getMessage().contains("holds no subscriptions"), e.getMessage());
  }

  @Test
  void monthlyInputRejectsARepeatedAccountMonth() throws IOException {
    Path f = dir.resolve("mrr.csv");
    Files.writeString(f, "account_id,month,mrr\na,2024-01,10\na,2024-02,10\na,2024-01,5\n");
    DataException e = assertThrows(DataException.class, () -> MrrHistory.readMonthlyMrr(f, RetentionOptions.defaults()));
    assertEquals(4, e.row());
    assertTrue(e.getMessage().contains("also in row 2"), e.getMessage());
  }

  @Test
  void optionsAreChecked() {
    assertThrows(CskitException.class, () -> RetentionOptions.defaults().withReactivationWindowMonths(-1));
    assertThrows(CskitException.class, () -> RetentionOptions.defaults().withCurrency(null, Map.of("EUR", BigDecimal.ONE)));
    assertThrows(CskitException.class, () -> BillingPeriod.parse("week"));
    assertEquals(BillingPeriod.YEAR, BillingPeriod.parse("Annual"));
    assertEquals(ChurnRecognition.AT_PERIOD_END, ChurnRecognition.parse("period-end"));
    MrrHistory h = MrrHistory.ofSubscriptions(
        List.of(Subscription.monthly("a", LocalDate.of(2024, 1, 1), null, "10")), RetentionOptions.defaults());
    assertThrows(CskitException.class, () -> h.bridge(ReportPeriod.MONTH, YearMonth.of(2024, 1), YearMonth.of(2024, 2)));
    // periods before the history have no MRR and undefined rates
    Rates early = h.rates(ReportPeriod.MONTH, YearMonth.of(2023, 11), YearMonth.of(2024, 1));
    assertEquals(3, early.rows().size());
    assertTrue(Double.isNaN(early.rows().get(0).nrr()));
    assertEquals(1000, h.bridge(ReportPeriod.MONTH, YearMonth.of(2023, 11), YearMonth.of(2024, 1)).rows().get(2).newMrr());
    assertThrows(CskitException.class, () -> h.byBand(new BandSnapshot(LocalDate.of(2023, 5, 1), Map.of(), Map.of()), 3));
  }

  @Test
  void textTablesShowTheBridge() {
    MrrHistory h = MrrHistory.ofSubscriptions(List.of(
        Subscription.monthly("a", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 1), "10.50"),
        Subscription.monthly("b", LocalDate.of(2024, 2, 1), null, "20")), RetentionOptions.defaults());
    String text = h.bridge().toString();
    assertTrue(text.contains("2024-03"), text);
    assertTrue(text.contains("10.50"), text);
    assertEquals(2000, h.totalMrr(YearMonth.of(2024, 3)));
  }

  @Test
  void amountsOutsideThePlainFormAreReadExactlyToo() throws IOException {
    Path f = csv("a,s1,p,2024-01-01,,1.255,month,USD\nb,s2,p,2024-01-01,,1e2,year,USD\nc,s3,p,2024-01-31,,12.5,quarter,USD\n"
        + "d,s4,p,2024-01-01,,0.06,year,USD\n");
    MrrHistory h = MrrHistory.readSubscriptions(f, RetentionOptions.defaults());
    YearMonth jan = YearMonth.of(2024, 1);
    assertEquals(126, h.mrr("a", jan)); // 125.5 cents, half-to-even
    assertEquals(833, h.mrr("b", jan)); // 10000 / 12 = 833.33
    assertEquals(417, h.mrr("c", jan)); // 1250 / 3 = 416.67
    assertEquals(0, h.mrr("d", jan)); // 6 / 12 = 0.5 cents, half-to-even: 0
    assertEquals(-1, MrrHistory.plainCents("1.255"));
    assertEquals(1250, MrrHistory.plainCents("12.5"));
    assertEquals(-1, MrrHistory.plainCents(".5"));
    assertEquals(2, MrrHistory.divideHalfEven(30, 12)); // 2.5 -> 2
    assertEquals(4, MrrHistory.divideHalfEven(42, 12)); // 3.5 -> 4
  }

  @Test
  void theBuilderGivesTheSameHistoryAsTheRecords() {
    List<Subscription> subs = List.of(
        new Subscription("a", "", "", LocalDate.of(2024, 1, 15), LocalDate.of(2024, 5, 15), new BigDecimal("1200"),
            BillingPeriod.YEAR, "USD"),
        new Subscription("a", "", "", LocalDate.of(2024, 5, 15), null, new BigDecimal("150.01"), BillingPeriod.MONTH, "USD"),
        new Subscription("b", "", "", LocalDate.of(2024, 2, 1), LocalDate.of(2024, 9, 1), new BigDecimal("99.99"),
            BillingPeriod.QUARTER, "USD"));
    MrrHistory.SubscriptionBuilder b = MrrHistory.builder(RetentionOptions.defaults());
    for (Subscription s : subs) {
      b.add(s.accountId(), s.start(), s.end(), s.amount().movePointRight(2).longValueExact(), s.billingPeriod(),
          s.currency());
    }
    MrrHistory built = b.build();
    MrrHistory records = MrrHistory.ofSubscriptions(subs, RetentionOptions.defaults());
    assertEquals(records.bridge(), built.bridge());
    assertEquals("USD", built.currency());
    assertThrows(DataException.class, () -> MrrHistory.builder(RetentionOptions.defaults())
        .add("a", 10, 5, 100, BillingPeriod.MONTH, ""));
  }
}
