package dev.xraytracing.local.internal.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.xraytracing.local.app.LocalRunException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

/**
 * An experiment file: how many requests each phase measures, how many it sends first to warm up (left out of the
 * figures), the request (null: the run's own), the fault rules of the faulted phase (the faults module's JSON or
 * compact form, as text) and their seed.
 */
public record ExperimentPlan(int requests, int warmup, String method, String path, String rules, String seed) {
    private static final Set<String> FIELDS = Set.of("requests", "warmup", "request", "rules", "seed");
    private static final ObjectMapper JSON = new ObjectMapper();

    public static ExperimentPlan read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new LocalRunException("cannot read the experiment file " + file + ": " + e.getMessage());
        }
        return parse(text, file.toString());
    }

    /** Parses the file's text; any mistake is one {@link LocalRunException} naming the field. */
    public static ExperimentPlan parse(String text, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (IOException e) {
            throw new LocalRunException("the experiment file " + source + " is not JSON: " + firstLine(e));
        }
        if (root == null || !root.isObject()) {
            throw new LocalRunException("the experiment file " + source + " must hold a JSON object");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new LocalRunException("the experiment file " + source + " has an unknown field '" + name
                        + "' (known: requests, warmup, request, rules, seed)");
            }
        }
        int requests = count(root, "requests", 10, 1, source);
        int warmup = count(root, "warmup", 1, 0, source);
        String method = null;
        String path = null;
        JsonNode request = root.get("request");
        if (request != null) {
            if (!request.isObject()) {
                throw new LocalRunException(source + ": 'request' wants {\"method\": \"GET\", \"path\": \"/hello\"}");
            }
            method = text(request, "method", source);
            path = text(request, "path", source);
            method = method == null ? null : method.toUpperCase(Locale.ROOT);
        }
        JsonNode rules = root.get("rules");
        String rulesText;
        if (rules == null || rules.isNull()) {
            throw new LocalRunException(source + ": 'rules' is missing (the faulted phase's fault rules)");
        } else if (rules.isTextual()) {
            rulesText = rules.asText();
        } else if (rules.isArray() || rules.isObject()) {
            rulesText = rules.toString();
        } else {
            throw new LocalRunException(source + ": 'rules' wants an array of rules, {\"rules\": [...]}, or the "
                    + "compact form as a string");
        }
        if (rulesText.isBlank() || (rules.isArray() && rules.isEmpty())) {
            throw new LocalRunException(source + ": 'rules' is empty, so both phases would be the same");
        }
        JsonNode seed = root.get("seed");
        String seedText = seed == null || seed.isNull() ? null : seed.asText();
        return new ExperimentPlan(requests, warmup, method, path, rulesText, seedText);
    }

    private static int count(JsonNode root, String field, int fallback, int minimum, String source) {
        JsonNode value = root.get(field);
        if (value == null) {
            return fallback;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < minimum) {
            throw new LocalRunException(source + ": '" + field + "' wants a whole number of at least " + minimum
                    + ", got " + value);
        }
        return value.asInt();
    }

    private static String text(JsonNode object, String field, String source) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new LocalRunException(source + ": 'request." + field + "' wants a string, got " + value);
        }
        return value.asText();
    }

    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
