package org.workbench.stats;

import java.util.LinkedHashMap;
import java.util.Map;

/** How strongly two columns go together: Pearson's r for two numeric ones, eta for numbers by group. */
public final class Association {
    private Association() {
    }

    /** Pearson correlation; 0 when either side is constant. */
    public static double pearson(double[] x, double[] y) {
        int n = x.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxx == 0 || syy == 0 ? 0 : sxy / Math.sqrt(sxx * syy);
    }

    /** Correlation ratio eta = sqrt(between-class sum of squares / total sum of squares); 0 for a constant x. */
    public static double eta(double[] x, String[] labels) {
        Map<String, double[]> groups = new LinkedHashMap<>();  // label -> {count, sum}
        double total = 0;
        for (int i = 0; i < x.length; i++) {
            double[] g = groups.computeIfAbsent(labels[i], k -> new double[2]);
            g[0]++;
            g[1] += x[i];
            total += x[i];
        }
        double mean = total / x.length;
        double ssTotal = 0;
        for (double v : x) {
            ssTotal += (v - mean) * (v - mean);
        }
        double ssBetween = 0;
        for (double[] g : groups.values()) {
            double gm = g[1] / g[0];
            ssBetween += g[0] * (gm - mean) * (gm - mean);
        }
        return ssTotal == 0 ? 0 : Math.sqrt(ssBetween / ssTotal);
    }
}
