package org.workbench.serving;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.workbench.data.Predictions;

/**
 * The server's Prometheus metrics (Micrometer): {@code workbench_http_requests_seconds} (a latency
 * histogram per endpoint, method and status, whose {@code _count} is the request count),
 * {@code workbench_rows_scored_total}, {@code workbench_predictions_total} per predicted class or
 * cluster, {@code workbench_predicted_value} (a summary of regression predictions) and
 * {@code workbench_monitor_errors_total}, and the JVM's memory, threads, CPU and uptime. Endpoints outside the server's own are counted as
 * {@code other}, so a scan of random paths cannot grow the label set without bound.
 */
final class ServingMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private final Map<String, Counter> classes = new ConcurrentHashMap<>();
    private final Counter rows;
    private final Counter monitorErrors;
    private volatile DistributionSummary values;

    ServingMetrics(String model) {
        registry.config().commonTags("model", model == null ? "model" : model);
        rows = Counter.builder("workbench.rows.scored").description("rows scored").register(registry);
        monitorErrors = Counter.builder("workbench.monitor.errors").description("exceptions thrown by monitors").register(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    PrometheusMeterRegistry registry() {
        return registry;
    }

    void request(String endpoint, String method, int status, long nanos) {
        String key = endpoint + ' ' + method + ' ' + status;
        timers.computeIfAbsent(key, k -> Timer.builder("workbench.http.requests")
                .description("HTTP requests by endpoint, method and status")
                .tags("endpoint", endpoint, "method", method, "status", Integer.toString(status))
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(100_000))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry)).record(nanos, TimeUnit.NANOSECONDS);
    }

    void scored(Predictions predictions) {
        rows.increment(predictions.size());
        if (predictions.labels() != null) {
            // counted per distinct label first: one increment per class and request, not per row
            Map<String, Integer> counts = new java.util.HashMap<>();
            for (String label : predictions.labels()) {
                counts.merge(label, 1, Integer::sum);
            }
            counts.forEach((label, n) -> classes.computeIfAbsent(label, l -> Counter.builder("workbench.predictions")
                    .description("predictions per class (or cluster)").tag("class", l).register(registry)).increment(n));
        } else if (predictions.values() != null) {
            if (values == null) {
                values = DistributionSummary.builder("workbench.predicted.value").description("regression predictions").register(registry);
            }
            for (double v : predictions.values()) {
                values.record(v);
            }
        }
    }

    void monitorFailed() {
        monitorErrors.increment();
    }

    String scrape() {
        return registry.scrape();
    }
}
