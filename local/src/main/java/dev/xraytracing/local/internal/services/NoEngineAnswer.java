package dev.xraytracing.local.internal.services;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The error a service without an engine answers, in the shape the call's protocol family reads, so that the SDK
 * raises the service's own exception ({@code DynamoDbException}, {@code SnsException}, {@code S3Exception}) with
 * {@link #ERROR_CODE} and a message naming the service.
 *
 * <p>The status is 501 Not Implemented: the request may be fine, this server does not implement the service. The AWS
 * SDKs retry 500, 502, 503 and 504 (and throttling or transient error codes) but not 501, so the call fails on its
 * first attempt, and X-Ray marks the call a fault of the remote side, not an error in the caller's input (a 4xx).
 * A HEAD request (S3's HeadObject) gets the status and headers only, as HTTP wants.
 */
record NoEngineAnswer(int status, Map<String, String> headers, byte[] body) {
    static final String ERROR_CODE = "NoLocalEngine";
    static final int STATUS = 501;

    private static final ObjectMapper JSON = new ObjectMapper();

    static NoEngineAnswer to(ServiceCall call, String requestContentType, String message, String requestId,
                             boolean withBody) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-amzn-RequestId", requestId);
        String body = switch (call.protocol()) {
            case JSON -> {
                // awsJson reads __type, restJson the header; both read message.
                headers.put("x-amzn-ErrorType", ERROR_CODE);
                headers.put("Content-Type", requestContentType != null && requestContentType.contains("json")
                        ? requestContentType : "application/json");
                ObjectNode error = JSON.createObjectNode().put("__type", ERROR_CODE).put("message", message);
                yield error.toString();
            }
            case QUERY_XML -> {
                headers.put("Content-Type", "text/xml");
                yield "<ErrorResponse><Error><Type>Sender</Type><Code>" + ERROR_CODE + "</Code><Message>"
                        + xml(message) + "</Message></Error><RequestId>" + requestId + "</RequestId></ErrorResponse>";
            }
            case S3_XML -> {
                headers.put("Content-Type", "application/xml");
                headers.put("x-amz-request-id", requestId);
                yield "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + ERROR_CODE + "</Code><Message>"
                        + xml(message) + "</Message><RequestId>" + requestId + "</RequestId></Error>";
            }
        };
        return new NoEngineAnswer(STATUS, headers, withBody ? body.getBytes(StandardCharsets.UTF_8) : new byte[0]);
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
