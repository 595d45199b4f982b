package org.workbench.models;

import org.workbench.config.ConfigException;
import org.workbench.config.Section;

/** Range checks for algorithm parameters; each failure names the full config path. */
final class Params {
    private Params() {
    }

    static int atLeast(Section p, String name, int min) {
        int v = p.integer(name);
        if (v < min) {
            throw new ConfigException(p.join(name), "expected an integer >= " + min + ", got " + v);
        }
        return v;
    }

    static double positive(Section p, String name) {
        double v = p.number(name);
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new ConfigException(p.join(name), "expected a number > 0, got " + v);
        }
        return v;
    }

    static double nonNegative(Section p, String name) {
        double v = p.number(name);
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new ConfigException(p.join(name), "expected a number >= 0, got " + v);
        }
        return v;
    }

    /** A share of rows or features: 0 < x <= 1. */
    static double share(Section p, String name) {
        double v = p.number(name);
        if (!(v > 0 && v <= 1)) {
            throw new ConfigException(p.join(name), "expected a fraction 0 < x <= 1, got " + v);
        }
        return v;
    }

    /** A mixing weight: 0 <= x <= 1. */
    static double unitInterval(Section p, String name) {
        double v = p.number(name);
        if (!(v >= 0 && v <= 1)) {
            throw new ConfigException(p.join(name), "expected a number 0 <= x <= 1, got " + v);
        }
        return v;
    }

    /** Below this many training rows one thread is faster: starting and syncing threads costs more than it saves. */
    static final int ROWS_PER_EXTRA_THREADS = 10_000;

    /**
     * The CPU threads a trainer may use: the given count, or with 0 (auto) every processor for
     * tables of 10,000 rows or more and one thread for smaller ones.
     */
    static int threads(Section p, ModelSpec.Shape data) {
        int v = p.integer("threads");
        if (v < 0) {
            throw new ConfigException(p.join("threads"), "expected 0 (auto) or more, got " + v);
        }
        if (v > 0) {
            return v;
        }
        return data.rows() >= ROWS_PER_EXTRA_THREADS ? Runtime.getRuntime().availableProcessors() : 1;
    }
}
