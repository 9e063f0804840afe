package dev.cskit.core;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads and writes configuration (scorecards, touch models, survey plans) as JSON or YAML.
 *
 * <p>Reading is strict: an unknown field, a duplicated key, a number where text belongs (or the reverse),
 * trailing content: each is a {@link ConfigException} that names the file, the path inside it and the line.
 * Configuration types are plain immutable Java types (records) whose constructors validate their own
 * fields and throw {@link ConfigException} with a path relative to themselves; this class places those
 * errors in the document.
 *
 * <p>Only Jackson APIs present in 2.15 are used here, so cskit runs beside Spark's pinned Jackson.
 */
public final class Configs {
  /**
   * The largest configuration file read, in bytes (1 MiB): a larger one is refused before it is parsed. Real
   * scorecards, touch models and plans are a few kilobytes; the bound keeps a wrong file (a data dump, a
   * device such as {@code /dev/zero}) from taking minutes or all memory.
   */
  public static final int MAX_BYTES = 1 << 20;

  /** The most aliases to one collection a YAML document may use (the "billion laughs" protection). */
  static final int MAX_ALIASES = 50;

  /** The most values a YAML document may expand to through its aliases. */
  static final int MAX_EXPANDED_NODES = 100_000;

  private static final org.yaml.snakeyaml.LoaderOptions LOADER = loaderOptions();

  private static final ObjectMapper JSON = configure(JsonMapper.builder().build());
  private static final ObjectMapper YAML =
      configure(
          new YAMLMapper(
              YAMLFactory.builder()
                  .loaderOptions(LOADER)
                  .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                  .disable(YAMLGenerator.Feature.USE_NATIVE_TYPE_ID)
                  .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                  .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                  .build()));

  private Configs() {}

  private static org.yaml.snakeyaml.LoaderOptions loaderOptions() {
    org.yaml.snakeyaml.LoaderOptions o = new org.yaml.snakeyaml.LoaderOptions();
    o.setCodePointLimit(MAX_BYTES);
    o.setMaxAliasesForCollections(MAX_ALIASES);
    o.setAllowDuplicateKeys(false);
    o.setNestingDepthLimit(100);
    return o;
  }

