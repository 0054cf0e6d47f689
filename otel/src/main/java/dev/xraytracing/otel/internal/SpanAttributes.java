package dev.xraytracing.otel.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The attributes of one entity's annotations, metadata, {@code http} and {@code aws} fields. */
final class SpanAttributes {
    private SpanAttributes() {
    }

    /** Each annotation as an attribute of its own, and their keys in {@code aws.xray.annotations}. */
    static void annotations(SpanFields attributes, Map<?, ?> annotations) {
        if (annotations.isEmpty()) {
            return;
        }
        List<String> keys = new ArrayList<>();
        for (Map.Entry<?, ?> entry : annotations.entrySet()) {
            String key = String.valueOf(entry.getKey());
            if (put(attributes, key, entry.getValue())) {
                keys.add(key);
            }
        }
        attributes.put(XrayAttributes.ANNOTATIONS, keys);
    }

    /** Each metadata namespace as one attribute holding its JSON object, which X-Ray shows under that namespace. */
    static void metadata(SpanFields attributes, Map<?, ?> metadata) {
        for (Map.Entry<?, ?> entry : metadata.entrySet()) {
            String name = XrayAttributes.METADATA_PREFIX.concat(String.valueOf(entry.getKey()));
            attributes.put(name, JsonTree.write(entry.getValue()));
        }
    }

    /** The {@code http} fields; returns the response status, or null when there is none. */
    static Long http(SpanFields attributes, Map<?, ?> http) {
        Map<?, ?> request = DocumentSpans.map(http.get("request"));
        putText(attributes, XrayAttributes.HTTP_METHOD, request.get("method"));
        putText(attributes, XrayAttributes.HTTP_URL, request.get("url"));
        putText(attributes, XrayAttributes.USER_AGENT, request.get("user_agent"));
        putText(attributes, XrayAttributes.CLIENT_ADDRESS, request.get("client_ip"));
        Map<?, ?> response = DocumentSpans.map(http.get("response"));
        Long status = response.get("status") instanceof Number number ? number.longValue() : null;
        if (status != null) {
            attributes.put(XrayAttributes.HTTP_STATUS, status);
        }
        if (response.get("content_length") instanceof Number length) {
            attributes.put(XrayAttributes.HTTP_CONTENT_LENGTH, length.longValue());
        }
        return status;
    }

    /** The {@code aws} fields: the operation as {@code rpc.method}, every other as {@code aws.<field>}. */
    static void aws(SpanFields attributes, Map<?, ?> aws) {
        for (Map.Entry<?, ?> entry : aws.entrySet()) {
            String field = String.valueOf(entry.getKey());
            if (field.equals("operation")) {
                putText(attributes, XrayAttributes.RPC_METHOD, entry.getValue());
            } else if (!field.equals("xray")) {
                put(attributes, XrayAttributes.AWS_PREFIX.concat(String.valueOf(field)), entry.getValue());
            }
        }
    }

    /** Puts a JSON value as the attribute type that holds it; false when it is null. */
    static boolean put(SpanFields attributes, String key, Object value) {
        if (value instanceof String text) {
            attributes.put(key, text);
        } else if (value instanceof Long || value instanceof Integer) {
            attributes.put(key, ((Number) value).longValue());
        } else if (value instanceof Number number) {
            attributes.put(key, number.doubleValue());
        } else if (value instanceof Boolean flag) {
            attributes.put(key, flag);
        } else if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            attributes.put(key, list.stream().map(String.class::cast).toList());
        } else if (value != null) {
            attributes.put(key, JsonTree.write(value));
        } else {
            return false;
        }
        return true;
    }

    private static void putText(SpanFields attributes, String key, Object value) {
        if (value instanceof String text) {
            attributes.put(key, text);
        }
    }
}
