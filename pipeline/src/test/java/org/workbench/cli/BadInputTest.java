package org.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of bad input, one line each in {@link #cases()}. Every case must exit 2 with exactly one
 * line on stderr that starts with {@code error: } and names what and where, print no stack trace, leave
 * nothing behind (no run folder, no hidden folder, no output file) and leave an earlier run in the same
 * output root byte-for-byte unchanged.
 *
 * <p>A case is: a name, the files to create in its own folder, the command line and the substrings the
 * error must contain. In file contents and command lines {@code {d}} is the case's folder, {@code {root}}
 * the shared output root, {@code {iris}} the iris CSV and {@code {bundle}} the earlier run's model.bundle.
 * A file content {@code @dir} makes a folder, {@code @zip} a zip that holds no model, {@code @half-bundle}
 * the first half of the bundle's bytes;
 * a file name starting with {@code latin1:} is written in ISO-8859-1 instead of UTF-8, one starting with
 * {@code utf16:} in UTF-16 with a little-endian byte order mark.
 */
class BadInputTest {
    private static final String IRIS = Path.of("../datasets/iris/data.csv").toAbsolutePath().normalize().toString();
    /** A config that runs: the earlier run is made from it and most cases change one thing in it. */
    private static final String OK = "name: tiny\nproblem: {target: species}\ndata: {source: {iris}}\n"
            + "train: {model: logistic_regression, params: {epochs: 5}}\nevaluate: {cv_folds: 0}\n";
    private static final String RUN = "run {d}/c.yaml --out {root} --quiet";

    static Stream<Case> cases() {
        return Stream.of(
                // command line
                cli("unknown command", "frobnicate", "unknown command 'frobnicate'", "commands are: run, validate, stages"),
                cli("misspelled command", "rnu {d}/c.yaml", "unknown command 'rnu'", "did you mean 'run'?"),
                cli("misspelled validate", "valdate {d}/c.yaml", "did you mean 'validate'?"),
                cli("help for an unknown command", "help frobnicate", "frobnicate"),
                cli("argument a command does not take", "stages extra", "unexpected argument 'extra' for 'workbench stages'"),
                cli("unknown top-level option", "--frobnicate", "unknown option '--frobnicate' for 'workbench'"),
                cli("unknown run option", RUN + " --frobnicate", "unknown option '--frobnicate' for 'workbench run'", "options are:"),
                cli("misspelled run option", RUN + " --seedd 3", "unknown option '--seedd'", "did you mean '--seed'?"),
                cli("misspelled option with value", RUN + " --unitl=training", "unknown option '--unitl'", "did you mean '--until'?"),
                cli("seed not a number", RUN + " --seed abc", "workbench run: invalid value for option '--seed': 'abc' is not a whole number"),
                cli("seed a decimal", RUN + " --seed 1.5", "--seed", "'1.5'"),
                cli("seed without value", RUN + " --seed", "--seed"),
                cli("run without config", "run --out {root}", "CONFIG", "workbench run"),
                cli("run with two configs", RUN + " {d}/c.yaml", "unexpected argument", "c.yaml"),
                cli("until unknown stage", RUN + " --until nonsense", "--until: unknown stage 'nonsense'; stages are definition, collection"),
                cli("until misspelled stage", RUN + " --until trainng", "--until: unknown stage 'trainng' (did you mean 'training'?); stages are"),
                cli("set without equals", RUN + " --set train.model", "--set train.model", "expected path=value"),
                cli("set without path", RUN + " --set =3", "--set =3", "expected path=value"),
                cli("set with empty path part", RUN + " --set train..model=x", "'train..model' is not a config path"),
                cli("set unknown key", RUN + " --set train.modle=xgboost", "train.modle", "did you mean 'model'"),
                cli("set wrong type", RUN + " --set evaluate.cv_folds=ten", "evaluate.cv_folds", "expected an integer, got \"ten\""),
                cli("min_frequency share not below 1", RUN + " --set features.min_frequency=1.5", "features.min_frequency",
                        "expected a count of training rows (an integer >= 0) or a share below 1"),
                cli("pca components not a count or share", RUN + " --set features.pca.components=1.5", "features.pca.components",
                        "expected a number of components (an integer >= 1) or a share of the variance between 0 and 1"),
                cli("pca more components than columns", RUN + " --set features.pca.components=9",
                        "features.pca.components: 9 components asked for, but there are only 4 numeric columns"),
                cli("set a section to null", RUN + " --set problem=null", "c.yaml: problem.target: is required"),
                cli("set a section to a list", RUN + " --set train=[a,b]", "c.yaml: train: expected a mapping of keys, got a list"),
                cli("set a boolean to text", RUN + " --set tune.enabled=maybe", "c.yaml: tune.enabled: expected true or false, got \"maybe\""),
                cli("set a param out of range", RUN + " --set train.params.epochs=-5", "c.yaml: train.params.epochs: expected an integer >= 1, got -5"),
                cli("set a misspelled choice", RUN + " --set preprocess.scale=standrd", "preprocess.scale: 'standrd'", "did you mean 'standard'?"),
                cli("seed too large", RUN + " --seed 99999999999999999999999", "--seed", "is not a whole number"),
                cli("compare with one run", "compare {d}", "workbench compare: missing required parameter: 'RUN_B'"),
                cli("validate set unknown section", "validate {d}/c.yaml --set preproces.scale=none", "preproces", "did you mean 'preprocess'"),
                cli("demo unknown", "demo overfiting --out {root}", "unknown demo 'overfiting'", "demos are"),
                cli("models unknown task", "models --task classify", "--task", "classify"),
                cli("report on a non-run folder", "report {d}", "run.json", "not found"),
                cli("compare a missing run", "compare {d}/nope {d}/nada", "nope", "not found"),
                new Case("report on an edited run.json", files("run.json", "{\"name\": \"x\", \"colour\": \"blue\"}"), "report {d}",
                        List.of("run.json: field colour: unknown field", "re-run the config")),
                new Case("compare an edited run.json", files("run.json", "{\"seed\": \"soon\"}"), "compare {d} {d}",
                        List.of("run.json: field seed: not a value of type long")),
                // output paths
                new Case("out is a file", files("c.yaml", OK, "out.txt", "x"), "run {d}/c.yaml --out {d}/out.txt",
                        List.of("--out", "out.txt: is a file, not a folder")),
                new Case("out under a file", files("c.yaml", OK, "out.txt", "x"), "run {d}/c.yaml --out {d}/out.txt/runs",
                        List.of("out.txt is a file, so no folder can be created under it")),
                new Case("config folder in out is a file", files("c.yaml", OK, "out/tiny", "x"), "run {d}/c.yaml --out {d}/out",
                        List.of("tiny is a file, but the runs of this config go in a folder")),
                new Case("demo out is a file", files("out.txt", "x"), "demo overfitting --out {d}/out.txt",
                        List.of("--out", "is a file, not a folder")),
                // the config file itself
                cli("config not found", "run {d}/missing.yaml --out {root}", "missing.yaml: config file not found"),
                cli("config is a folder", "run {d} --out {root}", "is a folder; give the config's YAML file"),
                config("empty config", "# nothing\n", "c.yaml: the config file is empty"),
                config("config is a list", "- a\n- b\n", "expected a mapping of sections"),
                config("unclosed flow mapping", "problem: {target: species\ndata: {source: {iris}}\n", "c.yaml:2:5: invalid YAML", "expected ',' or '}'"),
                config("unclosed quote in config", "problem: {target: 'species}\n", "c.yaml:2:1: invalid YAML", "quoted scalar"),
                config("two values on one line", "problem: target: species\n", "c.yaml:1:16: invalid YAML", "mapping values are not allowed here"),
                config("bad indentation", OK + "  extra: 1\n", "c.yaml:6:3: invalid YAML", "indentation does not match"),
                config("tab indentation", "problem:\n\ttarget: species\n", "c.yaml:2:1", "tab is used for indentation", "spaces"),
                config("duplicate section", OK + "problem: {target: sepal_length}\n", "c.yaml:6: duplicate key 'problem' (first at line 2)"),
                config("duplicate nested key", OK.replace("epochs: 5", "epochs: 5, epochs: 7"), "duplicate key 'train.params.epochs' (first at line 4)"),
                new Case("config not UTF-8", files("latin1:c.yaml", OK.replace("name: tiny", "name: tiny # caf\u00e9")), RUN,
                        List.of("c.yaml:1:17: byte 0xE9 is not UTF-8", "save the config as UTF-8")),
                config("second document", OK + "---\nseed: 3\n", "c.yaml:7: a second YAML document", "remove the '---' line"),
                // keys and values
                config("unknown section", OK + "preproces: {scale: none}\n", "c.yaml: preproces: unknown key", "did you mean 'preprocess'?"),
                config("unknown key in section", OK.replace("model: logistic_regression", "modle: logistic_regression"), "train.modle", "did you mean 'model'"),
                config("wrong type", OK.replace("cv_folds: 0", "cv_folds: ten"), "evaluate.cv_folds: expected an integer, got \"ten\""),
                config("wrong param type", OK.replace("epochs: 5", "epochs: ten"), "c.yaml: train.params.epochs: expected an integer, got \"ten\""),
                config("unknown param", OK.replace("epochs: 5", "epoch: 5"), "c.yaml: train.params.epoch: unknown key", "did you mean 'epochs'?"),
                config("unknown model", OK.replace("model: logistic_regression", "model: xgbost"), "c.yaml: train.model: 'xgbost' is not a classification model", "did you mean 'xgboost'?"),
                config("unknown metric", OK.replace("target: species", "target: species, metric: acuracy"), "c.yaml: problem.metric: 'acuracy'", "did you mean 'accuracy'?"),
                config("unknown task", OK.replace("target: species", "target: species, task: classify"), "problem.task", "classify"),
                config("missing target", OK.replace("problem: {target: species}", "problem: {task: classification}"), "problem.target: is required"),
                config("bad run name", OK.replace("name: tiny", "name: my run"), "name: use letters, digits", "my run"),
                config("seed in config not a number", OK + "seed: abc\n", "seed", "abc"),
                config("split above one", OK.replace("data: {source: {iris}}", "data: {source: {iris}, split: {test: 1.5}}"), "data.split.test", "1.5"),
                config("grid over an unknown path", OK + "tune: {enabled: true, grid: {train.params.nope: [1, 2]}}\n", "tune.grid.train.params.nope"),
                config("grid value of the wrong type", OK + "tune: {enabled: true, grid: {train.params.epochs: [5, ten]}}\n",
                        "c.yaml: tune.grid.train.params.epochs: not a valid config path or value for \"ten\""),
                config("unknown search distribution", OK + "tune: {enabled: true, method: random, space: {train.params.epochs: {int_range: [1, 9]}}}\n",
                        "tune.space.train.params.epochs: unknown distribution 'int_range'"),
                config("regression on a text target", OK.replace("target: species", "target: species, task: regression"), "c.yaml: problem.task", "species"),
                config("target not a column", OK.replace("target: species", "target: Species"), "Species", "species"),
                config("drop an unknown column", OK + "preprocess: {drop: [petal_size]}\n", "petal_size"),
                config("column type for an unknown column", OK.replace("data: {source: {iris}}", "data: {source: {iris}, column_types: {colour: categorical}}"), "data.column_types", "colour"),
                config("positive class not in target", OK.replace("target: species", "target: species, positive_class: rose"), "c.yaml: problem.positive_class: 'rose' is not a class of 'species'"),
                // the data file
                config("data file missing", OK.replace("{iris}", "nowhere.csv"), "nowhere.csv"),
                new Case("data source is a folder", files("c.yaml", OK.replace("{iris}", "sub"), "sub", "@dir"), RUN, List.of("sub")),
                csv("empty CSV", "", "d.csv", "empty"),
                csv("ragged row, too few fields", "a,b,y\n1,2,x\n3,4\n5,6,z\n", "d.csv", "line 3"),
                csv("ragged row, too many fields", "a,b,y\n1,2,x\n3,4,z,9\n5,6,z\n", "d.csv", "line 3"),
                csv("unclosed quote", "a,b,y\n1,2,x\n3,\"4,z\n5,6,z\n", "d.csv", "line 3"),
                csv("blank header over values", "a,,y\n1,2,x\n3,4,z\n", "d.csv", "column 2"),
                csv("duplicate column names", "a,a,y\n1,2,x\n3,4,z\n", "d.csv", "'a'"),
                csv("target missing from CSV", "a,b,c\n1,2,x\n3,4,z\n", "d.csv", "'y'"),
                // reading the file: dialect and encoding
                new Case("CSV not UTF-8", files("latin1:d.csv", "a,b,y\n1,caf\u00e9,x\n3,4,z\n", "c.yaml", "problem: {target: y}\ndata: {source: d.csv}\n"),
                        RUN, List.of("d.csv: line 2, column 6", "byte 0xE9 is not valid UTF-8", "set data.encoding")),
                new Case("CSV in UTF-16", files("utf16:d.csv", "a,b,y\n1,2,x\n3,4,z\n", "c.yaml", "problem: {target: y}\ndata: {source: d.csv}\n"),
                        RUN, List.of("d.csv: starts with a little-endian UTF-16 byte order mark", "set data.encoding: UTF-16")),
                csv("no consistent delimiter", "a;b,y\n1;2;3\n1,2,3\n4;5,6\n", "d.csv", "data.delimiter"),
                csv("header only", "a,b,y\n", "d.csv", "no data rows"),
                csv("only a blank line of data", "a,b,y\n\n", "d.csv"),
                csvWith("unknown encoding", "a,b,y\n1,2,x\n", "encoding: klingon", "data.encoding: unknown encoding \"klingon\""),
                csvWith("decimal mark not . or ,", "a,b,y\n1,2,x\n", "decimal: x", "data.decimal: expected auto, '.' or ','"),
                csvWith("thousands equal to the decimal mark", "a;b;y\n1;2;x\n", "decimal: ',', thousands: ','", "data.thousands", "decimal mark"),
                csvWith("delimiter equal to the quote", "a,b,y\n1,2,x\n", "delimiter: '\"'", "they must differ"),
                csvWith("forced numeric column holds text", "a,b,y\n1,2,x\n3,four,z\n5,6,x\n", "column_types: {b: numeric}",
                        "d.csv: line 3, column 'b': \"four\" is not a number, but data.column_types says numeric"),
                csvWith("decimal comma in a forced numeric column", "a;b;y\n1;2,5;x\n3;4,5;z\n5;6,5;x\n", "delimiter: ';', decimal: '.', column_types: {b: numeric}",
                        "line 2, column 'b'", "data.decimal"),
                // checked before fitting: the rows, the target and the folds
                csv("two rows", "a,b,y\n1,2,x\n3,4,z\n", "d.csv", "only 2 rows", "at least 3"),
                csv("only the target column", "y\nx\nz\nx\nz\nx\nz\n", "holds only the target column 'y'"),
                csv("single class", "a,y\n1,x\n2,x\n3,x\n4,x\n5,x\n6,x\n", "'y'", "single class"),
                csvWith("constant regression target", "a,y\n1,4\n2,4\n3,4\n4,4\n5,4\n6,4\n", "", "problem.target: 'y' in d.csv is constant",
                        "choose another target column").withTask("regression"),
                config("more folds than training rows", OK.replace("cv_folds: 0", "cv_folds: 500"), "c.yaml: evaluate.cv_folds: 500 folds need at least 500 training rows", "use at most 120"),
                config("one fold", OK.replace("cv_folds: 0", "cv_folds: 1"), "c.yaml: evaluate.cv_folds: 1 fold cannot cross-validate", "use 0"),
                config("tuning folds above training rows", OK + "tune: {enabled: true, cv_folds: 200, grid: {train.params.epochs: [3, 5]}}\n", "tune.cv_folds", "200"),
                config("every feature dropped", OK + "preprocess: {drop: [sepal_length, sepal_width, petal_length, petal_width]}\n", "preprocess.drop: drops every feature column"),
                config("fairness group misspelled", OK.replace("{target: species}", "{target: species, positive_class: Iris-setosa}")
                        .replace("cv_folds: 0", "cv_folds: 0, fairness: {groups: [sepal_lenght]}"),
                        "evaluate.fairness.groups: no column 'sepal_lenght'", "did you mean 'sepal_length'?"),
                config("fairness on three classes", OK.replace("cv_folds: 0", "cv_folds: 0, fairness: {groups: [sepal_length]}"),
                        "evaluate.fairness: selection rate", "set problem.positive_class"),
                config("threshold on three classes", OK.replace("cv_folds: 0", "cv_folds: 0, threshold: f1"), "evaluate.threshold: 'f1' needs a two-class problem", "3 classes"),
                new Case("threshold without probabilities", files("c.yaml", "problem: {target: y}\ndata: {source: d.csv}\ntrain: {model: linear_svm}\n"
                        + "evaluate: {cv_folds: 0, threshold: f1}\n", "d.csv", "a,y\n1,p\n2,n\n3,p\n4,n\n5,p\n6,n\n7,p\n8,n\n"), RUN,
                        List.of("evaluate.threshold: 'f1' needs class probabilities", "'linear_svm'")),
                new Case("search setting without probabilities", files("c.yaml", "problem: {target: y}\ndata: {source: d.csv}\n"
                        + "evaluate: {cv_folds: 0, threshold: f1}\ntune: {enabled: true, cv_folds: 2, grid: {train.model: [logistic_regression, linear_svm]}}\n",
                        "d.csv", "a,y\n1,p\n2,n\n3,p\n4,n\n5,p\n6,n\n7,p\n8,n\n"), RUN,
                        List.of("c.yaml: tune: the search setting {train.model=\"linear_svm\"} trains 'linear_svm' without class probabilities")),
                config("compare without folds", OK.replace("cv_folds: 0", "cv_folds: 0, compare: [knn]"), "evaluate.compare: needs cross-validation"),
                // predict
                predict("predict bundle missing", files(), "--model {d}/none.bundle --input {iris}", "none.bundle: model bundle not found"),
                predict("predict bundle is a folder", files(), "--model {d} --input {iris}", "--model {d}: is a folder", "model.bundle"),
                predict("predict text file as bundle", files("fake.bundle", "hello"), "--model {d}/fake.bundle --input {iris}", "fake.bundle", "not a model bundle"),
                predict("predict zip that is not a bundle", files("other.bundle", "@zip"), "--model {d}/other.bundle --input {iris}", "other.bundle: not a model bundle"),
                predict("predict corrupt zip", files("half.bundle", "@half-bundle"), "--model {d}/half.bundle --input {iris}", "half.bundle"),
                predict("predict input missing", files(), "--model {bundle} --input {d}/none.csv", "none.csv"),
                predict("predict input is a folder", files(), "--model {bundle} --input {d}", "{d}"),
                predict("predict input missing a column", files("in.csv", "sepal_length,sepal_width,petal_length\n5.1,3.5,1.4\n"),
                        "--model {bundle} --input {d}/in.csv", "in.csv: missing column", "petal_width"),
                predict("predict empty input", files("in.csv", ""), "--model {bundle} --input {d}/in.csv", "in.csv"),
                predict("predict ragged input", files("in.csv", "sepal_length,sepal_width,petal_length,petal_width\n5.1,3.5,1.4\n"),
                        "--model {bundle} --input {d}/in.csv", "in.csv", "line 2"),
                predict("predict output is a folder", files(), "--model {bundle} --input {iris} --output {d}", "--output", "is a folder; give a file name"),
                predict("predict output folder missing", files(), "--model {bundle} --input {iris} --output {d}/no/p.csv", "folder", "no does not exist"),
                predict("predict output under a file", files("f.txt", "x"), "--model {bundle} --input {iris} --output {d}/f.txt/p.csv", "f.txt is a file, not a folder"),
                predict("predict output checked before the bundle", files(), "--model {d}/none.bundle --input {iris} --output {d}", "is a folder"),
                predict("predict without model", files(), "--input {iris}", "--model"),
                predict("predict file saved with another delimiter", files("semi.csv", "sepal_length;sepal_width;petal_length;petal_width\n5.1;3.5;1.4;0.2\n"),
                        "--model {bundle} --input {d}/semi.csv", "semi.csv: missing columns", "seem separated by ';'", "(delimiter ',')"),
                predict("predict unknown option", files(), "--model {bundle} --input {iris} --ouput p.csv", "unknown option '--ouput'", "did you mean '--output'?"),
                cli("partial dependence negative", RUN + " --set deploy.partial_dependence=-1", "deploy.partial_dependence", "negative"),
                cli("importance repeats not a number", RUN + " --set evaluate.importance_repeats=abc", "evaluate.importance_repeats",
                        "expected auto or a whole number 0 or more, got abc"),
                cli("importance repeats negative", RUN + " --set evaluate.importance_repeats=-3", "evaluate.importance_repeats",
                        "expected auto or a whole number 0 or more, got -3"),
                // explain reads rows as predict does
                new Case("explain input missing a column", files("in.csv", "sepal_length,sepal_width,petal_length\n5.1,3.5,1.4\n"),
                        "explain --model {bundle} --input {d}/in.csv", List.of("in.csv: missing column", "petal_width")),
                new Case("explain ragged input", files("in.csv", "sepal_length,sepal_width,petal_length,petal_width\n5.1,3.5,1.4\n"),
                        "explain --model {bundle} --input {d}/in.csv", List.of("in.csv", "line 2")),
                new Case("explain bundle is a folder", files(), "explain --model {d} --input {iris}", List.of("--model {d}: is a folder")),
                new Case("explain output is a folder", files(), "explain --model {bundle} --input {iris} --output {d}",
                        List.of("--output", "is a folder; give a file name")),
                new Case("explain top zero", files(), "explain --model {bundle} --input {iris} --top 0", List.of("--top 0", "at least 1")),
                new Case("explain unknown format", files(), "explain --model {bundle} --input {iris} --format xml", List.of("--format", "xml")),
                new Case("explain top not a number", files(), "explain --model {bundle} --input {iris} --top many", List.of("--top", "'many'")),
                // export
                new Case("export text file as bundle", files("fake.bundle", "hello"), "export --model {d}/fake.bundle --output {d}/m.onnx",
                        List.of("fake.bundle: not a model bundle (not a zip file)")),
                new Case("export corrupt zip", files("half.bundle", "@half-bundle"), "export --model {d}/half.bundle --output {d}/m.onnx",
                        List.of("half.bundle", "truncated")),
                cli("export unknown format", "export --model {bundle} --format pmml --output {d}/m.onnx", "--format", "pmml"),
                cli("export output is a folder", "export --model {bundle} --output {d}", "--output", "is a folder"),
                cli("export without output", "export --model {bundle}", "--output"),
                // drift reads rows as predict does
                new Case("drift input missing a column", files("in.csv", "sepal_length,sepal_width,petal_length\n5.1,3.5,1.4\n"),
                        "drift --model {bundle} --input {d}/in.csv --out {d}/out", List.of("in.csv: missing column", "petal_width")),
                new Case("drift out is a file", files("out.txt", "x"), "drift --model {bundle} --input {iris} --out {d}/out.txt",
                        List.of("--out", "out.txt: is a file, not a folder")),
                new Case("drift bundle is a folder", files(), "drift --model {d} --input {iris} --out {d}/out", List.of("--model {d}: is a folder")),
                new Case("drift without input", files(), "drift --model {bundle}", List.of("--input")));
    }

    // ---- the table's helpers: each builds one case ----

    record Case(String name, Map<String, String> files, String commandLine, List<String> expected) {
        /** The same case with {@code problem.task} set in its config. */
        Case withTask(String task) {
            Map<String, String> changed = new LinkedHashMap<>(files);
            changed.put("c.yaml", changed.get("c.yaml").replace("problem: {target: y}", "problem: {target: y, task: " + task + "}"));
            return new Case(name, changed, commandLine, expected);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static Case cli(String name, String commandLine, String... expected) {
        return new Case(name, files("c.yaml", OK), commandLine, List.of(expected));
    }

    private static Case config(String name, String yaml, String... expected) {
        return new Case(name, files("c.yaml", yaml), RUN, List.of(expected));
    }

    private static Case csv(String name, String csv, String... expected) {
        return new Case(name, files("d.csv", csv, "c.yaml", "problem: {target: y}\ndata: {source: d.csv}\n"), RUN, List.of(expected));
    }

    /** A CSV and a config whose {@code data:} section gets {@code dataKeys} too. */
    private static Case csvWith(String name, String csv, String dataKeys, String... expected) {
        String data = dataKeys.isEmpty() ? "{source: d.csv}" : "{source: d.csv, " + dataKeys + "}";
        return new Case(name, files("d.csv", csv, "c.yaml", "problem: {target: y}\ndata: " + data + "\n"), RUN, List.of(expected));
    }

    private static Case predict(String name, Map<String, String> files, String arguments, String... expected) {
        return new Case(name, files, "predict " + arguments, List.of(expected));
    }

    private static Map<String, String> files(String... nameThenContent) {
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 0; i < nameThenContent.length; i += 2) {
            files.put(nameThenContent[i], nameThenContent[i + 1]);
        }
        return files;
    }

    // ---- the earlier successful run, made once ----

    @TempDir
    static Path shared;
    static Path root;
    static Path bundle;
    static Map<String, byte[]> before;

    @BeforeAll
    static void oneSuccessfulRun() throws IOException {
        root = Files.createDirectory(shared.resolve("reports"));
        Path config = Files.writeString(shared.resolve("tiny.yaml"), OK.replace("{iris}", IRIS));
        Cli ok = Cli.run("run", config.toString(), "--out", root.toString(), "--quiet");
        assertEquals(0, ok.exitCode(), ok.err());
        try (Stream<Path> runs = Files.list(root.resolve("tiny"))) {
            bundle = runs.findFirst().orElseThrow().resolve("model.bundle");
        }
        assertTrue(Files.isRegularFile(bundle), bundle.toString());
        before = snapshot(root);
    }

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badInputExitsTwoWithOneLineAndLeavesNothing(Case c) throws IOException {
        for (var file : c.files().entrySet()) {
            write(file.getKey(), file.getValue());
        }
        Map<String, byte[]> caseFolder = snapshot(dir);
        String[] args = Arrays.stream(c.commandLine().split(" ")).map(this::fill).toArray(String[]::new);

        Cli cli = Cli.run(args);

        String err = cli.err();
        assertEquals(2, cli.exitCode(), "exit code; stderr: " + err);
        assertEquals(1, err.lines().count(), "exactly one line: " + err);
        assertTrue(err.startsWith("error: "), err);
        for (String s : c.expected()) {
            assertTrue(err.contains(fill(s)), "'" + fill(s) + "' in: " + err);
        }
        assertFalse(err.contains("\tat ") || err.contains("Exception"), "no stack trace or exception name: " + err);
        assertSame(before, snapshot(root), "the output root and the earlier run are unchanged");
        assertSame(caseFolder, snapshot(dir), "nothing is created next to the case's files");
    }

    @Test
    void verboseAddsTheStackTrace() throws IOException {
        write("c.yaml", OK.replace("target: species", "target: Species"));
        Cli cli = Cli.run("run", dir.resolve("c.yaml").toString(), "--out", root.toString(), "--verbose");
        assertEquals(2, cli.exitCode());
        assertTrue(cli.err().startsWith("error: ") || cli.err().contains("\nerror: "), cli.err());
        assertTrue(cli.err().contains("\tat "), cli.err());
    }

    @Test
    void theTableIsLargeAndItsNamesAreUnique() {
        List<String> names = cases().map(Case::name).toList();
        assertTrue(names.size() >= 60, "cases: " + names.size());
        assertEquals(names.size(), names.stream().distinct().count(), "duplicate case names");
    }

    private String fill(String text) {
        return text.replace("{d}", dir.toString()).replace("{root}", root.toString())
                .replace("{iris}", IRIS).replace("{bundle}", bundle.toString());
    }

    private void write(String name, String content) throws IOException {
        boolean latin1 = name.startsWith("latin1:");
        boolean utf16 = name.startsWith("utf16:");
        Path file = dir.resolve(name.substring(name.indexOf(':') + 1));
        Files.createDirectories(file.getParent());
        if (content.equals("@dir")) {
            Files.createDirectories(file);
        } else if (content.equals("@zip")) {
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
                zip.putNextEntry(new ZipEntry("notes.txt"));
                zip.write("not a model".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } else if (content.equals("@half-bundle")) {
            byte[] whole = Files.readAllBytes(bundle);
            Files.write(file, Arrays.copyOf(whole, whole.length / 2));
        } else {
            // Java's "UTF-16" writes a big-endian mark; spreadsheets write little-endian ones
            byte[] bytes = utf16 ? ("\uFEFF" + fill(content)).getBytes(StandardCharsets.UTF_16LE)
                    : fill(content).getBytes(latin1 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
            Files.write(file, bytes);
        }
    }

    /** Every file and folder under {@code top} (hidden ones too) with its bytes; folders map to nothing. */
    private static Map<String, byte[]> snapshot(Path top) throws IOException {
        Map<String, byte[]> all = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(top)) {
            for (Path p : walk.toList()) {
                all.put(top.relativize(p).toString(), Files.isDirectory(p) ? new byte[0] : Files.readAllBytes(p));
            }
        }
        return all;
    }

    private static void assertSame(Map<String, byte[]> expected, Map<String, byte[]> actual, String what) {
        assertEquals(expected.keySet(), actual.keySet(), what);
        for (String path : expected.keySet()) {
            assertTrue(Arrays.equals(expected.get(path), actual.get(path)), what + ": " + path + " changed");
        }
    }
}
