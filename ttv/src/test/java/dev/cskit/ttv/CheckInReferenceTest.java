package dev.cskit.ttv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cskit.ttv.stats.KaplanMeier;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The check-in day against an independent R implementation on survfit step functions (checkin.csv). */
class CheckInReferenceTest {
  static List<String[]> read(String name) throws Exception {
    try (InputStream in = CheckInReferenceTest.class.getResourceAsStream("/reference/ttv/" + name)) {
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      List<String[]> out = new ArrayList<>();
      for (int i = 1; i < lines.length; i++) {
        out.add(lines[i].split(","));
      }
      return out;
    }
  }

  static double num(String s) {
    return s.equals("NA") ? Double.NaN : Double.parseDouble(s);
  }

  @Test
  void checkInDayMatchesR() throws Exception {
    List<String[]> input = read("km_input.csv");
    List<String[]> ref = read("checkin.csv");
    assertEquals(27, ref.size());
    for (String[] r : ref) {
      List<Double> t = new ArrayList<>();
      List<Integer> s = new ArrayList<>();
      for (String[] row : input) {
        if (row[0].equals(r[0])) {
          t.add(Double.parseDouble(row[1]));
          s.add((int) Double.parseDouble(row[2]));
        }
      }
      KaplanMeier km = KaplanMeier.fit(t.stream().mapToDouble(Double::doubleValue).toArray(),
          s.stream().mapToInt(Integer::intValue).toArray());
      CheckInDay day = CheckIn.recommend(km, num(r[1]), num(r[2]));
      String w = String.join(",", r);
      double expectDay = num(r[3]);
      if (Double.isNaN(expectDay)) {
        assertTrue(Double.isNaN(day.day()), w + " got " + day.day());
      } else {
        assertEquals(expectDay, day.day(), 1e-9 * Math.max(1, expectDay), w);
        assertEquals(num(r[4]), day.chanceAtDay(), 1e-12, w);
      }
    }
  }
}
