package dev.xraytracing.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.xraytracing.fakes.FakeAws;
import dev.xraytracing.testing.TracingExtension;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeNameForSends;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * A producer needs no code: every carrier AWS reads gets the call's trace header. SQS and SNS read the HTTP
 * {@code X-Amzn-Trace-Id} for every message of the call (X-Ray guide, "Amazon SQS and AWS X-Ray", "Amazon SNS and AWS
 * X-Ray"); EventBridge's {@code PutEvents} entries carry a {@code TraceHeader} each. What the user set explicitly (an
 * SQS message's {@code AWSTraceHeader} system attribute, an entry's {@code TraceHeader}) is sent as the user wrote it.
 */
class ProducerTraceHeaderTest {
    static final String ROOT = "1-5759e988-bd862e3fe1be46a994272793";
    static final String USERS_OWN = "Root=1-67891233-abcdef012345678912345678;Parent=463ac35c9f6413ad;Sampled=1";
    static final String QUEUE = "https://sqs.us-east-1.amazonaws.com/123456789012/orders";
    static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:orders";

    @RegisterExtension
    static final TracingExtension tracing = TracingExtension.inLambda()
            .withTraceHeader("Root=" + ROOT + ";Parent=53995c3f42cd8ad8;Sampled=1");

    @RegisterExtension
    final FakeAws aws = FakeAws.start();

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void sqsSendMessageCarriesTheHeaderOverHttpAndLeavesTheMessageAsBuilt() throws Exception {
        aws.json(200, "{\"MD5OfMessageBody\":\"" + FakeAws.md5("order 1") + "\",\"MessageId\":\"m-1\"}");

        aws.sqs().sendMessage(r -> r.queueUrl(QUEUE).messageBody("order 1"));

        assertThat(aws.traceHeader(0)).startsWith("Root=" + ROOT + ";Parent=" + callId("SQS") + ";Sampled=1");
        assertThat(json.readTree(aws.received().get(0).body).has("MessageSystemAttributes")).isFalse();
    }

    @Test
    void sqsSendMessageBatchSendsOneHeaderThatSqsAppliesToEveryEntry() throws Exception {
        aws.json(200, "{\"Successful\":[" + sent("a", "order 1") + "," + sent("b", "order 2") + "],\"Failed\":[]}");

        aws.sqs().sendMessageBatch(r -> r.queueUrl(QUEUE).entries(
                SendMessageBatchRequestEntry.builder().id("a").messageBody("order 1").build(),
                SendMessageBatchRequestEntry.builder().id("b").messageBody("order 2").build()));

        assertThat(aws.received()).hasSize(1);
        assertThat(aws.traceHeader(0)).startsWith("Root=" + ROOT + ";Parent=" + callId("SQS") + ";");
        for (JsonNode entry : json.readTree(aws.received().get(0).body).get("Entries")) {
            assertThat(entry.has("MessageSystemAttributes")).as("entry %s", entry.get("Id")).isFalse();
        }
    }

    @Test
    void aUsersOwnAwsTraceHeaderAttributeIsSentAsTheUserSetIt() throws Exception {
        aws.json(200, "{\"MD5OfMessageBody\":\"" + FakeAws.md5("order 1") + "\",\"MessageId\":\"m-1\"}")
                .json(200, "{\"Successful\":[" + sent("a", "order 2") + "],\"Failed\":[]}");
        Map<MessageSystemAttributeNameForSends, MessageSystemAttributeValue> own = Map.of(
                MessageSystemAttributeNameForSends.AWS_TRACE_HEADER,
                MessageSystemAttributeValue.builder().dataType("String").stringValue(USERS_OWN).build());

        aws.sqs().sendMessage(r -> r.queueUrl(QUEUE).messageBody("order 1").messageSystemAttributes(own));
        aws.sqs().sendMessageBatch(r -> r.queueUrl(QUEUE).entries(SendMessageBatchRequestEntry.builder()
                .id("a").messageBody("order 2").messageSystemAttributes(own).build()));

        JsonNode single = json.readTree(aws.received().get(0).body);
        JsonNode batched = json.readTree(aws.received().get(1).body).get("Entries").get(0);
        assertThat(single.at("/MessageSystemAttributes/AWSTraceHeader/StringValue").asText()).isEqualTo(USERS_OWN);
        assertThat(batched.at("/MessageSystemAttributes/AWSTraceHeader/StringValue").asText()).isEqualTo(USERS_OWN);
        // The HTTP header still names this call; SQS lets the message's own attribute win.
        assertThat(aws.traceHeader(0)).startsWith("Root=" + ROOT + ";");
    }

    @Test
    void snsPublishAndPublishBatchCarryTheHeaderOverHttp() {
        aws.xml(200, "<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><PublishResult>"
                + "<MessageId>94f20ce6</MessageId></PublishResult></PublishResponse>");
        aws.xml(200, "<PublishBatchResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><PublishBatchResult>"
                + "<Successful><member><Id>a</Id><MessageId>94f20ce7</MessageId></member></Successful><Failed/>"
                + "</PublishBatchResult></PublishBatchResponse>");

        aws.sns().publish(r -> r.topicArn(TOPIC).message("order 1"));
        aws.sns().publishBatch(r -> r.topicArn(TOPIC).publishBatchRequestEntries(
                PublishBatchRequestEntry.builder().id("a").message("order 2").build()));

        assertThat(aws.traceHeader(0)).startsWith("Root=" + ROOT + ";").contains(";Sampled=1");
        assertThat(aws.traceHeader(1)).startsWith("Root=" + ROOT + ";").isNotEqualTo(aws.traceHeader(0));
    }

    @Test
    void eventBridgeEntriesWithoutATraceHeaderGetTheCallsAndTheUsersOwnIsKept() throws Exception {
        aws.json(200, "{\"FailedEntryCount\":0,\"Entries\":[{\"EventId\":\"e-1\"},{\"EventId\":\"e-2\"}]}");

        aws.eventBridge().putEvents(r -> r.entries(
                PutEventsRequestEntry.builder().source("shop").detailType("OrderPlaced").detail("{}").build(),
                PutEventsRequestEntry.builder().source("shop").detailType("OrderPlaced").detail("{}")
                        .traceHeader(USERS_OWN).build()));

        JsonNode entries = json.readTree(aws.received().get(0).body).get("Entries");
        assertThat(entries.get(0).get("TraceHeader").asText()).isEqualTo(aws.traceHeader(0))
                .startsWith("Root=" + ROOT + ";Parent=" + callId("EventBridge") + ";Sampled=1");
        assertThat(entries.get(1).get("TraceHeader").asText()).isEqualTo(USERS_OWN);
    }

    private static String callId(String name) {
        return tracing.trace().get(name).id();
    }

    private static String sent(String id, String body) {
        return "{\"Id\":\"" + id + "\",\"MessageId\":\"m-" + id + "\",\"MD5OfMessageBody\":\"" + FakeAws.md5(body)
                + "\"}";
    }
}
