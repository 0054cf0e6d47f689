package dev.xraytracing.local.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xraytracing.local.app.LocalRunException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An SQS event's {@code FilterCriteria} are kept as their patterns' JSON text, checked as Lambda checks them when the
 * mapping is created: a pattern is a JSON string that is an event pattern, and there are at most 10 filters (AWS's
 * default quota of 5 is one warning).
 */
class SqsFilterCriteriaAreReadAsLambdaChecksThemTest {
    static final String QUEUE = "arn:aws:sqs:us-east-1:123456789012:jobs";

    @Test
    void the_patterns_are_kept_in_order() {
        SamTemplate template = parse("""
                [{Pattern: '{"body": {"kind": ["order"]}}'}, {Pattern: '{"body": [{"prefix": "urgent:"}]}'}]""");

        FunctionEvent.Sqs event = (FunctionEvent.Sqs) template.function("Fn").orElseThrow().events().get(0);
        assertThat(event.filterPatterns()).containsExactly("{\"body\": {\"kind\": [\"order\"]}}",
                "{\"body\": [{\"prefix\": \"urgent:\"}]}");
        assertThat(template.warnings()).noneMatch(line -> line.contains("FilterCriteria"));
    }

    @Test
    void a_pattern_written_as_a_mapping_is_refused_as_cloudformation_refuses_it() {
        assertThatThrownBy(() -> parse("[{Pattern: {body: {kind: [order]}}}]"))
                .isInstanceOf(LocalRunException.class)
                .hasMessage("template.yaml: resource Fn (AWS::Serverless::Function): event Jobs (SQS): "
                        + "FilterCriteria.Filters[0].Pattern must be the pattern as a JSON string, as CloudFormation "
                        + "requires");
    }

    @Test
    void a_pattern_that_is_no_event_pattern_is_one_line_naming_the_filter() {
        assertThatThrownBy(() -> parse("[{Pattern: '{\"body\": {\"kind\": [\"a\"]}}'}, {Pattern: '{\"body\": 1}'}]"))
                .isInstanceOf(LocalRunException.class)
                .hasMessageStartingWith("template.yaml: resource Fn (AWS::Serverless::Function): event Jobs (SQS): "
                        + "FilterCriteria.Filters[1].Pattern is not an event pattern Lambda accepts: ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void more_than_five_filters_warn_and_more_than_ten_are_refused() {
        String filter = "{Pattern: '{\"body\": [\"x\"]}'}";
        SamTemplate six = parse("[" + String.join(", ", Collections.nCopies(6, filter)) + "]");
        assertThat(six.warnings()).contains("function Fn: event Jobs: FilterCriteria has 6 filters; AWS refuses more"
                + " than 5 unless the account's quota was raised");

        assertThatThrownBy(() -> parse("[" + String.join(", ", Collections.nCopies(11, filter)) + "]"))
                .isInstanceOf(LocalRunException.class)
                .hasMessage("template.yaml: resource Fn (AWS::Serverless::Function): event Jobs (SQS): FilterCriteria "
                        + "has 11 filters; Lambda takes at most 10 (5 without a quota increase)");
    }

    @Test
    void no_filter_criteria_is_no_pattern() {
        SamTemplate template = SamTemplate.parse(template("null").replace("FilterCriteria: {Filters: null}", ""),
                Path.of("template.yaml"), "us-east-1");

        assertThat(((FunctionEvent.Sqs) template.function("Fn").orElseThrow().events().get(0)).filterPatterns())
                .isEqualTo(List.of());
    }

    static SamTemplate parse(String filters) {
        return SamTemplate.parse(template(filters), Path.of("template.yaml"), "us-east-1");
    }

    static String template(String filters) {
        return "Resources:\n  Fn: {Type: 'AWS::Serverless::Function', Properties: {Handler: a.B, Runtime: java21, "
                + "Events: {Jobs: {Type: SQS, Properties: {Queue: '" + QUEUE + "', FilterCriteria: {Filters: "
                + filters + "}}}}}}\n";
    }
}
