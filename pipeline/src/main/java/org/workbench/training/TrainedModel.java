package org.workbench.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.InvalidProtocolBufferException;
import com.oracle.labs.mlrg.olcut.config.json.JsonProvenanceSerialization;
import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tribuo.Dataset;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.Prediction;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.baseline.DummyClassifierTrainer;
import org.tribuo.classification.mnb.MultinomialNaiveBayesModel;
import org.tribuo.clustering.ClusterID;
import org.tribuo.clustering.hdbscan.HdbscanModel;
import org.tribuo.common.xgboost.XGBoostModel;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.baseline.DummyRegressionTrainer;
import org.tribuo.regression.slm.SparseLinearModel;
import org.workbench.core.InputException;
import org.workbench.data.Predictions;
import org.workbench.data.TableDataset;
import org.workbench.data.TableRows;
import org.workbench.data.Target;
import org.workbench.data.Task;
import tech.tablesaw.api.Table;
import org.workbench.data.TribuoData;
import org.workbench.models.LinearScores;
import org.workbench.models.ModelSpec;
import org.workbench.models.QuietLogging;
import org.workbench.models.TableTrainer;
import org.workbench.models.XGBoostMatrix;

/**
 * A fitted Tribuo model and the task it solves. Predicts on processed feature tables, matching
 * columns by name, and saves itself as Tribuo's protobuf format (never Java serialization, which is
 * unsafe to read from untrusted files).
 */
public final class TrainedModel {
    static {
        QuietLogging.apply();
    }

    /** The cluster name of rows HDBSCAN leaves out of every cluster. */
    public static final String NOISE = "noise";

    private final Model<?> model;
    private final Task task;
    private final long trainMillis;
    private final List<String> featureNames;
    private final List<String> classes;
    /**
     * Tribuo 4.3.2's sparse linear model scores a row as 1 instead of 0 when every weight is 0 (a
     * lasso with a large penalty), predicting the target mean + 1 (its scale is 1 for the trainers
     * used here); this is subtracted again.
     */
    private final double noWeightsOffset;
    /** Scores a linear SGD model from a table's columns; null for other models. */
    private final LinearScores linear;
    /** Rows this model has predicted so far: lets a test check that no row is predicted twice. */
    private final java.util.concurrent.atomic.LongAdder predictedRows = new java.util.concurrent.atomic.LongAdder();

    /**
     * The protobuf bytes this model was read from, or null. Writing a model read back can order its
     * provenance differently (Tribuo keeps it in hash maps), so the bytes it came from are handed on
     * instead: a bundle from a cached model is the bytes of the bundle from the fresh one.
     */
    private final byte[] readFrom;
    /** The provenance JSON the fresh model wrote, for the same reason; null unless restored from the stage cache. */
    private final String provenanceJson;

    private TrainedModel(Model<?> model, Task task, long trainMillis) {
        this(model, task, trainMillis, null, null);
    }

    private TrainedModel(Model<?> model, Task task, long trainMillis, byte[] readFrom, String provenanceJson) {
        this.readFrom = readFrom;
        this.provenanceJson = provenanceJson;
        this.model = model;
        this.task = task;
        this.trainMillis = trainMillis;
        ImmutableFeatureMap features = model.getFeatureIDMap();
        List<String> names = new ArrayList<>(features.size());
        for (int id = 0; id < features.size(); id++) {
            names.add(features.get(id).getName());
        }
        this.featureNames = List.copyOf(names);
        this.noWeightsOffset = model instanceof SparseLinearModel linear
                && linear.getWeights().values().stream().allMatch(w -> w.numActiveElements() == 0) ? 1.0 : 0.0;
        this.linear = LinearScores.of(model);
        this.classes = task == Task.CLASSIFICATION
                ? model.getOutputIDInfo().getDomain().stream().map(o -> ((Label) o).getLabel()).sorted().toList()
                : List.of();
    }

    /**
     * Fits a fresh trainer for {@code spec} on the feature rows and their target.
     *
     * @throws InputException for bad parameters (at {@code train.params}), missing values or a one-class target
     */
    public static TrainedModel train(ModelSpec spec, JsonNode params, long seed, Table features, Target target) {
        return fit(spec, params, seed, features, target).model();
    }

