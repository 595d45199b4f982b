package org.workbench.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed, path-aware reading of one mapping in the config tree. Construction rejects keys that are
 * not in the documented list (suggesting the nearest one); each getter names the full path when the
 * value has the wrong type.
 */
public final class Section {
    private final JsonNode node;
    private final String path;
    private final Map<String, Key> keys = new LinkedHashMap<>();
    /** Every value read, defaults included: the "resolved config" recorded with each run. */
    private final com.fasterxml.jackson.databind.node.ObjectNode resolved =
            com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();

    public Section(JsonNode node, String path, List<Key> documented) {
        this.path = path;
        documented.forEach(k -> keys.put(k.name(), k));
        if (node != null && !node.isNull() && !node.isObject()) {
            throw new ConfigException(path, "expected a mapping of keys, got " + describe(node));
        }
        this.node = node == null || node.isNull() ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode() : node;
        for (Iterator<String> it = this.node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!keys.containsKey(name)) {
                throw new ConfigException(join(name), unknownKeyMessage(name, keys.keySet()));
            }
        }
    }

    static String unknownKeyMessage(String name, java.util.Collection<String> valid) {
        String nearest = Suggest.nearest(name, valid);
        return "unknown key" + (nearest == null ? ";" : "; did you mean '" + nearest + "'?")
                + " valid keys: " + String.join(", ", valid);
    }

    public String path() {
        return path;
    }

    public com.fasterxml.jackson.databind.node.ObjectNode resolved() {
        return resolved;
    }

    private <T> T record(String name, T value) {
        resolved.set(name, Yaml.MAPPER.valueToTree(value));
        return value;
    }

    public boolean has(String name) {
        JsonNode v = node.get(key(name).name());
        return v != null && !v.isNull();
    }

    public String string(String name) {
        JsonNode v = value(name);
        if (v == null) {
            return record(name, (String) key(name).defaultValue());
        }
        if (!v.isValueNode()) {
            throw new ConfigException(join(name), "expected a text value, got " + describe(v));
        }
        return record(name, v.asText());
    }

    public String choice(String name) {
        Key k = key(name);
        String v = string(name);
        if (v != null && !k.choices().contains(v)) {
            String nearest = Suggest.nearest(v, k.choices());
            throw new ConfigException(join(name), "'" + v + "' is not one of " + k.choices()
                    + (nearest == null ? "" : "; did you mean '" + nearest + "'?"));
        }
        return v;
    }

    public int integer(String name) {
        JsonNode v = value(name);
        if (v == null) {
            return record(name, ((Number) key(name).defaultValue()).intValue());
        }
        if (v.isIntegralNumber() && v.canConvertToInt()) {
            return record(name, v.intValue());
        }
        throw new ConfigException(join(name), "expected an integer, got " + describe(v));
    }

    public long longValue(String name) {
        JsonNode v = value(name);
        if (v == null) {
            return record(name, ((Number) key(name).defaultValue()).longValue());
        }
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return record(name, v.longValue());
        }
        throw new ConfigException(join(name), "expected an integer, got " + describe(v));
    }

    public double number(String name) {
        JsonNode v = value(name);
        if (v == null) {
            return record(name, ((Number) key(name).defaultValue()).doubleValue());
        }
        if (v.isNumber()) {
            return record(name, v.doubleValue());
        }
        throw new ConfigException(join(name), "expected a number, got " + describe(v));
    }

    public double fraction(String name, boolean allowZero) {
        double v = number(name);
        if (!(v < 1.0 && (allowZero ? v >= 0 : v > 0))) {
            throw new ConfigException(join(name), "expected a fraction " + (allowZero ? "0 <= x" : "0 < x")
                    + " < 1, got " + v);
        }
        return v;
    }

    public boolean bool(String name) {
        JsonNode v = value(name);
        if (v == null) {
            return record(name, (Boolean) key(name).defaultValue());
        }
        if (v.isBoolean()) {
            return record(name, v.booleanValue());
        }
        throw new ConfigException(join(name), "expected true or false, got " + describe(v));
    }

    /** A list of text values; a single scalar is accepted as a one-element list. */
    @SuppressWarnings("unchecked")
    public List<String> strings(String name) {
        JsonNode v = value(name);
        if (v == null) {
            Object d = key(name).defaultValue();
            return record(name, d == null ? List.<String>of() : ((List<Object>) d).stream().map(String::valueOf).toList());
        }
        if (v.isValueNode()) {
            return record(name, List.of(v.asText()));
        }
        if (!v.isArray()) {
            throw new ConfigException(join(name), "expected a list, got " + describe(v));
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode item = v.get(i);
            if (!item.isValueNode() || item.isNull()) {
                throw new ConfigException(join(name) + "[" + i + "]", "expected a text value, got " + describe(item));
            }
            out.add(item.asText());
        }
        return record(name, List.copyOf(out));
    }

    /** A free-form mapping (e.g. model params), checked later against its own key list. */
    public JsonNode raw(String name) {
        key(name);
        JsonNode v = node.get(name);
        if (v != null) {
            resolved.set(name, v);
        }
        return v;
    }

    /** A free-form mapping of text values, e.g. column name to type. */
    public Map<String, String> stringMap(String name) {
        JsonNode v = value(name);
        Map<String, String> out = new LinkedHashMap<>();
        if (v == null) {
            return record(name, out);
        }
        if (!v.isObject()) {
            throw new ConfigException(join(name), "expected a mapping, got " + describe(v));
        }
        v.fields().forEachRemaining(e -> {
            if (!e.getValue().isValueNode()) {
                throw new ConfigException(join(name) + "." + e.getKey(), "expected a text value, got " + describe(e.getValue()));
            }
            out.put(e.getKey(), e.getValue().asText());
        });
        return record(name, out);
    }

    public Section section(String name, List<Key> documented) {
        key(name);
        Section child = new Section(node.get(name), join(name), documented);
        resolved.set(name, child.resolved);
        return child;
    }

    public String join(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private JsonNode value(String name) {
        JsonNode v = node.get(key(name).name());
        return v == null || v.isNull() ? nullIfRequired(name) : v;
    }

    private JsonNode nullIfRequired(String name) {
        if (key(name).defaultValue() == Key.REQUIRED) {
            throw new ConfigException(join(name), "is required: " + key(name).help());
        }
        return null;
    }

    private Key key(String name) {
        Key k = keys.get(name);
        if (k == null) {
            throw new IllegalArgumentException("undocumented config key " + join(name));
        }
        return k;
    }

    static String describe(JsonNode v) {
        if (v.isTextual()) {
            return "\"" + v.asText() + "\"";
        }
        if (v.isObject()) {
            return "a mapping";
        }
        if (v.isArray()) {
            return "a list";
        }
        return v.toString();
    }
}
