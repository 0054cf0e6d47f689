package dev.xraytracing.local.internal.services.sqs;

import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesResponse;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** What a queue holds: messages visible, in flight (received, not yet deleted) and delayed (not yet visible). */
record QueueDepth(int visible, int inFlight, int delayed) {

    static QueueDepth of(SqsClient sqs, String queueUrl) {
        GetQueueAttributesResponse answer = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED));
        return new QueueDepth(count(answer, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES),
                count(answer, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE),
                count(answer, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED));
    }

    private static int count(GetQueueAttributesResponse answer, QueueAttributeName name) {
        String value = answer.attributes().get(name);
        return value == null ? 0 : Integer.parseInt(value);
    }

    int total() {
        return visible + inFlight + delayed;
    }

    /** For the run's summary: {@code 3 messages (1 in flight)}, {@code empty}. */
    String describe() {
        if (total() == 0) {
            return "empty";
        }
        StringBuilder text = new StringBuilder().append(total()).append(total() == 1 ? " message" : " messages");
        if (inFlight > 0 || delayed > 0) {
            text.append(" (");
            if (inFlight > 0) {
                text.append(inFlight).append(" in flight");
            }
            if (delayed > 0) {
                text.append(inFlight > 0 ? ", " : "").append(delayed).append(" delayed");
            }
            text.append(')');
        }
        return text.toString();
    }
}
