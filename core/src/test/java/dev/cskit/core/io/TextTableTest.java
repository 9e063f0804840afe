package dev.cskit.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextTableTest {
  @Test
  void widthCountsTerminalColumns() {
    assertEquals(3, TextTable.displayWidth("abc"));
    assertEquals(6, TextTable.displayWidth("日本語"));
    assertEquals(8, TextTable.displayWidth("株式会社"));
    assertEquals(4, TextTable.displayWidth("ＡＢ")); // fullwidth forms
    assertEquals(2, TextTable.displayWidth("\uD83D\uDE80")); // rocket emoji
    assertEquals(1, TextTable.displayWidth("e\u0301")); // e + combining acute
    assertEquals(4, TextTable.displayWidth("한국"));
  }

  @Test
  void columnsAlignWithWideIds() {
    String text = TextTable.withHeader("account", "score")
        .row("acme", 71.5).row("株式会社", 80.0).row("\uD83D\uDE80corp", 9.25).toString();
    String[] lines = text.split("\n");
    // every row's score column ends at the same terminal column
    int end = TextTable.displayWidth(lines[0]);
    for (int i = 2; i < lines.length; i++) {
      assertEquals(end, TextTable.displayWidth(lines[i]), lines[i]);
    }
  }

  @Test
  void pairsReadAsText() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("pin", 1);
    m.put("rule", 998.0);
    assertEquals("pin 1, rule 998", TextTable.pairs(m));
    assertEquals("none", TextTable.pairs(Map.of()));
  }

  @Test
  void columnFormats() {
    assertEquals("12.3%", TextTable.percent(0.1234));
    assertEquals("1,234,568", TextTable.money(1234567.6));
    assertEquals("7.0", TextTable.fixed(7, 1));
    assertEquals("-", TextTable.fixed(Double.NaN, 1));
  }

  @Test
  void aColumnFormatGivesTheWholeColumnOnePrecision() {
    TextTable t = TextTable.withHeader("id", "score", "share", "arr")
        .column(1, TextTable.decimals(1)).column(2, TextTable::percent).column(3, TextTable::money);
    t.row("a", 0.5, 0.4873, 1234567.8);
    t.row("b", 72.0, 1.0, 950.0);
    t.row("c", Double.NaN, null, 12.0);
    assertEquals(String.join("\n",
        "id  score   share        arr",
        "----------------------------",
        "a     0.5   48.7%  1,234,568",
        "b    72.0  100.0%        950",
        "c       -       -         12",
        ""), t.toString());
    // without a format the same numbers print by their size: 0.5000 and 72 in one column
    TextTable plain = TextTable.withHeader("id", "score").row("a", 0.5).row("b", 72.0);
    assertEquals("id   score\n----------\na   0.5000\nb       72\n", plain.toString());
  }

  @Test
  void decimalsForAColumn() {
    assertEquals(0, TextTable.decimalsFor(new double[] {1, 306, Double.NaN}, 1));
    assertEquals(1, TextTable.decimalsFor(new double[] {1, 7.2}, 1));
  }
}
