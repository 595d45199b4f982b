package org.workbench.export;

import ai.onnx.proto.OnnxMl.AttributeProto.AttributeType;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.tribuo.util.onnx.ONNXAttribute;
import org.tribuo.util.onnx.ONNXOperator;

/**
 * The ONNX and ONNX-ML operators the recipe's steps need beyond Tribuo's {@code ONNXOperators}
 * (which covers what its models write). Versions are those of the opsets the exported model imports:
 * {@link #OPSET} for the default domain, {@link #ML_OPSET} for {@code ai.onnx.ml}.
 */
enum OnnxOps implements ONNXOperator {
    /** ai.onnx.ml Imputer: replaces {@code replaced_value_float} (NaN here) by the fitted value. */
    IMPUTER("Imputer", 1, 1, true, attr("imputed_value_floats", AttributeType.FLOATS),
            attr("replaced_value_float", AttributeType.FLOAT)),
    /** ai.onnx.ml Scaler: (x - offset) * scale. */
    SCALER("Scaler", 1, 1, true, attr("offset", AttributeType.FLOATS), attr("scale", AttributeType.FLOATS)),
    /** ai.onnx.ml LabelEncoder (version 2): a lookup table from strings or integers to integers, floats or strings. */
    LABEL_ENCODER("LabelEncoder", 1, 1, true, attr("keys_strings", AttributeType.STRINGS),
            attr("keys_int64s", AttributeType.INTS), attr("values_int64s", AttributeType.INTS),
            attr("values_floats", AttributeType.FLOATS), attr("values_strings", AttributeType.STRINGS),
            attr("default_int64", AttributeType.INT), attr("default_float", AttributeType.FLOAT),
            attr("default_string", AttributeType.STRING)),
    IS_NAN("IsNaN", 1, 1, false),
    LOG("Log", 1, 1, false),
    SQRT("Sqrt", 1, 1, false),
    ABS("Abs", 1, 1, false),
    EXP("Exp", 1, 1, false),
    FLOOR("Floor", 1, 1, false),
    CEIL("Ceil", 1, 1, false),
    SIGN("Sign", 1, 1, false),
    SIN("Sin", 1, 1, false),
    COS("Cos", 1, 1, false),
    TAN("Tan", 1, 1, false),
    /** With fmod = 1: the remainder has the dividend's sign, as Java's % on doubles. */
    MOD("Mod", 2, 1, false, attr("fmod", AttributeType.INT)),
    EQUAL("Equal", 2, 1, false),
    OR("Or", 2, 1, false),
    ARG_MAX("ArgMax", 1, 1, false, attr("axis", AttributeType.INT), attr("keepdims", AttributeType.INT),
            attr("select_last_index", AttributeType.INT));

    static final int OPSET = 13;
    static final int ML_OPSET = 3;
    static final String ML_DOMAIN = "ai.onnx.ml";

    private final String name;
    private final int inputs;
    private final int outputs;
    private final boolean ml;
    private final Map<String, ONNXAttribute> attributes;

    OnnxOps(String name, int inputs, int outputs, boolean ml, ONNXAttribute... attributes) {
        this.name = name;
        this.inputs = inputs;
        this.outputs = outputs;
        this.ml = ml;
        Map<String, ONNXAttribute> map = new LinkedHashMap<>();
        for (ONNXAttribute a : attributes) {
            map.put(a.getName(), a);
        }
        this.attributes = Map.copyOf(map);
    }

    private static ONNXAttribute attr(String name, AttributeType type) {
        return new ONNXAttribute(name, type, false);
    }

    @Override
    public String getOpName() {
        return name;
    }

    @Override
    public int getNumInputs() {
        return inputs;
    }

    @Override
    public int getNumOptionalInputs() {
        return 0;
    }

    @Override
    public int getNumOutputs() {
        return outputs;
    }

    @Override
    public Map<String, ONNXAttribute> getAttributes() {
        return attributes;
    }

    @Override
    public Set<String> getMandatoryAttributeNames() {
        return new HashSet<>();
    }

    @Override
    public int getOpVersion() {
        return ml ? ML_OPSET : OPSET;
    }

    @Override
    public String getOpDomain() {
        return ml ? ML_DOMAIN : null;
    }
}
