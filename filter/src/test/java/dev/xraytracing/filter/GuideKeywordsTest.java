package dev.xraytracing.filter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xraytracing.trace.RecordedTrace;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The keywords of AWS's "Use filter expressions" guide beyond the original language (issue 22): each group of rows is
 * one behaviour, named in its first column; the traces are {@link SampleTraces}.
 */
class GuideKeywordsTest {
    private static final List<RecordedTrace> TRACES = SampleTraces.all();

    @ParameterizedTest(name = "{0}: {1}  ->  {2}")
    @CsvSource(delimiter = '|', textBlock = """
            root is the service at the trace's entry point      | service("api/prod") { root = true and fault = true }        | SLOW
            root is the service at the trace's entry point      | service("api/prod") { root }                                | FAST SLOW THROTTLED
            root is the service at the trace's entry point      | service("MySecondLambda") { root }                          |
            root is the service at the trace's entry point      | root                                                        | FAST SLOW THROTTLED
            inferred means a node no traced service answered    | inferred                                                    | FAST THROTTLED
            inferred means a node no traced service answered    | !inferred                                                   | SLOW
            inferred means a node no traced service answered    | service(id(name: "orders")) { inferred }                    | FAST
            inferred means a node no traced service answered    | service("MySecondLambda") { inferred }                      |
            inferred means a node no traced service answered    | edge("MySecondLambda", "orders") { inferred }               | FAST
            resource.arn reads the segments' resource ARN       | resource.arn ENDSWITH ":function:MySecondLambda"            | FAST SLOW
            resource.arn reads the segments' resource ARN       | service("MyFirstLambda") { resource.arn CONTAINS "MyFirst" } | FAST SLOW
            account.id in id() matches a node's account         | service(id(account.id: "123456789012"))                     | FAST SLOW
            account.id in id() matches a node's account         | service(id(account.id: "999999999999"))                     |
            account.id in id() matches a node's account         | service(id(name: "MySecondLambda", account.id: "123456789012")) { fault } | SLOW
            account.id in id() matches a node's account         | service(id(name: "SNS", account.id: "123456789012"))        | FAST
            a string keyword on its own means it is set         | http.url AND responseTime > 2                               | SLOW
            a string keyword on its own means it is set         | http.url                                                    | FAST SLOW THROTTLED
            a string keyword on its own means it is set         | !user                                                       | THROTTLED
            a string keyword on its own means it is set         | resource.arn                                                | FAST SLOW
            a string keyword on its own means it is set         | service("MySecondLambda") { !http.url }                     | FAST SLOW
            a boolean annotation on its own is its value        | annotation.premium                                          | FAST
            a boolean annotation on its own is its value        | !annotation.premium                                         | SLOW THROTTLED
            a boolean annotation on its own is its value        | annotation.customer                                         | FAST SLOW
            availabilityzone and instance.id read aws.ec2       | availabilityzone = "us-east-1a"                             | SLOW
            availabilityzone and instance.id read aws.ec2       | instance.id BEGINSWITH "i-0"                                | SLOW
            availabilityzone and instance.id read aws.ec2       | !instance.id                                                | FAST THROTTLED
            the SNS node is named SNS and typed AWS::SNS        | service(id(name: "SNS", type: "AWS::SNS"))                  | FAST
            the SNS node is named SNS and typed AWS::SNS        | edge("MySecondLambda", "SNS")                               | FAST
            the SNS node is named SNS and typed AWS::SNS        | service("order-events")                                     |
            """)
    void a_keyword_of_the_guide_selects_what_the_guide_says(String behaviour, String expression, String expected) {
        assertThat(select(expression)).as(behaviour + ": " + expression).containsExactlyInAnyOrderElementsOf(
                ids(expected));
    }

    static List<String> select(String expression) {
        return FilterExpression.parse(expression).select(TRACES).stream().map(RecordedTrace::traceId).toList();
    }

    static List<String> ids(String names) {
        if (names == null) {
            return List.of();
        }
        return List.of(names.trim().split("\\s+")).stream().map(name -> switch (name) {
            case "FAST" -> SampleTraces.FAST;
            case "SLOW" -> SampleTraces.SLOW;
            case "THROTTLED" -> SampleTraces.THROTTLED;
            default -> throw new IllegalArgumentException(name);
        }).toList();
    }
}
