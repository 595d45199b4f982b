package org.workbench.models;

import com.google.protobuf.Any;
import java.util.Arrays;
import java.util.List;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Prediction;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.ensemble.AveragingCombiner;

/**
 * The mean of the neighbours' targets for k-nearest-neighbour regression. Tribuo 4.3.2's
 * {@link AveragingCombiner} returns the last prediction instead of the mean when called without
 * weights (which is how its k-NN model calls it); with equal weights it computes the mean correctly.
 */
public final class MeanCombiner extends AveragingCombiner {
    private static final long serialVersionUID = 1L;

    @Override
    public Prediction<Regressor> combine(ImmutableOutputInfo<Regressor> outputInfo, List<Prediction<Regressor>> predictions) {
        float[] equal = new float[predictions.size()];
        Arrays.fill(equal, 1f);
        return combine(outputInfo, predictions, equal);
    }

    /** Read back from Tribuo's protobuf format (found by reflection from the class name it records). */
    public static MeanCombiner deserializeFromProto(int version, String className, Any message) {
        AveragingCombiner.deserializeFromProto(version, AveragingCombiner.class.getName(), message);
        return new MeanCombiner();
    }

    @Override
    public String toString() {
        return "MeanCombiner()";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MeanCombiner;
    }

    @Override
    public int hashCode() {
        return 37;
    }
}
