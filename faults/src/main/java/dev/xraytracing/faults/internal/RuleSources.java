package dev.xraytracing.faults.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.xraytracing.internal.config.ConfigKey;
import dev.xraytracing.internal.config.Configuration;
import dev.xraytracing.internal.fault.GivenFaultRules;
import dev.xraytracing.internal.log.WarnOnce;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the rules of a tracer's configuration: {@code XRAY_TRACING_FAULTS} (JSON or compact), then the file of
 * {@code XRAY_TRACING_FAULTS_FILE}. A source that cannot be read, or a rule that is invalid, is one warning of one
 * line and adds nothing; the kill switch {@code XRAY_TRACING_FAULTS_OFF=true} means no rules at all. Jackson is
 * touched only when there is JSON to read.
 */
final class RuleSources {
    private RuleSources() {
    }

    /** Built on first use: a cold start without rules never initialises Jackson (docs/fault-injection.md). */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    /** Where a rule that cannot be used is reported: a tracer's warnings, and for rules given in code, the test too. */
    @FunctionalInterface
    interface Problems {
        /** {@code problem} is one line; {@code consequence} says what the tracer does about it. */
        void report(String key, String problem, String consequence);

        static Problems of(WarnOnce warnings) {
            return (key, problem, consequence) -> warnings.warn(key, problem + "; " + consequence);
        }
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    /** The rules given in code ({@link GivenFaultRules}), each text parsed as a source of its own. */
    static List<Rule> read(GivenFaultRules given, WarnOnce warnings) {
        Problems problems = (key, problem, consequence) -> {
            warnings.warn(key, problem + "; " + consequence);
            given.reject(problem);
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
        if (isSet(inline)) {
            parse(inline, "XRAY_TRACING_FAULTS", rules, ids, Problems.of(warnings));
        }
        String file = configuration.value(ConfigKey.FAULTS_FILE);
        if (isSet(file)) {
            readFile(Path.of(file.trim()), rules, ids, Problems.of(warnings));
        }
        return List.copyOf(rules);
    }

    /** Adds the valid rules of {@code file}; a file that cannot be read is one problem, without a stack trace. */
    static void readFile(Path file, List<Rule> rules, Set<String> ids, Problems problems) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException missing) {
            problems.report("faults:file", "the fault rules file " + file + " does not exist", "no rule from there");
            return;
        } catch (IOException | RuntimeException unreadable) {
            problems.report("faults:file", "the fault rules file " + file + " cannot be read: "
                    + oneLine(String.valueOf(unreadable)), "no rule from there");
            return;
        }
        parse(text, file.toString(), rules, ids, problems);
    }

    /** Adds the valid rules of {@code text} (an object with {@code rules}, or an array of rules) to {@code rules}. */
    static void parse(String text, String source, List<Rule> rules, Set<String> ids, Problems problems) {
        String trimmed = text.trim();
        if (!trimmed.startsWith("[") && !trimmed.startsWith("{")) {
            parseCompact(trimmed, source, rules, ids, problems);
            return;
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(text);
        } catch (JsonProcessingException unreadable) {
            problems.report("faults:json:" + source, source + " is not JSON: " + describe(unreadable),
                    "no rule from there");
            return;
        }
        if (root != null && root.isObject() && root.path("enabled").isBoolean() && !root.path("enabled").asBoolean()) {
            return;
        }
        JsonNode list = root != null && root.isObject() ? root.get("rules") : root;
        if (list == null || !list.isArray()) {
            problems.report("faults:shape:" + source, source + " holds neither an array of rules nor an object with "
                    + "\"rules\"", "no rule from there");
            return;
        }
        for (int index = 0; index < list.size(); index++) {
            JsonNode node = list.get(index);
            String id = node.path("id").isTextual() ? " ('" + node.path("id").asText() + "')" : "";
            add(node, "rule " + (index + 1) + id + " of " + source, "faults:rule:" + source + ":" + index, rules,
                    ids, problems);
        }
    }

    /** Adds the valid entries of the compact form (see {@link CompactRules}); each invalid one is one problem. */
    private static void parseCompact(String text, String source, List<Rule> rules, Set<String> ids,
                                     Problems problems) {
        List<Object> entries = CompactRules.entries(text);
        for (int index = 0; index < entries.size(); index++) {
            String what = "compact rule " + (index + 1) + " of " + source;
            String key = "faults:rule:" + source + ":" + index;
            Object entry = entries.get(index);
            if (entry instanceof RuntimeException unreadable) {
                reportInvalid(what, key, unreadable, problems);
            } else {
                add((JsonNode) entry, what, key, rules, ids, problems);
            }
        }
    }

    /** Adds one rule if it is valid and its id is free; otherwise one problem, and it injects nothing. */
    private static void add(JsonNode node, String what, String key, List<Rule> rules, Set<String> ids,
                            Problems problems) {
        try {
            Rule rule = Rule.of(node);
            if (!ids.add(rule.id)) {
                throw new IllegalArgumentException("its id '" + rule.id + "' is taken by an earlier rule");
            }
            rules.add(rule);
        } catch (RuntimeException invalid) {
            reportInvalid(what, key, invalid, problems);
        }
    }

    private static void reportInvalid(String what, String key, RuntimeException invalid, Problems problems) {
        problems.report(key, what + " is invalid: " + oneLine(invalid.getMessage()), "it injects nothing");
    }

    /** Jackson's own message without its excerpt of the source, and where it stopped, on one line. */
    private static String describe(JsonProcessingException unreadable) {
        String message = oneLine(unreadable.getOriginalMessage());
        return unreadable.getLocation() == null ? message : message + " (line " + unreadable.getLocation().getLineNr()
                + ", column " + unreadable.getLocation().getColumnNr() + ")";
    }

    /** A warning is one line (README, Logging): line breaks inside a message become spaces. */
    static String oneLine(String message) {
        return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
