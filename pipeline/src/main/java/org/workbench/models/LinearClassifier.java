package org.workbench.models;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.tribuo.Dataset;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.Hinge;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.ModelProvenance;
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
        if (examples.getOutputInfo().getUnknownCount() > 0) {
            throw new IllegalArgumentException("The supplied Dataset contained unknown Outputs, and this Trainer is supervised.");
        }
        LinearSgd.SparseRows rows = LinearSgd.SparseRows.of(table.rows());
        if (rows == null) {
            return super.train(examples, runProvenance, invocationCount);
        }
        LinearFit.Start start = LinearFit.start(this, () -> rng, invocationCount);
        ImmutableOutputInfo<Label> outputInfo = examples.getOutputIDInfo();
        ImmutableFeatureMap featureMap = examples.getFeatureIDMap();
        int[] classes = new int[table.size()];
        for (int row = 0; row < classes.length; row++) {
            classes[row] = outputInfo.getID(table.output(row));
        }
        double[][] weights = LinearSgd.train(rows, LinearFit.checkedFeatures(table, featureMap), outputInfo.size(), classes,
                null, loss, learningRate, epochs, shuffle, start.rng());
        ModelProvenance provenance = new ModelProvenance(getModelClassName(), OffsetDateTime.now(ZoneOffset.UTC),
                examples.getProvenance(), start.provenance(), runProvenance);
        return createModel(getName(), provenance, featureMap, outputInfo, LinearFit.parameters(weights));
    }
}
