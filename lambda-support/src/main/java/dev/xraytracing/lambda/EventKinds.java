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

    static final RecordLoop.RecordKind<SQSEvent.SQSMessage> SQS = new RecordLoop.RecordKind<>() {
        @Override
        public String subsegmentName(SQSEvent.SQSMessage message) {
            return "SQS " + lastArnPart(message.getEventSourceArn());
        }

        @Override
        public String eventSource() {
            return "aws:sqs";
        }

        @Override
        public String id(SQSEvent.SQSMessage message) {
            return message.getMessageId();
        }

        @Override
        public String producerHeader(SQSEvent.SQSMessage message) {
            return message.getAttributes() == null ? null : message.getAttributes().get(AWS_TRACE_HEADER);
        }
    };

    static final RecordLoop.RecordKind<SNSEvent.SNSRecord> SNS = new RecordLoop.RecordKind<>() {
        @Override
        public String subsegmentName(SNSEvent.SNSRecord record) {
            return "SNS " + lastArnPart(record.getSNS().getTopicArn());
        }

        @Override
        public String eventSource() {
            return "aws:sns";
        }

        @Override
        public String id(SNSEvent.SNSRecord record) {
            return record.getSNS().getMessageId();
        }
    };

    static final RecordLoop.RecordKind<KinesisEvent.KinesisEventRecord> KINESIS = new RecordLoop.RecordKind<>() {
        @Override
        public String subsegmentName(KinesisEvent.KinesisEventRecord record) {
            return "Kinesis " + afterSlash(record.getEventSourceARN());
        }

        @Override
        public String eventSource() {
            return "aws:kinesis";
        }

        /** The sequence number: what a streams batch response names a failed record by. */
        @Override
        public String id(KinesisEvent.KinesisEventRecord record) {
            return record.getKinesis().getSequenceNumber();
        }
    };

    static final RecordLoop.RecordKind<DynamodbEvent.DynamodbStreamRecord> DYNAMODB = new RecordLoop.RecordKind<>() {
        @Override
        public String subsegmentName(DynamodbEvent.DynamodbStreamRecord record) {
            return "DynamoDB " + afterSlash(record.getEventSourceARN());
        }

        @Override
        public String eventSource() {
            return "aws:dynamodb";
        }

        @Override
        public String id(DynamodbEvent.DynamodbStreamRecord record) {
            return record.getDynamodb().getSequenceNumber();
        }
    };

    static final RecordLoop.RecordKind<S3EventNotificationRecord> S3 = new RecordLoop.RecordKind<>() {
        @Override
        public String subsegmentName(S3EventNotificationRecord record) {
            return "S3 " + record.getS3().getBucket().getName();
        }

        @Override
        public String eventSource() {
            return "aws:s3";
        }

        /** The object key: S3 notifications carry no message id. */
        @Override
        public String id(S3EventNotificationRecord record) {
            return record.getS3().getObject().getKey();
        }
    };

    static final RecordLoop.RecordKind<ScheduledEvent> EVENTBRIDGE = new RecordLoop.RecordKind<>() {
        @Override
        public String subsegmentName(ScheduledEvent event) {
            return "EventBridge " + event.getDetailType();
        }

        @Override
        public String eventSource() {
            return "aws:events";
        }

        @Override
        public String id(ScheduledEvent event) {
            return event.getId();
        }
    };

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
