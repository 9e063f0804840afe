package dev.cskit.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link CsvTokenizer} reads any text as Jackson's CSV parser does with the settings {@code CsvInput} used
 * before it (wrap as array, trim spaces): the same records, cell for cell, and the same error text after the
 * same records, whatever the block size.
 */
class CsvTokenizerProperties {
  private static final CsvMapper MAPPER = new CsvMapper();

  static {
    MAPPER.enable(CsvParser.Feature.WRAP_AS_ARRAY);
    MAPPER.enable(CsvParser.Feature.TRIM_SPACES);
  }

  /** The records Jackson reads, then "error: message" when it fails. */
  static List<String> jackson(String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (MappingIterator<String[]> it = MAPPER.readerFor(String[].class).readValues(new StringReader(text))) {
      while (it.hasNextValue()) {
        out.add(Arrays.toString(Arrays.stream(it.nextValue()).map(CsvTokenizerProperties::show).toArray()));
      }
    } catch (JsonProcessingException e) {
      out.add("error: " + e.getOriginalMessage());
    }
    return out;
  }

  static List<String> tokenizer(String text, int block) throws IOException {
    List<String> out = new ArrayList<>();
    try (CsvTokenizer t = new CsvTokenizer(new StringReader(text), 0, block)) {
      String[] cells;
      while ((cells = t.next()) != null) {
        out.add(Arrays.toString(Arrays.stream(cells).map(CsvTokenizerProperties::show).toArray()));
      }
    } catch (CsvTokenizer.SyntaxError e) {
      out.add("error: " + e.getMessage());
    }
    return out;
  }

  private static String show(String cell) {
    return "<" + cell + ">";
  }

  @Provide
  Arbitrary<String> csvText() {
    Arbitrary<String> pieces = Arbitraries.oneOf(
        Arbitraries.of(",", "\"", "\"\"", "\r", "\n", "\r\n", " ", "\t", "\u0000", "\u0085", "\u00a0", "\uFEFF",
            "é", "日本", "\uD83D\uDE00", "x", "ab", "1.5", "\u007f", ",,", "\" ", " \""),
        Arbitraries.strings().withCharRange(' ', '~').ofMinLength(1).ofMaxLength(6));
    return pieces.list().ofMaxSize(40).map(l -> String.join("", l));
  }

  @Property(tries = 3000)
  void readsAsJacksonDoes(@ForAll("csvText") String text, @ForAll @IntRange(min = 1, max = 9) int block)
      throws IOException {
    List<String> expected = jackson(text);
    assertEquals(expected, tokenizer(text, block), () -> "text " + text.replace("\r", "\\r").replace("\n", "\\n"));
    assertEquals(expected, tokenizer(text, 1 << 16));
  }

  @Provide
  Arbitrary<String> wellFormed() {
    Arbitrary<String> cell = Arbitraries.oneOf(
        Arbitraries.strings().withCharRange('a', 'z').withChars(' ', '.', '-', 'é').ofMaxLength(8),
        Arbitraries.strings().withChars('a', ',', '"', '\n', '\r', ' ', '日').ofMaxLength(8)
            .map(s -> "\"" + s.replace("\"", "\"\"") + "\""));
    Arbitrary<String> row = cell.list().ofMinSize(1).ofMaxSize(6).map(l -> String.join(",", l));
    return Arbitraries.oneOf(Arbitraries.just("\n"), Arbitraries.just("\r\n"), Arbitraries.just("\r"))
        .flatMap(nl -> row.list().ofMaxSize(8).map(rows -> String.join(nl, rows)
            + (rows.size() % 2 == 0 ? nl : "")));
  }

  @Property(tries = 1000)
  void readsWellFormedCsvAsJacksonDoes(@ForAll("wellFormed") String text, @ForAll @IntRange(min = 1, max = 7) int block)
      throws IOException {
    assertEquals(jackson(text), tokenizer(text, block));
  }

  @Example
  void boundsRows() throws IOException {
    String longRow = "a,b\n" + "x".repeat(50) + "\nc\n";
    try (CsvTokenizer t = new CsvTokenizer(new StringReader(longRow), 40, 16)) {
      assertEquals(List.of("a", "b"), Arrays.asList(t.next()));
      org.junit.jupiter.api.Assertions.assertThrows(CsvTokenizer.RowTooLong.class, t::next);
    }
    try (CsvTokenizer t = new CsvTokenizer(new StringReader(longRow), 50, 16)) {
      int n = 0;
      while (t.next() != null) {
        n++;
      }
      assertEquals(3, n);
    }
  }
}
