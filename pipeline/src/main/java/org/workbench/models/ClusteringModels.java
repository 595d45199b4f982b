package org.workbench.models;

import static org.workbench.models.Params.atLeast;

import java.util.List;
import org.tribuo.clustering.hdbscan.HdbscanTrainer;
import org.tribuo.clustering.kmeans.KMeansTrainer;
import org.tribuo.math.distance.CosineDistance;
import org.tribuo.math.distance.Distance;
import org.tribuo.math.distance.L1Distance;
import org.tribuo.math.distance.L2Distance;
import org.tribuo.math.neighbour.NeighboursQueryFactoryType;
import org.workbench.config.Key;
import org.workbench.config.Section;
import org.workbench.data.Task;

/** The clustering algorithms of the catalog: they group rows by their features alone, with no target. */
final class ClusteringModels {
    private ClusteringModels() {
    }

    private static final Key DISTANCE = Key.choice("distance", "l2", List.of("l2", "l1", "cosine"),
            "how far apart two rows are: l2 = straight-line, l1 = city-block, cosine = angle");
    private static final Key THREADS = Key.integer("threads", 0,
            "CPU threads; 0 = auto: all processors from 10,000 training rows, else 1");

    private static final List<Key> KMEANS_PARAMS = List.of(
            Key.integer("k", 3, "number of clusters to find"),
            Key.choice("init", "kmeans++", List.of("kmeans++", "random"), "how the first centres are picked: kmeans++"
                    + " spreads them out (fewer bad starts), random takes random rows"),
            Key.integer("iterations", 100, "rounds of assign-to-nearest-centre / move-centre before stopping"),
            Key.integer("restarts", 10, "runs from different starting centres; the run with rows closest to their"
                    + " centres (smallest within-cluster sum of squares) is kept"),
            DISTANCE, THREADS);

    private static final List<Key> HDBSCAN_PARAMS = List.of(
            Key.integer("min_cluster_size", 5, "smallest group of rows that counts as a cluster; smaller groups become noise"),
            Key.integer("k", 5, "neighbours used to measure how crowded the space around a row is (its core distance)"),
            DISTANCE, THREADS);

    static final List<ModelSpec> ALL = List.of(
            new ModelSpec("baseline", Task.CLUSTERING,
                    "Puts every row in one cluster: the agreement with a label (ARI 0) any real clustering must beat.",
                    List.of(), (p, seed, data) -> new KMeansTrainer(1, 1, new L2Distance(),
                            KMeansTrainer.Initialisation.RANDOM, 1, seed)),
            new ModelSpec("kmeans", Task.CLUSTERING,
                    "K-means: k centres, each row joins the nearest and each centre moves to its rows' mean; scale features measured in different units.",
                    KMEANS_PARAMS, (p, seed, data) -> kmeans(p, seed, data)),
            new ModelSpec("hdbscan", Task.CLUSTERING,
                    "HDBSCAN: clusters are dense regions of any shape, found without choosing k; sparse rows are labelled noise.",
                    HDBSCAN_PARAMS, (p, seed, data) -> new HdbscanTrainer(atLeast(p, "min_cluster_size", 2), distance(p),
                            atLeast(p, "k", 1), Params.threads(p, data), NeighboursQueryFactoryType.BRUTE_FORCE)));

    private static KMeansRestarts kmeans(Section p, long seed, ModelSpec.Shape data) {
        Distance distance = distance(p);
        KMeansTrainer.Initialisation init = p.choice("init").equals("random") ? KMeansTrainer.Initialisation.RANDOM
                : KMeansTrainer.Initialisation.PLUSPLUS;
        KMeansTrainer trainer = new KMeansTrainer(atLeast(p, "k", 1), atLeast(p, "iterations", 1), distance, init,
                Params.threads(p, data), seed);
        return new KMeansRestarts(trainer, distance, atLeast(p, "restarts", 1));
    }

    private static Distance distance(Section p) {
        return switch (p.choice("distance")) {
            case "l1" -> new L1Distance();
            case "cosine" -> new CosineDistance();
            default -> new L2Distance();
        };
    }
}
