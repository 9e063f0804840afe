package dev.cskit.scoring.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cskit.scoring.Rule;
import java.io.IOException;

/**
 * Reads a {@link Rule} from an object with a plain {@code type} field (so YAML needs no type tags): picks the
 * record by {@code type}, then binds the other fields strictly to it. An unknown or missing type is an
 * {@link InvalidTypeIdException}, which configuration I/O reports with its path.
 */
public final class RuleDeserializer extends JsonDeserializer<Rule> {
  @Override
  public Rule deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    JsonNode node = ctxt.readTree(p);
    if (!node.isObject()) {
      return (Rule) ctxt.handleUnexpectedToken(Rule.class, p);
    }
    JsonNode typeNode = node.get("type");
    String type = typeNode == null || !typeNode.isTextual() ? null : typeNode.asText();
    Class<? extends Rule> target;
    switch (type == null ? "" : type) {
      case "linear":
        target = Rule.Linear.class;
        break;
      case "steps":
        target = Rule.Steps.class;
        break;
      case "boolean":
        target = Rule.Bool.class;
        break;
      case "percentile":
        target = Rule.Percentile.class;
        break;
      case "trend":
        target = Rule.Trend.class;
        break;
      default:
        throw InvalidTypeIdException.from(p,
            type == null ? "missing type" : "unknown type (linear, steps, boolean, percentile, trend)",
            ctxt.constructType(Rule.class), type);
    }
    ObjectNode fields = ((ObjectNode) node).deepCopy();
    fields.remove("type");
    return ctxt.readTreeAsValue(fields, target);
  }
}
