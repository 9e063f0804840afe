package dev.cskit.benchmarks.pipeline;

import dev.cskit.core.io.CsvInput;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The floors of reading {@code score}'s inputs in Java, for {@code pipeline.sh}: {@code chars FILE...} decodes
 * every file (UTF-8) and counts line breaks and commas (no cell is made); {@code tokenize FILE...} reads them
 * through {@link CsvInput} (cskit's CSV tokenizer: a row of strings per line, nothing kept); {@code parse
 * METRICS FILE...} does the same and also parses every cell of the first file after a row's first as a number
 * (as the metrics reader does; the other files' cells stay text).
 */
public final class ReadPass {
  private ReadPass() {}

  /** Runs one pass over the files and prints what it counted. */
  public static void main(String[] args) throws Exception {
    long cells = 0;
    long rows = 0;
    double sum = 0;
    for (int f = 1; f < args.length; f++) {
      if (args[0].equals("chars")) {
        try (Reader r = Files.newBufferedReader(Path.of(args[f]), StandardCharsets.UTF_8)) {
          char[] buf = new char[1 << 16];
          int n;
          while ((n = r.read(buf)) > 0) {
            for (int i = 0; i < n; i++) {
              char c = buf[i];
              if (c == '\n') {
                rows++;
              } else if (c == ',') {
                cells++;
              }
            }
          }
        }
        continue;
      }
      try (CsvInput in = CsvInput.open(Path.of(args[f]))) {
        boolean parse = args[0].equals("parse") && f == 1;
        int width = in.header().size();
        for (CsvInput.Row row : in) {
          rows++;
          cells += row.size();
          if (parse) {
            for (int j = 1; j < width; j++) {
              double v = row.number(j, in.header().get(j));
              if (v == v) {
                sum += v;
              }
            }
          }
        }
      }
    }
    System.out.println(args[0] + ": " + rows + " rows, " + cells + " cells" + (sum != 0 ? ", sum " + sum : ""));
  }
}
