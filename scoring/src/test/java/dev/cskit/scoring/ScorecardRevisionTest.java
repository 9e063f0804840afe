package dev.cskit.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A card's own number may be written revision (the touch model's name for it) or version. */
class ScorecardRevisionTest {
  @Test
  void revisionIsTheCardsVersion(@TempDir Path dir) throws Exception {
    String body = "name: r\nmeasures:\n  - {id: a, metric: a, weight: 1, rule: {type: linear, points: [[0, 0], [1, 100]]}}\n";
    Path a = dir.resolve("a.yaml");
    Files.writeString(a, "revision: 4\n" + body);
    Path b = dir.resolve("b.yaml");
    Files.writeString(b, "version: 4\n" + body);
    assertEquals(4, Scorecard.read(a).version());
    assertEquals(Scorecard.read(b), Scorecard.read(a));
    assertEquals(Scorecard.read(b).ref(), Scorecard.read(a).ref());
  }
}
