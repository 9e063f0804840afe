package dev.cskit.report;

import java.util.List;
import java.util.Objects;

/**
 * One section of a report: a capability's figures.
 *
 * @param key the section's key (e.g. {@code health}), also its HTML anchor
 * @param title its heading
 * @param figures its figures, in order
 */
public record Section(String key, String title, List<Figure> figures) {
  /** Copies the figures. */
  public Section {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(title, "title");
    figures = List.copyOf(figures);
  }
}
