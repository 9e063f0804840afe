package dev.cskit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cskit.retention.MrrHistory;
import dev.cskit.retention.RetentionOptions;
import dev.cskit.sample.SamplePortfolio;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetentionCommandTest {
  @TempDir static Path dir;
  static Path subs;

  @BeforeAll
  static void sample() {
    assertEquals(0, CliTestSupport.run("sample", "--accounts", "200", "--out", dir.toString()).code);
    subs = dir.resolve("subscriptions.csv");
  }

  @Test
  void theBridgeOfTheSamplesFileIsTheDemosBridgeAndReconciles() {
    CliTestSupport r = CliTestSupport.run("retention", "bridge", "--subscriptions", subs.toString(),
        "--through", "2027-06", "--format", "json");
    assertEquals(0, r.code, r.err);
    JsonNode rows = r.json().get("rows");
    for (JsonNode row : rows) {
      BigDecimal lhs = row.get("starting").decimalValue().add(row.get("new").decimalValue())
          .add(row.get("expansion").decimalValue()).add(row.get("reactivation").decimalValue())
          .subtract(row.get("contraction").decimalValue()).subtract(row.get("churn").decimalValue());
      assertEquals(0, lhs.compareTo(row.get("ending").decimalValue()), row.toString());
    }
    SamplePortfolio p = SamplePortfolio.generate(200, 42);
    MrrHistory h = MrrHistory.ofSubscriptions(RetentionSection.subscriptions(p),
        RetentionOptions.defaults().withThrough(YearMonth.of(2027, 6)));
    assertEquals(h.bridge().rows().size(), rows.size());
    JsonNode last = rows.get(rows.size() - 1);
    assertEquals(0, last.get("ending").decimalValue().compareTo(
        dev.cskit.retention.Money.decimal(h.bridge().rows().get(rows.size() - 1).ending())));
  }

  @Test
  void ratesCohortsAndByBandAnswerOnTheSample() throws Exception {
    CliTestSupport rates = CliTestSupport.run("retention", "rates", "--subscriptions", subs.toString(),
        "--period", "quarter", "--last", "4", "--format", "csv");
    assertEquals(0, rates.code, rates.err);
    assertEquals(5, rates.out.strip().split("\n").length, rates.out);
    assertTrue(rates.out.startsWith("period,starting_accounts,logo_churn"), rates.out);

    CliTestSupport cohorts = CliTestSupport.run("retention", "cohorts", "--subscriptions", subs.toString(),
        "--attributes", dir.resolve("accounts.csv").toString(), "--by", "segment");
    assertEquals(0, cohorts.code, cohorts.err);
    assertTrue(cohorts.out.contains("enterprise") && cohorts.out.contains("Revenue retention"), cohorts.out);

    Path snapshot = dir.resolve("snapshot.csv");
    StringBuilder sb = new StringBuilder("account_id,band\n");
    SamplePortfolio p = SamplePortfolio.generate(200, 42);
    for (int i = 0; i < p.size(); i++) {
      sb.append(p.accounts().get(i).id().value()).append(i % 2 == 0 ? ",green\n" : ",red\n");
    }
    Files.writeString(snapshot, sb);
    CliTestSupport band = CliTestSupport.run("retention", "by-band", "--subscriptions", subs.toString(),
        "--scores", snapshot.toString(), "--as-of", "2026-06-30", "--format", "json");
    assertEquals(0, band.code, band.err);
    JsonNode first = band.json().get("rows").get(0);
    assertEquals("all", first.get("by").asText());
    assertEquals(200, first.get("accounts").asInt());
    assertTrue(first.get("nrr").asDouble() >= first.get("grr").asDouble());
    // --scores, the name every command gives a score CSV; --snapshot still reads as its old name
    assertEquals(band.out, CliTestSupport.run("retention", "by-band", "--subscriptions", subs.toString(),
        "--snapshot", snapshot.toString(), "--as-of", "2026-06-30", "--format", "json").out);
    CliTestSupport none = CliTestSupport.run("retention", "by-band", "--subscriptions", subs.toString(),
        "--as-of", "2026-06-30");
    assertEquals(2, none.code);
    assertTrue(none.err.startsWith("cskit: Missing required option: '--scores=FILE.csv'"), none.err);
    CliTestSupport both = CliTestSupport.run("retention", "by-band", "--subscriptions", subs.toString(),
        "--scores", snapshot.toString(), "--snapshot", snapshot.toString(), "--as-of", "2026-06-30");
    assertEquals(2, both.code, both.err);
    assertTrue(both.err.startsWith("cskit: give --scores only"), both.err);
    assertEquals("", both.out);
  }

  @Test
  void badInputExitsThreeAndBadFlagsTwo() throws Exception {
    Path mixed = dir.resolve("mixed.csv");
    Files.writeString(mixed, "account_id,start_date,amount,billing_period,currency\n"
        + "a,2024-01-01,10,month,USD\nb,2024-01-01,10,month,EUR\n");
    CliTestSupport r = CliTestSupport.run("retention", "bridge", "--subscriptions", mixed.toString());
    assertEquals(3, r.code);
    assertTrue(r.err.contains("mixes currencies") && r.err.contains("EUR in 1 row (row 3)"), r.err);
    assertEquals("", r.out);
    assertEquals(2, CliTestSupport.run("retention", "bridge", "--subscriptions", subs.toString(), "--through", "June").code);
    assertEquals(2, CliTestSupport.run("retention", "cohorts", "--subscriptions", subs.toString(), "--by", "segment").code);
    assertEquals(2, CliTestSupport.run("retention", "bridge").code);
  }
}
