package org.workbench.serving;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.workbench.data.Predictions;
import org.workbench.monitoring.ColumnDrift;
import org.workbench.monitoring.RollingMonitor;
import tech.tablesaw.api.Table;

/**
 * The server's drift monitor: the last N scored rows against the bundle's training profile, the
 * same scores {@code workbench drift} computes, at {@code GET /drift} and as gauges in
 * {@code /metrics} ({@code workbench_drift_psi{column}}, {@code workbench_drift_p_value{column}},
 * {@code workbench_drift_detected}, {@code workbench_drift_window_rows}).
 *
 * <p>A snapshot runs the two-sample tests over the whole window, so one Prometheus scrape, which
 * reads every gauge, must not compute it once per gauge: a snapshot is reused until a row arrives.
 */
public final class DriftMonitor implements Monitor {
    private final RollingMonitor rolling;
    private final AtomicLong version = new AtomicLong();
    private RollingMonitor.Snapshot last;
    private long lastVersion = -1;

    DriftMonitor(RollingMonitor rolling) {
        this.rolling = rolling;
    }

    /** A monitor over the last {@code window} rows; empty for a bundle written before bundles held a training profile. */
    public static java.util.Optional<Monitor> of(org.workbench.deployment.Bundle bundle, int window) {
        return RollingMonitor.of(bundle, window).map(DriftMonitor::new);
    }

    @Override
    public void observe(Table rawRows, Predictions predictions) {
        rolling.observe(rawRows, predictions);
        version.incrementAndGet();
    }

    @Override
    public String name() {
        return "drift";
    }

    @Override
    public Object status() {
        return snapshot();
    }

    @Override
    public void register(MeterRegistry registry) {
        for (ColumnDrift column : snapshot().columns()) {
            String name = column.name();
            gauge(registry, "workbench_drift_psi", name, "population stability index over the window", s -> s.byName().get(name),
                    ColumnDrift::psi);
            gauge(registry, "workbench_drift_p_value", name, "p-value of the two-sample test over the window",
                    s -> s.byName().get(name), ColumnDrift::pValue);
        }
        gauge(registry, "workbench_drift_psi", "predictions", "population stability index over the window",
                RollingMonitor.Snapshot::predictions, ColumnDrift::psi);
        Gauge.builder("workbench_drift_detected", this, m -> m.snapshot().verdict().drift() ? 1 : 0)
                .description("1 when the window's data drifted by the documented rule, else 0").register(registry);
        Gauge.builder("workbench_drift_window_rows", this, m -> m.snapshot().rows())
                .description("rows in the drift window").register(registry);
    }

    /** A gauge per column; NaN while the score is undefined (no row yet, or too few to test). */
    private void gauge(MeterRegistry registry, String name, String column, String help,
                       Function<RollingMonitor.Snapshot, ColumnDrift> pick, Function<ColumnDrift, Double> value) {
        Gauge.builder(name, this, m -> {
            ColumnDrift c = pick.apply(m.snapshot());
            Double v = c == null ? null : value.apply(c);
            return v == null ? Double.NaN : v;
        }).tag("column", column).description(help).register(registry);
    }

    private synchronized RollingMonitor.Snapshot snapshot() {
        long now = version.get();
        if (now != lastVersion) {
            last = rolling.snapshot();
            lastVersion = now;
        }
        return last;
    }
}
