package dev.xraytracing.testing;

import static dev.xraytracing.testing.TracingAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xraytracing.trace.RecordedTrace;
import dev.xraytracing.trace.TraceDocuments;
import dev.xraytracing.trace.Waterfall;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each failure of {@code hasSdkAttempts} says, in order, what was expected and what the call shows. */
class SdkAttemptsFailureMessagesTest {
    private static final String TRACE = "1-5759e988-bd862e3fe1be46a994272793";

    /** A function segment with one Lambda call of {@code retries} retries and {@code children} Attempt children. */
    private static RecordedTrace lambdaCall(String aws, int children) {
        List<String> attempts = new ArrayList<>();
        for (int i = 1; i <= children; i++) {
            attempts.add(String.format("{\"name\":\"Attempt %d\",\"id\":\"%016x\",\"start_time\":1000.0%d,"
                    + "\"end_time\":1000.0%d}", i, 0xd0 + i, i, i + 1));
        }
        String function = String.format("{\"name\":\"orders\",\"id\":\"aaaaaaaaaaaaaaaa\",\"trace_id\":\"%s\","
                + "\"start_time\":1000.000,\"end_time\":1000.100,\"subsegments\":[{\"name\":\"Lambda\","
                + "\"id\":\"cccccccccccccccc\",\"namespace\":\"aws\",\"start_time\":1000.010,\"end_time\":1000.090,"
                + "\"aws\":%s,\"subsegments\":[%s]}]}", TRACE, aws, String.join(",", attempts));
        return TraceDocuments.assemble(List.of(function)).get(0);
    }

    private static String withTrace(String line, RecordedTrace trace) {
        return line + System.lineSeparator() + "Recorded trace:" + System.lineSeparator() + Waterfall.render(trace);
    }

    @Test
    void aCallWithOtherAttemptsSaysHowManyWereExpectedAndHowManyItShows() {
        RecordedTrace trace = lambdaCall("{\"operation\":\"Invoke\",\"retries\":3}", 4);

        assertThatThrownBy(() -> assertThat(trace).subsegment("Lambda").hasSdkAttempts(3))
                .isInstanceOf(AssertionError.class).hasMessage(withTrace(
                        "Expected <Lambda> to show 3 SDK attempts but it shows 4 SDK attempts (aws.retries 3)",
                        trace));
    }

    @Test
    void aSubsegmentWithoutRetriesIsNotAnSdkCall() {
        RecordedTrace trace = lambdaCall("{\"operation\":\"Invoke\"}", 0);

        assertThatThrownBy(() -> assertThat(trace).subsegment("Lambda").hasSdkAttempts(1))
                .isInstanceOf(AssertionError.class).hasMessage(withTrace(
                        "Expected <Lambda> to be an AWS SDK call's subsegment with 1 SDK attempt, but it has no "
                                + "aws.retries; its aws fields are {operation=Invoke}", trace));
    }

    @Test
    void missingAttemptChildrenAreCounted() {
        RecordedTrace trace = lambdaCall("{\"operation\":\"Invoke\",\"retries\":2}", 2);

        assertThatThrownBy(() -> assertThat(trace).subsegment("Lambda").hasSdkAttempts(3))
                .isInstanceOf(AssertionError.class).hasMessage(withTrace(
                        "Expected <Lambda> to have the children Attempt 1 ... Attempt 3 for its 3 SDK attempts, "
                                + "but it has 2 of them", trace));
    }

    @Test
    void aSingleAttemptHasNoAttemptChildren() {
        RecordedTrace trace = lambdaCall("{\"operation\":\"Invoke\",\"retries\":0}", 1);

        assertThatThrownBy(() -> assertThat(trace).subsegment("Lambda").hasSdkAttempts(1))
                .isInstanceOf(AssertionError.class).hasMessage(withTrace(
                        "Expected <Lambda> to have no Attempt children for its 1 SDK attempt, but it has 1", trace));
    }

    @Test
    void anAwsFieldFailureNamesTheEntityTheFieldAndBothValues() {
        RecordedTrace trace = lambdaCall("{\"operation\":\"Invoke\",\"retries\":2}", 3);

        assertThatThrownBy(() -> assertThat(trace).subsegment("Lambda").hasAwsField("retries", 0))
                .isInstanceOf(AssertionError.class).hasMessage(withTrace(
                        "Expected <Lambda> to have aws.retries <0> but the aws fields are {operation=Invoke, retries=2}",
                        trace));
    }

    @Test
    void matchingAttemptsPass() {
        assertThat(lambdaCall("{\"operation\":\"Invoke\",\"retries\":3}", 4)).subsegment("Lambda").hasSdkAttempts(4);
        assertThat(lambdaCall("{\"operation\":\"Invoke\",\"retries\":0}", 0)).subsegment("Lambda").hasSdkAttempts(1);
    }
}
