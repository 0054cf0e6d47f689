package dev.xraytracing.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A template's function that calls DynamoDB, which this run starts no engine for, under the runtime interface client:
 * each call fails on its first attempt with {@code NoLocalEngine}, the function's own handling answers 502, each trace
 * shows the failed call as a fault of DynamoDB, and the run names dynamodb in one problem line (and the verdict that
 * quotes it), never a real AWS host or a stack trace.
 */
class ServicesWithoutAnEngineTest {
    static final String TEMPLATE = """
            AWSTemplateFormatVersion: "2010-09-09"
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Orders:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: dev.xraytracing.local.handlers.OrderTableHandler
                  Runtime: java21
                  Timeout: 30
                  Tracing: Active
                  Environment:
                    Variables:
                      TABLE_NAME: orders
                  Events:
                    Save:
                      Type: Api
                      Properties:
                        Path: /orders
                        Method: get
            """;

    @TempDir
    Path dir;

    @Test
    void a_call_to_dynamodb_fails_at_once_and_the_run_names_the_service_in_one_line() throws Exception {
        assumeTrue(OS.LINUX.isCurrentOs(), "the runtime client's native library is Linux's");
        Path template = Files.writeString(dir.resolve("template.yaml"), TEMPLATE);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        int exit = LocalRun.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), "--template",
                template.toString(), "--runtime", "ric", "--requests", "3", "--html", dir.resolve("r.html").toString());

        String output = bytes.toString(StandardCharsets.UTF_8);
        String problem = "dynamodb has no engine in this run, so its calls fail at once with NoLocalEngine"
                + " (first: DynamoDB_20120810.PutItem); to call a server of your own,"
                + " --env FUNCTION:AWS_ENDPOINT_URL_DYNAMODB=URL";
        assertThat(exit).as(output).isEqualTo(1);
        assertThat(output)
                .contains("Orders started under the AWS runtime interface client")
                .contains("request 1: GET /orders -> 502 not saved: NoLocalEngine after 1 attempt(s)")
                .contains("request 3: GET /orders -> 502 not saved: NoLocalEngine after 1 attempt(s)")
                .contains("xray-tracing-local: FAILED: 3 of 3 requests answered 5xx (502) and no --fault asked for it; "
                        + problem)
                .doesNotContain("amazonaws.com").doesNotContain("UnknownHostException").doesNotContain("\tat ");
        assertThat(output.lines().filter(line -> line.contains("dynamodb") && !line.startsWith(" ")))
                .as("the run's own lines naming dynamodb: the problem, and the verdict quoting it")
                .containsExactly("problem: " + problem, "xray-tracing-local: FAILED: 3 of 3 requests answered 5xx"
                        + " (502) and no --fault asked for it; " + problem);
        assertThat(output.lines().filter(line -> line.contains("DynamoDbException")))
                .as("each trace's DynamoDB subsegment records the one failed attempt as its cause")
                .hasSize(3).allMatch(line -> line.endsWith("(SDK Attempt Count: 1)"));
        assertThat(output).contains("Orders (Lambda function) → orders (AWS::DynamoDB::Table)  3 calls")
                .contains("0 errors  3 faults");
    }
}
