package dev.xraytracing.sdk;

import dev.xraytracing.fakes.FakeAws;
import static dev.xraytracing.testing.TracingAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xraytracing.trace.RecordedEntity;
import dev.xraytracing.testing.TracingExtension;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Each service's calls carry the resource identifiers of the shipped table (JSON and XML protocols alike), named as
 * X-Ray's service map expects; never an item, body or message.
 */
class ServiceResourceFieldsTest {

    @RegisterExtension
    static final TracingExtension tracing = TracingExtension.inSegment();

    @RegisterExtension
    final FakeAws aws = FakeAws.start();


    @Test
    void dynamoDbItemCallsNameTheirTable() {
        aws.json(200, "{\"Item\":{\"pk\":{\"S\":\"secret-item-value\"}}}");

        aws.dynamoDb().getItem(r -> r.tableName("orders").key(Map.of("pk", AttributeValue.fromS("order-1")))
                .consistentRead(true));

        assertThat(tracing.trace()).subsegment("DynamoDB").isOk().hasNamespace("aws")
                .hasAwsField("operation", "GetItem").hasAwsField("table_name", "orders")
                .hasAwsField("consistent_read", true) // from the test classpath's own table file
                .hasAwsField("request_id", "req-1");
        assertThat(String.join("", tracing.emitter().documents())).doesNotContain("secret-item-value", "order-1");
    }

    @Test
    void dynamoDbBatchCallsNameAllTheirTables() {
        aws.json(200, "{\"Responses\":{\"orders\":[],\"customers\":[]},\"UnprocessedKeys\":{}}");
        KeysAndAttributes keys = KeysAndAttributes.builder()
                .keys(List.of(Map.of("pk", AttributeValue.fromS("1")))).build();

        aws.dynamoDb().batchGetItem(r -> r.requestItems(Map.of("orders", keys, "customers", keys)));

        RecordedEntity call = tracing.trace().get("DynamoDB");
        assertThat(call).hasAwsField("operation", "BatchGetItem");
        assertThat(call.aws().fields().get("table_names")).asInstanceOf(InstanceOfAssertFactories.LIST)
                .containsExactlyInAnyOrder("orders", "customers");
    }

    @Test
    void sqsSendMessageNamesTheQueueAndTheMessage() {
        String body = "secret message body";
        aws.json(200, "{\"MD5OfMessageBody\":\"" + FakeAws.md5(body)
                + "\",\"MessageId\":\"5fea7756-0ea4-451a-a703\"}");
        String queue = "https://sqs.us-east-1.amazonaws.com/123456789012/orders";

        aws.sqs().sendMessage(r -> r.queueUrl(queue).messageBody(body));

        assertThat(tracing.trace()).subsegment("SQS").isOk().hasAwsField("operation", "SendMessage")
                .hasAwsField("queue_url", queue).hasAwsField("message_id", "5fea7756-0ea4-451a-a703");
        assertThat(String.join("", tracing.emitter().documents())).doesNotContain(body);
    }

    @Test
    void snsPublishNamesTheTopic() {
        String topic = "arn:aws:sns:us-east-1:123456789012:orders";
        aws.xml(200, "<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><PublishResult>"
                + "<MessageId>94f20ce6-13c5-43a0-9a9e</MessageId></PublishResult><ResponseMetadata>"
                + "<RequestId>f187a3c1-b0b3-5a31</RequestId></ResponseMetadata></PublishResponse>");

        aws.sns().publish(r -> r.topicArn(topic).message("secret notification"));

        assertThat(tracing.trace()).subsegment("SNS").isOk().hasAwsField("operation", "Publish")
                .hasAwsField("topic_arn", topic).hasAwsField("message_id", "94f20ce6-13c5-43a0-9a9e")
                .hasAwsField("request_id", "f187a3c1-b0b3-5a31");
    }

    @Test
    void s3ObjectCallsNameBucketAndKeyAndKeepBothRequestIds() {
        aws.answer(200, "text/plain", "secret object content", "x-amz-request-id", "4442587FB7D0A2F9",
                "x-amz-id-2", "vlR7PnpV2Ce81l0PRw6jlUpck7Jo5ZsQjryTjKlc5aLWGVHPZLj5NeC6qMa0emYBDXOo6QBU0Wo=",
                "ETag", "\"3858f62230ac3c915f300c664312c11f\"");

        aws.s3().getObjectAsBytes(r -> r.bucket("invoices").key("2026/11/26.pdf"));

        assertThat(tracing.trace()).subsegment("S3").isOk().hasAwsField("operation", "GetObject")
                .hasAwsField("bucket_name", "invoices").hasAwsField("key", "2026/11/26.pdf")
                .hasAwsField("request_id", "4442587FB7D0A2F9")
                .hasAwsField("id_2", "vlR7PnpV2Ce81l0PRw6jlUpck7Jo5ZsQjryTjKlc5aLWGVHPZLj5NeC6qMa0emYBDXOo6QBU0Wo=");
        assertThat(String.join("", tracing.emitter().documents())).doesNotContain("secret object content");
    }

    @Test
    void anS3ErrorInXmlIsARemoteErrorWithItsRequestIds() {
        aws.xml(404, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>NoSuchKey</Code>"
                + "<Message>The specified key does not exist.</Message><Key>missing</Key>"
                + "<RequestId>4442587FB7D0A2F9</RequestId><HostId>host-id-2</HostId></Error>",
                "x-amz-request-id", "4442587FB7D0A2F9", "x-amz-id-2", "host-id-2");

        assertThatThrownBy(() -> aws.s3().getObjectAsBytes(r -> r.bucket("invoices").key("missing")))
                .isInstanceOf(NoSuchKeyException.class);

        assertThat(tracing.trace()).subsegment("S3").isError().isNotFault().hasHttpStatus(404)
                .hasExceptionOfType("NoSuchKeyException").hasAwsField("request_id", "4442587FB7D0A2F9")
                .hasAwsField("id_2", "host-id-2").hasAwsField("key", "missing");
    }

    @Test
    void anSnsErrorInXmlIsARemoteError() {
        aws.xml(404, "<ErrorResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><Error><Type>Sender</Type>"
                + "<Code>NotFound</Code><Message>Topic does not exist</Message></Error>"
                + "<RequestId>9dd01905-5012-5f99</RequestId></ErrorResponse>");

        assertThatThrownBy(() -> aws.sns().publish(r -> r.topicArn("arn:aws:sns:us-east-1:123456789012:gone")
                .message("m"))).isInstanceOf(software.amazon.awssdk.services.sns.model.NotFoundException.class);

        assertThat(tracing.trace()).subsegment("SNS").isError().hasHttpStatus(404)
                .hasAwsField("request_id", "9dd01905-5012-5f99")
                .hasAwsField("topic_arn", "arn:aws:sns:us-east-1:123456789012:gone");
    }
}
