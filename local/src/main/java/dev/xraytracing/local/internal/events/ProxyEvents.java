package dev.xraytracing.local.internal.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.xraytracing.local.internal.SegmentBuilder;
import dev.xraytracing.local.internal.lambda.InvokeResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** API Gateway REST API Lambda proxy integration, payload format 1.0: the request event and the response mapping. */
final class ProxyEvents {
    private static final byte[] INTERNAL_ERROR = "{\"message\": \"Internal server error\"}"
            .getBytes(StandardCharsets.UTF_8);

    private ProxyEvents() {
    }

    /** The mapped HTTP response. */
    record Response(int status, Map<String, String> headers, byte[] body) {
    }

    static ObjectNode request(HttpExchange exchange, String path, byte[] body, String stage, String restApiId,
                              String requestId, String accountId, String traceHeader, ApiRoutes.Match match) {
        ObjectNode event = SegmentBuilder.JSON.createObjectNode();
        String resource = match.route().resource();
        event.put("resource", resource);
        event.put("path", path);
        event.put("httpMethod", exchange.getRequestMethod());
        ObjectNode headers = event.putObject("headers");
        ObjectNode multiHeaders = event.putObject("multiValueHeaders");
        exchange.getRequestHeaders().forEach((name, values) -> {
            headers.put(name, values.get(values.size() - 1));
            ArrayNode all = multiHeaders.putArray(name);
            values.forEach(all::add);
        });
        if (traceHeader != null) {
            headers.put("X-Amzn-Trace-Id", traceHeader);
            multiHeaders.putArray("X-Amzn-Trace-Id").add(traceHeader);
        }
        query(exchange.getRequestURI().getRawQuery(), event);
        if (match.pathParameters().isEmpty()) {
            event.putNull("pathParameters");
        } else {
            ObjectNode parameters = event.putObject("pathParameters");
            match.pathParameters().forEach(parameters::put);
        }
        event.putNull("stageVariables");
        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", accountId);
        context.put("resourceId", restApiId.substring(0, 6));
        context.put("stage", stage);
        context.put("requestId", requestId);
        context.put("resourcePath", resource);
        context.put("httpMethod", exchange.getRequestMethod());
        context.put("apiId", restApiId);
        context.put("path", "/" + stage + path);
        context.put("protocol", exchange.getProtocol());
        context.put("requestTimeEpoch", System.currentTimeMillis());
        context.put("domainName", exchange.getLocalAddress().getHostString());
        ObjectNode identity = context.putObject("identity");
        identity.put("sourceIp", exchange.getRemoteAddress().getAddress().getHostAddress());
        identity.put("userAgent", exchange.getRequestHeaders().getFirst("User-Agent"));
        if (body.length == 0) {
            event.putNull("body");
        } else {
            event.put("body", new String(body, StandardCharsets.UTF_8));
        }
        event.put("isBase64Encoded", false);
        return event;
    }

    private static void query(String rawQuery, ObjectNode event) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            event.putNull("queryStringParameters");
            event.putNull("multiValueQueryStringParameters");
            return;
        }
        ObjectNode single = event.putObject("queryStringParameters");
        ObjectNode multi = event.putObject("multiValueQueryStringParameters");
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String key = ApiGatewayStage.decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : ApiGatewayStage.decode(pair.substring(equals + 1));
            single.put(key, value);
            (multi.has(key) ? (ArrayNode) multi.get(key) : multi.putArray(key)).add(value);
        }
    }

    /** Maps the function's proxy response; a function error or a malformed answer is a 502, a Lambda failure a 500. */
    static Response response(InvokeResponse invoked) {
        Map<String, String> json = Map.of("Content-Type", "application/json");
        if (invoked.serviceErrorType() != null) {
            return new Response(invoked.status() == 429 ? 429 : 500, json, invoked.status() == 429
                    ? "{\"message\": \"Too Many Requests\"}".getBytes(StandardCharsets.UTF_8) : INTERNAL_ERROR);
        }
        if (invoked.functionError() != null) {
            return new Response(502, json, INTERNAL_ERROR);
        }
        Response parsed = parsed(invoked.body());
        return parsed != null ? parsed : new Response(502, json, INTERNAL_ERROR);
    }

    /**
     * The function's answer read as a 1.0 proxy response ({@code statusCode}, {@code headers},
     * {@code multiValueHeaders}, {@code body}, {@code isBase64Encoded}), or null when it is not one.
     */
    static Response parsed(byte[] answer) {
        try {
            JsonNode output = SegmentBuilder.JSON.readTree(answer);
            if (output == null || !output.path("statusCode").canConvertToInt()) {
                return null;
            }
            Map<String, String> headers = new LinkedHashMap<>();
            output.path("headers").fields().forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
            output.path("multiValueHeaders").fields().forEachRemaining(e -> {
                List<String> values = new java.util.ArrayList<>();
                e.getValue().forEach(v -> values.add(v.asText()));
                headers.put(e.getKey(), String.join(",", values));
            });
            JsonNode body = output.get("body");
            byte[] bytes = body == null || body.isNull() ? new byte[0]
                    : output.path("isBase64Encoded").asBoolean(false) ? Base64.getDecoder().decode(body.asText())
                    : body.asText().getBytes(StandardCharsets.UTF_8);
            return new Response(output.get("statusCode").asInt(), headers, bytes);
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }
}
