package org.workbench.config;

import java.util.List;

/**
 * One documented config key: its name, kind, default and a sentence of help. The same list drives
 * validation (unknown keys, types) and the {@code workbench stages} reference, so they cannot drift.
 */
public record Key(String name, Kind kind, Object defaultValue, List<String> choices, String help) {

    public enum Kind { STRING, INTEGER, NUMBER, BOOLEAN, CHOICE, LIST, MAP, SECTION }

    /** Marks a key that has no default and must be given. */
    public static final Object REQUIRED = new Object() {
        @Override
        public String toString() {
            return "(required)";
        }
    };

    public static Key string(String name, Object dflt, String help) {
        return new Key(name, Kind.STRING, dflt, List.of(), help);
    }

    public static Key integer(String name, Object dflt, String help) {
        return new Key(name, Kind.INTEGER, dflt, List.of(), help);
    }

    public static Key number(String name, Object dflt, String help) {
        return new Key(name, Kind.NUMBER, dflt, List.of(), help);
    }

    public static Key bool(String name, boolean dflt, String help) {
        return new Key(name, Kind.BOOLEAN, dflt, List.of(), help);
    }

    public static Key choice(String name, String dflt, List<String> choices, String help) {
        return new Key(name, Kind.CHOICE, dflt, List.copyOf(choices), help);
    }

    public static Key list(String name, List<?> dflt, String help) {
        return new Key(name, Kind.LIST, dflt, List.of(), help);
    }

    public static Key map(String name, String help) {
        return new Key(name, Kind.MAP, java.util.Map.of(), List.of(), help);
    }

    public static Key section(String name, String help) {
        return new Key(name, Kind.SECTION, null, List.of(), help);
    }

    /** Section paths to their keys, in the order given (a parent section before its nested one). */
    public static java.util.Map<String, List<Key>> sections(String path, List<Key> keys, String nestedPath, List<Key> nested) {
        java.util.Map<String, List<Key>> m = new java.util.LinkedHashMap<>();
        m.put(path, keys);
        m.put(nestedPath, nested);
        return m;
    }

    public String describeDefault() {
        if (defaultValue == REQUIRED) {
            return "required";
        }
        return defaultValue == null ? "none" : String.valueOf(defaultValue);
    }
}
