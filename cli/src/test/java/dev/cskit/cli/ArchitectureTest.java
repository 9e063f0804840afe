package dev.cskit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The house rules, read from the sources of every module of the checkout:
 *
 * <ul>
 *   <li>no module uses another module's {@code dev.cskit.<module>.internal} package, unless that module's
 *       {@code module-info.java} exports it to the user by name ({@code exports ... to});
 *   <li>every library module has a {@code module-info.java} that exports no {@code internal} package to all;
 *   <li>feature modules require no cskit module but {@code core};
 *   <li>no library module mentions the sample portfolio ({@code dev.cskit.sample}).
 * </ul>
 *
 * <p>Modules are the folders beside {@code cli} with a {@code src/main/java}; a module folder {@code x} owns the
 * packages {@code dev.cskit.x...}.
 */
class ArchitectureTest {
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  /** Modules that are libraries: each must have a module-info. */
  static final Set<String> LIBRARIES =
      Set.of("core", "ttv", "scoring", "touchmodel", "survey", "retention", "sample", "report", "run");

  /**
   * Library modules without a module-info, each with the reason. {@code spark}: Spark's jars cannot be
   * required as automatic modules ({@code spark-sql_2.13-4.1.3.jar} derives {@code spark.sql.2.13}, not a legal
   * module name, and carries no Automatic-Module-Name), so the module lives on the class path, as Spark does.
   */
  static final Map<String, String> LIBRARIES_WITHOUT_MODULE_INFO =
      Map.of("spark", "Spark's jars are not usable as automatic modules");

  /** Modules that are not libraries: applications and measurements. */
  static final Set<String> APPLICATIONS = Set.of("cli", "benchmarks");

  /** Feature modules: they may require cskit's core and nothing else of cskit. */
  static final Set<String> FEATURES = Set.of("ttv", "scoring", "touchmodel", "survey", "retention");

  static final Pattern INTERNAL_USE = Pattern.compile("\\bdev\\.cskit\\.([a-z0-9]+)\\.internal\\b");
  static final Pattern QUALIFIED_EXPORT =
      Pattern.compile("exports\\s+(dev\\.cskit\\.[a-z0-9.]+)\\s+to\\s+([^;]+);");
  static final Pattern EXPORT = Pattern.compile("exports\\s+(dev\\.cskit\\.[a-z0-9.]+)\\s*;");
  static final Pattern REQUIRES_CSKIT = Pattern.compile("requires\\s+(?:transitive\\s+)?dev\\.cskit\\.([a-z0-9]+)\\s*;");

  @Test
  void noModuleUsesAnotherModulesInternalsUnlessExportedToIt() {
    Map<String, Path> modules = modules(ROOT);
    assertTrue(modules.keySet().containsAll(LIBRARIES), "modules found: " + modules.keySet());
    List<String> violations = internalViolations(modules);
    assertEquals(List.of(), violations, "imports of another module's internal package");
  }

  @Test
  void everyLibraryModuleHasAModuleInfoThatKeepsInternalsInternal() {
    Map<String, Path> modules = modules(ROOT);
    for (String lib : LIBRARIES) {
      Path info = modules.get(lib).resolve("src/main/java/module-info.java");
      assertTrue(Files.isRegularFile(info), lib + " has no module-info.java");
      String text = stripComments(read(info));
      assertTrue(text.contains("module dev.cskit." + lib + " "), lib + ": module name");
      Matcher m = EXPORT.matcher(text);
      while (m.find()) {
        assertTrue(!m.group(1).contains(".internal"), lib + " exports " + m.group(1) + " to everyone");
      }
    }
  }

  @Test
  void everyModuleIsALibraryAnExplicitExceptionOrAnApplication() {
    Map<String, Path> modules = modules(ROOT);
    for (String m : modules.keySet()) {
      assertTrue(LIBRARIES.contains(m) || LIBRARIES_WITHOUT_MODULE_INFO.containsKey(m) || APPLICATIONS.contains(m),
          m + " is neither a library with a module-info, an explicit exception, nor an application");
    }
    for (String m : LIBRARIES_WITHOUT_MODULE_INFO.keySet()) {
      assertTrue(modules.containsKey(m), m + " is listed as an exception but is no module");
      assertTrue(!Files.exists(modules.get(m).resolve("src/main/java/module-info.java")),
          m + " has a module-info now: move it to LIBRARIES");
      for (Path f : javaFiles(modules.get(m).resolve("src/main"))) {
        assertTrue(!stripComments(read(f)).contains("dev.cskit.sample"), f + " uses the sample portfolio");
      }
    }
  }