  private static ObjectMapper configure(ObjectMapper mapper) {
    mapper.registerModule(new JavaTimeModule());
    mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
    mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    mapper.enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    mapper.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
    mapper.enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS);
    mapper.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
    mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    mapper.enable(SerializationFeature.INDENT_OUTPUT);
    mapper.setSerializationInclusion(JsonInclude.Include.NON_NULL);
    return mapper;
  }

  /** The mapper for a format; shared and configured as described above. */
  private static ObjectMapper mapper(ConfigFormat format) {
    return format == ConfigFormat.JSON ? JSON : YAML;
  }

  /**
   * The top-level field names of a configuration file, its format from its extension, in document order:
   * enough to tell which kind of configuration a file holds before reading it. Empty when the file does not
   * hold an object or cannot be read or parsed (reading it as a type then reports the problem and its place).
   */
  public static Set<String> topLevelFields(Path file) {
    try {
      return fieldsOf(mapper(ConfigFormat.of(file)).readTree(file.toFile()));
    } catch (IOException | RuntimeException e) {
      return Set.of();
    }
  }

  /** As {@link #topLevelFields(Path)}, for configuration text in a given format. */
  public static Set<String> topLevelFields(String text, ConfigFormat format) {
    try {
      return fieldsOf(mapper(format).readTree(text));
    } catch (IOException | RuntimeException e) {
      return Set.of();
    }
  }

  private static Set<String> fieldsOf(JsonNode tree) {
    if (tree == null || !tree.isObject()) {
      return Set.of();
    }
    Set<String> names = new LinkedHashSet<>();
    tree.fieldNames().forEachRemaining(names::add);
    return Collections.unmodifiableSet(names);
  }

  /** Reads a file, its format from its extension. */
  public static <T> T read(Path file, Class<T> type) {
    return read(file, ConfigFormat.of(file), type);
  }

  /** Reads a file in the given format. */
  public static <T> T read(Path file, ConfigFormat format, Class<T> type) {
    String source = file.toString();
    byte[] bytes;
    if (Files.isDirectory(file)) {
      throw new ConfigException(source, "", -1, "the configuration must be a file, not a directory", null);
    }
    try (InputStream in = Files.newInputStream(file)) {
      bytes = bounded(in, source);
    } catch (NoSuchFileException e) {
      throw new ConfigException(source, "", -1, "the configuration file does not exist", null);
    } catch (IOException e) {
      throw new ConfigException(source, "", -1, "the configuration file cannot be read", e.toString());
    }
    return parse(bytes, format, source, type);
  }

  /** Reads a configuration from a stream (a class-path resource, say), naming it {@code source}. */
  public static <T> T read(InputStream in, ConfigFormat format, String source, Class<T> type) {
    try {
      return parse(bounded(in, source), format, source, type);
    } catch (IOException e) {
      throw new ConfigException(source, "", -1, "the configuration cannot be read", e.toString());
    }
  }

  /** Reads a configuration from text, naming it {@code source} in errors. */
  public static <T> T parse(String text, ConfigFormat format, String source, Class<T> type) {
    return parse(text.getBytes(java.nio.charset.StandardCharsets.UTF_8), format, source, type);
  }

  private static <T> T parse(byte[] bytes, ConfigFormat format, String source, Class<T> type) {
    if (bytes.length == 0 || new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
      throw new ConfigException(source, "", -1, "the configuration is empty", null);
    }
    if (bytes.length > MAX_BYTES) {
      throw new ConfigException(source, "", -1, "a configuration may hold at most " + MAX_BYTES + " bytes", null);
    }
    requireUtf8Text(bytes, source);
    try {
      T value = format == ConfigFormat.YAML && hasAliases(bytes)
          ? YAML.treeToValue(yamlTree(bytes, source), type)
          : mapper(format).readValue(bytes, type);
      if (value == null) {
        throw new ConfigException(source, "", -1, "the configuration is empty", null);
      }
      return value;
    } catch (ConfigException e) {
      throw placed(unknownFieldFirst(e.within(source, "", -1), bytes, format, source, type), bytes, format);
    } catch (JsonProcessingException e) {
      ConfigException c = withoutInternals(translate(e, source, format), bytes, format);
      if (e instanceof ValueInstantiationException
          || (e instanceof MismatchedInputException && !(e instanceof UnrecognizedPropertyException))) {
        c = unknownFieldFirst(c, bytes, format, source, type);
      }
      throw placed(c, bytes, format);
    } catch (IOException e) {
      throw new ConfigException(source, "", -1, "the configuration cannot be read", e.toString());
    }
  }

  /**
   * A configuration is UTF-8 text: bytes that are not (or that hold a NUL, which would let the parser take the file
   * for UTF-16 or UTF-32) are refused here, naming the offset, rather than decoded some other way.
   */
  private static void requireUtf8Text(byte[] bytes, String source) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        throw new ConfigException(source, "", -1, "a configuration is UTF-8 text and may not hold a NUL byte",
            "one at byte " + i);
      }
    }
    java.nio.charset.CharsetDecoder utf8 = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
        .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
    java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
    java.nio.CharBuffer out = java.nio.CharBuffer.allocate(4096);
    while (true) {
      java.nio.charset.CoderResult r = utf8.decode(in, out, true);
      if (r.isError()) {
        throw new ConfigException(source, "", -1, "a configuration must be UTF-8 text",
            "bytes that are not UTF-8 at byte " + in.position());
      }
      if (r.isUnderflow()) {
        return;
      }
      out.clear();
    }
  }

  /** At most {@link #MAX_BYTES} + 1 bytes of a stream: enough to tell that it is too large. */
  private static byte[] bounded(InputStream in, String source) throws IOException {
    byte[] bytes = in.readNBytes(MAX_BYTES + 1);
    if (bytes.length > MAX_BYTES) {
      throw new ConfigException(source, "", -1, "a configuration may hold at most " + MAX_BYTES + " bytes", null);
    }
    return bytes;
  }

  /** Whether a YAML document uses an alias ({@code *name}); read then through {@link #yamlTree}. */
  private static boolean hasAliases(byte[] bytes) {
    try (JsonParser p = YAML.getFactory().createParser(bytes)) {
      while (p.nextToken() != null) {
        if (p instanceof com.fasterxml.jackson.dataformat.yaml.YAMLParser
            && ((com.fasterxml.jackson.dataformat.yaml.YAMLParser) p).isCurrentAlias()) {
          return true;
        }
      }
    } catch (IOException | RuntimeException e) {
      return false; // reading it the usual way reports the problem and its place
    }
    return false;
  }

  /**
   * A YAML document with anchors and aliases as a tree: SnakeYAML composes the node graph (aliases limited to
   * {@link #MAX_ALIASES} per collection) and the tree is expanded from it, at most {@link #MAX_EXPANDED_NODES}
   * values. Scalars keep YAML's core types (integers, floats, booleans, null); everything else is text.
   */
  private static JsonNode yamlTree(byte[] bytes, String source) {
    org.yaml.snakeyaml.Yaml yaml = new org.yaml.snakeyaml.Yaml(LOADER);
    org.yaml.snakeyaml.nodes.Node root;
    try {
      root = yaml.compose(new java.io.InputStreamReader(
          new java.io.ByteArrayInputStream(bytes), java.nio.charset.StandardCharsets.UTF_8));
    } catch (org.yaml.snakeyaml.error.YAMLException e) {
      throw new ConfigException(source, "", -1, "is not valid YAML", CskitException.cut(e.getMessage()));
    }
    int[] budget = {MAX_EXPANDED_NODES};
    return toTree(root, source, budget);
  }

  private static JsonNode toTree(org.yaml.snakeyaml.nodes.Node node, String source, int[] budget) {
    com.fasterxml.jackson.databind.node.JsonNodeFactory f = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
    if (node == null) {
      return f.nullNode();
    }
    if (--budget[0] < 0) {
      throw new ConfigException(source, "", -1, "the document's aliases may expand to at most "
          + MAX_EXPANDED_NODES + " values", null);
    }
    if (node instanceof org.yaml.snakeyaml.nodes.MappingNode) {
      com.fasterxml.jackson.databind.node.ObjectNode o = f.objectNode();
      for (org.yaml.snakeyaml.nodes.NodeTuple t : ((org.yaml.snakeyaml.nodes.MappingNode) node).getValue()) {
        JsonNode key = toTree(t.getKeyNode(), source, budget);
        String name = key.asText();
        if (o.has(name)) {
          throw new ConfigException(source, name, t.getKeyNode().getStartMark().getLine() + 1,
              "a key may appear once", CskitException.quote(name));
        }
        o.set(name, toTree(t.getValueNode(), source, budget));
      }
      return o;
    }
    if (node instanceof org.yaml.snakeyaml.nodes.SequenceNode) {
      com.fasterxml.jackson.databind.node.ArrayNode a = f.arrayNode();
      for (org.yaml.snakeyaml.nodes.Node n : ((org.yaml.snakeyaml.nodes.SequenceNode) node).getValue()) {
        a.add(toTree(n, source, budget));
      }
      return a;
    }
    org.yaml.snakeyaml.nodes.ScalarNode s = (org.yaml.snakeyaml.nodes.ScalarNode) node;
    String v = s.getValue();
    org.yaml.snakeyaml.nodes.Tag tag = s.getTag();
    try {
      if (tag.equals(org.yaml.snakeyaml.nodes.Tag.NULL)) {
        return f.nullNode();
      }
      if (tag.equals(org.yaml.snakeyaml.nodes.Tag.BOOL)) {
        return f.booleanNode(Boolean.parseBoolean(v.toLowerCase(java.util.Locale.ROOT)));
      }
      if (tag.equals(org.yaml.snakeyaml.nodes.Tag.INT)) {
        return f.numberNode(new java.math.BigInteger(v.replace("_", "")));
      }
      if (tag.equals(org.yaml.snakeyaml.nodes.Tag.FLOAT)) {
        return f.numberNode(Double.parseDouble(v.replace("_", "")));
      }
    } catch (NumberFormatException e) {
      return f.textNode(v); // an unusual notation (hexadecimal, sexagesimal): text, refused where a number belongs
    }
    return f.textNode(v);
  }

  /**
   * The error without Jackson's wording (Java type names, {@code CoercionConfig}): when its "found" speaks of
   * Java, the value at its path in the document is shown instead.
   */
  private static ConfigException withoutInternals(ConfigException c, byte[] bytes, ConfigFormat format) {
    String found = c.found();
    String rule = c.rule();
    boolean leaks = found != null && (found.contains("`") || found.contains("java.") || found.contains("Cannot ")
        || found.contains("dev.cskit") || found.contains("Exception"));
    boolean ruleLeaks = rule != null && rule.contains("(") && rule.matches(".*\\([A-Z][A-Za-z]+\\)$");
    if (!leaks && !ruleLeaks) {
      return c;
    }
    String value = null;
    try {
      JsonNode tree = mapper(format).readTree(bytes);
      JsonNode at = tree == null ? null : tree.at(pointer(c.path() == null ? "" : c.path()));
      if (at != null && !at.isMissingNode()) {
        value = at.isContainerNode() ? (at.isArray() ? "a list" : "a mapping")
            : at.isTextual() ? CskitException.quote(at.asText()) : CskitException.cut(at.toString());
      }
    } catch (IOException | RuntimeException e) {
      value = null;
    }
    if (ruleLeaks) {
      rule = rule.replaceAll(" \\([A-Z][A-Za-z]+\\)$", "");
    }
    return new ConfigException(c.source(), c.path(), c.line(), rule, leaks ? value : found, c.getCause());
  }

  /** Writes a configuration value as text in the given format. */
  public static String write(Object value, ConfigFormat format) {
    try {
      return mapper(format).writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes a configuration value to a file, its format from its extension. */
  public static void write(Object value, Path file) {
    try {
      Files.writeString(file, write(value, ConfigFormat.of(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ConfigException translate(JsonProcessingException e, String source, ConfigFormat format) {
    int line = line(e.getLocation());
    if (!(e instanceof JsonMappingException)) {
      return new ConfigException(
          source, "", line, "is not valid " + format, clean(e.getOriginalMessage()), e);
    }
    JsonMappingException m = (JsonMappingException) e;
    String path = path(m.getPath());
    if (m instanceof ValueInstantiationException && m.getCause() instanceof ConfigException) {
      return ((ConfigException) m.getCause()).within(source, path, line);
    }
    if (m instanceof UnrecognizedPropertyException) {
      UnrecognizedPropertyException u = (UnrecognizedPropertyException) m;
      return new ConfigException(
          source, path, line, "unknown field (known fields: " + names(u.getKnownPropertyIds()) + ")",
          CskitException.quote(u.getPropertyName()));
    }
    if (m instanceof InvalidTypeIdException) {
      InvalidTypeIdException t = (InvalidTypeIdException) m;
      String id = t.getTypeId();
      return new ConfigException(
          source, path, line, id == null ? "a \"type\" field is required here" : "unknown type",
          id == null ? null : CskitException.quote(id));
    }
    if (m instanceof InvalidFormatException) {
      InvalidFormatException f = (InvalidFormatException) m;
      return new ConfigException(
          source, path, line, "must be " + describe(f.getTargetType()), CskitException.quote(f.getValue()));
    }
    if (m instanceof MismatchedInputException && String.valueOf(m.getOriginalMessage()).startsWith("Cannot map `null`")) {
      return new ConfigException(source, path, line, "is required", null);
    }
    if (m instanceof MismatchedInputException) {
      MismatchedInputException mi = (MismatchedInputException) m;
      String expected = mi.getTargetType() == null ? "a different value" : describe(mi.getTargetType());
      return new ConfigException(source, path, line, "must be " + expected, clean(m.getOriginalMessage()));
    }
    if (m.getCause() instanceof ArgumentException) {
      ArgumentException a = (ArgumentException) m.getCause();
      return new ConfigException(source, path, line, a.rule(), a.found());
    }
    if (m.getCause() instanceof IllegalArgumentException || m.getCause() instanceof NullPointerException) {
      return new ConfigException(source, path, line, "is not valid", CskitException.cut(m.getCause().getMessage()));
    }
    return new ConfigException(source, path, line, "is not valid", clean(m.getOriginalMessage()), e);
  }

  /**
   * An unknown field, when the document has one, rather than the error found first. Jackson collects the
   * unknown fields of a type built through a constructor (a record) and reports them only after the
   * constructor ran, so a misspelt field first shows as its correct name missing or invalid. The document's
   * tree is checked against the types' properties (following lists, maps and {@code type}-named subtypes)
   * and the first unknown field found is reported instead.
   */
  private static ConfigException unknownFieldFirst(
      ConfigException first, byte[] bytes, ConfigFormat format, String source, Class<?> type) {
    try {
      ObjectMapper m = mapper(format);
      ConfigException unknown = unknownField(m, m.readTree(bytes), m.constructType(type), ConfigPath.root());
      return unknown == null ? first : unknown.within(source, "", -1);
    } catch (IOException | RuntimeException e) {
      return first; // the check is a courtesy: the first error stands
    }
  }

  private static ConfigException unknownField(ObjectMapper m, JsonNode node, JavaType type, ConfigPath path) {
    if (node == null || node.isNull() || type == null) {
      return null;
    }
    if (type.isArrayType() || type.isCollectionLikeType()) {
      for (int i = 0; node.isArray() && i < node.size(); i++) {
        ConfigException e = unknownField(m, node.get(i), type.getContentType(), path.index(i));
        if (e != null) {
          return e;
        }
      }
      return null;
    }
    if (type.isMapLikeType()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        ConfigException e = unknownField(m, f.getValue(), type.getContentType(), path.field(f.getKey()));
        if (e != null) {
          return e;
        }
      }
      return null;
    }
    Class<?> raw = type.getRawClass();
    if (!node.isObject() || raw.isPrimitive() || raw.isEnum() || raw.getName().startsWith("java.")
        || JsonNode.class.isAssignableFrom(raw)) {
      return null;
    }
    DeserializationConfig config = m.getDeserializationConfig();
    String typeProperty = null;
    JsonTypeInfo info = raw.getAnnotation(JsonTypeInfo.class);
    if (info != null) {
      typeProperty = info.property().isEmpty() ? info.use().getDefaultPropertyName() : info.property();
      JsonNode id = node.get(typeProperty);
      if (id == null || !id.isTextual()) {
        return null;
      }
      JavaType subtype = null;
      for (NamedType named : m.getSubtypeResolver().collectAndResolveSubtypesByTypeId(
          config, config.introspectClassAnnotations(type).getClassInfo())) {
        if (id.asText().equals(named.getName())) {
          subtype = m.constructType(named.getType());
        }
      }
      if (subtype == null) {
        return null;
      }
      type = subtype;
      raw = subtype.getRawClass();
    }
    JsonIgnoreProperties ignore = raw.getAnnotation(JsonIgnoreProperties.class);
    JsonDeserialize custom = raw.getAnnotation(JsonDeserialize.class);
    if ((ignore != null && ignore.ignoreUnknown())
        || (custom != null && custom.using() != JsonDeserializer.None.class)) {
      return null;
    }
    BeanDescription bean = config.introspect(type);
    Map<String, BeanPropertyDefinition> properties = new java.util.TreeMap<>();
    for (BeanPropertyDefinition p : bean.findProperties()) {
      properties.put(p.getName(), p);
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      String name = f.getKey();
      if (name.equals(typeProperty) || bean.getIgnoredPropertyNames().contains(name)) {
        continue;
      }
      BeanPropertyDefinition p = properties.get(name);
      if (p == null) {
        return new ConfigException(null, path.field(name).toString(), -1,
            "unknown field (known fields: " + String.join(", ", properties.keySet()) + ")",
            CskitException.quote(name));
      }
      ConfigException e = unknownField(m, f.getValue(), p.getPrimaryType(), path.field(name));
      if (e != null) {
        return e;
      }
    }
    return null;
  }

  /**
   * The exception with the line of its path in the document, where the path can be found there (the line of
   * the deepest part of the path that exists); Jackson's own location is kept otherwise.
   */
  private static ConfigException placed(ConfigException e, byte[] bytes, ConfigFormat format) {
    int line = lineOf(bytes, format, e.path());
    if (line <= 0 || line == e.line()) {
      return e;
    }
    return new ConfigException(e.source(), e.path(), line, e.rule(), e.found(), e.getCause());
  }

  /** The line of a path such as {@code measures[1].rule.points[2]} in a document, or -1. */
  static int lineOf(byte[] bytes, ConfigFormat format, String path) {
    if (path == null || path.isEmpty()) {
      return -1;
    }
    String target = pointer(path);
    int best = -1;
    int bestLength = 0;
    try (JsonParser p = mapper(format).getFactory().createParser(bytes)) {
      while (p.nextToken() != null) {
        String here = p.getParsingContext().pathAsPointer().toString();
        if (here.isEmpty()) {
          continue;
        }
        boolean prefix = target.equals(here) || target.startsWith(here + "/");
        if (prefix && here.length() > bestLength) {
          best = p.getTokenLocation().getLineNr();
          bestLength = here.length();
          if (here.equals(target)) {
            return best;
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      return best; // a syntax error further on: keep what was found before it
    }
    return best;
  }

  private static String pointer(String path) {
    StringBuilder sb = new StringBuilder();
    for (String part : path.replace("[", ".").replace("]", "").split("\\.")) {
      if (!part.isEmpty()) {
        sb.append('/').append(part.replace("~", "~0").replace("/", "~1"));
      }
    }
    return sb.toString();
  }

  private static int line(JsonLocation location) {
    return location == null || location.getLineNr() <= 0 ? -1 : location.getLineNr();
  }

  private static String path(List<JsonMappingException.Reference> refs) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference r : refs) {
      if (r.getFieldName() != null) {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        sb.append('[').append(r.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  private static String names(Collection<Object> ids) {
    if (ids == null || ids.isEmpty()) {
      return "none";
    }
    return ids.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
  }

  private static String describe(Class<?> type) {
    if (type == null) {
      return "a different value";
    }
    if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
      return "a number";
    }
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      return "a whole number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "text";
    }
    if (type.isEnum()) {
      Object[] constants = type.getEnumConstants();
      StringBuilder sb = new StringBuilder("one of ");
      for (int i = 0; i < constants.length; i++) {
        sb.append(i == 0 ? "" : ", ").append(constants[i].toString().toLowerCase(java.util.Locale.ROOT));
      }
      return sb.toString();
    }
    if (type.isArray() || Collection.class.isAssignableFrom(type)) {
      return "a list";
    }
    if (java.util.Map.class.isAssignableFrom(type)) {
      return "a mapping";
    }
    if (type.getName().startsWith("java.time.")) {
      return "a date (YYYY-MM-DD) or instant";
    }
    return "a mapping (" + type.getSimpleName() + ")";
  }

  private static String clean(String message) {
    if (message == null) {
      return null;
    }
    String first = message.split("\n", 2)[0];
    int cut = first.indexOf(" at [Source");
    return cut > 0 ? first.substring(0, cut) : first;
  }
}
