package dev.xraytracing.lambda;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import java.util.List;

/** How each event type's records are named, annotated and identified, as Lambda delivers them. */
final class EventKinds {
    /** The system attribute that carries an SQS message's producer trace header. */
    static final String AWS_TRACE_HEADER = "AWSTraceHeader";

    // One named class per kind, each loaded when its kind is first used (no lambdas: docs/benchmarks.md).

    static final class Sqs extends RecordKind<SQSEvent.SQSMessage> {
        static final Sqs KIND = new Sqs();

        private Sqs() {
            super("aws:sqs");
        }

        @Override
        String subsegmentName(SQSEvent.SQSMessage message) {
            return "SQS " + lastArnPart(message.getEventSourceArn());
        }

        @Override
        String id(SQSEvent.SQSMessage message) {
            return message.getMessageId();
        }

        @Override
        String producerHeader(SQSEvent.SQSMessage message) {
            return attribute(message, AWS_TRACE_HEADER);
        }

        @Override
        String sentMillis(SQSEvent.SQSMessage message) {
            return attribute(message, "SentTimestamp");
        }
    }

    static final class Sns extends RecordKind<SNSEvent.SNSRecord> {
        static final Sns KIND = new Sns();

        private Sns() {
            super("aws:sns");
        }

        @Override
        String subsegmentName(SNSEvent.SNSRecord record) {
            return "SNS " + lastArnPart(record.getSNS().getTopicArn());
        }

        @Override
        String id(SNSEvent.SNSRecord record) {
            return record.getSNS().getMessageId();
        }
    }

    /** Stream records are named by sequence number: what a streams batch response names a failed record by. */
    static final class Kinesis extends RecordKind<KinesisEvent.KinesisEventRecord> {
        static final Kinesis KIND = new Kinesis();

        private Kinesis() {
            super("aws:kinesis");
        }

        @Override
        String subsegmentName(KinesisEvent.KinesisEventRecord record) {
            return "Kinesis " + afterSlash(record.getEventSourceARN());
        }

        @Override
        String id(KinesisEvent.KinesisEventRecord record) {
            return record.getKinesis().getSequenceNumber();
        }
    }

    static final class Dynamodb extends RecordKind<DynamodbEvent.DynamodbStreamRecord> {
        static final Dynamodb KIND = new Dynamodb();

        private Dynamodb() {
            super("aws:dynamodb");
        }

        @Override
        String subsegmentName(DynamodbEvent.DynamodbStreamRecord record) {
            return "DynamoDB " + afterSlash(record.getEventSourceARN());
        }

        @Override
        String id(DynamodbEvent.DynamodbStreamRecord record) {
            return record.getDynamodb().getSequenceNumber();
        }
    }

    /** S3 notifications carry no message id: the object key stands for one. */
    static final class S3 extends RecordKind<S3EventNotificationRecord> {
        static final S3 KIND = new S3();

        private S3() {
            super("aws:s3");
        }

        @Override
        String subsegmentName(S3EventNotificationRecord record) {
            return "S3 " + record.getS3().getBucket().getName();
        }

        @Override
        String id(S3EventNotificationRecord record) {
            return record.getS3().getObject().getKey();
        }
    }

    static final class EventBridge extends RecordKind<ScheduledEvent> {
        static final EventBridge KIND = new EventBridge();

        private EventBridge() {
            super("aws:events");
        }

        @Override
        String subsegmentName(ScheduledEvent event) {
            return "EventBridge " + event.getDetailType();
        }

        @Override
        String id(ScheduledEvent event) {
            return event.getId();
        }
    }

    private EventKinds() {
    }

    /** Whether the messages come from a FIFO queue, whose names end in {@code .fifo}. */
    static boolean isFifo(List<SQSEvent.SQSMessage> messages) {
        if (messages == null || messages.isEmpty()) {
            return false;
        }
        String arn = messages.get(0).getEventSourceArn();
        return arn != null && arn.endsWith(".fifo");
    }

    private static String attribute(SQSEvent.SQSMessage message, String name) {
        return message.getAttributes() == null ? null : message.getAttributes().get(name);
    }

    /** {@code orders} of {@code arn:aws:sqs:us-east-1:123456789012:orders}. */
    private static String lastArnPart(String arn) {
        return arn.substring(arn.lastIndexOf(':') + 1);
    }

    /** {@code orders} of {@code arn:aws:kinesis:...:stream/orders} and of {@code ...:table/orders/stream/2024-...}. */
    private static String afterSlash(String arn) {
        int start = arn.indexOf('/') + 1;
        int end = arn.indexOf('/', start);
        return end < 0 ? arn.substring(start) : arn.substring(start, end);
    }
}