    /**
     * A trained model and its training rows as it learned from them, so those rows can be scored
     * again without converting the table a second time.
     */
    public record Fit(TrainedModel model, ModelRows rows) {
    }

    /** As {@link #train}, keeping the training rows. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Fit fit(ModelSpec spec, JsonNode params, long seed, Table features, Target target) {
        if (spec.task() == Task.CLUSTERING) {
            return cluster(spec, params, seed, features);
        }
        if (target.isCategorical() != (spec.task() == Task.CLASSIFICATION)) {
            throw new InputException("train.model: '" + spec.name() + "' is a " + spec.task().label() + " model but target '"
                    + target.name() + "' holds " + (target.isCategorical() ? "labels" : "numbers"));
        }
        double targetScale = target.isCategorical() ? 1.0 : rootMeanSquare(target.values());
        Trainer trainer = spec.trainer(params, seed,
                new ModelSpec.Shape(features.rowCount(), features.columnCount(), targetScale));
        if (spec.check() != ModelSpec.FeatureCheck.NONE) {
            for (var column : features.columns()) {
                if (column instanceof tech.tablesaw.api.NumericColumn<?> numeric) {
                    spec.check().check(column.name(), numeric.asDoubleArray());
                }
            }
        }
        Dataset dataset;
        if (target.isCategorical()) {
            List<String> classes = target.classes();
            if (classes.size() < 2) {
                throw new InputException("target '" + target.name() + "' has only one class " + classes
                        + " in the training rows; a classifier needs at least two");
            }
            dataset = readsTable(trainer) ? TableDataset.classification(features, target)
                    : TribuoData.classification(features, target, sparse(trainer));
        } else {
            dataset = readsTable(trainer) ? TableDataset.regression(features, target)
                    : TribuoData.regression(features, target, sparse(trainer));
        }
        long start = System.nanoTime();
        Model<?> model = trainer.train(dataset);
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new Fit(new TrainedModel(model, spec.task(), millis), ModelRows.training(dataset));
    }

    /** Clustering learns from the features alone: a label column, if any, is never seen here. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Fit cluster(ModelSpec spec, JsonNode params, long seed, Table features) {
        Trainer trainer = spec.trainer(params, seed, new ModelSpec.Shape(features.rowCount(), features.columnCount(), 1.0));
        Dataset dataset = TribuoData.clustering(features);
        long start = System.nanoTime();
        Model<?> model = trainer.train(dataset);
        return new Fit(new TrainedModel(model, Task.CLUSTERING, (System.nanoTime() - start) / 1_000_000),
                ModelRows.training(dataset));
    }

    /** The scale of a regression target (finite values only), 1 when there is none. */
    static double rootMeanSquare(double[] values) {
        double sum = 0;
        int n = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                sum += v * v;
                n++;
            }
        }
        double rms = n == 0 ? 0 : Math.sqrt(sum / n);
        return rms > 0 && Double.isFinite(rms) ? rms : 1.0;
    }

    /** Predictions for every row; columns are matched by name, extra columns are ignored. */
    public Predictions predict(Table features) {
        return predict(rows(features));
    }

    /**
     * The rows as this model reads them, to score them with it (or a baseline fitted beside it) later:
     * for XGBoost and the linear SGD models the table's columns themselves (checked once), for the other
     * models Tribuo examples.
     */
    public ModelRows rows(Table features) {
        if (model instanceof XGBoostModel || linear != null) {
            return ModelRows.table(TableRows.of(features, featureNames));
        }
        if (task == Task.CLUSTERING) {
            return ModelRows.examples(TribuoData.examples(features, featureNames, TribuoData.unknownCluster()));
        }
        boolean sparse = model instanceof org.tribuo.common.sgd.AbstractLinearSGDModel;
        if (task == Task.CLASSIFICATION) {
            Table rows = model instanceof MultinomialNaiveBayesModel ? atLeastZero(features) : features;
            return ModelRows.examples(TribuoData.examples(rows, featureNames, TribuoData.unknownLabel(), sparse));
        }
        return ModelRows.examples(TribuoData.examples(features, featureNames, TribuoData.unknownRegressor(), sparse));
    }

    /**
     * Linear SGD models that train through Tribuo (a minibatch above 1) get sparse examples (zero cells
     * left out): the same model bit for bit, at a cost that follows the non-zeros. Other models read an absent feature differently (XGBoost as
     * missing), so they keep every cell.
     */
    private static boolean sparse(Trainer<?> trainer) {
        return trainer instanceof org.tribuo.common.sgd.AbstractLinearSGDTrainer;
    }

    /**
     * Trainers that never keep an example read the table itself ({@link TableDataset}): XGBoost builds
     * its matrix from the columns, the linear SGD models step through them, and the baselines read only
     * the targets.
     */
    private static boolean readsTable(Trainer<?> trainer) {
        return trainer instanceof TableTrainer table && table.readsTable() || trainer instanceof DummyClassifierTrainer
                || trainer instanceof DummyRegressionTrainer;
    }

    /**
     * Predictions for rows already converted: by {@link #rows}, or the training rows of a {@link Fit}
     * (the same as predicting their table: naive Bayes training refuses negative features, so no
     * training row needs clipping).
     */
    public Predictions predict(ModelRows rows) {
        Predictions out = predictAll(rows);
        predictedRows.add(out.size());
        return out;
    }

    /**
     * Fits {@code spec} on training rows already converted (a {@link Fit}'s), without converting the
     * table again: for the baseline, which only reads the target.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static TrainedModel train(ModelSpec spec, JsonNode params, long seed, ModelRows trainingRows) {
        Dataset dataset = trainingRows.dataset();
        Trainer trainer = spec.trainer(params, seed, new ModelSpec.Shape(dataset.size(), dataset.getFeatureMap().size(), 1.0));
        long start = System.nanoTime();
        Model<?> model = trainer.train(dataset);
        return new TrainedModel(model, spec.task(), (System.nanoTime() - start) / 1_000_000);
    }

    /** How many rows this model has predicted (every call, every thread). */
    public long predictedRows() {
        return predictedRows.sum();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Predictions predictAll(ModelRows rows) {
        TableRows table = rows.table();
        if (table != null && !table.names().equals(featureNames)) {
            throw new IllegalStateException("these rows were read for other features than this model's");
        }
        if (table != null && model instanceof XGBoostModel xgboost) {
            Predictions direct = task == Task.CLASSIFICATION ? XGBoostMatrix.classify(xgboost, table, classes)
                    : XGBoostMatrix.regress(xgboost, table);
            if (direct != null) {
                return direct;
            }
        }
        if (table != null && linear != null) {
            Predictions direct = task == Task.CLASSIFICATION ? linear.classify(table, classes) : linear.regress(table);
            if (direct != null) {
                return direct;
            }
        }
        if (task == Task.CLUSTERING) {
            return clusters(((Model<ClusterID>) model).predict((Iterable) rows.examples(TribuoData.unknownCluster())));
        }
        if (task == Task.CLASSIFICATION) {
            return classification(((Model<Label>) model).predict((Iterable) rows.examples(TribuoData.unknownLabel())));
        }
        List<Prediction<Regressor>> predictions = ((Model<Regressor>) model).predict(
                (Iterable) rows.examples(TribuoData.unknownRegressor()));
        double[] values = new double[predictions.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = predictions.get(i).getOutput().getValues()[0] - noWeightsOffset;
        }
        return Predictions.regression(values);
    }

    /**
     * The cluster of each row, named by Tribuo's cluster number; HDBSCAN's cluster 0 holds the rows
     * that belong to no dense region, so it is called "noise".
     */
    private Predictions clusters(List<Prediction<ClusterID>> predictions) {
        boolean noiseCluster = model instanceof HdbscanModel;
        String[] clusters = new String[predictions.size()];
        for (int i = 0; i < clusters.length; i++) {
            int id = predictions.get(i).getOutput().getID();
            clusters[i] = noiseCluster && id == 0 ? NOISE : Integer.toString(id);
        }
        return Predictions.clusters(clusters);
    }

    /**
     * Naive Bayes reads features as counts and refuses negative ones; a row scaled with the training
     * minimum can fall just below 0, which is read as 0 (no count).
     */
    private Table atLeastZero(Table features) {
        Table out = org.workbench.recipe.FeatureColumns.copy(features);
        for (String name : featureNames) {
            if (out.column(name) instanceof tech.tablesaw.api.DoubleColumn d) {
                d.set(d.isLessThan(0.0), 0.0);
            }
        }
        return out;
    }

    private Predictions classification(List<Prediction<Label>> predictions) {
        String[] labels = new String[predictions.size()];
        // CART trees report generatesProbabilities() == false although each prediction carries its
        // leaf's class fractions and says so; trust the predictions when all of them agree.
        boolean probabilistic = model.generatesProbabilities()
                || !predictions.isEmpty() && predictions.stream().allMatch(Prediction::hasProbabilities);
        double[][] probabilities = probabilistic ? new double[labels.length][] : null;
        for (int i = 0; i < labels.length; i++) {
            Prediction<Label> p = predictions.get(i);
            labels[i] = p.getOutput().getLabel();
            if (probabilities != null) {
                Map<String, Label> scores = p.getOutputScores();
                double[] row = new double[classes.size()];
                for (int c = 0; c < row.length; c++) {
                    Label score = scores.get(classes.get(c));
                    row[c] = score == null ? 0.0 : score.getScore();
                }
                probabilities[i] = row;
            }
        }
        return Predictions.classification(labels, probabilities, classes);
    }

    /** Feature names the model was trained on, in Tribuo's order (sorted by name). */
    public List<String> featureNames() {
        return featureNames;
    }

    /** Class labels in sorted order (the order of probability columns); empty for regression and clustering. */
    public List<String> classes() {
        return classes;
    }

    public Task task() {
        return task;
    }

    /** Wall-clock milliseconds spent in the trainer; -1 for a model read back with {@link #fromBytes}. */
    public long trainMillis() {
        return trainMillis;
    }

    /** The underlying Tribuo model, e.g. to read weights or feature importances. */
    public Model<?> tribuoModel() {
        return model;
    }

    /** Tribuo's protobuf encoding of the model. */
    public byte[] toBytes() {
        return readFrom != null ? readFrom.clone() : model.serialize().toByteArray();
    }

    /**
     * Reads a model written by {@link #toBytes}.
     *
     * @throws InputException when the bytes are not a Tribuo model or the model solves another task
     */
    public static TrainedModel fromBytes(byte[] bytes, Task task) {
        Model<?> model;
        try {
            model = Model.deserialize(ModelProto.parseFrom(bytes));
        } catch (InvalidProtocolBufferException | RuntimeException e) {
            throw new InputException("not a readable Tribuo model (" + e.getMessage() + ")", e);
        }
        Class<? extends Output<?>> expected = switch (task) {
            case CLASSIFICATION -> Label.class;
            case REGRESSION -> Regressor.class;
            case CLUSTERING -> ClusterID.class;
        };
        if (!model.validate(expected)) {
            throw new InputException("the saved model is not a " + task.label() + " model");
        }
        return new TrainedModel(model, task, -1, bytes.clone(), null);
    }

    /** A model read back from the stage cache: its bytes and provenance JSON as the fresh model wrote them. */
    public static TrainedModel restored(byte[] bytes, Task task, String provenanceJson) {
        TrainedModel read = fromBytes(bytes, task);
        return new TrainedModel(read.model, task, -1, read.readFrom, provenanceJson);
    }

    /** Tribuo's provenance (trainer, parameters, data, versions) as JSON, or as indented text if that fails. */
    public String provenanceJson() {
        if (provenanceJson != null) {
            return provenanceJson;
        }
        try {
            return new JsonProvenanceSerialization(true).marshalAndSerialize(model.getProvenance());
        } catch (RuntimeException e) {
            return ProvenanceUtil.formattedProvenanceString(model.getProvenance());
        }
    }

    @Override
    public String toString() {
        return "TrainedModel[" + task.label() + ", " + model.getClass().getSimpleName() + ", "
                + featureNames.size() + " features]";
    }
}