  @Test
  void featureModulesRequireOnlyCore() {
    Map<String, Path> modules = modules(ROOT);
    for (String feature : FEATURES) {
      String text = stripComments(read(modules.get(feature).resolve("src/main/java/module-info.java")));
      Matcher m = REQUIRES_CSKIT.matcher(text);
      while (m.find()) {
        assertEquals("core", m.group(1), feature + " requires dev.cskit." + m.group(1));
      }
    }
  }

  @Test
  void noLibraryModuleMentionsTheSample() {
    Map<String, Path> modules = modules(ROOT);
    List<String> found = new ArrayList<>();
    for (String lib : LIBRARIES) {
      if (lib.equals("sample")) {
        continue;
      }
      for (Path f : javaFiles(modules.get(lib).resolve("src/main"))) {
        if (stripComments(read(f)).contains("dev.cskit.sample")) {
          found.add(ROOT.relativize(f).toString());
        }
      }
    }
    assertEquals(List.of(), found, "library sources that use the sample portfolio");
  }

  /** The detector itself, on a made-up checkout: it must see a violation, and accept a qualified export. */
  @Test
  void theDetectorFindsADeliberateViolation(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
    write(dir.resolve("alpha/src/main/java/module-info.java"),
        "module dev.cskit.alpha { exports dev.cskit.alpha; exports dev.cskit.alpha.internal to dev.cskit.beta; }");
    write(dir.resolve("alpha/src/main/java/dev/cskit/alpha/internal/Secret.java"),
        "package dev.cskit.alpha.internal; public class Secret {}");
    write(dir.resolve("beta/src/main/java/dev/cskit/beta/Ok.java"),
        "package dev.cskit.beta; import dev.cskit.alpha.internal.Secret; class Ok {}");
    write(dir.resolve("gamma/src/main/java/dev/cskit/gamma/Bad.java"),
        "package dev.cskit.gamma;\n// a comment naming dev.cskit.alpha.internal is fine\n"
            + "class Bad { Object o = new dev.cskit.alpha.internal.Secret(); }");
    List<String> v = internalViolations(modules(dir));
    assertEquals(1, v.size(), v.toString());
    assertTrue(v.get(0).startsWith("gamma/src/main/java/dev/cskit/gamma/Bad.java uses dev.cskit.alpha.internal"),
        v.get(0));
  }

  // ---------------------------------------------------------------------------------------------------------

  static Map<String, Path> modules(Path root) {
    Map<String, Path> out = new TreeMap<>();
    try (Stream<Path> s = Files.list(root)) {
      s.filter(p -> Files.isDirectory(p.resolve("src/main/java")))
          .forEach(p -> out.put(p.getFileName().toString(), p));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  static List<String> internalViolations(Map<String, Path> modules) {
    // which module may use which internal package: from each module-info's qualified exports
    Map<String, Set<String>> allowed = new TreeMap<>();
    for (Path dir : modules.values()) {
      Path info = dir.resolve("src/main/java/module-info.java");
      if (Files.isRegularFile(info)) {
        Matcher m = QUALIFIED_EXPORT.matcher(stripComments(read(info)));
        while (m.find()) {
          Set<String> to = allowed.computeIfAbsent(m.group(1), k -> new TreeSet<>());
          for (String t : m.group(2).split(",")) {
            to.add(t.trim());
          }
        }
      }
    }
    Path root = modules.values().iterator().next().getParent();
    List<String> violations = new ArrayList<>();
    for (Map.Entry<String, Path> e : modules.entrySet()) {
      String module = e.getKey();
      for (Path f : javaFiles(e.getValue().resolve("src/main"))) {
        Matcher m = INTERNAL_USE.matcher(stripComments(read(f)));
        Set<String> reported = new TreeSet<>();
        while (m.find()) {
          String owner = m.group(1);
          String pkg = "dev.cskit." + owner + ".internal";
          boolean exported = allowed.getOrDefault(pkg, Set.of()).contains("dev.cskit." + module);
          if (!owner.equals(module) && !exported && reported.add(pkg)) {
            violations.add(root.relativize(f).toString().replace('\\', '/') + " uses " + pkg);
          }
        }
      }
    }
    return violations;
  }

  static List<Path> javaFiles(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text without comments, so a javadoc link or a remark does not count as a use. */
  static String stripComments(String java) {
    return java.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\\n]*", " ");
  }

  static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void write(Path p, String text) throws IOException {
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }
}
