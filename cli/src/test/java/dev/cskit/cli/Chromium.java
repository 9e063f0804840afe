package dev.cskit.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Headless Chromium for the browser tests: a fresh profile per run, no network services, a time limit. */
final class Chromium {
  static final Path BINARY = Path.of(System.getProperty("cskit.test.chromium", "/usr/bin/chromium"));
  static final long TIMEOUT_SECONDS = 120;

  private Chromium() {}

  static boolean available() {
    return Files.isExecutable(BINARY);
  }

  /** Runs Chromium headless on a page with extra flags; returns its standard output. */
  static String run(Path page, String... flags) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory("cskit-chromium-");
    Path stdout = Files.createTempFile("cskit-chromium-", ".out");
    try {
      List<String> cmd = new ArrayList<>(List.of(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
          "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
          "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + profile));
      cmd.addAll(List.of(flags));
      cmd.add(page.toUri().toString());
      Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile())
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        throw new AssertionError("chromium did not finish within " + TIMEOUT_SECONDS + " s");
      }
      return Files.readString(stdout, StandardCharsets.UTF_8);
    } finally {
      Files.deleteIfExists(stdout);
      try (Stream<Path> s = Files.walk(profile)) {
        s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }
}
