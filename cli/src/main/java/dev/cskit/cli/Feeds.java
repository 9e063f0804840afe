package dev.cskit.cli;

import dev.cskit.core.ArgumentException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.AnnotatedElement;
import java.util.Arrays;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The library arguments an option's value is passed to, by the name an {@link ArgumentException} gives
 * them ({@link ArgumentException#argument()}). When a command fails with an argument exception about one of
 * them and the option was given, the value came from the command line: {@link Main} reports a usage error
 * (exit 2) naming the option instead of invalid input (exit 3). The library's check is the one check; commands do not repeat it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
@interface Feeds {
  /** The argument names, such as {@code margin} or {@code confidence}. */
  String[] value();

  /** Lookups of {@link Feeds} on a command's options. */
  final class Options {
    private Options() {}

    /**
     * The option of {@code spec} (mixins included) that feeds {@code argument}, or null. When several do (a
     * canonical option and a hidden old name of it), the one given on the command line.
     */
    static OptionSpec feeding(CommandSpec spec, String argument) {
      if (argument == null) {
        return null;
      }
      OptionSpec first = null;
      for (OptionSpec o : spec.options()) {
        Object element = o.userObject();
        Feeds feeds = element instanceof AnnotatedElement
            ? ((AnnotatedElement) element).getAnnotation(Feeds.class) : null;
        if (feeds != null && Arrays.asList(feeds.value()).contains(argument)) {
          if (!o.originalStringValues().isEmpty()) {
            return o;
          }
          first = first == null ? o : first;
        }
      }
      return first;
    }
  }
}
