package dev.xraytracing.lambda.testing;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Batch events as Lambda delivers them (account {@value #ACCOUNT}, region {@value #REGION}), for testing a consumer
 * that uses {@code TracedBatch}: SQS messages with the {@code AWSTraceHeader} system attribute their producer's trace
 * left, SNS, Kinesis, DynamoDB Streams, S3 and EventBridge events, and the ids a batch response names.
 */
public final class BatchEvents {
    public static final String ACCOUNT = "123456789012";
    public static final String REGION = "us-east-1";

    private BatchEvents() {
    }

    /** A new X-Ray trace id, {@code 1-<8 hex: now>-<24 random hex>}. */
    public static String newTraceId() {
        return "1-" + Long.toHexString(System.currentTimeMillis() / 1000) + "-" + randomHex(24);
    }

    /**
     * The {@code AWSTraceHeader} a producer in trace {@code traceId} leaves on the message it sends: its trace, the
     * sending call's subsegment (a new id) and its sampling decision.
     */
    public static String producerHeader(String traceId, boolean sampled) {
        return "Root=" + traceId + ";Parent=" + randomHex(16) + ";Sampled=" + (sampled ? "1" : "0");
    }

    /**
     * A message from queue {@code queue}; {@code awsTraceHeader} is its {@code AWSTraceHeader} system attribute, or
     * null for a message sent outside any trace.
     */
    public static SQSEvent.SQSMessage sqsMessage(String queue, String messageId, String body, String awsTraceHeader) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId(messageId);
        message.setReceiptHandle("AQEB" + randomHex(32));
        message.setBody(body);
        message.setEventSource("aws:sqs");
        message.setEventSourceArn("arn:aws:sqs:" + REGION + ":" + ACCOUNT + ":" + queue);
        message.setAwsRegion(REGION);
        Map<String, String> attributes = new LinkedHashMap<>();
        String now = Long.toString(System.currentTimeMillis());
        attributes.put("ApproximateReceiveCount", "1");
        attributes.put("SentTimestamp", now);
        attributes.put("SenderId", "AIDAIENQZJOLO23YVJ4VO");
        attributes.put("ApproximateFirstReceiveTimestamp", now);
        if (awsTraceHeader != null) {
            attributes.put("AWSTraceHeader", awsTraceHeader);
        }
        message.setAttributes(attributes);
        message.setMessageAttributes(new LinkedHashMap<>());
        return message;
    }

    public static SQSEvent sqsEvent(SQSEvent.SQSMessage... messages) {
        SQSEvent event = new SQSEvent();
        event.setRecords(new ArrayList<>(Arrays.asList(messages)));
        return event;
    }

    /** An SNS delivery: one record, as Lambda delivers SNS messages. */
    public static SNSEvent snsEvent(String topic, String messageId, String message) {
        SNSEvent.SNS sns = new SNSEvent.SNS()
                .withType("Notification")
                .withMessageId(messageId)
                .withTopicArn("arn:aws:sns:" + REGION + ":" + ACCOUNT + ":" + topic)
                .withMessage(message)
                .withSignatureVersion("1")
                .withMessageAttributes(new LinkedHashMap<>());
        SNSEvent.SNSRecord record = new SNSEvent.SNSRecord()
                .withEventSource("aws:sns")
                .withEventVersion("1.0")
                .withEventSubscriptionArn(sns.getTopicArn() + ":" + randomHex(8))
                .withSns(sns);
        return new SNSEvent().withRecords(new ArrayList<>(List.of(record)));
    }

    /** Records of stream {@code stream}, one per {@code data}, with increasing sequence numbers. */
    public static KinesisEvent kinesisEvent(String stream, String... data) {
        List<KinesisEvent.KinesisEventRecord> records = new ArrayList<>();
        for (int i = 0; i < data.length; i++) {
            KinesisEvent.Record kinesis = new KinesisEvent.Record();
            kinesis.setKinesisSchemaVersion("1.0");
            kinesis.setPartitionKey("key-" + i);
            kinesis.setSequenceNumber(sequenceNumber(i));
            kinesis.setData(ByteBuffer.wrap(data[i].getBytes(StandardCharsets.UTF_8)));
            KinesisEvent.KinesisEventRecord record = new KinesisEvent.KinesisEventRecord();
            record.setKinesis(kinesis);
            record.setEventSource("aws:kinesis");
            record.setEventID("shardId-000000000000:" + kinesis.getSequenceNumber());
            record.setEventName("aws:kinesis:record");
            record.setEventVersion("1.0");
            record.setEventSourceARN("arn:aws:kinesis:" + REGION + ":" + ACCOUNT + ":stream/" + stream);
            record.setAwsRegion(REGION);
            records.add(record);
        }
        KinesisEvent event = new KinesisEvent();
        event.setRecords(records);
        return event;
    }

    /** {@code count} INSERT records of table {@code table}'s stream, with increasing sequence numbers. */
    public static DynamodbEvent dynamodbEvent(String table, int count) {
        List<DynamodbEvent.DynamodbStreamRecord> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
            record.setEventID(randomHex(32));
            record.setEventName("INSERT");
            record.setEventVersion("1.1");
            record.setEventSource("aws:dynamodb");
            record.setAwsRegion(REGION);
            record.setEventSourceARN("arn:aws:dynamodb:" + REGION + ":" + ACCOUNT + ":table/" + table
                    + "/stream/2026-01-01T00:00:00.000");
            record.setDynamodb(new StreamRecord().withSequenceNumber(sequenceNumber(i)).withSizeBytes(26L)
                    .withStreamViewType(StreamViewType.NEW_AND_OLD_IMAGES));
            records.add(record);
        }
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(records);
        return event;
    }

    /** {@code ObjectCreated:Put} notifications of bucket {@code bucket}, one per key. */
    public static S3Event s3Event(String bucket, String... keys) {
        List<S3EventNotification.S3EventNotificationRecord> records = new ArrayList<>();
        for (String key : keys) {
            S3EventNotification.S3Entity s3 = new S3EventNotification.S3Entity("notification",
                    new S3EventNotification.S3BucketEntity(bucket, new S3EventNotification.UserIdentityEntity(ACCOUNT),
                            "arn:aws:s3:::" + bucket),
                    new S3EventNotification.S3ObjectEntity(key, 1024L, randomHex(32), null, randomHex(16)), "1.0");
            records.add(new S3EventNotification.S3EventNotificationRecord(REGION, "ObjectCreated:Put", "aws:s3",
                    "2026-01-01T00:00:00.000Z", "2.1", null, null, s3,
                    new S3EventNotification.UserIdentityEntity(ACCOUNT)));
        }
        return new S3Event(records);
    }

    /** An EventBridge event as a rule's Lambda target receives it. */
    public static ScheduledEvent eventBridgeEvent(String source, String detailType, Map<String, Object> detail) {
        return new ScheduledEvent()
                .withVersion("0")
                .withId(String.join("-", randomHex(8), randomHex(4), randomHex(4), randomHex(4), randomHex(12)))
                .withSource(source)
                .withDetailType(detailType)
                .withAccount(ACCOUNT)
                .withRegion(REGION)
                .withResources(new ArrayList<>())
                .withDetail(detail);
    }

    /** The message ids an SQS batch response reports as failed, in order. */
    public static List<String> failedIds(SQSBatchResponse response) {
        List<String> ids = new ArrayList<>();
        response.getBatchItemFailures().forEach(failure -> ids.add(failure.getItemIdentifier()));
        return ids;
    }

    /** The sequence numbers a Kinesis or DynamoDB Streams batch response reports as failed, in order. */
    public static List<String> failedIds(StreamsEventResponse response) {
        List<String> ids = new ArrayList<>();
        response.getBatchItemFailures().forEach(failure -> ids.add(failure.getItemIdentifier()));
        return ids;
    }

    private static String sequenceNumber(int index) {
        return "4959" + String.format("%052d", index + 1);
    }

    private static String randomHex(int digits) {
        StringBuilder hex = new StringBuilder(digits);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < digits; i++) {
            hex.append(Character.forDigit(random.nextInt(16), 16));
        }
        return hex.toString();
    }
}
