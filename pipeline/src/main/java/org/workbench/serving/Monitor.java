package org.workbench.serving;

import io.micrometer.core.instrument.MeterRegistry;
import org.workbench.data.Predictions;
import tech.tablesaw.api.Table;

/**
 * Something that watches the scored traffic (a drift monitor over a rolling window, say). The server
 * hands it every successfully scored request, registers it on the metrics registry once at start,
 * and, when it has a {@link #name}, serves its {@link #status} as JSON at {@code GET /<name>}.
 * Adding one is one line: {@code ModelServer.start(bundle, file, options, List.of(new MyMonitor(...)))}.
 */
public interface Monitor {
    /**
     * Called on the request thread after each scored request, with the raw rows as the recipe received
     * them (training types; missing as NaN or "") and their predictions. Must be thread-safe and quick;
     * the server counts an exception here and still answers the request.
     */
    void observe(Table rawRows, Predictions predictions);

    /** Registers the monitor's gauges (they appear in {@code /metrics}); nothing by default. */
    default void register(MeterRegistry registry) {
    }

    /** The path segment of its JSON endpoint ({@code "drift"} serves {@code GET /drift}); null for none. */
    default String name() {
        return null;
    }

    /** The document its endpoint serves (anything Jackson writes: a record, a map). */
    default Object status() {
        return java.util.Map.of();
    }
}
