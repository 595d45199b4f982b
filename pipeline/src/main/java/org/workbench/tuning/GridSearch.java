package org.workbench.tuning;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every combination of a grid of config paths, in a fixed order (the last path varies fastest). */
public final class GridSearch {
    private GridSearch() {
    }

    public static List<Map<String, JsonNode>> combinations(Map<String, List<JsonNode>> grid) {
        List<Map<String, JsonNode>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<JsonNode>> axis : grid.entrySet()) {
            List<Map<String, JsonNode>> next = new ArrayList<>();
            for (Map<String, JsonNode> partial : out) {
                for (JsonNode value : axis.getValue()) {
                    Map<String, JsonNode> combo = new LinkedHashMap<>(partial);
                    combo.put(axis.getKey(), value);
                    next.add(combo);
                }
            }
            out = next;
        }
        return out.stream().map(Map::copyOf).map(m -> orderedLike(m, grid)).toList();
    }

    private static Map<String, JsonNode> orderedLike(Map<String, JsonNode> m, Map<String, List<JsonNode>> grid) {
        Map<String, JsonNode> ordered = new LinkedHashMap<>();
        grid.keySet().forEach(k -> ordered.put(k, m.get(k)));
        return java.util.Collections.unmodifiableMap(ordered);
    }
}
