package org.workbench.export;

import ai.onnx.proto.OnnxMl;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.ONNXExportable;
import org.tribuo.Tribuo;
import org.tribuo.classification.Label;
import org.tribuo.ensemble.EnsembleModel;
import org.tribuo.classification.libsvm.LibSVMClassificationModel;
import org.tribuo.util.onnx.ONNXContext;
import org.tribuo.util.onnx.ONNXNode;
import org.tribuo.util.onnx.ONNXOperators;
import org.tribuo.util.onnx.ONNXPlaceholder;
import org.tribuo.util.onnx.ONNXRef;
import org.workbench.collection.DataSource;
import org.workbench.core.InputException;
import org.workbench.core.Json;
import org.workbench.core.Versions;
import org.workbench.deployment.Bundle;
import org.workbench.deployment.Manifest;
import org.workbench.evaluation.DecisionThreshold;
import org.workbench.recipe.FittedStep;

/**
 * A model bundle as one ONNX graph: one input per raw column the bundle needs, shaped [batch, 1]
 * (numbers as float, missing = NaN; categories as string, missing = ""), the fitted recipe's steps as
 * ONNX / ONNX-ML operators ({@link RecipeGraph}), then the Tribuo model's own graph
 * ({@link ONNXExportable#writeONNXGraph}). Outputs: regression {@code prediction} float [batch, 1];
 * classification {@code label} string [batch, 1] and, for models with probabilities,
 * {@code probabilities} float [batch, classes] in the sorted class order of predictions.csv. A
 * decision threshold is part of the graph: {@code label} is the positive class when its probability
 * is at least the threshold (compared in float), and the threshold is also in the model's metadata.
 */
public final class OnnxExport {
    /** The catalog's algorithms whose Tribuo 4.3.2 model implements {@link ONNXExportable} (checked by a test). */
    public static final List<String> EXPORTABLE_MODELS = List.of("logistic_regression", "linear_svm", "svm",
            "linear_regression", "least_squares", "ridge", "lasso", "elastic_net");

    static final String LABEL = "label";
    static final String PROBABILITIES = "probabilities";
    static final String PREDICTION = "prediction";
    /** ONNX IR version 8 (ONNX 1.10): opset 13 and ai.onnx.ml 3 are both part of it. */
    private static final long IR_VERSION = 8;

    private OnnxExport() {
    }

    /** The exported graph and what to tell the user about it. */
    public record Export(OnnxMl.ModelProto model, List<String> notes) {
    }

