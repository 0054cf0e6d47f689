package dev.xraytracing.lambda;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import dev.xraytracing.lambda.RecordLoop.RecordKind;
import java.util.List;

/** How each event type's records are named, annotated and identified, as Lambda delivers them. */
final class EventKinds {
    /** The system attribute that carries an SQS message's producer trace header. */
    static final String AWS_TRACE_HEADER = "AWSTraceHeader";

    static final RecordKind<SQSEvent.SQSMessage> SQS = new RecordKind<>("aws:sqs",
            message -> "SQS " + lastArnPart(message.getEventSourceArn()),
            SQSEvent.SQSMessage::getMessageId,
            message -> attribute(message, AWS_TRACE_HEADER),
            message -> attribute(message, "SentTimestamp"));

    static final RecordKind<SNSEvent.SNSRecord> SNS = new RecordKind<>("aws:sns",
            record -> "SNS " + lastArnPart(record.getSNS().getTopicArn()),
            record -> record.getSNS().getMessageId());

    /** Stream records are named by sequence number: what a streams batch response names a failed record by. */
    static final RecordKind<KinesisEvent.KinesisEventRecord> KINESIS = new RecordKind<>("aws:kinesis",
            record -> "Kinesis " + afterSlash(record.getEventSourceARN()),
            record -> record.getKinesis().getSequenceNumber());

    static final RecordKind<DynamodbEvent.DynamodbStreamRecord> DYNAMODB = new RecordKind<>("aws:dynamodb",
            record -> "DynamoDB " + afterSlash(record.getEventSourceARN()),
            record -> record.getDynamodb().getSequenceNumber());

    /** S3 notifications carry no message id: the object key stands for one. */
    static final RecordKind<S3EventNotificationRecord> S3 = new RecordKind<>("aws:s3",
            record -> "S3 " + record.getS3().getBucket().getName(),
            record -> record.getS3().getObject().getKey());

    static final RecordKind<ScheduledEvent> EVENTBRIDGE = new RecordKind<>("aws:events",
            event -> "EventBridge " + event.getDetailType(),
            ScheduledEvent::getId);

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
