package dev.xraytracing.local.internal.services.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.xraytracing.local.internal.lambda.InvokeResponse;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * What an invocation's answer means for its batch, by Lambda's rules for SQS: a function error (or an invocation that
 * did not happen) deletes nothing; success deletes the whole batch; with {@code ReportBatchItemFailures}, success
 * deletes all but the {@code batchItemFailures}. A batch response with no failures (an empty or null list, an empty or
 * null answer) is a complete success; one that is not JSON, or names an {@code itemIdentifier} that is empty, null,
 * under another key or not a message of the batch, is a complete failure ({@code problem} says why).
 *
 * @param delete  the messages to delete, in batch order
 * @param failed  how many messages stay on the queue, to be received again after the visibility timeout
 * @param problem why a batch response made the whole batch fail, if it did
 */
record BatchOutcome(List<Message> delete, int failed, Optional<String> problem) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static BatchOutcome of(InvokeResponse response, List<Message> batch, boolean reportBatchItemFailures) {
        if (response.status() / 100 != 2 || response.functionError() != null) {
            return failure(batch, null);
        }
        if (!reportBatchItemFailures) {
            return new BatchOutcome(batch, 0, Optional.empty());
        }
        JsonNode answer;
        try {
            answer = response.body().length == 0 ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            return failure(batch, "the function's answer is not JSON");
        }
        JsonNode failures = answer == null ? JSON.nullNode() : answer.path("batchItemFailures");
        if (failures.isMissingNode() || failures.isNull()) {
            return new BatchOutcome(batch, 0, Optional.empty());
        }
        if (!failures.isArray()) {
            return failure(batch, "batchItemFailures is not a list");
        }
        Set<String> ids = new HashSet<>();
        batch.forEach(m -> ids.add(m.messageId()));
        Set<String> failed = new HashSet<>();
        for (JsonNode item : failures) {
            JsonNode id = item.path("itemIdentifier");
            if (!id.isTextual() || id.asText().isEmpty()) {
                return failure(batch, "a batchItemFailures entry has no itemIdentifier: " + item);
            }
            if (!ids.contains(id.asText())) {
                return failure(batch, "itemIdentifier " + id.asText() + " is no message of the batch");
            }
            failed.add(id.asText());
        }
        List<Message> delete = batch.stream().filter(m -> !failed.contains(m.messageId())).toList();
        return new BatchOutcome(delete, batch.size() - delete.size(), Optional.empty());
    }

    private static BatchOutcome failure(List<Message> batch, String problem) {
        return new BatchOutcome(List.of(), batch.size(), Optional.ofNullable(problem));
    }
}
