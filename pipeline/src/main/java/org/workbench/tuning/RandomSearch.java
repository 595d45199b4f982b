package org.workbench.tuning;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random search: {@code n} settings drawn from a space of distributions with one seeded generator,
 * so the same seed gives the same settings. Paths are drawn in the order given, once per setting.
 */
public final class RandomSearch {
    private RandomSearch() {
    }

    public static List<Map<String, JsonNode>> sample(Map<String, Distribution> space, int n, long seed) {
        Random random = new Random(seed);
        List<Map<String, JsonNode>> settings = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, JsonNode> setting = new LinkedHashMap<>();
            space.forEach((path, distribution) -> setting.put(path, distribution.sample(random)));
            settings.add(Collections.unmodifiableMap(setting));
        }
        return settings;
    }
}
