package dev.cskit.survey;

import dev.cskit.core.ArgumentException;
import dev.cskit.core.CskitException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Parses enum constants from text such as {@code adjusted-wald} or {@code CLOPPER_PEARSON}. */
final class Enums {
  private Enums() {}

  static <E extends Enum<E>> E parse(Class<E> type, String text, String what) {
    if (text != null) {
      String key = text.trim().replace('-', '_').toUpperCase(Locale.ROOT);
      for (E e : type.getEnumConstants()) {
        if (e.name().equals(key)) {
          return e;
        }
      }
    }
    throw new ArgumentException(
        what,
        "must be one of " + Arrays.stream(type.getEnumConstants()).map(Enums::text).collect(Collectors.joining(", ")),
        CskitException.quote(text));
  }

  static String text(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
