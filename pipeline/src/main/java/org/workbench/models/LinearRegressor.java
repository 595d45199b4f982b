package org.workbench.models;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.tribuo.Dataset;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.ModelProvenance;
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
        if (examples.getOutputInfo().getUnknownCount() > 0) {
            throw new IllegalArgumentException("The supplied Dataset contained unknown Outputs, and this Trainer is supervised.");
        }
        LinearSgd.SparseRows rows = LinearSgd.SparseRows.of(table.rows());
        if (rows == null) {
            return super.train(examples, runProvenance, invocationCount);
        }
        LinearFit.Start start = LinearFit.start(this, () -> rng, invocationCount);
        ImmutableOutputInfo<Regressor> outputInfo = examples.getOutputIDInfo();
        ImmutableFeatureMap featureMap = examples.getFeatureIDMap();
        double[] values = new double[table.size()];
        for (int row = 0; row < values.length; row++) {
            values[row] = table.output(row).getValues()[0];
        }
        double[][] weights = LinearSgd.train(rows, LinearFit.checkedFeatures(table, featureMap), 1, null, values,
                LinearSgd.Objective.SQUARED, learningRate, epochs, shuffle, start.rng());
        ModelProvenance provenance = new ModelProvenance(getModelClassName(), OffsetDateTime.now(ZoneOffset.UTC),
                examples.getProvenance(), start.provenance(), runProvenance);
        return createModel(getName(), provenance, featureMap, outputInfo, LinearFit.parameters(weights));
    }
}
