package dev.xraytracing.faults.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The compact rule form, entries separated by {@code ;}:
 * {@code target=mode[:argument][@percent%][,option...]}, for example
 * {@code sdk:Lambda.Invoke=status:429@50%;block:CallSecondLambda=latency:200-800ms;handler=http:503,dry}.
 * Arguments: {@code latency:300ms} or {@code latency:200-800ms}; {@code status:429}; {@code http:503};
 * {@code exception[:type]} ({@code exception:400} on SDK targets sets the status); {@code timeout} has none.
 * Options: {@code id=name} (default {@code target#position}, from 1), {@code dry}, {@code errorCode=Code},
 * {@code message=text}. Each entry becomes the JSON rule it spells, checked the same way.
 */
final class CompactRules {
    private CompactRules() {
    }

    /** One JSON rule per non-blank entry; an entry that cannot be spelled becomes an {@link IllegalArgumentException}. */
    static List<Object> entries(String text) {
        List<Object> rules = new ArrayList<>();
        String[] entries = text.split(";", -1);
        for (int position = 0; position < entries.length; position++) {
            String entry = entries[position].trim();
            if (entry.isEmpty()) {
                continue;
            }
            try {
                rules.add(rule(entry, position + 1));
            } catch (RuntimeException invalid) {
                rules.add(new IllegalArgumentException("entry '" + entry + "': " + invalid.getMessage()));
            }
        }
        return rules;
    }

    private static ObjectNode rule(String entry, int position) {
        int equals = entry.indexOf('=');
        if (equals <= 0) {
            throw new IllegalArgumentException("needs target=mode");
        }
        String target = entry.substring(0, equals).trim();
        String[] parts = entry.substring(equals + 1).split(",", -1);
        ObjectNode rule = JsonNodeFactory.instance.objectNode();
        rule.put("id", target + "#" + position);
        rule.put("target", target);
        String spec = parts[0].trim();
        int at = spec.lastIndexOf('@');
        if (at >= 0) {
            String percent = spec.substring(at + 1).trim();
            if (!percent.endsWith("%")) {
                throw new IllegalArgumentException("a percentage is written @N%");
            }
            rule.put("percentage", Double.parseDouble(percent.substring(0, percent.length() - 1)));
            spec = spec.substring(0, at).trim();
        }
        int colon = spec.indexOf(':');
        String mode = colon < 0 ? spec : spec.substring(0, colon).trim();
        String argument = colon < 0 ? null : spec.substring(colon + 1).trim();
        rule.put("mode", mode);
        if (argument != null) {
            switch (mode.toLowerCase(java.util.Locale.ROOT)) {
                case "latency":
                    if (!argument.endsWith("ms")) {
                        throw new IllegalArgumentException("latency is written 300ms or 200-800ms");
                    }
                    String range = argument.substring(0, argument.length() - 2);
                    int dash = range.indexOf('-', 1);
                    rule.put("minMs", Long.parseLong(dash < 0 ? range : range.substring(0, dash)));
                    rule.put("maxMs", Long.parseLong(dash < 0 ? range : range.substring(dash + 1)));
                    break;
                case "status":
                case "http":
                    rule.put("status", Integer.parseInt(argument));
                    break;
                case "exception":
                    if (!argument.isEmpty() && argument.chars().allMatch(Character::isDigit)) {
                        rule.put("status", Integer.parseInt(argument));
                    } else {
                        rule.put("type", argument);
                    }
                    break;
                case "timeout":
                    throw new IllegalArgumentException("mode timeout takes no argument");
                default:
                    throw new IllegalArgumentException("unknown mode " + mode + " (" + Rule.MODES + ")");
            }
        }
        for (int index = 1; index < parts.length; index++) {
            String option = parts[index].trim();
            int is = option.indexOf('=');
            String name = is < 0 ? option : option.substring(0, is);
            String value = is < 0 ? null : option.substring(is + 1);
            if (name.equals("dry") && value == null) {
                rule.put("dryRun", true);
            } else if ((name.equals("id") || name.equals("errorCode") || name.equals("message")) && value != null) {
                rule.put(name, value);
            } else {
                throw new IllegalArgumentException("option " + option + " is none of id=, dry, errorCode=, message=");
            }
        }
        return rule;
    }
}
