package org.workbench.models;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Output;
import org.tribuo.Trainer;
import org.tribuo.common.sgd.AbstractSGDTrainer;
import org.tribuo.math.LinearParameters;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.provenance.TrainerProvenance;
import org.workbench.data.TableDataset;

/** What the table-reading linear trainers share around {@link LinearSgd}: Tribuo's bookkeeping of a fit. */
final class LinearFit {
    private LinearFit() {
    }

    /** What a trainer solves for, given the table's rows: one row of weights per output, the bias last. */
    interface Solver {
        double[][] weights(LinearSgd.SparseRows rows, int features, SplittableRandom rng);
    }

    /** The fitted weights and the model's provenance. */
    record Fit(double[][] weights, ModelProvenance provenance) {
    }

    /**
     * Fits from the table's columns as Tribuo's {@code train} would: refuses unknown outputs, then (when the
     * rows can be read sparsely; else null, and nothing is counted, so Tribuo's own code can train) starts the
     * fit, solves, and records the provenance for the model's class {@code modelClass}.
     */
    static <T extends Output<T>> Fit fit(AbstractSGDTrainer<T, ?, ?, ?> trainer, String modelClass, Supplier<SplittableRandom> generator,
                                         TableDataset<T> table, int invocationCount, Map<String, Provenance> runProvenance,
                                         Solver solver) {
        if (table.getOutputInfo().getUnknownCount() > 0) {
            throw new IllegalArgumentException("The supplied Dataset contained unknown Outputs, and this Trainer is supervised.");
        }
        LinearSgd.SparseRows rows = LinearSgd.SparseRows.of(table.rows());
        if (rows == null) {
            return null;
        }
        Start start = start(trainer, generator, invocationCount);
        double[][] weights = solver.weights(rows, checkedFeatures(table, table.getFeatureIDMap()), start.rng());
        return new Fit(weights, new ModelProvenance(modelClass, OffsetDateTime.now(ZoneOffset.UTC), table.getProvenance(),
                start.provenance(), runProvenance));
    }

    /** A fit's own generator and the trainer's provenance as the fit began. */
    record Start(SplittableRandom rng, TrainerProvenance provenance) {
    }

    /**
     * As {@code AbstractSGDTrainer.train} begins: sets the invocation count when one is given, splits
     * the trainer's generator, records the provenance, counts the fit. Tribuo's counter is private, so
     * it is set to one more, which replays the generator to the state the split left it in.
     */
    static Start start(AbstractSGDTrainer<?, ?, ?, ?> trainer, Supplier<SplittableRandom> generator, int invocationCount) {
        synchronized (trainer) {
            if (invocationCount != Trainer.INCREMENT_INVOCATION_COUNT) {
                trainer.setInvocationCount(invocationCount);
            }
            int count = trainer.getInvocationCount();
            SplittableRandom local = generator.get().split();
            TrainerProvenance provenance = trainer.getProvenance();
            trainer.setInvocationCount(count + 1);
            return new Start(local, provenance);
        }
    }

    /**
     * The number of features, after checking that the table's columns are the feature map's ids in
     * order (a {@link TableDataset}'s always are).
     */
    static int checkedFeatures(TableDataset<?> table, ImmutableFeatureMap features) {
        var names = table.rows().names();
        if (names.size() != features.size()) {
            throw new IllegalArgumentException(names.size() + " columns for " + features.size() + " features");
        }
        for (int id = 0; id < names.size(); id++) {
            if (features.getID(names.get(id)) != id) {
                throw new IllegalArgumentException("column '" + names.get(id) + "' is not feature id " + id);
            }
        }
        return names.size();
    }

    /** The weights (one row per output, the bias last) as Tribuo's parameters. */
    static LinearParameters parameters(double[][] weights) {
        return new LinearParameters(DenseMatrix.createDenseMatrix(weights));
    }
}
