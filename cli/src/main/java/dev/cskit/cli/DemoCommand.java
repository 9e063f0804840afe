package dev.cskit.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cskit demo}: generates the built-in sample portfolio and prints what the library knows about it. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Generate the built-in sample portfolio and show what cskit computes on it.")
public final class DemoCommand implements Callable<Integer> {
  /** The demo's sections, in order. Each capability adds its own. */
  static final List<DemoSection> SECTIONS =
      List.of(
          new PortfolioSection(),
          new HealthSection(),
          new ValidationSection(),
          new TouchModelSection(),
          new TimeToValueSection(),
          new SurveySection(),
          new RetentionSection());

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin PortfolioOptions portfolio;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Override
  public Integer call() {
    DemoContext context = new DemoContext(portfolio.generate(spec.commandLine()));
    PrintWriter out = spec.commandLine().getOut();
    Map<String, Object> sections = new LinkedHashMap<>();
    for (DemoSection section : SECTIONS) {
      DemoSection.Result result = section.run(context);
      if (json) {
        sections.put(section.key(), result.json());
      } else {
        out.println("== " + section.title() + " ==");
        out.println(result.text());
      }
    }
    if (json) {
      out.println(Json.write(sections));
    }
    out.flush();
    return Main.OK;
  }
}
