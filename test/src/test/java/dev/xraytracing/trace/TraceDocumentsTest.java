package dev.xraytracing.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.xraytracing.testing.SegmentDocumentSchema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Documents as a daemon receives them read back into one tree per trace, every field typed. */
class TraceDocumentsTest {
    static final String TRACE = "1-5759e988-bd862e3fe1be46a994272793";
    static final String OTHER_TRACE = "1-5759e988-00000000e1be46a994272793";

    static final String FUNCTION = """
            {"name":"orders","id":"aaaaaaaaaaaaaaaa","trace_id":"%s","start_time":1000.000,"end_time":1000.100,
             "origin":"AWS::Lambda::Function","fault":true,"user":"ada",
             "http":{"request":{"method":"GET","url":"https://api.example.com/orders","user_agent":"curl",
                                "client_ip":"192.0.2.1","traced":true},
                     "response":{"status":500,"content_length":12}},
             "annotations":{"Service":"orders","Count":2,"Big":12345678901,"Ok":false,"Ratio":0.5},
             "metadata":{"default":{"order":{"id":"A-1","items":[1,2],"note":null}}},
             "aws":{"request_id":"r-1"},
             "cause":"0123456789abcdef",
             "subsegments":[{"name":"Validate","id":"bbbbbbbbbbbbbbbb","start_time":1000.001,"end_time":1000.002}]}
            """.formatted(TRACE);
    static final String CALL = """
            {"type":"subsegment","name":"DynamoDB","id":"cccccccccccccccc","parent_id":"aaaaaaaaaaaaaaaa",
             "trace_id":"%s","namespace":"aws","start_time":1000.010,"end_time":1000.090,"error":true,"throttle":true,
             "http":{"response":{"status":429}},
             "aws":{"operation":"GetItem","region":"eu-west-1","retries":2,"table_name":"orders",
                    "account_id":"123456789012"},
             "cause":{"working_directory":"/var/task","paths":["/var/task/Orders.java"],
                      "exceptions":[{"id":"0123456789abcdef","type":"ProvisionedThroughputExceededException",
                                     "message":"slow down","remote":true,"truncated":3,"skipped":1,
                                     "cause":"fedcba9876543210",
                                     "stack":[{"path":"Orders.java","line":42,"label":"Orders.load"}]}]}}
            """.formatted(TRACE);
    /** The same call sent again in progress, after the complete document: the complete one must win. */
    static final String CALL_IN_PROGRESS = """
            {"type":"subsegment","name":"DynamoDB","id":"cccccccccccccccc","parent_id":"aaaaaaaaaaaaaaaa",
             "trace_id":"%s","namespace":"aws","start_time":1000.010,"in_progress":true}
            """.formatted(TRACE);
    static final String OTHER = """
            {"name":"other","id":"dddddddddddddddd","trace_id":"%s","start_time":2000,"in_progress":true}
            """.formatted(OTHER_TRACE);

    final List<String> documents = List.of(FUNCTION, CALL, CALL_IN_PROGRESS, OTHER);
    final List<RecordedTrace> traces = TraceDocuments.assemble(documents);
    final RecordedTrace trace = traces.get(0);

    @Test
    void the_sample_documents_are_schema_valid() {
        SegmentDocumentSchema.assertValid(documents);
    }

    @Test
    void documents_are_grouped_by_trace_in_the_order_each_trace_first_appeared() {
        assertThat(traces).extracting(RecordedTrace::traceId).containsExactly(TRACE, OTHER_TRACE);
        assertThat(trace.roots()).extracting(RecordedEntity::name).containsExactly("orders");
        assertThat(trace.entities()).extracting(RecordedEntity::name).containsExactly("orders", "Validate", "DynamoDB");
    }

    @Test
    void a_subsegment_sent_on_its_own_is_put_back_under_its_parent_and_knows_its_trace() {
        RecordedEntity call = trace.get("DynamoDB");

        assertThat(call.isSegment()).isFalse();
        assertThat(call.parentId()).isEqualTo("aaaaaaaaaaaaaaaa");
        assertThat(call.parent()).map(RecordedEntity::name).contains("orders");
        assertThat(call.owningSegment().name()).isEqualTo("orders");
        assertThat(call.trace()).isSameAs(trace);
        assertThat(call.traceId()).isEqualTo(TRACE);
    }

    @Test
    void an_entity_sent_in_progress_after_its_complete_document_keeps_the_complete_one() {
        RecordedEntity call = trace.get("DynamoDB");

        assertThat(call.isInProgress()).isFalse();
        assertThat(call.hasEndTime()).isTrue();
        assertThat(call.durationMillis()).isCloseTo(80, within(1e-6));
    }

    @Test
    void an_entity_in_progress_ends_where_it_starts() {
        RecordedEntity other = traces.get(1).roots().get(0);

        assertThat(other.isInProgress()).isTrue();
        assertThat(other.hasEndTime()).isFalse();
        assertThat(other.endTime()).isEqualTo(other.startTime());
    }

