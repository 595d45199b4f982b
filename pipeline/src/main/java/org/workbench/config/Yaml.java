package org.workbench.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

/** The shared YAML mapper, and parsing of a single {@code --set} value as a YAML scalar. */
public final class Yaml {
    public static final ObjectMapper MAPPER = new ObjectMapper(
            YAMLFactory.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).build());

    private Yaml() {
    }

    /** "20" becomes an integer, "0.1" a number, "[1, 2]" a list, "true" a boolean, "abc" text. */
    public static JsonNode scalar(String text) {
        try {
            JsonNode node = MAPPER.readTree(text);
            return node == null || node.isMissingNode() ? MAPPER.getNodeFactory().textNode(text) : node;
        } catch (java.io.IOException e) {
            return MAPPER.getNodeFactory().textNode(text);
        }
    }
}
