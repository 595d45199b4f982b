package org.workbench.serving;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.workbench.core.InputException;
import org.workbench.data.Predictions;
import org.workbench.deployment.BatchScorer;
import org.workbench.deployment.Bundle;
import org.workbench.recipe.ApplyLog;
import tech.tablesaw.api.Table;

/**
 * Scores request bodies with a bundle, through the same code as {@code workbench predict}: JSON rows
 * become a raw table with the bundle's input types ({@link InputSchema}); a CSV body is read by
 * {@link BatchScorer} itself (from a private temporary file, as predict reads its input file), so it
 * follows the training file's dialect, markers and types exactly. Both end in {@code Bundle.predict}:
 * the fitted recipe, the model, the decision threshold. Thread-safe: nothing here changes after start.
 */
final class Scorer {
    /** What one request gave: the raw rows as scored, their predictions, and whether probabilities were asked for. */
    record Scored(Table rows, Predictions predictions, boolean probabilities) {
    }

    private final Bundle bundle;
    private final InputSchema schema;
    private final Path spool;
    private final AtomicLong bodies = new AtomicLong();

    Scorer(Bundle bundle, Path spool) {
        this.bundle = bundle;
        this.schema = new InputSchema(bundle);
        this.spool = spool;
    }

    Bundle bundle() {
        return bundle;
    }

    InputSchema schema() {
        return schema;
    }

    Scored json(byte[] body) {
        JsonRows rows = JsonRows.parse(body);
        if (rows.size() == 0) {
            throw BadRequest.invalid("no rows to score: the request holds an empty list of rows");
        }
        Table table = schema.table(rows);
        return checked(new Scored(table, bundle.predict(table, new ApplyLog()), rows.probabilities()));
    }

    Scored csv(byte[] body, boolean probabilities) {
        Path file = spool.resolve("body-" + bodies.incrementAndGet() + ".csv");
        try {
            Files.write(file, body);
            BatchScorer.Result result = BatchScorer.score(bundle, file);
            return checked(new Scored(result.rows(), result.predictions(), probabilities));
        } catch (InputException e) {
            // predict's one-line message, about the body rather than a file the client never saw
            throw BadRequest.invalid(e.getMessage().replace(file.toString(), "CSV body"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot spool the CSV body: " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // the spool folder is removed when the server stops
            }
        }
    }

    /** Probabilities can only be given when the model gave them (a classifier that has them). */
    private Scored checked(Scored scored) {
        if (scored.probabilities() && !scored.predictions().hasProbabilities()) {
            throw BadRequest.invalid("this " + bundle.manifest().task() + " model (" + bundle.manifest().model()
                    + ") gives no class probabilities; leave out params.probabilities");
        }
        return scored;
    }
}
