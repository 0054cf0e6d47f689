package dev.xraytracing.local.internal.entry;

import dev.xraytracing.local.app.LocalRunException;
import dev.xraytracing.local.template.TemplateResource;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeNameForSends;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The producers outside the app: unmodified SDK v2 clients (url-connection-client, the functions' fake credentials)
 * pointed at the services' local endpoints, so that a message or event enters the app exactly as one from a real
 * producer would. The run's trace header travels as AWS carries it: the {@code X-Amzn-Trace-Id} HTTP header an SDK in
 * a traced service sends, and for SQS and EventBridge also the request's own field ({@code AWSTraceHeader},
 * {@code TraceHeader}), which those services read first. Each client is built on first use; thread-safe.
 */
public final class Producers implements AutoCloseable {
    static final String TRACE_HEADER = "X-Amzn-Trace-Id";
    /** FIFO entries share one group, so they arrive in the order the run sends them. */
    static final String MESSAGE_GROUP = "xray-tracing-local";

    /** What a service answered: 200 and the id it gave, or the error's status and {@code Code: message}. */
    public record Delivery(int status, String answer) {
    }

    private final Function<String, Optional<String>> endpoints;
    private final Region region;
    private final Map<Class<?>, SdkClient> clients = new ConcurrentHashMap<>();
    private final Map<String, String> queueUrls = new ConcurrentHashMap<>();

    /** {@code endpoints} gives a service's endpoint by its variable ({@code AWS_ENDPOINT_URL_SQS}), if one runs. */
    public Producers(Function<String, Optional<String>> endpoints, String region) {
        this.endpoints = endpoints;
        this.region = Region.of(region);
    }

    /** Sends {@code body} to the queue; {@code traceHeader} may be null (no trace travels). */
    public Delivery sendMessage(TemplateResource.Queue queue, String body, String traceHeader) {
        return deliver("SQS", () -> {
            String url = queueUrl(queue);
            return sqs().sendMessage(r -> {
                r.queueUrl(url).messageBody(body).overrideConfiguration(withTraceHeader(traceHeader));
                if (traceHeader != null) {
                    r.messageSystemAttributes(Map.of(MessageSystemAttributeNameForSends.AWS_TRACE_HEADER,
                            MessageSystemAttributeValue.builder().dataType("String").stringValue(traceHeader).build()));
                }
                if (queue.fifo()) {
                    r.messageGroupId(MESSAGE_GROUP).messageDeduplicationId(UUID.randomUUID().toString());
                }
            }).messageId();
        });
    }

    /** Publishes {@code message} to the topic. */
    public Delivery publish(TemplateResource.Topic topic, String message, String traceHeader) {
        return deliver("SNS", () -> sns().publish(r -> {
                    r.topicArn(topic.arn()).message(message).overrideConfiguration(withTraceHeader(traceHeader));
                    if (topic.fifo()) {
                        r.messageGroupId(MESSAGE_GROUP).messageDeduplicationId(UUID.randomUUID().toString());
                    }
                }).messageId());
    }

    /** Puts the events on their buses ({@code busNames}: each event's bus, resolved) in one {@code PutEvents}. */
    public Delivery putEvents(List<BusEvent> events, List<String> busNames, String traceHeader) {
        return deliver("EventBridge", () -> {
            List<PutEventsRequestEntry> entries = new java.util.ArrayList<>();
            for (int i = 0; i < events.size(); i++) {
                BusEvent event = events.get(i);
                entries.add(PutEventsRequestEntry.builder().source(event.source()).detailType(event.detailType())
                        .detail(event.detail()).eventBusName(busNames.get(i)).resources(event.resources())
                        .traceHeader(traceHeader).build());
            }
            PutEventsResponse response = eventBridge().putEvents(r -> r.entries(entries)
                    .overrideConfiguration(withTraceHeader(traceHeader)));
            if (response.failedEntryCount() != null && response.failedEntryCount() > 0) {
                PutEventsResultEntry failed = response.entries().stream().filter(e -> e.errorCode() != null)
                        .findFirst().orElse(PutEventsResultEntry.builder().build());
                throw new EntryRefused(response.failedEntryCount() + " of " + entries.size() + " events refused: "
                        + failed.errorCode() + ": " + failed.errorMessage());
            }
            return String.join(",", response.entries().stream().map(PutEventsResultEntry::eventId).toList());
        });
    }

    /** The messages a queue holds (visible, in flight and delayed), read from the engine. */
    public int messagesIn(TemplateResource.Queue queue) {
        String url = queueUrl(queue);
        Map<QueueAttributeName, String> attributes = sqs().getQueueAttributes(r -> r.queueUrl(url).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
        return attributes.values().stream().mapToInt(Integer::parseInt).sum();
    }

    /** Whether a service's engine runs, i.e. its endpoint variable has a value. */
    public boolean runs(String endpointVariable) {
        return endpoints.apply(endpointVariable).isPresent();
    }

    private static AwsRequestOverrideConfiguration withTraceHeader(String traceHeader) {
        AwsRequestOverrideConfiguration.Builder config = AwsRequestOverrideConfiguration.builder();
        return (traceHeader == null ? config : config.putHeader(TRACE_HEADER, traceHeader)).build();
    }

    private static Delivery deliver(String service, Supplier<String> call) {
        try {
            return new Delivery(200, call.get());
        } catch (AwsServiceException e) {
            return new Delivery(e.statusCode(), e.awsErrorDetails() != null
                    ? e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage()
                    : e.getMessage());
        } catch (EntryRefused e) {
            return new Delivery(400, e.getMessage());
        } catch (SdkClientException e) {
            throw new LocalRunException(service + " did not answer: " + e.getMessage());
        }
    }

    private <C extends SdkClient> C client(Class<C> kind, String endpointVariable, String service,
                                           Function<URI, C> build) {
        return kind.cast(clients.computeIfAbsent(kind, k -> build.apply(URI.create(endpoints.apply(endpointVariable)
                .orElseThrow(() -> new LocalRunException("no " + service + " engine runs in this app (the template"
                        + " declares none of its resources, or this build has no engine for it yet)"))))));
    }

    /** Every client the same way: the local endpoint, the run's region, fake credentials, url-connection-client. */
    private <B extends AwsClientBuilder<B, ?> & SdkSyncClientBuilder<B, ?>> B local(B builder, URI endpoint) {
        return builder.endpointOverride(endpoint).region(region)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        "AKIDLOCALXRAYTRACING", "local-secret-not-used")))
                .httpClientBuilder(UrlConnectionHttpClient.builder());
    }

    private SqsClient sqs() {
        return client(SqsClient.class, "AWS_ENDPOINT_URL_SQS", "SQS", e -> local(SqsClient.builder(), e).build());
    }

    private SnsClient sns() {
        return client(SnsClient.class, "AWS_ENDPOINT_URL_SNS", "SNS", e -> local(SnsClient.builder(), e).build());
    }

    private EventBridgeClient eventBridge() {
        return client(EventBridgeClient.class, "AWS_ENDPOINT_URL_EVENTBRIDGE", "EventBridge",
                e -> local(EventBridgeClient.builder(), e).build());
    }

    private String queueUrl(TemplateResource.Queue queue) {
        return queueUrls.computeIfAbsent(queue.name(), name -> sqs().getQueueUrl(r -> r.queueName(name)).queueUrl());
    }

    private static final class EntryRefused extends RuntimeException {
        EntryRefused(String message) {
            super(message, null, false, false);
        }
    }

    @Override
    public void close() {
        clients.values().forEach(SdkClient::close);
        clients.clear();
    }
}
