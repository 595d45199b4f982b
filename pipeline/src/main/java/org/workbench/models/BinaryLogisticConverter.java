package org.workbench.models;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.tribuo.Example;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.common.xgboost.XGBoostOutputConverter;
import org.tribuo.common.xgboost.protos.XGBoostOutputConverterProto;
import org.tribuo.protos.ProtoSerializableClass;
import org.tribuo.protos.ProtoUtil;

/**
 * Turns the one number a {@code binary:logistic} booster gives per row, the probability of the class
 * with id 1, into a Tribuo prediction over both classes. Tribuo's own converter expects one
 * probability per class ({@code multi:softprob}). Ties go to id 0, as in Tribuo's converter. Saved in
 * the bundle by class name (Tribuo's protobuf format), so the class keeps its name and version.
 */
@ProtoSerializableClass(version = BinaryLogisticConverter.CURRENT_VERSION)
public final class BinaryLogisticConverter implements XGBoostOutputConverter<Label> {
    private static final long serialVersionUID = 1L;
    /** Protobuf serialisation version. */
    public static final int CURRENT_VERSION = 0;

    public BinaryLogisticConverter() {
    }

    /** Called by Tribuo's protobuf reader, by reflection. */
    public static BinaryLogisticConverter deserializeFromProto(int version, String className, Any message) {
        if (version < 0 || version > CURRENT_VERSION) {
            throw new IllegalArgumentException("Unknown version " + version + ", this class supports at most version "
                    + CURRENT_VERSION);
        }
        if (message.getValue() != ByteString.EMPTY) {
            throw new IllegalArgumentException("Invalid proto");
        }
        return new BinaryLogisticConverter();
    }

    @Override
    public boolean generatesProbabilities() {
        return true;
    }

    @Override
    public Prediction<Label> convertOutput(ImmutableOutputInfo<Label> info, List<float[]> outputs, int numValidFeatures,
                                           Example<Label> example) {
        if (outputs.size() != 1) {
            throw new IllegalArgumentException("expected the output of one booster, got " + outputs.size());
        }
        return prediction(info, outputs.get(0), numValidFeatures, example);
    }

    @Override
    public List<Prediction<Label>> convertBatchOutput(ImmutableOutputInfo<Label> info, List<float[][]> outputs,
                                                      int[] numValidFeatures, Example<Label>[] examples) {
        if (outputs.size() != 1) {
            throw new IllegalArgumentException("expected the output of one booster, got " + outputs.size());
        }
        float[][] rows = outputs.get(0);
        List<Prediction<Label>> predictions = new ArrayList<>(rows.length);
        for (int i = 0; i < rows.length; i++) {
            predictions.add(prediction(info, rows[i], numValidFeatures[i], examples[i]));
        }
        return predictions;
    }

    private static Prediction<Label> prediction(ImmutableOutputInfo<Label> info, float[] row, int numValidFeatures,
                                                Example<Label> example) {
        if (info.size() != 2 || row.length != 1) {
            throw new IllegalArgumentException("a binary:logistic booster predicts 2 classes with one number per row; got "
                    + info.size() + " classes and " + row.length + " numbers");
        }
        double positive = row[0];
        Label zero = new Label(info.getOutput(0).getLabel(), 1.0 - positive);
        Label one = new Label(info.getOutput(1).getLabel(), positive);
        LinkedHashMap<String, Label> scores = new LinkedHashMap<>();
        scores.put(zero.getLabel(), zero);
        scores.put(one.getLabel(), one);
        return new Prediction<>(one.getScore() > zero.getScore() ? one : zero, scores, numValidFeatures, example, true);
    }

    @Override
    public XGBoostOutputConverterProto serialize() {
        return ProtoUtil.serialize(this);
    }

    @Override
    public Class<Label> getTypeWitness() {
        return Label.class;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BinaryLogisticConverter;
    }

    @Override
    public int hashCode() {
        return BinaryLogisticConverter.class.hashCode();
    }
}
