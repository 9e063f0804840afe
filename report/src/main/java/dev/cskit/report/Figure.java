package dev.cskit.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;

/**
 * One figure of a report: a chart (an Apache ECharts option) with its one-line reading, or, when its inputs
 * are missing, the sentence saying what is missing and how to get it.
 *
 * @param id the figure's id, unique in a report (also its HTML element id)
 * @param title its title
 * @param reading what the chart says, in words; for a missing chart, what is missing and how to get it
 * @param option the ECharts option (a Jackson tree), or null when the chart cannot be drawn
 */
public record Figure(String id, String title, String reading, ObjectNode option) {
  /** Checks the parts. */
  public Figure {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(reading, "reading");
  }

  /** A chart. */
  static Figure chart(String id, String title, String reading, ObjectNode option) {
    return new Figure(id, title, reading, Style.finish(Objects.requireNonNull(option, "option")));
  }

  /** A chart that cannot be drawn, and why. */
  static Figure missing(String id, String title, String whatIsMissing) {
    return new Figure(id, title, whatIsMissing, null);
  }

  /** Whether the chart is drawn. */
  public boolean drawn() {
    return option != null;
  }

  /** The ECharts option, when drawn. */
  public Optional<ObjectNode> echartsOption() {
    return Optional.ofNullable(option);
  }
}
