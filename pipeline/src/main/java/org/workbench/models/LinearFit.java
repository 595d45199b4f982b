package org.workbench.models;

import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Trainer;
import org.tribuo.common.sgd.AbstractSGDTrainer;
import org.tribuo.math.LinearParameters;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.provenance.TrainerProvenance;
import org.workbench.data.TableDataset;

/** What the table-reading linear trainers share around {@link LinearSgd}: Tribuo's bookkeeping of a fit. */
final class LinearFit {
    private LinearFit() {
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
