package dev.xraytracing.local.internal.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.xraytracing.local.internal.lambda.InvokeResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * API Gateway HTTP API Lambda integration: the request event and the response mapping of payload format 2.0, and of
 * 1.0 (the REST API's event with {@code version} 1.0 and HTTP API's context; a response must carry a
 * {@code statusCode}), as API Gateway's "Working with AWS Lambda proxy integrations for HTTP APIs" shows them.
 */
final class HttpApiEvents {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] INTERNAL_ERROR = "{\"message\":\"Internal Server Error\"}"
            .getBytes(StandardCharsets.UTF_8);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT);

    private HttpApiEvents() {
    }

    /** The mapped HTTP response. */
    record Response(int status, Map<String, String> headers, List<String> cookies, byte[] body) {
    }

    static ObjectNode request(HttpExchange exchange, String path, byte[] body, String stage, String apiId,
                              String requestId, String accountId, String traceHeader, ApiRoutes.Match match) {
        ObjectNode event = JSON.createObjectNode();
        String routeKey = match.route().method().equals("ANY") && match.route().resource().equals("/{proxy+}")
                ? "$default" : match.route().method() + " " + match.route().resource();
        event.put("version", "2.0");
        event.put("routeKey", routeKey);
        event.put("rawPath", path);
        String rawQuery = exchange.getRequestURI().getRawQuery();
        event.put("rawQueryString", rawQuery == null ? "" : rawQuery);
        ObjectNode headers = JSON.createObjectNode();
        ArrayNode cookies = JSON.createArrayNode();
        exchange.getRequestHeaders().forEach((name, values) -> {
            String key = name.toLowerCase(Locale.ROOT);
            if (key.equals("cookie")) {
                values.forEach(v -> List.of(v.split(";\\s*")).forEach(cookies::add));
            } else if (!key.equals("x-amzn-trace-id")) {
                headers.put(key, String.join(",", values));
            }
        });
        headers.put("x-amzn-trace-id", traceHeader);
        if (!cookies.isEmpty()) {
            event.set("cookies", cookies);
        }
        event.set("headers", headers);
        if (rawQuery != null && !rawQuery.isEmpty()) {
            Map<String, String> query = new LinkedHashMap<>();
            for (String pair : rawQuery.split("&")) {
                int equals = pair.indexOf('=');
                String key = decode(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                query.merge(key, value, (a, b) -> a + "," + b);
            }
            ObjectNode parameters = event.putObject("queryStringParameters");
            query.forEach(parameters::put);
        }
        if (!match.pathParameters().isEmpty()) {
            ObjectNode parameters = event.putObject("pathParameters");
            match.pathParameters().forEach(parameters::put);
        }
        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", accountId);
        context.put("apiId", apiId);
        context.put("domainName", exchange.getLocalAddress().getHostString());
        context.put("domainPrefix", apiId);
        ObjectNode http = context.putObject("http");
        http.put("method", exchange.getRequestMethod());
        http.put("path", path);
        http.put("protocol", exchange.getProtocol());
        http.put("sourceIp", exchange.getRemoteAddress().getAddress().getHostAddress());
        http.put("userAgent", exchange.getRequestHeaders().getFirst("User-Agent"));
        context.put("requestId", requestId);
        context.put("routeKey", routeKey);
        context.put("stage", stage);
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        context.put("time", TIME.format(now));
        context.put("timeEpoch", now.toInstant().toEpochMilli());
        if (body.length > 0) {
            event.put("body", new String(body, StandardCharsets.UTF_8));
        }
        event.put("isBase64Encoded", false);
        return event;
    }

    /**
     * Maps the function's answer as payload 2.0 does: an object with a {@code statusCode} is a response; anything else
     * is the body of a 200 JSON response. A function error or a Lambda failure is a 500 (a throttle a 429).
     */
    static Response response(InvokeResponse invoked) {
        Map<String, String> json = Map.of("Content-Type", "application/json");
        Response failed = failure(invoked);
        if (failed != null) {
            return failed;
        }
        JsonNode output;
        try {
            output = JSON.readTree(invoked.body());
        } catch (IOException e) {
            return new Response(500, json, List.of(), INTERNAL_ERROR);
        }
        if (output == null || !output.isObject() || !output.has("statusCode")) {
            return new Response(200, json, List.of(), invoked.body());
        }
        if (!output.get("statusCode").canConvertToInt()) {
            return new Response(500, json, List.of(), INTERNAL_ERROR);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        output.path("headers").fields().forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
        List<String> cookies = new java.util.ArrayList<>();
        output.path("cookies").forEach(c -> cookies.add(c.asText()));
        JsonNode body = output.get("body");
        byte[] bytes = body == null || body.isNull() ? new byte[0]
                : output.path("isBase64Encoded").asBoolean(false) ? Base64.getDecoder().decode(body.asText())
                : body.asText().getBytes(StandardCharsets.UTF_8);
        return new Response(output.get("statusCode").asInt(), headers, cookies, bytes);
    }

    /**
     * The 1.0 event: the REST API's proxy event with {@code version} {@code 1.0}, and the context an HTTP API gives
     * it (no resource id, the domain prefix, the request time).
     */
    static ObjectNode requestV1(HttpExchange exchange, String path, byte[] body, String stage, String apiId,
                                String requestId, String accountId, String traceHeader, ApiRoutes.Match match) {
        ObjectNode event = ProxyEvents.request(exchange, path, body, stage, apiId, requestId, accountId, traceHeader,
                match);
        event.put("version", "1.0");
        ObjectNode context = (ObjectNode) event.get("requestContext");
        context.putNull("resourceId");
        context.put("path", path);
        context.put("domainPrefix", apiId);
        context.put("extendedRequestId", requestId);
        context.put("requestTime", TIME.format(ZonedDateTime.now(ZoneOffset.UTC)));
        return event;
    }

    /**
     * Maps the function's answer as payload 1.0 does: it must be a response with a {@code statusCode}; anything else
     * is a 500, as every failure behind an HTTP API is.
     */
    static Response responseV1(InvokeResponse invoked) {
        Response failed = failure(invoked);
        if (failed != null) {
            return failed;
        }
        ProxyEvents.Response parsed = ProxyEvents.parsed(invoked.body());
        return parsed == null ? new Response(500, Map.of("Content-Type", "application/json"), List.of(), INTERNAL_ERROR)
                : new Response(parsed.status(), parsed.headers(), List.of(), parsed.body());
    }

    /** A Lambda failure (500; a throttle 429) or a function error (500), or null when the function answered. */
    private static Response failure(InvokeResponse invoked) {
        Map<String, String> json = Map.of("Content-Type", "application/json");
        if (invoked.serviceErrorType() != null) {
            return invoked.status() == 429
                    ? new Response(429, json, List.of(), "{\"message\":\"Too Many Requests\"}"
                            .getBytes(StandardCharsets.UTF_8))
                    : new Response(500, json, List.of(), INTERNAL_ERROR);
        }
        return invoked.functionError() != null ? new Response(500, json, List.of(), INTERNAL_ERROR) : null;
    }

    static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
