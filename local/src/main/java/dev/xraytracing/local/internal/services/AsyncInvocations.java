package dev.xraytracing.local.internal.services;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.xraytracing.local.internal.Clock;
import dev.xraytracing.local.internal.TraceIds;
import dev.xraytracing.local.internal.lambda.InvokeResponse;
import dev.xraytracing.local.internal.lambda.LambdaService;
import dev.xraytracing.local.template.AsyncInvokeConfig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Lambda's asynchronous invocation, as SNS, EventBridge and schedules use it: a function error or a throttle is
 * retried ({@code MaximumRetryAttempts} more times, default 2), each attempt a real invocation in the event's one trace;
 * after the last, the event goes to the function's on-failure destination (the invocation record) and its dead-letter
 * queue (the event, with {@code RequestID}, {@code ErrorCode} and {@code ErrorMessage} attributes). Lambda waits about
 * 1 and 2 minutes between attempts; this waits {@link #RETRY_DELAYS} so that a run is not stalled.
 */
final class AsyncInvocations {
    /** The waits before the 2nd and 3rd attempts (Lambda's are about 1 and 2 minutes): short, the same order. */
    static final List<Duration> RETRY_DELAYS = List.of(Duration.ofSeconds(1), Duration.ofSeconds(2));
    /** SQS's and SNS's limit for the dead-letter message's {@code ErrorMessage}, as Lambda truncates it. */
    private static final int ERROR_MESSAGE_LIMIT = 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ServiceContext context;
    private final Targets targets;

    AsyncInvocations(ServiceContext context, Targets targets) {
        this.context = context;
        this.targets = targets;
    }

    /**
     * Invokes the function with {@code payload} until an attempt succeeds or none is left; an event that never
     * succeeded is sent on, and the delivery fails, naming the attempts and where the event went.
     */
    void invoke(String functionArn, String payload, String traceHeader) throws Deliveries.Failed {
        String function = LambdaService.functionName(functionArn);
        AsyncInvokeConfig config = context.asyncInvoke(function);
        // one event keeps one trace across its attempts, as Lambda's retries do
        String header = traceHeader != null ? traceHeader : "Root=" + TraceIds.newTraceId();
        int attempts = config.maximumRetryAttempts() + 1;
        InvokeResponse response = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            if (attempt > 1) {
                sleep(RETRY_DELAYS.get(Math.min(attempt - 2, RETRY_DELAYS.size() - 1)));
            }
            response = context.lambda().invoke(functionArn, payload.getBytes(StandardCharsets.UTF_8), header);
            if (succeeded(response)) {
                return;
            }
            if (!retried(response)) {
                throw new Deliveries.Failed("the invoke was refused with " + response.status() + " "
                        + response.serviceErrorType() + ": " + response.bodyText());
            }
        }
        String condition = response.functionError() != null ? "RetriesExhausted" : "EventAgeExceeded";
        String sentTo = sendOn(config, functionArn, payload, header, response, attempts, condition);
        throw new Deliveries.Failed(failure(response) + " after " + attempts + " attempt" + (attempts == 1 ? "" : "s")
                + sentTo);
    }

    private static boolean succeeded(InvokeResponse response) {
        return response.functionError() == null && response.status() < 300;
    }

    /** A function error, a throttle or a Lambda system error is retried; any other refusal (not found) is not. */
    private static boolean retried(InvokeResponse response) {
        return response.functionError() != null || response.status() == 429 || response.status() >= 500;
    }

    private static String failure(InvokeResponse response) {
        return response.functionError() != null
                ? "function error " + response.functionError() + " (request " + response.requestId() + ")"
                : response.status() + " " + response.serviceErrorType();
    }

    private String sendOn(AsyncInvokeConfig config, String functionArn, String payload, String header,
                          InvokeResponse last, int attempts, String condition) throws Deliveries.Failed {
        StringBuilder sentTo = new StringBuilder();
        if (config.onFailure().isPresent()) {
            String destination = config.onFailure().get();
            String record = record(functionArn, payload, last, attempts, condition);
            deliver(destination, record, List.of(), header);
            sentTo.append("; the invocation record went to ").append(Targets.describe(destination));
        }
        if (config.deadLetterQueue().isPresent()) {
            String queue = config.deadLetterQueue().get();
            deliver(queue, payload, deadLetterAttributes(last), header);
            sentTo.append("; the event went to dead-letter ").append(Targets.describe(queue));
        }
        return sentTo.isEmpty() ? "; dropped (no on-failure destination or dead-letter queue)" : sentTo.toString();
    }

    /** A message attribute: its name, SQS's and SNS's data type ({@code String}, {@code Number}) and value. */
    private record Attribute(String name, String type, String value) {
    }

    private void deliver(String arn, String body, List<Attribute> attributes, String header)
            throws Deliveries.Failed {
        switch (Targets.service(arn)) {
            case "sqs" -> targets.send(arn, body, attributes.stream().collect(Collectors.toMap(Attribute::name,
                    a -> software.amazon.awssdk.services.sqs.model.MessageAttributeValue.builder().dataType(a.type())
                            .stringValue(a.value()).build())), header, "lambda-async", TraceIds.newRequestId());
            case "sns" -> targets.publish(arn, body, attributes.stream().collect(Collectors.toMap(Attribute::name,
                    a -> software.amazon.awssdk.services.sns.model.MessageAttributeValue.builder().dataType(a.type())
                            .stringValue(a.value()).build())), header);
            default -> throw new Deliveries.Failed("xray-tracing-local sends failed events to queues and topics"
                    + " only, not to " + arn);
        }
    }

    /** The message attributes Lambda puts on a dead-letter message; {@code ErrorCode} is a Number. */
    private static List<Attribute> deadLetterAttributes(InvokeResponse last) {
        String message = last.functionError() != null ? errorMessage(last.bodyText()) : last.bodyText();
        if (message.length() > ERROR_MESSAGE_LIMIT) {
            message = message.substring(0, ERROR_MESSAGE_LIMIT);
        }
        return List.of(new Attribute("RequestID", "String", last.requestId()),
                new Attribute("ErrorCode", "Number", String.valueOf(last.status())),
                new Attribute("ErrorMessage", "String", message.isEmpty() ? "(none)" : message));
    }

    private static String errorMessage(String body) {
        try {
            return JSON.readTree(body).path("errorMessage").asText(body);
        } catch (JsonProcessingException e) {
            return body;
        }
    }

    /** The invocation record an on-failure destination receives. */
    private String record(String functionArn, String payload, InvokeResponse last, int attempts, String condition) {
        ObjectNode record = JSON.createObjectNode();
        record.put("version", "1.0");
        record.put("timestamp", Clock.now().toString());
        ObjectNode request = record.putObject("requestContext");
        request.put("requestId", last.requestId());
        request.put("functionArn", qualifiedArn(functionArn));
        request.put("condition", condition);
        request.put("approximateInvokeCount", attempts);
        record.set("requestPayload", jsonOrText(payload));
        ObjectNode response = record.putObject("responseContext");
        response.put("statusCode", last.status());
        response.put("executedVersion", "$LATEST");
        if (last.functionError() != null) {
            response.put("functionError", last.functionError());
        }
        record.set("responsePayload", jsonOrText(last.bodyText()));
        return record.toString();
    }

    private String qualifiedArn(String functionArnOrName) {
        String arn = functionArnOrName.startsWith("arn:") ? functionArnOrName : "arn:aws:lambda:" + context.region()
                + ":" + context.accountId() + ":function:" + functionArnOrName;
        return arn.split(":").length > 7 ? arn : arn + ":$LATEST";
    }

    private static JsonNode jsonOrText(String text) {
        if (text.isBlank()) {
            return JSON.getNodeFactory().nullNode();
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return JSON.getNodeFactory().textNode(text);
        }
    }

    private static void sleep(Duration delay) throws Deliveries.Failed {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Deliveries.Failed("stopped before its next attempt");
        }
    }
}
