package dev.cskit.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The CLI's JSON output: camelCase keys, numbers as numbers, null for undefined values (a NaN or infinite
 * double prints as null), dates as ISO-8601 text, nulls kept.
 */
public final class Json {
  private static final ObjectMapper MAPPER = newMapper();

  private Json() {}

  private static ObjectMapper newMapper() {
    SimpleModule nan = new SimpleModule("cskit-nan-as-null");
    JsonSerializer<Double> doubles =
        new JsonSerializer<>() {
          @Override
          public void serialize(Double v, JsonGenerator g, SerializerProvider p) throws IOException {
            if (v == null || v.isNaN() || v.isInfinite()) {
              g.writeNull();
            } else {
              g.writeNumber(v);
            }
          }
        };
    nan.addSerializer(Double.class, doubles);
    nan.addSerializer(double.class, doubles);
    ObjectMapper m = JsonMapper.builder().build();
    m.registerModule(new JavaTimeModule());
    m.registerModule(nan);
    m.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    m.disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    m.enable(SerializationFeature.INDENT_OUTPUT);
    return m;
  }

  /** The shared mapper (do not reconfigure). */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** A value as pretty-printed JSON text. */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A number or null when NaN/infinite: for values that leave as objects; {@link #write} already prints
   * every NaN or infinite double as null.
   */
  public static Double number(double v) {
    return Double.isNaN(v) || Double.isInfinite(v) ? null : v;
  }

  /** An ordered map built from key, value pairs (NaN values print as null like any other double). */
  public static Map<String, Object> object(Object... keyValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put((String) keyValues[i], keyValues[i + 1]);
    }
    return m;
  }
}
