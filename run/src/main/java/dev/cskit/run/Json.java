package dev.cskit.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** JSON text of plain maps, lists, strings and numbers (NaN written as null). */
final class Json {
  private static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private Json() {}

  static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(clean(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static Object clean(Object v) {
    if (v instanceof Double d && (d.isNaN() || d.isInfinite())) {
      return null;
    }
    if (v instanceof java.util.Map<?, ?> m) {
      java.util.Map<Object, Object> out = new java.util.LinkedHashMap<>();
      m.forEach((k, x) -> out.put(String.valueOf(k), clean(x)));
      return out;
    }
    if (v instanceof java.util.List<?> l) {
      return l.stream().map(Json::clean).toList();
    }
    return v;
  }
}
