package dev.xraytracing.local.internal.services.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * The Lambda Developer Guide's table for SQS filtering ("Properly filtering Amazon SQS messages"): the message body's
 * format against the filter's body format decides whether the filter is matched at all; several filters are ORed.
 */
class SqsFilterFollowsLambdasTableTest {
    static final String ARN = "arn:aws:sqs:eu-west-1:123456789012:Orders";

    @ParameterizedTest(name = "body {0} against pattern {1}: kept={2}")
    @CsvSource(delimiter = '|', textBlock = """
            hello                  | {"body": ["hello"]}                | true
            hello                  | {"body": ["bye"]}                  | false
            urgent: ship it        | {"body": [{"prefix": "urgent:"}]}  | true
            hello                  | {"body": {"kind": ["order"]}}      | false
            {"kind":"order"}       | {"body": ["{\\"kind\\":\\"order\\"}"]} | false
            {"kind":"order"}       | {"body": {"kind": ["order"]}}      | true
            {"kind":"refund"}      | {"body": {"kind": ["order"]}}      | false
            {"kind":"order","n":7} | {"body": {"n": [{"numeric": [">", 5]}]}} | true
            123                    | {"body": ["123"]}                  | false
            {"kind":"order"} tail  | {"body": {"kind": ["order"]}}      | false
            {"kind":"order"} tail  | {"body": [{"prefix": "{"}]}        | true
            """)
    void the_body_formats_decide_before_the_pattern_matches(String body, String pattern, boolean kept) {
        assertThat(SqsFilter.of(List.of(pattern)).keeps(message(body), ARN, "eu-west-1")).isEqualTo(kept);
    }

    @Test
    void a_filter_without_body_matches_the_records_other_fields_whatever_the_body() {
        SqsFilter filter = SqsFilter.of(List.of("{\"eventSourceARN\": [\"" + ARN + "\"]}"));

        assertThat(filter.keeps(message("plain"), ARN, "eu-west-1")).isTrue();
        assertThat(filter.keeps(message("{\"a\":1}"), ARN, "eu-west-1")).isTrue();
        assertThat(filter.keeps(message("plain"), ARN.replace("Orders", "Other"), "eu-west-1")).isFalse();
    }

    @Test
    void message_attributes_are_matched_in_lambdas_record_shape() {
        SqsFilter filter = SqsFilter.of(List.of("{\"messageAttributes\": {\"tenant\": {\"stringValue\": [\"acme\"]}}}"));
        Message acme = message("x").toBuilder().messageAttributes(Map.of("tenant",
                MessageAttributeValue.builder().dataType("String").stringValue("acme").build())).build();

        assertThat(filter.keeps(acme, ARN, "eu-west-1")).isTrue();
        assertThat(filter.keeps(message("x"), ARN, "eu-west-1")).isFalse();
    }

    @Test
    void a_message_is_kept_when_any_filter_matches() {
        SqsFilter filter = SqsFilter.of(List.of("{\"body\": {\"kind\": [\"order\"]}}",
                "{\"body\": [{\"prefix\": \"urgent:\"}]}"));

        assertThat(filter.keeps(message("{\"kind\":\"order\"}"), ARN, "eu-west-1")).isTrue();
        assertThat(filter.keeps(message("urgent: now"), ARN, "eu-west-1")).isTrue();
        assertThat(filter.keeps(message("{\"kind\":\"refund\"}"), ARN, "eu-west-1")).isFalse();
        assertThat(filter.keeps(message("later"), ARN, "eu-west-1")).isFalse();
    }

    @Test
    void no_filter_keeps_everything_and_a_bad_pattern_is_refused() {
        assertThat(SqsFilter.of(List.of()).keeps(message("anything"), ARN, "eu-west-1")).isTrue();
        assertThatThrownBy(() -> SqsFilter.of(List.of("{\"body\": \"x\"}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an event pattern");
    }

    static Message message(String body) {
        return Message.builder().messageId("m-1").receiptHandle("r-1").body(body).md5OfBody("0").build();
    }
}
