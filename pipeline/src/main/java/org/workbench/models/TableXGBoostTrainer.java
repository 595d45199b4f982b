package org.workbench.models;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.tribuo.Dataset;
import org.tribuo.Output;
import org.tribuo.common.xgboost.XGBoostModel;
import org.tribuo.common.xgboost.XGBoostOutputConverter;
import org.tribuo.common.xgboost.XGBoostTrainer;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.provenance.TrainerProvenance;
import org.tribuo.provenance.impl.TrainerProvenanceImpl;

/**
 * The part of Tribuo's XGBoost training that our classifier and regressor share: Tribuo's trainers for
 * each task are final, so ours extend their parent and repeat its bookkeeping (invocation count,
 * provenance) here once; each subclass only turns the rows into boosters ({@link #boost}).
 */
abstract class TableXGBoostTrainer<T extends Output<T>> extends XGBoostTrainer<T> implements TableTrainer {
    TableXGBoostTrainer(BoosterType booster, TreeMethod method, int trees, double eta, double gamma, int maxDepth,
                        double minChildWeight, double subsample, double colsample, double lambda, double alpha, int threads,
                        LoggingVerbosity verbosity, long seed) {
        super(booster, method, trees, eta, gamma, maxDepth, minChildWeight, subsample, colsample, lambda, alpha, threads,
                verbosity, seed);
    }

    /** For Tribuo's configuration system, which may rebuild a trainer from its provenance. */
    TableXGBoostTrainer() {
    }

    @Override
    public XGBoostModel<T> train(Dataset<T> examples) {
        return train(examples, Map.of());
    }

    @Override
    public XGBoostModel<T> train(Dataset<T> examples, Map<String, Provenance> runProvenance) {
        return train(examples, runProvenance, INCREMENT_INVOCATION_COUNT);
    }

    @Override
    public synchronized XGBoostModel<T> train(Dataset<T> examples, Map<String, Provenance> runProvenance, int invocationCount) {
        if (examples.getOutputIDInfo().getUnknownCount() > 0) {
            throw new IllegalArgumentException("The supplied Dataset contained unknown Outputs, and this Trainer is supervised.");
        }
        if (invocationCount != INCREMENT_INVOCATION_COUNT) {
            setInvocationCount(invocationCount);
        }
        TrainerProvenance trainerProvenance = getProvenance();
        trainInvocationCounter++;
        Boosted<T> boosted;
        try {
            boosted = boost(examples);
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost failed to train: " + e.getMessage(), e);
        }
        ModelProvenance provenance = new ModelProvenance(XGBoostModel.class.getName(), OffsetDateTime.now(ZoneOffset.UTC),
                examples.getProvenance(), trainerProvenance, runProvenance);
        return createModel(boosted.name(), provenance, examples.getFeatureIDMap(), examples.getOutputIDInfo(), boosted.boosters(),
                boosted.converter());
    }

    /** What {@link #boost} trained: the model's name, its boosters and how their outputs become Tribuo's. */
    record Boosted<T extends Output<T>>(String name, List<Booster> boosters, XGBoostOutputConverter<T> converter) {
    }

    /**
     * Trains the boosters on the rows: a {@link org.workbench.data.TableDataset}'s columns through
     * {@link XGBoostMatrix}, any other dataset through Tribuo's conversion of its examples.
     */
    abstract Boosted<T> boost(Dataset<T> examples) throws XGBoostError;

    @Override
    public TrainerProvenance getProvenance() {
        return new TrainerProvenanceImpl(this);
    }
}
