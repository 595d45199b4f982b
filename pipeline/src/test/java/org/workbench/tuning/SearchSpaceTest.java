package org.workbench.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.workbench.config.ConfigException;
import org.workbench.config.Yaml;

class SearchSpaceTest {
    /** A generator whose draws are fixed, so each distribution's mapping can be checked by hand. */
    private static final class Fixed extends Random {
        private final double u;
        private final int i;

        Fixed(double u, int i) {
            this.u = u;
            this.i = i;
        }

        @Override
        public double nextDouble() {
            return u;
        }

        @Override
        public int nextInt(int bound) {
            return i;
        }
    }

    private static Distribution parse(String yaml) throws Exception {
        return Distribution.parse(Yaml.MAPPER.readTree(yaml), "tune.space.x");
    }

    @Test
    void uniformMapsTheDrawLinearly() throws Exception {
        // u = 0.25 on [2, 6]: 2 + 0.25 * 4 = 3; u = 0.123456 on [0, 1]: 0.1235 (4 significant digits)
        assertEquals(3.0, parse("{uniform: [2, 6]}").sample(new Fixed(0.25, 0)).doubleValue(), 1e-12);
        assertEquals(0.1235, parse("{uniform: [0, 1]}").sample(new Fixed(0.123456, 0)).doubleValue(), 0);
    }

    @Test
    void logUniformIsUniformInTheExponent() throws Exception {
        // u = 0.5 on [0.001, 1]: exp((ln 0.001 + ln 1) / 2) = 10^-1.5 = 0.0316228, kept to 4 significant digits
        assertEquals(0.03162, parse("{log_uniform: [0.001, 1]}").sample(new Fixed(0.5, 0)).doubleValue(), 0);
        // u = 0.25 on [1, 10000]: 10^(4 * 0.25) = 10
        assertEquals(10.0, parse("{log_uniform: [1, 10000]}").sample(new Fixed(0.25, 0)).doubleValue(), 1e-9);
    }

    @Test
    void integerRangeIncludesBothEnds() throws Exception {
        Distribution d = parse("{integer: [3, 5]}");
        assertEquals(3, d.sample(new Fixed(0, 0)).intValue());
        assertEquals(5, d.sample(new Fixed(0, 2)).intValue());
        assertTrue(d.sample(new Fixed(0, 2)).isInt());
        Random random = new Random(1);
        java.util.Set<Integer> seen = new java.util.TreeSet<>();
        for (int n = 0; n < 200; n++) {
            seen.add(d.sample(random).intValue());
        }
        assertEquals(java.util.Set.of(3, 4, 5), seen);
    }

    @Test
    void aListIsAChoice() throws Exception {
        Distribution d = parse("[standard, minmax, none]");
        assertEquals("minmax", d.sample(new Fixed(0, 1)).asText());
        assertEquals(d, parse("{choice: [standard, minmax, none]}"));
    }

    @Test
    void badDistributionsNameThePath() {
        assertEquals("tune.space.x.log_uniform: log_uniform needs low > 0, got 0.0",
                assertThrows(ConfigException.class, () -> parse("{log_uniform: [0, 1]}")).getMessage());
        assertEquals("tune.space.x.uniform: expected low < high, got [2.0, 1.0]",
                assertThrows(ConfigException.class, () -> parse("{uniform: [2, 1]}")).getMessage());
        assertEquals("tune.space.x: unknown distribution 'normal'; use uniform, log_uniform, integer or choice",
                assertThrows(ConfigException.class, () -> parse("{normal: [0, 1]}")).getMessage());
        assertEquals("tune.space.x.integer: expected [low, high] with two integers",
                assertThrows(ConfigException.class, () -> parse("{integer: [1.5, 3]}")).getMessage());
    }

    @Test
    void randomSearchIsSeededAndDrawsEveryPath() throws Exception {
        Map<String, Distribution> space = new LinkedHashMap<>();
        space.put("train.params.max_depth", parse("{integer: [1, 10]}"));
        space.put("train.params.learning_rate", parse("{log_uniform: [0.001, 1]}"));
        List<Map<String, JsonNode>> a = RandomSearch.sample(space, 5, 42);
        assertEquals(a, RandomSearch.sample(space, 5, 42));
        assertNotEquals(a, RandomSearch.sample(space, 5, 43));
        assertEquals(5, a.size());
        // the same draws as one java.util.Random(42) taken in path order, setting by setting
        Random r = new Random(42);
        for (Map<String, JsonNode> setting : a) {
            assertEquals(List.of("train.params.max_depth", "train.params.learning_rate"), List.copyOf(setting.keySet()));
            assertEquals(1 + r.nextInt(10), setting.get("train.params.max_depth").intValue());
            double drawn = Math.exp(Math.log(0.001) + r.nextDouble() * (Math.log(1) - Math.log(0.001)));
            double got = setting.get("train.params.learning_rate").doubleValue();
            assertEquals(drawn, got, drawn * 5e-4);
            assertEquals(Double.parseDouble(String.format(java.util.Locale.ROOT, "%.3e", drawn)), got, 0);
        }
    }

    @Test
    void gridCombinationsVaryTheLastPathFastest() throws Exception {
        Map<String, List<JsonNode>> grid = new LinkedHashMap<>();
        grid.put("a", List.of(Yaml.scalar("1"), Yaml.scalar("2")));
        grid.put("b", List.of(Yaml.scalar("x"), Yaml.scalar("y"), Yaml.scalar("z")));
        List<Map<String, JsonNode>> combos = GridSearch.combinations(grid);
        assertEquals(6, combos.size());
        assertEquals("{a=1, b=\"x\"}", combos.get(0).toString());
        assertEquals("{a=1, b=\"z\"}", combos.get(2).toString());
        assertEquals("{a=2, b=\"x\"}", combos.get(3).toString());
    }
}
