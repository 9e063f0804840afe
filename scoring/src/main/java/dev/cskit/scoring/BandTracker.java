package dev.cskit.scoring;

import dev.cskit.core.ArgumentException;
import dev.cskit.core.CskitException;
import dev.cskit.core.HealthBand;
import dev.cskit.core.io.TextTable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Turns a history of one account's scores into stable bands, so scores near a boundary do not flap:
 * <ul>
 *   <li><b>hysteresis</b>: the band changes only when the score passes the boundary by {@code margin}
 *       points (the new band is then the band of the score moved back by the margin), and/or when the
 *       score stays past the boundary, on the same side, for {@code confirmations} consecutive readings
 *       (the new band is the latest reading's). With both set, either suffices; with neither, every
 *       crossing changes the band;
 *   <li><b>smoothing</b> (optional): bands follow the exponentially smoothed score
 *       {@code s = alpha x + (1 - alpha) s_prev}, the first reading unsmoothed;
 *   <li><b>drop alert</b> (optional): a reading whose raw score is at least {@code points} below any earlier
 *       reading at most {@code days} days before it.
 * </ul>
 * Readings are taken in date order (ties in the order given); a missing (NaN) reading keeps the band and
 * the smoothed score. Immutable and deterministic: the same readings give the same bands.
 */
public final class BandTracker {
  private final double[] mins;
  private final HealthBand[] bands;
  private final double margin;
  private final int confirmations;
  private final double alpha;
  private final double dropPoints;
  private final int dropDays;

  private BandTracker(Builder b) {
    List<Band> list = b.bands;
    mins = new double[list.size()];
    bands = new HealthBand[list.size()];
    for (int i = 0; i < mins.length; i++) {
      mins[i] = list.get(i).min();
      bands[i] = HealthBand.of(list.get(i).name());
    }
    margin = b.margin;
    confirmations = b.confirmations;
    alpha = b.alpha;
    dropPoints = b.dropPoints;
    dropDays = b.dropDays;
  }

  /** A builder; bands default to {@link Scorecard#DEFAULT_BANDS}. */
  public static Builder builder() {
    return new Builder();
  }

  /** One score at a date. */
  public record Reading(LocalDate date, double score) {}

  /** A reading with its tracked band. */
  public record Tracked(LocalDate date, double score, double smoothed, HealthBand band, boolean bandChanged,
      boolean dropAlert) {}

  /** Tracks the readings (in date order). */
  public List<Tracked> track(List<Reading> readings) {
    List<Reading> sorted = new ArrayList<>(readings);
    sorted.sort(Comparator.comparing(Reading::date));
    List<Tracked> out = new ArrayList<>();
    int current = -1;
    double smoothed = Double.NaN;
    int streakDir = 0;
    int streak = 0;
    for (int t = 0; t < sorted.size(); t++) {
      Reading r = sorted.get(t);
      double x = r.score();
      if (x != x) {
        out.add(new Tracked(r.date(), x, smoothed, current < 0 ? HealthBand.INSUFFICIENT_DATA : bands[current],
            false, false));
        continue;
      }
      smoothed = smoothed != smoothed || alpha != alpha ? x : alpha * x + (1 - alpha) * smoothed;
      double s = smoothed;
      int candidate = bandIndex(s);
      boolean changed = false;
      if (current < 0) {
        current = candidate;
      } else if (candidate == current) {
        streak = 0;
        streakDir = 0;
      } else {
        int dir = candidate > current ? 1 : -1;
        streak = dir == streakDir ? streak + 1 : 1;
        streakDir = dir;
        int next = -1;
        boolean hasMargin = margin == margin;
        boolean hasCount = confirmations > 0;
        if (!hasMargin && !hasCount) {
          next = candidate;
        }
        if (hasMargin) {
          if (dir > 0 && s >= mins[current + 1] + margin) {
            next = bandIndex(s - margin);
          } else if (dir < 0 && s < mins[current] - margin) {
            next = bandIndex(s + margin);
          }
        }
        if (next < 0 && hasCount && streak >= confirmations) {
          next = candidate;
        }
        if (next >= 0 && next != current) {
          current = next;
          changed = true;
          streak = 0;
          streakDir = 0;
        }
      }
      boolean alert = false;
      if (dropPoints == dropPoints) {
        LocalDate earliest = r.date().minusDays(dropDays);
        for (int u = 0; u < t; u++) {
          Reading e = sorted.get(u);
          if (!e.date().isBefore(earliest) && e.score() - x >= dropPoints) {
            alert = true;
            break;
          }
        }
      }
      out.add(new Tracked(r.date(), x, s, bands[current], changed, alert));
    }
    return out;
  }

  private int bandIndex(double s) {
    int b = 0;
    for (int k = 1; k < mins.length; k++) {
      if (s >= mins[k]) {
        b = k;
      }
    }
    return b;
  }

  /** The readings with their bands as a text table. */
  public static String render(List<Tracked> tracked) {
    TextTable t = TextTable.withHeader("date", "score", "smoothed", "band", "changed", "alert");
    for (Tracked r : tracked) {
      t.row(r.date(), r.score(), r.smoothed(), r.band().name(), r.bandChanged() ? "*" : "", r.dropAlert() ? "!" : "");
    }
    return t.toString();
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "BandTracker(margin %s, confirmations %d, alpha %s, drop %s in %d days)",
        margin, confirmations, alpha, dropPoints, dropDays);
  }

  /** Builds a {@link BandTracker}. */
  public static final class Builder {
    private List<Band> bands = Scorecard.DEFAULT_BANDS;
    private double margin = Double.NaN;
    private int confirmations;
    private double alpha = Double.NaN;
    private double dropPoints = Double.NaN;
    private int dropDays;

    Builder() {}

    /** The bands (e.g. a scorecard's {@code bands()}). */
    public Builder bands(List<Band> bands) {
      if (bands.isEmpty()) {
        throw new ArgumentException("band tracker", "at least one band is required", null);
      }
      for (int i = 1; i < bands.size(); i++) {
        if (!(bands.get(i).min() > bands.get(i - 1).min())) {
          throw new ArgumentException("band tracker bands[" + i + "].min", "bands must be in increasing order of min",
              String.valueOf(bands.get(i).min()));
        }
      }
      this.bands = List.copyOf(bands);
      return this;
    }

    /** Hysteresis: change band only when the score passes the boundary by this many points (>= 0). */
    public Builder margin(double points) {
      if (!(points >= 0) || Double.isInfinite(points)) {
        throw new ArgumentException("band tracker margin", "must be a number >= 0", String.valueOf(points));
      }
      this.margin = points;
      return this;
    }

    /** Hysteresis: change band when k consecutive readings are past the boundary (k >= 1). */
    public Builder confirmations(int k) {
      if (k < 1) {
        throw new ArgumentException("band tracker confirmations", "must be >= 1", String.valueOf(k));
      }
      this.confirmations = k;
      return this;
    }

    /** Exponential smoothing with weight {@code alpha} in (0, 1] on the newest reading. */
    public Builder smoothing(double alpha) {
      if (!(alpha > 0 && alpha <= 1)) {
        throw new ArgumentException("band tracker smoothing", "alpha must be in (0, 1]", String.valueOf(alpha));
      }
      this.alpha = alpha;
      return this;
    }

    /** Alert when the score falls by at least {@code points} (> 0) within {@code days} (>= 0) days. */
    public Builder dropAlert(double points, int days) {
      if (!(points > 0) || days < 0) {
        throw new ArgumentException("band tracker drop alert", "needs points > 0 and days >= 0",
            points + " points in " + days + " days");
      }
      this.dropPoints = points;
      this.dropDays = days;
      return this;
    }

    public BandTracker build() {
      return new BandTracker(this);
    }
  }
}
