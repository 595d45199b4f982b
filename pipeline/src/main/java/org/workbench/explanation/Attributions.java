package org.workbench.explanation;

import java.util.List;

/**
 * What a method found, per row: the quantity explained (e.g. "log-odds of Survived=1"), its value
 * for the row ({@code output}), the value with no feature information ({@code base}, NaN when the
 * method has none) and one contribution per name of {@code names} (model features, or raw columns).
 * With {@code additive}, base plus the contributions equals the output for every row.
 */
public record Attributions(String method, boolean additive, List<String> names, String[] explained, double[] output,
                           double[] base, double[][] contributions) {
    public Attributions {
        names = List.copyOf(names);
    }

    public int rows() {
        return output.length;
    }
}
