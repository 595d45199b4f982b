package org.workbench.tuning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.workbench.config.ConfigException;

/**
 * Where random search draws one config value from. Written in a config as
 * {@code {uniform: [low, high]}}, {@code {log_uniform: [low, high]}}, {@code {integer: [low, high]}}
 * (both ends included), {@code {choice: [a, b, c]}}, or simply a list (a choice). Drawn numbers are
 * rounded to 4 significant digits.
 */
public sealed interface Distribution {

    JsonNode sample(Random random);

    /** Any low <= x < high, equally likely. */
    record Uniform(double low, double high) implements Distribution {
        @Override
        public JsonNode sample(Random random) {
            return JsonNodeFactory.instance.numberNode(round(low + random.nextDouble() * (high - low)));
        }
    }

    /** low <= x < high with log(x) uniform: as likely to fall in [0.001, 0.01] as in [0.1, 1]. */
    record LogUniform(double low, double high) implements Distribution {
        @Override
        public JsonNode sample(Random random) {
            double logLow = Math.log(low);
            double logHigh = Math.log(high);
            return JsonNodeFactory.instance.numberNode(round(Math.exp(logLow + random.nextDouble() * (logHigh - logLow))));
        }
    }

    /** A whole number from low to high, both included. */
    record IntegerRange(int low, int high) implements Distribution {
        @Override
        public JsonNode sample(Random random) {
            return JsonNodeFactory.instance.numberNode(low + random.nextInt(high - low + 1));
        }
    }

    /** One of the listed values, each equally likely. */
    record Choice(List<JsonNode> values) implements Distribution {
        public Choice {
            values = List.copyOf(values);
        }

        @Override
        public JsonNode sample(Random random) {
            return values.get(random.nextInt(values.size()));
        }
    }

    /** Drawn numbers keep 4 significant digits: readable in a leaderboard and a config, and still distinct. */
    static double round(double x) {
        return new java.math.BigDecimal(x).round(new java.math.MathContext(4)).doubleValue();
    }

    /** Reads one distribution; {@code path} names it in error messages. */
    static Distribution parse(JsonNode node, String path) {
        if (node.isArray()) {
            return choice(node, path);
        }
        if (!node.isObject() || node.size() != 1) {
            throw new ConfigException(path, "expected a list of values or one of {uniform: [low, high]}, "
                    + "{log_uniform: [low, high]}, {integer: [low, high]}, {choice: [...]}");
        }
        String kind = node.fieldNames().next();
        JsonNode args = node.get(kind);
        String at = path + "." + kind;
        return switch (kind) {
            case "choice" -> choice(args, at);
            case "uniform" -> {
                double[] r = range(args, at);
                yield new Uniform(r[0], r[1]);
            }
            case "log_uniform" -> {
                double[] r = range(args, at);
                if (r[0] <= 0) {
                    throw new ConfigException(at, "log_uniform needs low > 0, got " + r[0]);
                }
                yield new LogUniform(r[0], r[1]);
            }
            case "integer" -> {
                if (!args.isArray() || args.size() != 2 || !args.get(0).isIntegralNumber() || !args.get(1).isIntegralNumber()) {
                    throw new ConfigException(at, "expected [low, high] with two integers");
                }
                int low = args.get(0).intValue();
                int high = args.get(1).intValue();
                if (low > high) {
                    throw new ConfigException(at, "expected low <= high, got [" + low + ", " + high + "]");
                }
                yield new IntegerRange(low, high);
            }
            default -> throw new ConfigException(path, "unknown distribution '" + kind
                    + "'; use uniform, log_uniform, integer or choice");
        };
    }

    private static Choice choice(JsonNode args, String path) {
        if (!args.isArray() || args.isEmpty()) {
            throw new ConfigException(path, "expected a non-empty list of values");
        }
        List<JsonNode> values = new ArrayList<>();
        args.forEach(values::add);
        return new Choice(values);
    }

    private static double[] range(JsonNode args, String path) {
        if (!args.isArray() || args.size() != 2 || !args.get(0).isNumber() || !args.get(1).isNumber()) {
            throw new ConfigException(path, "expected [low, high] with two numbers");
        }
        double low = args.get(0).doubleValue();
        double high = args.get(1).doubleValue();
        if (!(low < high)) {
            throw new ConfigException(path, "expected low < high, got [" + low + ", " + high + "]");
        }
        return new double[] {low, high};
    }
}
