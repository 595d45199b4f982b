package org.workbench.spark;

import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.feature.PCA;
import org.apache.spark.ml.feature.PCAModel;
import org.apache.spark.ml.feature.StandardScaler;
import org.apache.spark.ml.feature.StandardScalerModel;
import org.apache.spark.ml.feature.VectorSlicer;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.types.StructType;
import org.workbench.core.InputException;
import org.workbench.features.Pca;

import java.util.stream.IntStream;

/**
 * {@code features.pca} as one Spark ML estimator inside the recipe's {@code Pipeline}, so every
 * cross-validation fold fits its own. Spark's {@code PCA} takes a fixed number of components and projects
 * without centring, so this centres the input on the training means first (a {@code StandardScaler} with
 * mean, without std), fits {@code PCA} with every component, reads each one's share of the variance and
 * keeps the first k: the number asked for, or the fewest whose cumulative share exceeds the fraction (the
 * local engine's rule, {@link Pca#kept}). The fitted model is a {@code PipelineModel} of Spark's own
 * stages (scaler, PCA, slicer), so Spark saves and loads it with the rest of the model.
 */
final class SparkPca extends Estimator<PipelineModel> {
    private final String uid;
    /** A count (>= 1) or a share of the variance in (0, 1), as {@code features.pca.components}. */
    private final double components;
    private final String inputCol;
    private final String outputCol;

    SparkPca(double components, String inputCol, String outputCol) {
        this(Identifiable.randomUID("workbench_pca"), components, inputCol, outputCol);
    }

    private SparkPca(String uid, double components, String inputCol, String outputCol) {
        this.uid = uid;
        this.components = components;
        this.inputCol = inputCol;
        this.outputCol = outputCol;
    }

    @Override
    public String uid() {
        return uid;
    }

    @Override
    public PipelineModel fit(Dataset<?> rows) {
        String centred = outputCol + "_centred";
        String all = outputCol + "_all";
        StandardScalerModel centre = new StandardScaler().setWithMean(true).setWithStd(false).setInputCol(inputCol)
                .setOutputCol(centred).fit(rows);
        int p = centre.mean().size();
        if (components >= 1 && components > p) {
            throw new InputException("features.pca.components: " + (long) components + " components asked for, but there are only "
                    + p + " numeric features to project");
        }
        PCAModel every = new PCA().setK(p).setInputCol(centred).setOutputCol(all).fit(centre.transform(rows));
        int k = components >= 1 ? (int) components : Pca.kept(every.explainedVariance().toArray(), components);
        VectorSlicer first = new VectorSlicer().setInputCol(all).setOutputCol(outputCol)
                .setIndices(IntStream.range(0, k).toArray());
        return new PipelineModel(uid, new Transformer[] {centre, every, first});
    }

    @Override
    public StructType transformSchema(StructType schema) {
        if (!(schema.apply(inputCol).dataType() instanceof VectorUDT)) {
            throw new IllegalArgumentException("pca input " + inputCol + " is not a vector column");
        }
        return schema.add(outputCol, new VectorUDT(), false);
    }

    @Override
    public SparkPca copy(ParamMap extra) {
        return new SparkPca(uid, components, inputCol, outputCol);
    }

    /** The parts of a fitted projection, or null when {@code t} is not one. */
    record Fitted(StandardScalerModel centre, PCAModel every, int kept) {
        static Fitted of(Transformer t) {
            if (t instanceof PipelineModel m && m.stages().length == 3 && m.stages()[0] instanceof StandardScalerModel centre
                    && m.stages()[1] instanceof PCAModel every && m.stages()[2] instanceof VectorSlicer first) {
                return new Fitted(centre, every, first.getIndices().length);
            }
            return null;
        }
    }
}
