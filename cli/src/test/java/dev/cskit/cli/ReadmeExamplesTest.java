package dev.cskit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The README cannot drift: every line of its "Every command on the sample" block runs on fresh sample output,
 * every command and subcommand of the CLI has a line there, and its Java blocks compile and run.
 */
class ReadmeExamplesTest {
  static final Path README = Path.of("..", "README.md");

  static String readme() throws Exception {
    return Files.readString(README, StandardCharsets.UTF_8);
  }

  /** The lines of the bash block that follows a heading. */
  static List<String> exampleLines(String text) {
    int h = text.indexOf("### Every command on the sample");
    assertTrue(h >= 0, "the README has no 'Every command on the sample' section");
    int start = text.indexOf("```bash\n", h) + 8;
    int end = text.indexOf("```", start);
    List<String> out = new ArrayList<>();
    for (String line : text.substring(start, end).split("\n")) {
      if (line.startsWith("cskit ") && !line.startsWith("cskit sample ")) {
        out.add(line);
      }
    }
    return out;
  }

  @Test
  void everyCommandHasAnExampleAndEveryExampleRuns(@TempDir Path dir) throws Exception {
    List<String> lines = exampleLines(readme());
    // every command the CLI has appears in the block
    TreeSet<String> missing = new TreeSet<>();
    collect(Main.commandLine(), "", missing);
    for (String line : lines) {
      missing.removeIf(name -> line.equals("cskit " + name) || line.startsWith("cskit " + name + " "));
    }
    missing.remove("sample"); // the block's first line, run below
    assertEquals(new TreeSet<>(), missing, "commands without an example in the README");

    assertEquals(0, CliTestSupport.run("sample", "--out", dir.toString()).code);
    for (String line : lines) {
      String command = line.replaceAll("\\s+#.*$", "");
      String redirect = null;
      int gt = command.indexOf(" > ");
      if (gt >= 0) {
        redirect = command.substring(gt + 3).trim();
        command = command.substring(0, gt);
      }
      String[] tokens = command.substring("cskit ".length()).trim().split("\\s+");
      for (int i = 0; i < tokens.length; i++) {
        if (tokens[i].startsWith("../")) {
          tokens[i] = Path.of("..").resolve(tokens[i].substring(3)).toString(); // the repository root
        } else if (!tokens[i].startsWith("-") && (Files.exists(dir.resolve(tokens[i]))
            || tokens[i].matches("[\\w.-]+(/[\\w.-]+)*\\.(csv|json|yaml|html)")
            || (i == 1 && tokens[0].equals("init")))) { // init's DIR
          tokens[i] = dir.resolve(tokens[i]).toString();
        }
      }
      CliTestSupport r = CliTestSupport.run(tokens);
      assertEquals(0, r.code, line + "\n" + r.err);
      assertFalse(r.out.isBlank() && redirect == null && !line.contains("--out "), line + " printed nothing");
      if (redirect != null) {
        Files.writeString(dir.resolve(redirect), r.out, StandardCharsets.UTF_8);
      }
    }
  }

  private static void collect(CommandLine c, String prefix, TreeSet<String> out) {
    for (Map.Entry<String, CommandLine> e : c.getSubcommands().entrySet()) {
      if (e.getKey().equals("help") || !e.getKey().equals(e.getValue().getCommandName())) {
        continue; // help, and aliases (analyze for analyse) of a command listed under its own name
      }
      String name = prefix.isEmpty() ? e.getKey() : prefix + " " + e.getKey();
      out.add(name);
      collect(e.getValue(), name, out);
    }
  }

  /**
   * Every {@code ```java} block of the README compiles and runs on sample files. Excerpts that need a context
   * the README cannot give in a few lines (a Spark session, results built earlier) are fenced
   * {@code ```java fragment}: highlighted as Java, not compiled here.
   */
  @Test
  void theJavaExamplesCompileAndRun(@TempDir Path dir) throws Exception {
    String text = readme();
    List<String> blocks = new ArrayList<>();
    for (int i = text.indexOf("```java\n"); i >= 0; i = text.indexOf("```java\n", i + 1)) {
      blocks.add(text.substring(i + 8, text.indexOf("```", i + 8)));
    }
    assertFalse(blocks.isEmpty(), "the README has no Java block");
    Path sample = dir.resolve("sample");
    assertEquals(0, CliTestSupport.run("sample", "--out", sample.toString(), "--accounts", "200").code);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    for (int b = 0; b < blocks.size(); b++) {
      StringBuilder imports = new StringBuilder();
      StringBuilder body = new StringBuilder();
      for (String line : blocks.get(b).split("\n")) {
        (line.startsWith("import ") ? imports : body).append(line).append('\n');
      }
      String name = "ReadmeExample" + b;
      // the block's statements as a method; what it prints to System.out goes to a stream the test reads
      String source = imports + "public class " + name + " {\n"
          + "  public static void run(String sampleDir, java.io.PrintStream out) throws Exception {\n"
          + body.toString().replace("Path.of(\"sample\")", "Path.of(sampleDir)").replace("System.out.", "out.")
          + "  }\n}\n";
      Path file = dir.resolve(name + ".java");
      Files.writeString(file, source, StandardCharsets.UTF_8);
      ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
      int rc = javac.run(null, null, diagnostics, "-d", dir.toString(), "-classpath",
          System.getProperty("java.class.path"), file.toString());
      assertEquals(0, rc, "README Java block " + (b + 1) + " does not compile:\n" + diagnostics + "\n" + source);
      ByteArrayOutputStream printed = new ByteArrayOutputStream();
      try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()},
          ReadmeExamplesTest.class.getClassLoader())) {
        Method run = loader.loadClass(name).getMethod("run", String.class, PrintStream.class);
        run.invoke(null, sample.toString(), new PrintStream(printed, true, StandardCharsets.UTF_8));
      }
      String out = printed.toString(StandardCharsets.UTF_8);
      // the table, then the attribution of one account: "75.2 green = seat_use 26.2 + ..."
      assertTrue(out.startsWith("ScoreTable 200 accounts") && out.matches("(?s).*\\n\\d+\\.\\d [a-z]+ = .*"),
          "README Java block " + (b + 1) + " printed:\n" + out);
      assertFalse(out.contains("={"), "a Java map in the README example's output:\n" + out);
    }
  }
}
