package dev.cskit.survey;

/**
 * Kinds of survey question with the seconds a respondent typically needs, for {@link LengthBudget}. The
 * figures are planning assumptions in line with survey vendors' published rules of thumb (a closed question
 * takes about 5-10 seconds to read and answer, an open comment about a minute).
 */
public enum QuestionKind {
  /** A 0-10 or 1-5 rating such as the NPS question: 7 seconds. */
  RATING(7),
  /** A yes/no question: 5 seconds. */
  YES_NO(5),
  /** A single- or multiple-choice question: 10 seconds. */
  MULTIPLE_CHOICE(10),
  /** One row of a rating matrix: 5 seconds. */
  MATRIX_ROW(5),
  /** A short free-text answer (a word or a line): 20 seconds. */
  SHORT_TEXT(20),
  /** An open comment ("why did you give that score?"): 60 seconds. */
  OPEN_TEXT(60);

  private final int seconds;

  QuestionKind(int seconds) {
    this.seconds = seconds;
  }

  /** Typical seconds to answer. */
  public int seconds() {
    return seconds;
  }

  /** Parses a name such as {@code open-text} or {@code RATING}. */
  public static QuestionKind parse(String text) {
    return Enums.parse(QuestionKind.class, text, "question kind");
  }
}
