package org.workbench.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.workbench.core.Background;
import org.workbench.core.StageProgress;
import org.workbench.data.Predictions;
import org.workbench.training.TrainedModel;
import org.workbench.training.ModelRows;

/**
 * Predictions for many rows, made in chunks by a helper thread that starts at once and by the caller
 * as soon as it has done its own work: whoever is free takes the next chunk. Each chunk's predictions
 * depend only on its rows, so the result is the same whichever thread made which chunk.
 */
final class SharedPredictions {
    /** Large enough that a chunk's fixed cost (for XGBoost, building its matrix) does not matter. */
    static final int CHUNK_ROWS = 5_000;

    private final TrainedModel model;
    private final List<ModelRows> chunks;
    private final Predictions[] done;
    private final AtomicInteger next = new AtomicInteger();
    private final Background<Void> helper;

    private final StageProgress progress;

    private SharedPredictions(TrainedModel model, ModelRows rows, StageProgress progress) {
        this.model = model;
        this.progress = progress;
        this.chunks = rows.chunks(CHUNK_ROWS);
        this.done = new Predictions[chunks.size()];
        this.helper = Background.start("predictions", this::work);
    }

    /** Starts predicting at once; each finished chunk's rows are counted into {@code progress}. */
    static SharedPredictions start(TrainedModel model, ModelRows rows, StageProgress progress) {
        return new SharedPredictions(model, rows, progress);
    }

    /** Helps with the chunks left, waits for the helper, and returns the predictions in row order. */
    Predictions finish() {
        work();
        helper.join();
        List<Predictions> parts = new ArrayList<>(List.of(done));
        return Predictions.concat(parts);
    }

    private void work() {
        for (int i = next.getAndIncrement(); i < chunks.size(); i = next.getAndIncrement()) {
            done[i] = model.predict(chunks.get(i));
            progress.advance(chunks.get(i).size());
        }
    }
}
