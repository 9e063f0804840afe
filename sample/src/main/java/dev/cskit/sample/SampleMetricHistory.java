package dev.cskit.sample;

import dev.cskit.core.MetricTable;
import dev.cskit.core.UsageAggregator;
import java.time.LocalDate;
import java.util.List;

/**
 * The sample portfolio's metrics as they were at an earlier date: the same usage events aggregated as of that
 * date (14- and 30-day windows, as {@link SamplePortfolio#usage()}), joined with the CRM facts. With the
 * current {@link SamplePortfolio#metrics()} it gives two scorings to compare ({@code cskit score diff},
 * {@code cskit score track}).
 */
public final class SampleMetricHistory {
  private SampleMetricHistory() {}

  /** The metrics a month before the as-of date. */
  public static MetricTable previousMonth(SamplePortfolio p) {
    return asOf(p, p.asOf().minusMonths(1));
  }

  /** The metrics as of {@code date} (at most 30 days before the portfolio's as-of date keeps full windows). */
  public static MetricTable asOf(SamplePortfolio p, LocalDate date) {
    MetricTable usage = UsageAggregator.builder()
        .asOf(date)
        .windows(14, 30)
        .eventTypes(List.of("login", "feature_used", "app_built", "support_question", "seminar_attended",
            "email_clicked"))
        .build()
        .aggregate(p.accounts(), p.usageEvents().filter(e -> !e.timestamp().isAfter(
            date.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant())));
    return usage.join(p.crm());
  }
}
