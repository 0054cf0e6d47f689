package dev.xraytracing.local.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Publishes one message to TOPIC_ARN and puts one event (source {@code shop.orders}) on the default bus, with
 * unmodified SDK v2 clients (endpoints from AWS_ENDPOINT_URL_SNS and AWS_ENDPOINT_URL_EVENTBRIDGE); the core's SDK
 * interceptor records the "SNS" and "EventBridge" subsegments and sends the trace header.
 */
public final class PublishingHandler implements RequestHandler<Map<String, Object>, String> {
    private static final SnsClient SNS = SnsClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
    private static final EventBridgeClient EVENTS = EventBridgeClient.builder()
            .httpClient(UrlConnectionHttpClient.create()).build();

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        String messageId = SNS.publish(r -> r.topicArn(System.getenv("TOPIC_ARN")).message("{\"order\":42}"))
                .messageId();
        String eventId = EVENTS.putEvents(r -> r.entries(e -> e.source("shop.orders").detailType("OrderPlaced")
                .detail("{\"order\":42}"))).entries().get(0).eventId();
        return messageId + " " + eventId;
    }
}
