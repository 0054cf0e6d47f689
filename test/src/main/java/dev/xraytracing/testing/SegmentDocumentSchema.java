package dev.xraytracing.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.xraytracing.trace.TraceDocuments;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Validates documents against X-Ray's official segment document schema (draft-04), shipped with the test kit, in a
 * copy that also accepts and checks X-Ray's {@code links} array ({@code trace_id}, {@code id}, optional
 * {@code attributes}), which the published schema predates. The published file ships beside it, unchanged.
 */
public final class SegmentDocumentSchema {
    static final String RESOURCE = "xray-segmentdocument-schema-v1.0.0-with-links.json";

    private SegmentDocumentSchema() {
    }

    private static final class Holder {
        static final JsonSchema SCHEMA = load();

        private static JsonSchema load() {
            try (InputStream in = SegmentDocumentSchema.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("schema resource missing: " + RESOURCE);
                }
                // The official schema carries two informational keywords that draft-04 does not define.
                JsonMetaSchema metaSchema = JsonMetaSchema.builder(JsonMetaSchema.getV4())
                        .keyword(new NonValidationKeyword("version"))
                        .keyword(new NonValidationKeyword("java_pattern"))
                        .build();
                return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4,
                        builder -> builder.metaSchema(metaSchema).defaultMetaSchemaIri(metaSchema.getIri()))
                        .getSchema(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The schema's complaints about {@code document}; empty when it is valid. */
    public static List<String> problems(String document) {
        JsonNode json = TraceDocuments.parse(document);
        Set<ValidationMessage> messages = Holder.SCHEMA.validate(json);
        List<String> problems = new ArrayList<>();
        for (ValidationMessage message : messages) {
            problems.add(message.getMessage());
        }
        return problems;
    }

    /** Throws an {@link AssertionError} naming every invalid document and why. */
    public static void assertValid(Collection<String> documents) {
        StringBuilder failures = new StringBuilder();
        for (String document : documents) {
            List<String> problems = problems(document);
            if (!problems.isEmpty()) {
                failures.append("\n- ").append(problems).append(" in ").append(document);
            }
        }
        if (failures.length() > 0) {
            throw new AssertionError("segment documents do not match the X-Ray schema:" + failures);
        }
    }
}
