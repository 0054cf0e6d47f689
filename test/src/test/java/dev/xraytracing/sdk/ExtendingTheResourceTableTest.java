package dev.xraytracing.sdk;

import dev.xraytracing.fakes.FakeAws;
import static dev.xraytracing.testing.TracingAssertions.assertThat;

import dev.xraytracing.testing.TracingExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Users extend the resource table without code (a META-INF/xray-tracing/aws-resources.properties file, see
 * {@link ServiceResourceFieldsTest}) or at start-up through {@link AwsResourceFields}.
 */
class ExtendingTheResourceTableTest {

    @RegisterExtension
    static final TracingExtension tracing = TracingExtension.inSegment();

    private final FakeAws aws = FakeAws.start();

    @AfterEach
    void stop() {
        aws.close();
    }

    @Test
    void registeredFieldsAndNamesApplyToLaterCalls() {
        AwsResourceFields.request("Lambda", "*", "LogType", "log_type");
        AwsResourceFields.response("Lambda", "Invoke", "ExecutedVersion", "version");
        AwsResourceFields.subsegmentName("Lambda", "AWS Lambda");
        aws.json(200, "{}", "X-Amz-Executed-Version", "7");

        aws.lambda().invoke(r -> r.functionName("second-function").logType("Tail"));

        assertThat(tracing.trace()).subsegment("AWS Lambda").hasAwsField("version", "7")
                .hasAwsField("log_type", "Tail").hasAwsField("function_name", "second-function");
    }
}
