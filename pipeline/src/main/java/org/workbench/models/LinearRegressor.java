package org.workbench.models;

import java.util.Map;
import org.tribuo.Dataset;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.sgd.linear.LinearSGDModel;
import org.tribuo.regression.sgd.linear.LinearSGDTrainer;
import org.tribuo.regression.sgd.objectives.SquaredLoss;
import org.workbench.data.TableDataset;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;

/**
 * Tribuo's linear SGD regression ({@code LinearSGDTrainer} with {@code SquaredLoss} and AdaGrad) that
 * trains on a {@link TableDataset}'s columns with {@link LinearSgd}, as {@link LinearClassifier} does
 * for classes: the same weights bit for bit; other datasets and minibatches of more than one row
 * train through Tribuo's own code. The model is Tribuo's regression {@code LinearSGDModel}.
 */
public final class LinearRegressor extends LinearSGDTrainer implements TableTrainer {
    private final double learningRate;

    LinearRegressor(double learningRate, int epochs, int minibatch, long seed) {
        super(new SquaredLoss(), new AdaGrad(learningRate), epochs, -1, minibatch, seed);
        this.learningRate = learningRate;
    }

    @Override
    public boolean readsTable() {
        return minibatchSize == 1;
    }

    @Override
    public LinearSGDModel train(Dataset<Regressor> examples, Map<String, Provenance> runProvenance, int invocationCount) {
        if (!(examples instanceof TableDataset<Regressor> table) || !readsTable()
                || examples.getOutputIDInfo().size() != 1) {
            return super.train(examples, runProvenance, invocationCount);
        }
        LinearFit.Fit fit = LinearFit.fit(this, getModelClassName(), () -> rng, table, invocationCount, runProvenance,
                (rows, features, random) -> {
                    double[] values = new double[table.size()];
                    for (int row = 0; row < values.length; row++) {
                        values[row] = table.output(row).getValues()[0];
                    }
                    return LinearSgd.train(rows, features, 1, null, values, LinearSgd.Objective.SQUARED, learningRate, epochs,
                            shuffle, random);
                });
        if (fit == null) {
            return super.train(examples, runProvenance, invocationCount);
        }
        return createModel(getName(), fit.provenance(), examples.getFeatureIDMap(), examples.getOutputIDInfo(),
                LinearFit.parameters(fit.weights()));
    }
}
