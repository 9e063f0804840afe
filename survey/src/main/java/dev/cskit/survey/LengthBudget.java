package dev.cskit.survey;

import dev.cskit.survey.internal.Checks;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A survey length budget: the estimated time to answer a list of questions (the sum of {@link
 * QuestionKind#seconds()} plus a fixed {@link #INTRO_SECONDS} to open and read the invitation) and a warning
 * above the budget, 3 minutes by default (long surveys lose respondents; teams keep NPS surveys to about 3
 * minutes).
 *
 * @param budget the most time a survey should take
 */
public record LengthBudget(Duration budget) {
  /** The default budget: 3 minutes. */
  public static final LengthBudget DEFAULT = new LengthBudget(Duration.ofMinutes(3));
  /** Seconds to open the survey and read its introduction. */
  public static final int INTRO_SECONDS = 10;

  /** @throws dev.cskit.core.CskitException when the budget is under a second */
  public LengthBudget {
    Objects.requireNonNull(budget, "budget");
    Checks.positive("budget seconds", (double) budget.toSeconds());
  }

  /** Estimates a survey's length against this budget. */
  public Estimate estimate(List<QuestionKind> questions) {
    int seconds = INTRO_SECONDS;
    Map<QuestionKind, Integer> counts = new EnumMap<>(QuestionKind.class);
    for (QuestionKind q : questions) {
      seconds += Objects.requireNonNull(q, "question").seconds();
      counts.merge(q, 1, Integer::sum);
    }
    Duration d = Duration.ofSeconds(seconds);
    boolean over = d.compareTo(budget) > 0;
    String message =
        String.format(Locale.ROOT, "%d questions, about %d:%02d to answer; budget %d:%02d%s",
            questions.size(), seconds / 60, seconds % 60, budget.toSeconds() / 60, budget.toSeconds() % 60,
            over ? ": over budget, expect fewer completed answers; cut questions or move them to a later survey"
                : ": within budget");
    return new Estimate(d, budget, over, counts, message);
  }

  /**
   * A length estimate.
   *
   * @param estimated the estimated time to answer
   * @param budget the budget
   * @param overBudget whether the estimate exceeds the budget
   * @param questions the count of each question kind
   * @param message one line saying so
   */
  public record Estimate(
      Duration estimated, Duration budget, boolean overBudget, Map<QuestionKind, Integer> questions, String message) {
    /** Copies the counts. */
    public Estimate {
      questions = Map.copyOf(questions);
    }

    @Override
    public String toString() {
      return message;
    }
  }
}
