package dev.xraytracing.local.internal.services;

import dev.xraytracing.internal.TraceHeader;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeNameForSends;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * Where SNS and EventBridge deliver, reached as AWS reaches them: a function through the Lambda service (with the
 * trace header), a queue with SQS's {@code SendMessage} (the trace header as its {@code AWSTraceHeader} system
 * attribute), a topic with SNS's {@code Publish} (the trace header as the request's {@code X-Amzn-Trace-Id}), through
 * unmodified SDK clients pointed at the run's own services. Each failure is a {@link Deliveries.Failed} naming it.
 */
public final class Targets implements AutoCloseable {
    private final ServiceContext context;
    private final AsyncInvocations asyncInvocations;
    private final Map<String, String> queueUrls = new ConcurrentHashMap<>();
    private volatile SqsClient sqs;
    private volatile SnsClient sns;

    public Targets(ServiceContext context) {
        this.context = context;
        this.asyncInvocations = new AsyncInvocations(context, this);
    }

    /**
     * A trace header as X-Ray accepts one, or null: "X-Ray validates trace headers, and trace headers that aren't
     * valid are dropped. However, the event is still processed" (EventBridge's X-Ray page).
     */
    public static String validTraceHeader(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        TraceHeader parsed = TraceHeader.parse(header);
        return parsed.root() == null ? null : header.trim();
    }

    /** The ARN's kind as its service spells it ({@code lambda}, {@code sqs}, {@code sns}, ...), or "" if no ARN. */
    public static String service(String arn) {
        String[] parts = arn.split(":", 6);
        return parts.length == 6 && parts[0].equals("arn") ? parts[2] : "";
    }

    /** The last part of an ARN: a queue's or topic's name. */
    public static String name(String arn) {
        return arn.substring(arn.lastIndexOf(':') + 1);
    }

    /**
     * Delivers {@code body} to a function, a queue or a topic, whichever {@code arn} names; a queue that is FIFO
     * gets {@code groupId} and {@code dedupId}. Any other kind of target fails the delivery, naming it.
     */
    public void deliver(String arn, String body, String traceHeader, String groupId, String dedupId)
            throws Deliveries.Failed {
        switch (service(arn)) {
            case "lambda" -> invoke(arn, body, traceHeader);
            case "sqs" -> send(arn, body, Map.of(), traceHeader, groupId, dedupId);
            case "sns" -> publish(arn, body, traceHeader);
            default -> throw new Deliveries.Failed("xray-tracing-local delivers to functions, queues and topics"
                    + " only, not to " + arn);
        }
    }

    /** What {@code arn} is, for a delivery's line: "function F", "queue Q", "topic T", or the ARN itself. */
    public static String describe(String arn) {
        return switch (service(arn)) {
            case "lambda" -> "function " + arn.split(":")[Math.min(6, arn.split(":").length - 1)];
            case "sqs" -> "queue " + name(arn);
            case "sns" -> "topic " + name(arn);
            default -> arn;
        };
    }

    /**
     * Invokes the function asynchronously with {@code payload}, retrying and then sending the event on as
     * {@link AsyncInvocations} does; an event no attempt succeeded with fails the delivery.
     */
    public void invoke(String functionArn, String payload, String traceHeader) throws Deliveries.Failed {
        asyncInvocations.invoke(functionArn, payload, traceHeader);
    }

    /** Sends one message to the queue of {@code queueArn}; a FIFO queue needs {@code groupId} and {@code dedupId}. */
    public void send(String queueArn, String body, Map<String, MessageAttributeValue> attributes, String traceHeader,
                     String groupId, String dedupId) throws Deliveries.Failed {
        try {
            SqsClient client = sqs();
            String url = queueUrls.computeIfAbsent(queueArn, arn -> client.getQueueUrl(r -> r.queueName(name(arn))
                    .queueOwnerAWSAccountId(arn.split(":")[4])).queueUrl());
            SendMessageRequest.Builder request = SendMessageRequest.builder().queueUrl(url).messageBody(body)
                    .messageAttributes(attributes);
            if (traceHeader != null) {
                request.messageSystemAttributesWithStrings(Map.of(
                        MessageSystemAttributeNameForSends.AWS_TRACE_HEADER.toString(),
                        MessageSystemAttributeValue.builder().dataType("String").stringValue(traceHeader).build()));
            }
            if (queueArn.endsWith(".fifo")) {
                request.messageGroupId(groupId).messageDeduplicationId(dedupId);
            }
            client.sendMessage(request.build());
        } catch (SdkException e) {
            throw new Deliveries.Failed("SendMessage to " + queueArn + " failed: " + e.getMessage());
        }
    }

    /** Publishes {@code message} to the topic of {@code topicArn}, with the trace header as the request's header. */
    public void publish(String topicArn, String message, String traceHeader) throws Deliveries.Failed {
        publish(topicArn, message, Map.of(), traceHeader);
    }

    /** As {@link #publish(String, String, String)}, with message attributes. */
    public void publish(String topicArn, String message,
                        Map<String, software.amazon.awssdk.services.sns.model.MessageAttributeValue> attributes,
                        String traceHeader) throws Deliveries.Failed {
        try {
            sns().publish(r -> {
                r.topicArn(topicArn).message(message).messageAttributes(attributes);
                if (topicArn.endsWith(".fifo")) {
                    r.messageGroupId("default").messageDeduplicationId(Integer.toHexString(message.hashCode()));
                }
                if (traceHeader != null) {
                    r.overrideConfiguration(o -> o.putHeader(TraceHeader.NAME, traceHeader));
                }
            });
        } catch (SdkException e) {
            throw new Deliveries.Failed("Publish to " + topicArn + " failed: " + e.getMessage());
        }
    }

    private SqsClient sqs() throws Deliveries.Failed {
        if (sqs == null) {
            String endpoint = endpoint("AWS_ENDPOINT_URL_SQS", "queue");
            synchronized (this) {
                if (sqs == null) {
                    sqs = SqsClient.builder().endpointOverride(URI.create(endpoint)).region(Region.of(context.region()))
                            .credentialsProvider(credentials()).httpClientBuilder(UrlConnectionHttpClient.builder())
                            .build();
                }
            }
        }
        return sqs;
    }

    private SnsClient sns() throws Deliveries.Failed {
        if (sns == null) {
            String endpoint = endpoint("AWS_ENDPOINT_URL_SNS", "topic");
            synchronized (this) {
                if (sns == null) {
                    sns = SnsClient.builder().endpointOverride(URI.create(endpoint)).region(Region.of(context.region()))
                            .credentialsProvider(credentials()).httpClientBuilder(UrlConnectionHttpClient.builder())
                            .build();
                }
            }
        }
        return sns;
    }

    private String endpoint(String variable, String what) throws Deliveries.Failed {
        return context.endpoint(variable).orElseThrow(() -> new Deliveries.Failed("no " + what
                + " service runs here (the template declares no " + what + ")"));
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDLOCALXRAYTRACING",
                "local-secret-not-used"));
    }

    @Override
    public void close() {
        if (sqs != null) {
            sqs.close();
        }
        if (sns != null) {
            sns.close();
        }
    }
}
