package dev.xraytracing.local.internal.services.sns;

import static dev.xraytracing.local.internal.services.ServiceTesting.awaitQuiet;
import static dev.xraytracing.local.internal.services.ServiceTesting.asEvent;
import static dev.xraytracing.local.internal.services.ServiceTesting.client;
import static dev.xraytracing.local.internal.services.ServiceTesting.context;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.xraytracing.local.internal.services.LocalServices;
import dev.xraytracing.local.internal.services.RecordingLambda;
import dev.xraytracing.local.internal.services.ServiceTesting;
import dev.xraytracing.local.internal.services.catalog.ServiceCatalog;
import dev.xraytracing.local.template.FunctionEvent;
import dev.xraytracing.local.template.SamTemplate;
import dev.xraytracing.local.template.TemplateFunction;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * An SNS event with {@code SqsSubscription: true}, run on the services: the topic delivers to the queue SAM adds and
 * the function gets SQS events whose bodies are SNS's envelopes, as on AWS; the event's filter policy stays on the
 * subscription.
 */
class SqsSubscriptionEventTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void the_function_reads_the_topics_messages_from_the_queue_sam_adds() throws Exception {
        SamTemplate template = SamTemplate.parse("""
                Resources:
                  Shipped: {Type: 'AWS::SNS::Topic'}
                  Notifier:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.B
                      Runtime: java21
                      Events:
                        OnShipped:
                          Type: SNS
                          Properties:
                            Topic: !Ref Shipped
                            SqsSubscription: true
                            FilterPolicy: {kind: [parcel]}
                """, Path.of("template.yaml"), ServiceTesting.REGION);
        Map<String, List<FunctionEvent>> events = new LinkedHashMap<>();
        for (TemplateFunction function : template.functions()) {
            events.put(function.name(), function.events());
        }
        RecordingLambda lambda = new RecordingLambda();
        String topic = template.resource("Shipped").orElseThrow().arn();

        try (LocalServices services = LocalServices.start(context(template.resources(), events, lambda,
                ServiceTesting.said()), ServiceCatalog.ALL);
             SnsClient sns = client(SnsClient.builder(), services.endpoints().get("AWS_ENDPOINT_URL_SNS"))) {
            sns.publish(r -> r.topicArn(topic).message("{\"parcel\":1}").messageAttributes(Map.of("kind",
                    software.amazon.awssdk.services.sns.model.MessageAttributeValue.builder().dataType("String")
                            .stringValue("parcel").build())));
            sns.publish(r -> r.topicArn(topic).message("{\"letter\":2}"));
            awaitQuiet(services::quiet);
        }

        assertThat(lambda.invocationsOf("Notifier")).singleElement().satisfies(invocation -> {
            SQSEvent event = asEvent(invocation.payload(), SQSEvent.class);
            assertThat(event.getRecords()).singleElement().satisfies(record -> {
                assertThat(record.getEventSource()).isEqualTo("aws:sqs");
                assertThat(record.getEventSourceArn()).contains("NotifierOnShippedQueue");
                assertThat(JSON.readTree(record.getBody()).path("Type").asText()).isEqualTo("Notification");
                assertThat(JSON.readTree(record.getBody()).path("Message").asText()).isEqualTo("{\"parcel\":1}");
            });
        });
    }
}
