package org.workbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.victools.jsonschema.generator.CustomDefinition;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.workbench.core.Json;
import org.workbench.stage.StageRecord;

/** Generates the schemas of run.json and metrics.json from their record types, and checks a run folder against the published ones. */
public final class RunSchemas {
    /** Where the published schemas are (relative to the pipeline module). */
    public static final Path DIR = Path.of("src/main/resources/schema");

    private RunSchemas() {
    }

    /** The schema of a record type: JSON Schema 2020-12, with the names, order and subtypes Jackson writes. */
    public static String generate(Class<?> type) {
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
                .with(new JacksonModule(JacksonOption.RESPECT_JSONPROPERTY_ORDER))
                .with(Option.NULLABLE_FIELDS_BY_DEFAULT, Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT,
                        Option.MAP_VALUES_AS_ADDITIONAL_PROPERTIES);
        // JSON kept as JSON (the resolved config, a fitted step's state, a trainer's parameters): any value
        config.forTypesInGeneral().withCustomDefinitionProvider((javaType, context) -> javaType.isInstanceOf(JsonNode.class)
                ? new CustomDefinition(context.getGeneratorConfig().createObjectNode()
                        .put("description", "any JSON value, as recorded"), CustomDefinition.DefinitionType.STANDARD,
                        CustomDefinition.AttributeInclusion.NO)
                : null);
        // a stage's data is the record of its stage: one of them
        config.forTypesInGeneral().withSubtypeResolver((declared, context) -> declared.getErasedType() == StageRecord.class
                ? RunRecord.RECORDS.values().stream().distinct().map(c -> context.getTypeContext().resolve(c)).toList()
                : null);
        JsonNode schema = new SchemaGenerator(config.build()).generateSchema(type);
        return Json.write(schema) + "\n";
    }

    /** What is wrong with a run folder's run.json and metrics.json by the published schemas; empty when nothing is. */
    public static List<String> problems(Path runDir) throws IOException {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        List<String> out = new ArrayList<>();
        for (String[] pair : List.of(new String[] {"run.json", "run.schema.json"}, new String[] {"metrics.json", "metrics.schema.json"})) {
            JsonNode schema = Json.MAPPER.readTree(Files.readString(DIR.resolve(pair[1]), StandardCharsets.UTF_8));
            JsonNode document = Json.MAPPER.readTree(Files.readString(runDir.resolve(pair[0]), StandardCharsets.UTF_8));
            for (ValidationMessage m : factory.getSchema(schema).validate(document)) {
                out.add(pair[0] + ": " + m.getMessage());
            }
        }
        return out;
    }

}
