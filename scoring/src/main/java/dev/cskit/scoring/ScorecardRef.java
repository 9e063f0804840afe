package dev.cskit.scoring;

/**
 * Which scorecard produced a result: its name, version and a content hash (the first 16 hex digits of the
 * SHA-256 of its canonical JSON form), so that any number can be reproduced from the exact card.
 */
public record ScorecardRef(String name, int version, String hash) {
  @Override
  public String toString() {
    return name + " v" + version + " (" + hash + ")";
  }
}
