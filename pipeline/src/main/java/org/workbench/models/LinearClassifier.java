package org.workbench.models;

import java.util.Map;
import org.tribuo.Dataset;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.Hinge;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.AdaGrad;
import org.workbench.data.TableDataset;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;

/**
 * Tribuo's linear SGD classifier ({@code LinearSGDTrainer} with AdaGrad: logistic regression with
 * {@code LogMulticlass}, the linear SVM with {@code Hinge}) that trains on a {@link TableDataset}'s
 * columns with {@link LinearSgd}: the same weights bit for bit, without an example or a vector per
 * row. Any other dataset, or a minibatch of more than one row (whose merged gradients this does not
 * repeat), trains through Tribuo's own code. The model is Tribuo's {@code LinearSGDModel}, built by
 * Tribuo's {@code createModel}, with the dataset's feature map and output info.
 */
public final class LinearClassifier extends LinearSGDTrainer implements TableTrainer {
    private final LinearSgd.Objective loss;
    private final double learningRate;

    /** {@code loss} is {@link LinearSgd.Objective#LOG_MULTICLASS} or {@link LinearSgd.Objective#HINGE}. */
    LinearClassifier(LinearSgd.Objective loss, double learningRate, int epochs, int minibatch, long seed) {
        super(switch (loss) {
            case LOG_MULTICLASS -> new LogMulticlass();
            case HINGE -> new Hinge();
            default -> throw new IllegalArgumentException("not a classification objective: " + loss);
        }, new AdaGrad(learningRate), epochs, -1, minibatch, seed);
        this.loss = loss;
        this.learningRate = learningRate;
    }

    @Override
    public boolean readsTable() {
        return minibatchSize == 1;
    }

    @Override
    public LinearSGDModel train(Dataset<Label> examples, Map<String, Provenance> runProvenance, int invocationCount) {
        if (!(examples instanceof TableDataset<Label> table) || !readsTable()) {
            return super.train(examples, runProvenance, invocationCount);
        }
        ImmutableOutputInfo<Label> outputInfo = examples.getOutputIDInfo();
        LinearFit.Fit fit = LinearFit.fit(this, getModelClassName(), () -> rng, table, invocationCount, runProvenance,
                (rows, features, random) -> {
                    int[] classes = new int[table.size()];
                    for (int row = 0; row < classes.length; row++) {
                        classes[row] = outputInfo.getID(table.output(row));
                    }
                    return LinearSgd.train(rows, features, outputInfo.size(), classes, null, loss, learningRate, epochs, shuffle,
                            random);
                });
        if (fit == null) {
            return super.train(examples, runProvenance, invocationCount);
        }
        return createModel(getName(), fit.provenance(), examples.getFeatureIDMap(), outputInfo, LinearFit.parameters(fit.weights()));
    }
}
