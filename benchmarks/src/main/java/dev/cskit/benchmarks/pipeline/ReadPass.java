package dev.cskit.benchmarks.pipeline;

import dev.cskit.core.internal.CsvTokenizer;
import dev.cskit.core.io.Cells;
import java.io.BufferedReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The floors of reading {@code score}'s inputs in Java, for {@code pipeline.sh}: {@code chars FILE...} decodes
 * every file (UTF-8) and counts line breaks and commas (no cell is made); {@code tokenize FILE...} runs cskit's
 * CSV tokenizer over them (a string per cell, nothing kept); {@code parse METRICS FILE...} tokenizes them all
 * and also parses every non-empty cell of the first file after a row's first as a number (as the metrics
 * reader does; the other files' cells stay text).
 */
public final class ReadPass {
  private ReadPass() {}

  /** Runs one pass over the files and prints what it counted. */
  public static void main(String[] args) throws Exception {
    long cells = 0;
    long rows = 0;
    double sum = 0;
    for (int f = 1; f < args.length; f++) {
      try (Reader r = Files.newBufferedReader(Path.of(args[f]), StandardCharsets.UTF_8)) {
        if (args[0].equals("chars")) {
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
          continue;
        }
        CsvTokenizer t = new CsvTokenizer(r);
        String[] row;
        while ((row = t.next()) != null) {
          rows++;
          cells += row.length;
          if (args[0].equals("parse") && f == 1 && rows > 1) {
            for (int j = 1; j < row.length; j++) {
              String s = row[j].trim();
              if (!s.isEmpty()) {
                sum += Cells.number(s);
              }
            }
          }
        }
      }
    }
    System.out.println(args[0] + ": " + rows + " rows, " + cells + " cells" + (sum != 0 ? ", sum " + sum : ""));
  }
}