    @Test
    void identity_times_origin_namespace_and_flags_are_typed() {
        RecordedEntity function = trace.get("orders");
        RecordedEntity call = trace.get("DynamoDB");

        assertThat(function.id()).isEqualTo("aaaaaaaaaaaaaaaa");
        assertThat(function.isSegment()).isTrue();
        assertThat(function.parentId()).isNull();
        assertThat(function.startTime()).isEqualTo(1000.0);
        assertThat(function.endTime()).isEqualTo(1000.1);
        assertThat(function.origin()).isEqualTo("AWS::Lambda::Function");
        assertThat(function.namespace()).isNull();
        assertThat(function.user()).isEqualTo("ada");
        assertThat(call.user()).isNull();
        assertThat(function.isFault()).isTrue();
        assertThat(function.isError()).isFalse();
        assertThat(call.namespace()).isEqualTo("aws");
        assertThat(call.isError()).isTrue();
        assertThat(call.isThrottle()).isTrue();
        assertThat(call.isFault()).isFalse();
    }

    @Test
    void annotations_keep_their_json_types() {
        assertThat(trace.get("orders").annotations()).containsExactly(Map.entry("Service", "orders"),
                Map.entry("Count", 2), Map.entry("Big", 12345678901L), Map.entry("Ok", false),
                Map.entry("Ratio", 0.5));
    }

    @Test
    @SuppressWarnings("unchecked")
    void metadata_is_plain_java_values() {
        Map<String, Object> order = (Map<String, Object>) trace.get("orders").metadata().get("default").get("order");

        assertThat(order).containsEntry("id", "A-1").containsEntry("items", List.of(1, 2)).containsKey("note");
        assertThat(order.get("note")).isNull();
    }

    @Test
    void aws_fields_are_typed_and_all_of_them_readable() {
        Aws aws = trace.get("DynamoDB").aws();

        assertThat(aws.operation()).isEqualTo("GetItem");
        assertThat(aws.region()).isEqualTo("eu-west-1");
        assertThat(aws.retries()).isEqualTo(2);
        assertThat(aws.accountId()).isEqualTo("123456789012");
        assertThat(aws.text("table_name")).isEqualTo("orders");
        assertThat(aws.field("queue_url")).isEmpty();
        assertThat(trace.get("orders").aws().requestId()).isEqualTo("r-1");
        assertThat(trace.get("Validate").aws().isEmpty()).isTrue();
    }

    @Test
    void http_request_and_response_are_typed() {
        RecordedEntity function = trace.get("orders");

        assertThat(function.httpRequest()).contains(
                new HttpRequest("GET", "https://api.example.com/orders", "curl", "192.0.2.1", true));
        assertThat(function.httpResponse()).contains(new HttpResponse(500, 12L));
        assertThat(function.httpStatus()).contains(500);
        assertThat(trace.get("DynamoDB").httpResponse()).contains(new HttpResponse(429, null));
        assertThat(trace.get("DynamoDB").httpRequest()).isEmpty();
        assertThat(trace.get("Validate").httpStatus()).isEmpty();
    }

    @Test
    void a_cause_carries_its_exceptions_with_their_stack_frames() {
        Cause cause = trace.get("DynamoDB").cause().orElseThrow();
        RecordedException exception = cause.exceptions().get(0);

        assertThat(cause.workingDirectory()).isEqualTo("/var/task");
        assertThat(cause.paths()).containsExactly("/var/task/Orders.java");
        assertThat(cause.exceptionId()).isNull();
        assertThat(exception.id()).isEqualTo("0123456789abcdef");
        assertThat(exception.type()).isEqualTo("ProvisionedThroughputExceededException");
        assertThat(exception.message()).isEqualTo("slow down");
        assertThat(exception.isRemote()).isTrue();
        assertThat(exception.truncated()).isEqualTo(3);
        assertThat(exception.skipped()).isEqualTo(1);
        assertThat(exception.cause()).isEqualTo("fedcba9876543210");
        assertThat(exception.stack()).containsExactly(new StackFrame("Orders.java", 42, "Orders.load"));
    }

    @Test
    void a_cause_that_points_at_an_exception_below_resolves_to_it() {
        RecordedEntity function = trace.get("orders");

        assertThat(function.cause()).map(Cause::exceptionId).contains("0123456789abcdef");
        assertThat(function.cause().orElseThrow().exceptions()).isEmpty();
        assertThat(function.exceptions()).extracting(RecordedException::message).containsExactly("slow down");
        assertThat(trace.get("Validate").hasCause()).isFalse();
        assertThat(trace.get("Validate").exceptions()).isEmpty();
    }

    @Test
    void an_entitys_document_is_its_own_json_without_nested_subsegments() {
        assertThat(trace.get("orders").document()).contains("\"name\":\"orders\"").doesNotContain("Validate");
    }

    @Test
    void a_raw_udp_payload_is_read_too() {
        String datagram = "{\"format\": \"json\", \"version\": 1}\n" + OTHER;

        assertThat(TraceDocuments.assemble(List.of(datagram)).get(0).roots().get(0).name()).isEqualTo("other");
    }
}
