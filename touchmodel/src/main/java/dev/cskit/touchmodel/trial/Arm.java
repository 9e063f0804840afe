package dev.cskit.touchmodel.trial;

/** An arm of a trial: the accounts that get the play, or the control accounts that do not. */
public enum Arm {
  PLAY,
  CONTROL;

  /** The lower-case name used in files: {@code play} or {@code control}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Parses {@code play} or {@code control} (any case); null when it is neither. */
  public static Arm parse(String s) {
    if (s == null) {
      return null;
    }
    switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "play":
        return PLAY;
      case "control":
        return CONTROL;
      default:
        return null;
    }
  }
}
