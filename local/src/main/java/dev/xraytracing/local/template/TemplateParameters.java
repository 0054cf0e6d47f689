package dev.xraytracing.local.template;

import com.fasterxml.jackson.databind.JsonNode;
import dev.xraytracing.local.app.LocalRunException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values of a template's {@code Parameters}: each one's {@code Default}, or the value a run gives it (as
 * {@code sam deploy --parameter-overrides} does). What CloudFormation refuses, the run refuses in one line: a
 * parameter the template does not declare, a value that is not one of the parameter's {@code AllowedValues}.
 */
final class TemplateParameters {
    private TemplateParameters() {
    }

    /** Every declared parameter's value by name; null for one without {@code Default} or value. */
    static Map<String, String> values(JsonNode declared, Map<String, String> given, Path file) {
        Map<String, String> values = new LinkedHashMap<>();
        declared.fields().forEachRemaining(p -> values.put(p.getKey(),
                p.getValue().has("Default") ? p.getValue().get("Default").asText() : null));
        for (Map.Entry<String, String> value : given.entrySet()) {
            String name = value.getKey();
            if (!values.containsKey(name)) {
                throw new LocalRunException(file.getFileName() + ": parameter " + name
                        + " is not declared in the template's Parameters " + values.keySet());
            }
            List<String> allowed = new ArrayList<>();
            declared.path(name).path("AllowedValues").forEach(a -> allowed.add(a.asText()));
            if (!allowed.isEmpty() && !allowed.contains(value.getValue())) {
                throw new LocalRunException(file.getFileName() + ": parameter " + name + " must be one of "
                        + allowed + ", got " + value.getValue());
            }
            values.put(name, value.getValue());
        }
        return values;
    }
}
