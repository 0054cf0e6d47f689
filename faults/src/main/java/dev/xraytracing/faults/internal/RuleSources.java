package dev.xraytracing.faults.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.xraytracing.internal.config.ConfigKey;
import dev.xraytracing.internal.config.Configuration;
import dev.xraytracing.internal.fault.GivenFaultRules;
import dev.xraytracing.internal.log.WarnOnce;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the rules of a tracer's configuration: {@code XRAY_TRACING_FAULTS} (JSON), then the file of
 * {@code XRAY_TRACING_FAULTS_FILE}. A source that cannot be read, or a rule that is invalid, is one warning and adds
 * nothing; the kill switch {@code XRAY_TRACING_FAULTS_OFF=true} means no rules at all.
 */
final class RuleSources {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RuleSources() {
    }

    /** Where a rule that cannot be used is reported: a tracer's warnings, and for rules given in code, the test too. */
    @FunctionalInterface
    interface Problems {
        void report(String key, String message);

        static Problems of(WarnOnce warnings) {
            return warnings::warn;
        }
    }

    /** The rules given in code ({@link GivenFaultRules}), each text parsed as a source of its own. */
    static List<Rule> read(GivenFaultRules given, WarnOnce warnings) {
        Problems problems = (key, message) -> {
            warnings.warn(key, message);
            given.reject(message);
        };
        List<Rule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int index = 0; index < given.texts().size(); index++) {
            parse(given.texts().get(index), "given rules " + (index + 1), rules, ids, problems);
        }
        return List.copyOf(rules);
    }

    static List<Rule> read(Configuration configuration, WarnOnce warnings) {
        if ("true".equalsIgnoreCase(configuration.value(ConfigKey.FAULTS_OFF))) {
            return List.of();
        }
        List<Rule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        String inline = configuration.value(ConfigKey.FAULTS);
        if (inline != null) {
            parse(inline, "XRAY_TRACING_FAULTS", rules, ids, Problems.of(warnings));
        }
        String file = configuration.value(ConfigKey.FAULTS_FILE);
        if (file != null) {
            try {
                parse(Files.readString(Path.of(file)), file, rules, ids, Problems.of(warnings));
            } catch (Exception failure) {
                warnings.warn("faults:file", "could not read the fault rules in " + file + "; none from there", failure);
            }
        }
        return List.copyOf(rules);
    }

    /** Adds the valid rules of {@code text} (an object with {@code rules}, or an array of rules) to {@code rules}. */
    static void parse(String text, String source, List<Rule> rules, Set<String> ids, Problems warnings) {
        String trimmed = text.trim();
        if (!trimmed.startsWith("[") && !trimmed.startsWith("{")) {
            parseCompact(trimmed, source, rules, ids, warnings);
            return;
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (Exception failure) {
            warnings.report("faults:json:" + source, "the fault rules in " + source + " are no JSON; none from there: "
                    + failure.getMessage());
            return;
        }
        if (root != null && root.isObject() && root.path("enabled").isBoolean() && !root.path("enabled").asBoolean()) {
            return;
        }
        JsonNode list = root != null && root.isObject() ? root.get("rules") : root;
        if (list == null || !list.isArray()) {
            warnings.report("faults:shape:" + source, "the fault rules in " + source
                    + " are neither an array nor an object with \"rules\"; none from there");
            return;
        }
        for (int index = 0; index < list.size(); index++) {
            add(list.get(index), "fault rule " + index + " of " + source, "faults:rule:" + source + ":" + index,
                    rules, ids, warnings);
        }
    }

    /** Adds the valid entries of the compact form (see {@link CompactRules}); each invalid one is one warning. */
    private static void parseCompact(String text, String source, List<Rule> rules, Set<String> ids, Problems warnings) {
        List<Object> entries = CompactRules.entries(text);
        for (int index = 0; index < entries.size(); index++) {
            String what = "compact fault rule " + index + " of " + source;
            String key = "faults:rule:" + source + ":" + index;
            Object entry = entries.get(index);
            if (entry instanceof RuntimeException unreadable) {
                warnInvalid(what, key, unreadable, warnings);
            } else {
                add((JsonNode) entry, what, key, rules, ids, warnings);
            }
        }
    }

    /** Adds one rule if it is valid and its id is free; otherwise one warning, and it injects nothing. */
    private static void add(JsonNode node, String what, String key, List<Rule> rules, Set<String> ids,
                            Problems warnings) {
        try {
            Rule rule = Rule.of(node);
            if (!ids.add(rule.id)) {
                throw new IllegalArgumentException("rule id '" + rule.id + "' is taken by an earlier rule");
            }
            rules.add(rule);
        } catch (RuntimeException invalid) {
            warnInvalid(what, key, invalid, warnings);
        }
    }

    private static void warnInvalid(String what, String key, RuntimeException invalid, Problems warnings) {
        warnings.report(key, what + " is invalid and injects nothing: " + invalid.getMessage());
    }
}
