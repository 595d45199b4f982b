package org.workbench.models;

import org.tribuo.Output;
import org.tribuo.common.nearest.KNNModel;
import org.tribuo.common.nearest.KNNTrainer;
import org.tribuo.ensemble.EnsembleCombiner;
import org.tribuo.math.distance.CosineDistance;
import org.tribuo.math.distance.Distance;
import org.tribuo.math.distance.L1Distance;
import org.tribuo.math.distance.L2Distance;
import org.tribuo.math.neighbour.NeighboursQueryFactoryType;
import org.workbench.config.Section;

/** k-nearest-neighbour trainers for both tasks (the combiner votes or averages). */
final class Neighbours {
    private Neighbours() {
    }

    static <T extends Output<T>> KNNTrainer<T> trainer(Section p, ModelSpec.Shape data, EnsembleCombiner<T> combiner) {
        return new KNNTrainer<>(Params.atLeast(p, "k", 1), distance(p), Params.threads(p, data), combiner,
                KNNModel.Backend.THREADPOOL, NeighboursQueryFactoryType.BRUTE_FORCE);
    }

    private static Distance distance(Section p) {
        return switch (p.choice("distance")) {
            case "l1" -> new L1Distance();
            case "cosine" -> new CosineDistance();
            default -> new L2Distance();
        };
    }
}
