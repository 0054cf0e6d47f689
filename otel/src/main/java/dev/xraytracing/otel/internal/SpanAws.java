package dev.xraytracing.otel.internal;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code aws} object X-Ray builds: the operation, region, request id, queue and table, and its SDK's name. */
final class SpanAws {
    private SpanAws() {
    }

    static Map<String, Object> take(Map<String, Object> attributes, Attributes resource) {
        Map<String, Object> aws = new LinkedHashMap<>();
        Object operation = attributes.remove("aws.operation");
        Object method = attributes.remove(XrayAttributes.RPC_METHOD);
        putIfPresent(aws, "operation", operation != null ? operation : method);
        putIfPresent(aws, "account_id", attributes.remove("aws.account_id"));
        putIfPresent(aws, "region", attributes.remove("aws.region"));
        putIfPresent(aws, "request_id", first(attributes.remove("aws.request_id"), attributes.remove("aws.requestId")));
        putIfPresent(aws, "queue_url", first(attributes.remove("aws.queue_url"), attributes.remove("aws.queue.url")));
        putIfPresent(aws, "table_name", first(attributes.remove("aws.table_name"), attributes.remove("aws.table.name")));
        if (attributes.get("messaging.url") instanceof String url) {
            aws.put("queue_url", url);
        }
        Object tables = attributes.get("aws.dynamodb.table_names");
        if (tables instanceof List<?> names && names.size() == 1) {
            aws.put("table_name", names.get(0));
        } else if (tables instanceof List<?> names && names.size() > 1) {
            aws.remove("table_name");
            aws.put("table_names", names);
        }
        String sdkName = resource.get(AttributeKey.stringKey("telemetry.sdk.name"));
        String language = resource.get(AttributeKey.stringKey("telemetry.sdk.language"));
        String version = resource.get(AttributeKey.stringKey("telemetry.sdk.version"));
        Map<String, Object> xray = new LinkedHashMap<>();
        if (sdkName != null) {
            xray.put("sdk", language != null ? sdkName + " for " + language : sdkName);
        }
        putIfPresent(xray, "sdk_version", version);
        xray.put("auto_instrumentation", resource.get(AttributeKey.stringKey("telemetry.auto.version")) != null);
        aws.put("xray", xray);
        return aws;
    }

    private static Object first(Object one, Object other) {
        return one != null ? one : other;
    }

    private static void putIfPresent(Map<String, Object> into, String field, Object value) {
        if (value != null && !"".equals(value)) {
            into.put(field, value);
        }
    }
}
