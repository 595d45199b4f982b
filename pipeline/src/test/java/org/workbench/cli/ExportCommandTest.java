package org.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.workbench.deployment.DeploymentStage;
import org.workbench.run.ConfigLoader;
import org.workbench.run.Runner;

/** {@code workbench export}: writes the graph and says what it takes and gives; refuses a model without an ONNX form in one line. */
class ExportCommandTest {
    @TempDir
    Path dir;

    private Path bundle(String... overrides) {
        List<String> sets = new java.util.ArrayList<>(List.of("evaluate.cv_folds=0"));
        sets.addAll(List.of(overrides));
        return Runner.run(ConfigLoader.load(Path.of("../configs/penguins.yaml"), sets), dir, null, r -> { }).dir()
                .resolve(DeploymentStage.BUNDLE_FILE);
    }

    @Test
    void writesOneGraphFromTheRawColumns() throws IOException {
        Path model = bundle();
        Path onnx = dir.resolve("penguins.onnx");
        Cli cli = Cli.run("export", "--model", model.toString(), "--format", "onnx", "--output", onnx.toString());
        assertEquals(0, cli.exitCode(), cli.err());
        assertTrue(cli.out().contains("inputs: 7 raw columns, each [rows, 1]: 5 float (missing = NaN), 2 string (missing = \"\")"), cli.out());
        assertTrue(cli.out().contains("output 'probabilities': float [rows, 3], P(Adelie, Chinstrap, Gentoo)"), cli.out());
        assertTrue(cli.out().endsWith("wrote " + onnx + System.lineSeparator()) || cli.out().endsWith("wrote " + onnx + "\n"), cli.out());
        OnnxMl.ModelProto proto = OnnxMl.ModelProto.parseFrom(Files.readAllBytes(onnx));
        assertEquals(List.of("island", "bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g", "sex", "year"),
                proto.getGraph().getInputList().stream().map(OnnxMl.ValueInfoProto::getName).toList());
        assertEquals(OnnxMl.TensorProto.DataType.STRING.getNumber(), proto.getGraph().getInput(0).getType().getTensorType().getElemType());
        assertEquals(List.of("probabilities", "label"), proto.getGraph().getOutputList().stream().map(OnnxMl.ValueInfoProto::getName).toList());

        // the same bundle gives the same bytes
        Path again = dir.resolve("again.onnx");
        assertEquals(0, Cli.run("export", "--model", model.toString(), "--output", again.toString(), "--quiet").exitCode());
        assertTrue(java.util.Arrays.equals(Files.readAllBytes(onnx), Files.readAllBytes(again)));
    }

    @Test
    void aModelWithoutAnOnnxFormIsOneLineNamingIt() {
        Path model = bundle("train.model=xgboost", "train.params={trees: 3}");
        Path onnx = dir.resolve("xgb.onnx");
        Cli cli = Cli.run("export", "--model", model.toString(), "--output", onnx.toString());
        assertEquals(2, cli.exitCode());
        assertEquals("error: " + model + ": model 'xgboost' (XGBoostModel) has no ONNX form in Tribuo 4.3.2; exportable models:"
                + " logistic_regression, linear_svm, svm, linear_regression, least_squares, ridge, lasso, elastic_net",
                cli.err().strip());
        assertFalse(Files.exists(onnx), "nothing written");
    }
}
