package org.workbench.models;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import java.util.Map;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Trainer;
import org.tribuo.clustering.ClusterID;
import org.tribuo.clustering.kmeans.KMeansModel;
import org.tribuo.clustering.kmeans.KMeansTrainer;
import org.tribuo.math.distance.Distance;
import org.tribuo.math.la.DenseVector;
import org.tribuo.provenance.TrainerProvenance;

/**
 * K-means from several starting points, keeping the run whose rows lie closest to their centres
 * (smallest sum of squared distances), as scikit-learn's {@code n_init} does: one unlucky start can
 * settle on a poor grouping. Start r of fit i is Tribuo's run number {@code i * restarts + r}, so
 * every start differs and refits with the same seed repeat exactly.
 */
final class KMeansRestarts implements Trainer<ClusterID> {
    /** Relative difference in spread below which two starts count as equally good (the first is kept). */
    private static final double TIE = 1e-9;

    private final KMeansTrainer trainer;
    private final Distance distance;
    private final int restarts;
    private int fits;

    KMeansRestarts(KMeansTrainer trainer, Distance distance, int restarts) {
        this.trainer = trainer;
        this.distance = distance;
        this.restarts = restarts;
    }

    @Override
    public Model<ClusterID> train(Dataset<ClusterID> data, Map<String, Provenance> provenance) {
        return train(data, provenance, INCREMENT_INVOCATION_COUNT);
    }

    @Override
    public synchronized Model<ClusterID> train(Dataset<ClusterID> data, Map<String, Provenance> provenance,
                                              int invocationCount) {
        int fit = invocationCount == INCREMENT_INVOCATION_COUNT ? fits : invocationCount;
        KMeansModel best = null;
        double bestSpread = Double.POSITIVE_INFINITY;
        for (int r = 0; r < restarts; r++) {
            KMeansModel model = trainer.train(data, provenance, fit * restarts + r);
            double spread = spread(model, data);
            // a later start must be clearly better: starts that find the same clusters differ only by
            // rounding, which with several threads depends on timing, and must not decide the winner
            if (spread < bestSpread * (1 - TIE)) {
                best = model;
                bestSpread = spread;
            }
        }
        fits = fit + 1;
        return best;
    }

    /** Sum over rows of the squared distance to the nearest centre (the within-cluster sum of squares for l2). */
    private double spread(KMeansModel model, Dataset<ClusterID> data) {
        DenseVector[] centres = model.getCentroidVectors();
        double sum = 0;
        for (Example<ClusterID> example : data) {
            DenseVector row = DenseVector.createDenseVector(example, model.getFeatureIDMap(), false);
            double nearest = Double.POSITIVE_INFINITY;
            for (DenseVector centre : centres) {
                nearest = Math.min(nearest, distance.computeDistance(centre, row));
            }
            sum += nearest * nearest;
        }
        return sum;
    }

    @Override
    public int getInvocationCount() {
        return fits;
    }

    @Override
    public synchronized void setInvocationCount(int count) {
        fits = count;
    }

    @Override
    public TrainerProvenance getProvenance() {
        return trainer.getProvenance();
    }

    @Override
    public String toString() {
        return "KMeansRestarts(restarts=" + restarts + "," + trainer + ")";
    }
}
