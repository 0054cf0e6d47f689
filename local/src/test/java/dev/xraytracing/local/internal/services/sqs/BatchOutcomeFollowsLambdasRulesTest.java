package dev.xraytracing.local.internal.services.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xraytracing.local.internal.lambda.InvokeResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * What an invocation's answer deletes, by the rules of Lambda's "Implementing partial batch responses" for SQS: a
 * response with no failures is a complete success, a malformed one a complete failure, and a function error deletes
 * nothing.
 */
class BatchOutcomeFollowsLambdasRulesTest {
    static final List<Message> BATCH = List.of(message("m1"), message("m2"), message("m3"));

    @Test
    void without_report_batch_item_failures_a_success_deletes_the_whole_batch_whatever_it_answers() {
        BatchOutcome outcome = BatchOutcome.of(answer("{\"batchItemFailures\":[{\"itemIdentifier\":\"m1\"}]}"), BATCH,
                false);

        assertThat(outcome.delete()).isEqualTo(BATCH);
        assertThat(outcome.failed()).isZero();
    }

    @Test
    void a_function_error_deletes_nothing() {
        InvokeResponse error = new InvokeResponse(200, "{\"errorMessage\":\"boom\"}".getBytes(), "Unhandled", null,
                "r");

        assertThat(BatchOutcome.of(error, BATCH, true).delete()).isEmpty();
        assertThat(BatchOutcome.of(error, BATCH, false).failed()).isEqualTo(3);
    }

    @Test
    void an_invocation_the_lambda_service_refused_deletes_nothing() {
        InvokeResponse throttled = InvokeResponse.serviceError(429, "TooManyRequestsException", "Rate Exceeded.", "r");

        assertThat(BatchOutcome.of(throttled, BATCH, true).delete()).isEmpty();
    }

    @Test
    void the_reported_failures_stay_and_the_rest_is_deleted() {
        BatchOutcome outcome = BatchOutcome.of(answer(
                "{\"batchItemFailures\":[{\"itemIdentifier\":\"m2\"},{\"itemIdentifier\":\"m3\"}]}"), BATCH, true);

        assertThat(outcome.delete()).extracting(Message::messageId).containsExactly("m1");
        assertThat(outcome.failed()).isEqualTo(2);
        assertThat(outcome.problem()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"batchItemFailures\":[]}", "{\"batchItemFailures\":null}", "{}", "null", "",
            "\"done\""})
    void an_answer_reporting_no_failure_is_a_complete_success(String answer) {
        BatchOutcome outcome = BatchOutcome.of(answer(answer), BATCH, true);

        assertThat(outcome.delete()).isEqualTo(BATCH);
        assertThat(outcome.problem()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{not json", "{\"batchItemFailures\":[{\"itemIdentifier\":\"\"}]}",
            "{\"batchItemFailures\":[{\"itemIdentifier\":null}]}", "{\"batchItemFailures\":[{\"messageId\":\"m1\"}]}",
            "{\"batchItemFailures\":[{\"itemIdentifier\":\"m9\"}]}", "{\"batchItemFailures\":\"m1\"}"})
    void a_malformed_batch_response_is_a_complete_failure_that_says_why(String answer) {
        BatchOutcome outcome = BatchOutcome.of(answer(answer), BATCH, true);

        assertThat(outcome.delete()).isEmpty();
        assertThat(outcome.failed()).isEqualTo(3);
        assertThat(outcome.problem()).isPresent();
    }

    private static InvokeResponse answer(String body) {
        return new InvokeResponse(200, body.getBytes(), null, null, "r");
    }

    private static Message message(String id) {
        return Message.builder().messageId(id).receiptHandle("rh-" + id).body("b").build();
    }
}