    /**
     * Builds the graph.
     *
     * @throws InputException naming the model or the step that has no ONNX form
     */
    public static Export export(Bundle bundle) {
        Manifest m = bundle.manifest();
        Model<?> model = bundle.model().tribuoModel();
        if (!hasOnnxForm(model)) {
            throw new InputException("model '" + m.model() + "' (" + describe(model) + ") has no ONNX form in Tribuo "
                    + Tribuo.VERSION + "; exportable models: " + String.join(", ", EXPORTABLE_MODELS));
        }
        ONNXExportable exportable = (ONNXExportable) model;
        if (model instanceof LibSVMClassificationModel && model.generatesProbabilities()) {
            // ONNX's SVMClassifier couples LibSVM's pairwise probabilities by its own iteration (two classes too),
            // and ONNX Runtime's differ from Tribuo's by about 1e-4: refused rather than exported inexactly
            throw new InputException("model '" + m.model() + "' with probability: true has no exact ONNX form (ONNX Runtime"
                    + " computes LibSVM probabilities its own way and differs by about 1e-4); train it with probability: false"
                    + " or export another model: " + String.join(", ", EXPORTABLE_MODELS));
        }
        Set<String> outputs = Set.of(LABEL, PROBABILITIES, PREDICTION);
        ONNXContext onnx = new ONNXContext();
        onnx.setName("workbench_" + m.name());
        RecipeGraph graph = new RecipeGraph(onnx);
        Set<String> textInputs = new HashSet<>();
        for (String name : m.requiredColumns()) {
            if (outputs.contains(name)) {
                throw new InputException("column '" + name + "' has the name of an output of the exported graph ("
                        + String.join(", ", outputs.stream().sorted().toList()) + "); rename it in the data and run again");
            }
            // every input is made as a float placeholder; text ones are retyped to string once the graph is built
            ONNXPlaceholder input = onnx.floatInput(name, 1);
            if ("numeric".equals(type(m, name))) {
                graph.input(name, new RecipeGraph.Number(input));
            } else {
                graph.input(name, new RecipeGraph.Text(input, Map.of()));
                textInputs.add(name);
            }
        }
        List<FittedStep> steps = bundle.recipe().steps();
        for (int i = 0; i < steps.size(); i++) {
            graph.add(steps.get(i), i + 1);
        }
        ONNXNode scores = exportable.writeONNXGraph(graph.features(bundle.model().featureNames()));

        List<String> notes = new ArrayList<>();
        Set<String> textOutputs = new HashSet<>();
        if ("regression".equals(m.task())) {
            scores.assignTo(onnx.floatOutput(PREDICTION, 1));
            notes.add("output '" + PREDICTION + "': float [rows, 1], the predicted " + m.target());
        } else {
            classify(bundle, model, scores, onnx, notes);
            textOutputs.add(LABEL);
        }

        OnnxMl.GraphProto.Builder g = onnx.buildGraph().toBuilder();
        for (int i = 0; i < g.getInputCount(); i++) {
            if (textInputs.contains(g.getInput(i).getName())) {
                g.getInputBuilder(i).getTypeBuilder().getTensorTypeBuilder().setElemType(OnnxMl.TensorProto.DataType.STRING.getNumber());
            }
        }
        for (int i = 0; i < g.getOutputCount(); i++) {
            if (textOutputs.contains(g.getOutput(i).getName())) {
                g.getOutputBuilder(i).getTypeBuilder().getTensorTypeBuilder().setElemType(OnnxMl.TensorProto.DataType.STRING.getNumber());
            }
        }
        notes.add(0, "inputs: " + m.requiredColumns().size() + " raw columns, each [rows, 1]: "
                + (m.requiredColumns().size() - textInputs.size()) + " float (missing = NaN), " + textInputs.size()
                + " string (missing = \"\")");
        notes.add(1, steps.size() + " fitted steps, then " + m.model() + " (" + model.getClass().getSimpleName() + ")");

        OnnxMl.ModelProto.Builder proto = OnnxMl.ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(OnnxOps.OPSET))
                .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain(OnnxOps.ML_DOMAIN).setVersion(OnnxOps.ML_OPSET))
                .setProducerName("workbench")
                .setProducerVersion(Versions.workbench())
                .setDomain("org.workbench")
                .setModelVersion(1)
                .setDocString("Workbench model '" + m.name() + "' (" + m.task() + ", target " + m.target()
                        + "): raw columns in, the fitted recipe, then " + m.model())
                .setGraph(g);
        metadata(proto, "workbench.task", m.task());
        metadata(proto, "workbench.target", m.target());
        metadata(proto, "workbench.model", m.model());
        metadata(proto, "workbench.inputs", Json.write(m.inputColumns().stream()
                .filter(c -> m.requiredColumns().contains(c.name())).toList()));
        if (m.classes() != null && !m.classes().isEmpty()) {
            metadata(proto, "workbench.classes", Json.write(bundle.model().classes()));
        }
        if (m.threshold() != null) {
            metadata(proto, "workbench.threshold", Double.toString(m.threshold().value()));
            metadata(proto, "workbench.positive_class", m.threshold().positiveClass());
        }
        metadata(proto, "workbench.data_sha256", m.dataSha256());
        metadata(proto, ONNXExportable.PROVENANCE_METADATA_FIELD, ONNXExportable.SERIALIZER.marshalAndSerialize(model.getProvenance()));
        return new Export(proto.build(), notes);
    }

    /**
     * Whether Tribuo can write the model as ONNX: it implements {@link ONNXExportable}, and an ensemble
     * (which always does) only when every member does, as a forest of trees does not.
     */
    static boolean hasOnnxForm(Model<?> model) {
        if (model instanceof EnsembleModel<?> ensemble) {
            return model instanceof ONNXExportable && ensemble.getModels().stream().allMatch(OnnxExport::hasOnnxForm);
        }
        return model instanceof ONNXExportable;
    }

    private static String describe(Model<?> model) {
        if (model instanceof EnsembleModel<?> ensemble && !ensemble.getModels().isEmpty()) {
            return model.getClass().getSimpleName() + " of " + ensemble.getNumModels() + " "
                    + ensemble.getModels().get(0).getClass().getSimpleName();
        }
        return model.getClass().getSimpleName();
    }

    /** Writes the graph (atomically) and returns the notes. */
    public static List<String> write(Bundle bundle, Path output) {
        Export export = export(bundle);
        Json.writeAtomically(output, export.model().toByteArray());
        return export.notes();
    }

    private static void metadata(OnnxMl.ModelProto.Builder proto, String key, String value) {
        if (value != null) {
            proto.addMetadataProps(OnnxMl.StringStringEntryProto.newBuilder().setKey(key).setValue(value));
        }
    }

    private static String type(Manifest m, String column) {
        return m.inputColumns().stream().filter(c -> c.name().equals(column)).map(DataSource.InputColumn::type)
                .findFirst().orElse("numeric");
    }

    /**
     * The label and the probabilities. Tribuo's graph gives scores in its output-id order; they are
     * gathered into the sorted class order. Without a threshold the label is the first highest score in
     * id order, as Tribuo picks it.
     */
    @SuppressWarnings("unchecked")
    private static void classify(Bundle bundle, Model<?> model, ONNXNode scores, ONNXContext onnx, List<String> notes) {
        ImmutableOutputInfo<Label> ids = (ImmutableOutputInfo<Label>) model.getOutputIDInfo();
        List<String> classes = bundle.model().classes();
        int[] sortedIds = classes.stream().mapToInt(c -> ids.getID(new Label(c))).toArray();
        ONNXNode sorted = scores.apply(ONNXOperators.GATHER, onnx.array("class_order", sortedIds), Map.of("axis", 1));
        if (model.generatesProbabilities()) {
            sorted.assignTo(onnx.floatOutput(PROBABILITIES, classes.size()));
            notes.add("output '" + PROBABILITIES + "': float [rows, " + classes.size() + "], P(" + String.join(", ", classes) + ")");
        }
        DecisionThreshold threshold = bundle.manifest().threshold();
        ONNXRef<?> label;
        if (threshold != null) {
            int positive = classes.indexOf(threshold.positiveClass());
            ONNXNode p = sorted.apply(ONNXOperators.GATHER, onnx.array("positive_class", new int[] {positive}), Map.of("axis", 1));
            ONNXNode atLeast = p.apply(ONNXOperators.GREATER_OR_EQUAL, onnx.constant("threshold", (float) threshold.value()));
            ONNXNode index = onnx.operation(ONNXOperators.WHERE, List.of(atLeast, onnx.constant("positive_index", (long) positive),
                    onnx.constant("negative_index", (long) (1 - positive))), "label_index");
            label = names(index, classes);
            notes.add("output '" + LABEL + "': string [rows, 1]: '" + threshold.positiveClass() + "' when P(" + bundle.manifest().target()
                    + "=" + threshold.positiveClass() + ") >= " + String.format(Locale.ROOT, "%.4f", threshold.value())
                    + " (the bundle's decision threshold, in the graph and its metadata), else '" + classes.get(1 - positive) + "'");
        } else {
            // ties go to the first class in the order the model looks at them: Tribuo's ids, or LibSVM's own label order
            int[] order = model instanceof LibSVMClassificationModel svm
                    ? svm.getInnerModels().get(0).label.clone() : java.util.stream.IntStream.range(0, ids.size()).toArray();
            ONNXNode ordered = scores.apply(ONNXOperators.GATHER, onnx.array("tie_order", order), Map.of("axis", 1));
            ONNXNode index = ordered.apply(OnnxOps.ARG_MAX, Map.of("axis", 1, "keepdims", 1, "select_last_index", 0));
            List<String> byPosition = new ArrayList<>();
            for (int id : order) {
                byPosition.add(ids.getOutput(id).getLabel());
            }
            label = names(index, byPosition);
            notes.add("output '" + LABEL + "': string [rows, 1], the most probable class");
        }
        label.assignTo(onnx.floatOutput(LABEL, 1));
    }

    /** Index j (int64) to {@code names.get(j)}. */
    private static ONNXNode names(ONNXRef<?> index, List<String> names) {
        int[] keys = new int[names.size()];
        for (int j = 0; j < keys.length; j++) {
            keys[j] = j;
        }
        return index.apply(OnnxOps.LABEL_ENCODER, Map.<String, Object>of("keys_int64s", keys,
                "values_strings", names.toArray(String[]::new), "default_string", ""));
    }
}
