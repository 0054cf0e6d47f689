package dev.xraytracing.local.internal.services.sns;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An AWS query-protocol request as the SDK sends it: a form of {@code Name=value} pairs, where a list is
 * {@code Prefix.member.N.Field} and a map {@code Prefix.entry.N.key}/{@code .value} (or {@code .Name}/{@code .Value.*}
 * for message attributes), N counting from 1.
 */
record QueryRequest(Map<String, String> parameters) {
    static QueryRequest parse(String form) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            parameters.put(URLDecoder.decode(name, StandardCharsets.UTF_8),
                    URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return new QueryRequest(parameters);
    }

    Optional<String> get(String name) {
        return Optional.ofNullable(parameters.get(name));
    }

    /** The parameter, or an {@link SnsError} naming it as SNS does when a required one is missing. */
    String required(String name) {
        String value = parameters.get(name);
        if (value == null || value.isEmpty()) {
            throw SnsError.invalidParameter(name + " Reason: no value for required parameter");
        }
        return value;
    }

    /** The members of list {@code prefix} ({@code prefix.member.N.*}), each as a request of its own fields. */
    List<QueryRequest> members(String prefix) {
        return numbered(prefix + ".member.");
    }

    /** The map {@code prefix} written as {@code prefix.entry.N.key} and {@code prefix.entry.N.value}. */
    Map<String, String> keyValues(String prefix) {
        Map<String, String> map = new LinkedHashMap<>();
        for (QueryRequest entry : numbered(prefix + ".entry.")) {
            entry.get("key").ifPresent(key -> map.put(key, entry.get("value").orElse("")));
        }
        return map;
    }

    /** The message attributes under {@code prefix} ({@code prefix.entry.N.Name}, {@code .Value.DataType}, ...). */
    Map<String, MessageAttribute> messageAttributes(String prefix) {
        Map<String, MessageAttribute> attributes = new LinkedHashMap<>();
        for (QueryRequest entry : numbered(prefix + ".entry.")) {
            String name = entry.required("Name");
            String type = entry.get("Value.DataType").orElseThrow(() -> SnsError.invalidParameter(
                    "MessageAttributes Reason: The message attribute '" + name + "' must contain non-empty message"
                            + " attribute type."));
            Optional<String> value = entry.get("Value.StringValue").or(() -> entry.get("Value.BinaryValue"));
            attributes.put(name, new MessageAttribute(type, value.orElseThrow(() -> SnsError.invalidParameter(
                    "MessageAttributes Reason: The message attribute '" + name + "' must contain non-empty message"
                            + " attribute value for message attribute type '" + type + "'."))));
        }
        return attributes;
    }

    private List<QueryRequest> numbered(String prefix) {
        List<QueryRequest> items = new ArrayList<>();
        for (int n = 1; ; n++) {
            String itemPrefix = prefix + n + ".";
            Map<String, String> fields = new LinkedHashMap<>();
            parameters.forEach((name, value) -> {
                if (name.startsWith(itemPrefix)) {
                    fields.put(name.substring(itemPrefix.length()), value);
                }
            });
            if (fields.isEmpty()) {
                return items;
            }
            items.add(new QueryRequest(fields));
        }
    }
}
