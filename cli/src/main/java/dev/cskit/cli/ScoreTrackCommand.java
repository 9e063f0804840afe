package dev.cskit.cli;

import dev.cskit.core.AccountId;
import dev.cskit.core.HealthBand;
import dev.cskit.core.io.TextTable;
import dev.cskit.scoring.BandTracker;
import dev.cskit.scoring.validation.ScoreSnapshots;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cskit score track}: confirmed band changes and drop alerts over a series of scorings. */
@Command(
    name = "track",
    mixinStandardHelpOptions = true,
    description = {
      "Confirmed band changes and drop alerts over a series of scorings, so scores near a boundary do not flap.",
      "Reads score CSVs (the output of 'cskit score --format csv', or score snapshots: account_id, as_of, "
          + "score, band). Per account, in date order: hysteresis (--margin points past the boundary, or "
          + "--confirmations readings in a row), optional exponential smoothing (--smoothing), and an alert "
          + "when the score falls by --drop-points within --drop-days days."
    })
public final class ScoreTrackCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--scores", paramLabel = "FILE", required = true, arity = "1..*",
      description = "Score CSVs, one or more (each may hold several dates).")
  List<Path> scores;

  @Option(names = "--scorecard", paramLabel = "FILE",
      description = "Take the bands from this scorecard, or a built-in name (default: red below 40, yellow "
          + "below 70, green).")
  String scorecard;

  @Feeds("band tracker margin")
  @Option(names = "--margin", paramLabel = "POINTS", description = "Hysteresis margin in points (default: none).")
  Double margin;

  @Feeds("band tracker confirmations")
  @Option(names = "--confirmations", paramLabel = "K",
      description = "Readings in a row past a boundary that confirm a change (default: none).")
  Integer confirmations;

  @Feeds("band tracker smoothing")
  @Option(names = "--smoothing", paramLabel = "ALPHA",
      description = "Exponential smoothing weight of the newest reading, in (0, 1] (default: none).")
  Double smoothing;

  @Feeds("band tracker drop alert")
  @Option(names = "--drop-points", paramLabel = "POINTS", description = "Alert on a fall of this many points "
      + "(default: 15).")
  double dropPoints = 15;

  @Feeds("band tracker drop alert")
  @Option(names = "--drop-days", paramLabel = "DAYS", description = "... within this many days (default: 45).")
  int dropDays = 45;

  @CommandLine.Mixin TableFormatOption tableFormat;

  /** One event of the track: a confirmed band change or a drop alert. */
  record Event(String accountId, LocalDate date, String kind, double score, double smoothed, HealthBand from,
      HealthBand band) {}

  @Override
  public Integer call() {
    BandTracker tracker = tracker();
    ScoreSnapshots read = null;
    for (Path p : scores) {
      ScoreSnapshots s = ScoreSnapshots.readCsv(p);
      read = read == null ? s : read.concat(s);
    }
    ScoreSnapshots all = read;
    List<Event> events = track(tracker, all);
    int accounts = readings(all).size();
    Output.print(spec, tableFormat.format, () -> text(events, accounts, all.dates().size()), csv -> {
      csv.row("account_id", "date", "event", "score", "smoothed", "from_band", "band");
      for (Event e : events) {
        csv.row(e.accountId(), e.date().toString(), e.kind(), Output.n(e.score()), Output.n(e.smoothed()),
            e.from() == null ? "" : e.from().name(), e.band().name());
      }
    }, () -> {
      List<Object> rows = new ArrayList<>();
      for (Event e : events) {
        rows.add(Json.object("accountId", e.accountId(), "date", e.date().toString(), "event", e.kind(),
            "score", e.score(), "smoothed", e.smoothed(), "fromBand", e.from() == null ? null : e.from().name(),
            "band", e.band().name()));
      }
      return Json.object("accounts", accounts, "dates", all.dates().stream().map(LocalDate::toString).toList(),
          "events", rows);
    });
    return Main.OK;
  }

  BandTracker tracker() {
    BandTracker.Builder b = BandTracker.builder();
    if (scorecard != null) {
      b.bands(ScoreCommand.scorecard(scorecard).bands());
    }
    if (margin != null) {
      b.margin(margin);
    }
    if (confirmations != null) {
      b.confirmations(confirmations);
    }
    if (smoothing != null) {
      b.smoothing(smoothing);
    }
    b.dropAlert(dropPoints, dropDays);
    return b.build();
  }

  /** Each account's readings, accounts in id order. */
  static Map<AccountId, List<BandTracker.Reading>> readings(ScoreSnapshots s) {
    Map<AccountId, List<BandTracker.Reading>> by = new TreeMap<>();
    for (int i = 0; i < s.size(); i++) {
      by.computeIfAbsent(s.accountId(i), k -> new ArrayList<>()).add(new BandTracker.Reading(s.asOf(i), s.score(i)));
    }
    return by;
  }

  /** The confirmed band changes and drop alerts of every account, by account then date. */
  static List<Event> track(BandTracker tracker, ScoreSnapshots s) {
    List<Event> out = new ArrayList<>();
    for (Map.Entry<AccountId, List<BandTracker.Reading>> e : readings(s).entrySet()) {
      HealthBand previous = null;
      for (BandTracker.Tracked t : tracker.track(e.getValue())) {
        if (t.bandChanged()) {
          out.add(new Event(e.getKey().value(), t.date(), "band change", t.score(), t.smoothed(), previous,
              t.band()));
        }
        if (t.dropAlert()) {
          out.add(new Event(e.getKey().value(), t.date(), "drop alert", t.score(), t.smoothed(), null, t.band()));
        }
        previous = t.band();
      }
    }
    return out;
  }

  static String text(List<Event> events, int accounts, int dates) {
    long changes = events.stream().filter(e -> e.kind().equals("band change")).count();
    TextTable t = TextTable.withHeader("account", "date", "event", "score", "smoothed", "band");
    for (Event e : events) {
      t.row(e.accountId(), e.date(), e.kind(), TextTable.fixed(e.score(), 1), TextTable.fixed(e.smoothed(), 1),
          e.from() == null ? e.band().name() : e.from().name() + " -> " + e.band().name());
    }
    return String.format(java.util.Locale.ROOT, "%d accounts over %d dates: %d confirmed band changes, %d drop "
        + "alerts%n", accounts, dates, changes, events.size() - changes) + (events.isEmpty() ? "" : t.toString());
  }
}
