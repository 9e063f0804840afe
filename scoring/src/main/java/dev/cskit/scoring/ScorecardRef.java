package dev.cskit.scoring;

/**
 * Which scorecard produced a result: its name, revision and a content hash (the first 16 hex digits of the
 * SHA-256 of its canonical JSON form), so that any number can be reproduced from the exact card.
 *
 * @param name the card's name
 * @param version the card's revision ({@link Scorecard#revision()}; named {@code version} in outputs, which
 *     tools read as {@code scorecard_version})
 * @param hash the content hash
 */
public record ScorecardRef(String name, int version, String hash) {
  @Override
  public String toString() {
    return name + " v" + version + " (" + hash + ")";
  }
}
