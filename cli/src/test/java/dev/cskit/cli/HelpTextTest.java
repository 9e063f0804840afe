package dev.cskit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The help of every command and subcommand, walked through picocli's command tree: no description is cut
 * mid-sentence (picocli lists only the first line of a command's description, or of its header, in its
 * parent's command list, and starts a new line at each element of a description array).
 */
class HelpTextTest {
  /** Every command of the tree but {@code help}, with its path. */
  private static void walk(CommandLine c, String path, Map<String, CommandLine> out) {
    out.put(path, c);
    for (Map.Entry<String, CommandLine> e : c.getSubcommands().entrySet()) {
      if (!e.getKey().equals("help")) {
        walk(e.getValue(), path + " " + e.getKey(), out);
      }
    }
  }

  private static Map<String, CommandLine> commands() {
    Map<String, CommandLine> all = new java.util.LinkedHashMap<>();
    walk(Main.commandLine(), "cskit", all);
    return all;
  }

  /** A text that ends a sentence: a full stop or question mark, or a closing bracket after one. */
  static boolean endsSentence(String text) {
    String t = text.strip();
    return t.endsWith(".") || t.endsWith("?") || t.endsWith(".)");
  }

  /**
   * Picocli formats descriptions with {@link String#format}: a lone {@code %} (write {@code %%}) makes it print a
   * warning and the raw text.
   */
  static boolean formats(String text) {
    try {
      String.format(text);
      return true;
    } catch (java.util.IllegalFormatException e) {
      return false;
    }
  }

  @Test
  void everySummaryInACommandListEndsASentence() {
    List<String> bad = new ArrayList<>();
    for (Map.Entry<String, CommandLine> e : commands().entrySet()) {
      CommandSpec spec = e.getValue().getCommandSpec();
      String[] header = spec.usageMessage().header();
      String[] description = spec.usageMessage().description();
      // what picocli shows in the parent's list of commands
      String summary = header.length > 0 ? header[0] : description.length > 0 ? description[0] : "";
      if (!endsSentence(summary)) {
        bad.add(e.getKey() + ": \"" + summary + "\"");
      }
      for (String line : description) {
        // an example command line stands on a line of its own, without a full stop to copy with it
        boolean example = line.startsWith("Example: ");
        if (!(endsSentence(line) || example) || line.contains("\n") || line.contains("%n") || !formats(line)) {
          bad.add(e.getKey() + " description line: \"" + line + "\"");
        }
      }
    }
    assertEquals(List.of(), bad, "summaries or description lines cut mid-sentence");
  }

  @Test
  void theRenderedCommandListsShowWholeSentences() {
    List<String> bad = new ArrayList<>();
    for (Map.Entry<String, CommandLine> e : commands().entrySet()) {
      if (e.getValue().getSubcommands().isEmpty()) {
        continue;
      }
      String usage = e.getValue().getUsageMessage(CommandLine.Help.Ansi.OFF);
      String list = usage.substring(usage.indexOf("Commands:") + "Commands:".length());
      // an entry: "  name   text", continued on lines indented further; joined, it must end a sentence
      List<String> entries = new ArrayList<>();
      for (String line : list.split("\n")) {
        if (line.isBlank()) {
          continue;
        }
        if (line.matches("  \\S.*")) {
          entries.add(line.strip());
        } else {
          entries.set(entries.size() - 1, entries.get(entries.size() - 1) + " " + line.strip());
        }
      }
      assertTrue(entries.size() >= e.getValue().getSubcommands().size() - 1, usage);
      for (String entry : entries) {
        if (!entry.startsWith("help ") && !endsSentence(entry)) {
          bad.add(e.getKey() + ": " + entry);
        }
      }
    }
    assertEquals(List.of(), bad, "command-list entries cut mid-sentence");
  }

  @Test
  void noOptionDescriptionBreaksALineMidSentence() {
    List<String> bad = new ArrayList<>();
    for (Map.Entry<String, CommandLine> e : commands().entrySet()) {
      List<ArgSpec> args = new ArrayList<>(e.getValue().getCommandSpec().options());
      args.addAll(e.getValue().getCommandSpec().positionalParameters());
      for (ArgSpec a : args) {
        if (a.hidden()) {
          continue;
        }
        String[] d = a.description();
        for (int i = 0; i < d.length; i++) {
          // each element of a description array starts a new line in the help: all but the last must end a
          // sentence, and none may hold a line break of its own
          boolean last = i == d.length - 1;
          if (d[i].contains("\n") || d[i].contains("%n") || (!last && !endsSentence(d[i])) || !formats(d[i])) {
            bad.add(e.getKey() + " " + (a.isOption() ? ((CommandLine.Model.OptionSpec) a).longestName()
                : a.paramLabel()) + ": \"" + d[i] + "\"");
          }
        }
      }
    }
    assertEquals(List.of(), bad, "option descriptions broken mid-sentence");
  }

  /**
   * One grammar: every {@code --format} lists its values as table, csv or json (fit-weights adds yaml; run, whose
   * tables are files, prints a summary as table or json) with its default; every {@code --confidence} defaults to
   * 0.95 and says so; every default is written {@code (default: X)}.
   */
  @Test
  void theSameFlagsAreSpeltTheSameWay() {
    List<String> bad = new ArrayList<>();
    for (Map.Entry<String, CommandLine> e : commands().entrySet()) {
      for (CommandLine.Model.OptionSpec o : e.getValue().getCommandSpec().options()) {
        if (o.hidden()) {
          continue;
        }
        String text = String.join(" ", o.description()).replace("${DEFAULT-VALUE}", String.valueOf(
            o.defaultValueString()));
        String where = e.getKey() + " " + o.longestName() + ": " + text;
        if (text.matches(".*\\(default [^:].*")) {
          bad.add(where + " (write \"(default: X)\")");
        }
        if (o.longestName().equals("--format")) {
          boolean ok = text.matches("table, csv or json \\(default: (table|csv|json)\\)\\..*")
              || (e.getKey().equals("cskit score fit-weights")
                  && text.startsWith("yaml, table, csv or json (default: yaml)."))
              || (e.getKey().equals("cskit run") && text.startsWith("table or json (default: table)"));
          if (!ok) {
            bad.add(where);
          }
        }
        if (o.longestName().equals("--confidence") && !text.contains("(default: 0.95)")) {
          bad.add(where);
        }
        if (o.longestName().equals("--level") || o.longestName().equals("--alpha")) {
          bad.add(where + " (shown in help: the canonical name is --confidence)");
        }
      }
    }
    assertEquals(List.of(), bad, "flags spelt differently from the rest");
  }
}
