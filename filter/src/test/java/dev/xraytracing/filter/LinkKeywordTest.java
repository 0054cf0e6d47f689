package dev.xraytracing.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.xraytracing.trace.RecordedTrace;
import dev.xraytracing.trace.TraceDocuments;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code linked()} and {@code linked("1-...")}: our keyword for X-Ray's trace links (X-Ray documents none). The traces:
 * a producer, a consumer whose record subsegment links to it, a consumer that links to a trace not at hand, and the
 * sample traces, which link to nothing. X-Ray's own keywords keep their meaning beside it.
 */
class LinkKeywordTest {
    static final String PRODUCER = "1-00000010-000000000000000000000010";
    static final String CONSUMER = "1-00000011-000000000000000000000011";
    static final String OTHER_CONSUMER = "1-00000012-000000000000000000000012";
    static final String ELSEWHERE = "1-00000013-000000000000000000000013";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<RecordedTrace> TRACES = traces();

    @ParameterizedTest(name = "{0}  ->  {1}")
    @CsvSource(delimiter = '|', textBlock = """
            linked()                                          | CONSUMER OTHER_CONSUMER
            LINKED()                                          | CONSUMER OTHER_CONSUMER
            !linked()                                         | PRODUCER FAST SLOW THROTTLED
            linked("1-00000010-000000000000000000000010")     | CONSUMER
            linked('1-00000013-000000000000000000000013')     | OTHER_CONSUMER
            linked("1-00000099-000000000000000000000099")     |
            linked() AND fault                                | OTHER_CONSUMER
            linked() OR service("api/prod") { fault }         | CONSUMER OTHER_CONSUMER SLOW
            linked("1-00000010-000000000000000000000010") annotation.EventSource = "aws:sqs" | CONSUMER
            service("orders-consumer")                        | CONSUMER OTHER_CONSUMER
            """)
    void linkedSelectsTheTracesWithALinkOrALinkToTheGivenTrace(String expression, String expected) {
        List<String> selected = FilterExpression.parse(expression).select(TRACES).stream()
                .map(RecordedTrace::traceId).toList();
        assertThat(selected).as(expression).containsExactlyInAnyOrderElementsOf(ids(expected));
    }

    @Test
    void linkedReadsTheWholeTraceSoItIsRefusedInsideAServiceBlock() {
        assertThatThrownBy(() -> FilterExpression.parse("service(\"orders-consumer\") { linked() }"))
                .isInstanceOf(InvalidFilterExpressionException.class)
                .hasMessageContaining("column 30").hasMessageContaining("linked() reads the whole trace");
    }

    @Test
    void linkedTakesATraceIdInQuotesOrNothing() {
        assertThatThrownBy(() -> FilterExpression.parse("linked(1)"))
                .isInstanceOf(InvalidFilterExpressionException.class).hasMessageContaining("a trace id in quotes");
        assertThatThrownBy(() -> FilterExpression.parse("linked"))
                .isInstanceOf(InvalidFilterExpressionException.class).hasMessageContaining("'(' after linked");
    }

    @Test
    void anUnknownKeywordStillNamesLinkedAmongTheKeywords() {
        assertThatThrownBy(() -> FilterExpression.parse("link"))
                .isInstanceOf(InvalidFilterExpressionException.class).hasMessageContaining("linked()");
    }

    private static List<String> ids(String names) {
        if (names == null) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        for (String name : names.trim().split("\\s+")) {
            ids.add(switch (name) {
                case "PRODUCER" -> PRODUCER;
                case "CONSUMER" -> CONSUMER;
                case "OTHER_CONSUMER" -> OTHER_CONSUMER;
                case "FAST" -> SampleTraces.FAST;
                case "SLOW" -> SampleTraces.SLOW;
                case "THROTTLED" -> SampleTraces.THROTTLED;
                default -> throw new IllegalArgumentException(name);
            });
        }
        return ids;
    }

    private static List<RecordedTrace> traces() {
        List<String> documents = new ArrayList<>();
        documents.add(segment(PRODUCER, "1000000000000001", "orders-api", 10.0).toString());
        ObjectNode consumer = segment(CONSUMER, "1000000000000002", "orders-consumer", 11.0);
        record(consumer, "2000000000000001", PRODUCER, "1000000000000001");
        documents.add(consumer.toString());
        ObjectNode other = segment(OTHER_CONSUMER, "1000000000000003", "orders-consumer", 12.0).put("fault", true);
        record(other, "2000000000000002", ELSEWHERE, "1000000000000004");
        documents.add(other.toString());
        List<RecordedTrace> all = new ArrayList<>(TraceDocuments.assemble(documents));
        all.addAll(SampleTraces.all());
        return all;
    }

    private static ObjectNode segment(String trace, String id, String name, double start) {
        return JSON.createObjectNode().put("name", name).put("id", id).put("trace_id", trace)
                .put("start_time", start).put("end_time", start + 0.5).put("origin", "AWS::Lambda::Function");
    }

    private static void record(ObjectNode segment, String id, String linkedTrace, String linkedSpan) {
        ObjectNode record = segment.putArray("subsegments").addObject().put("name", "SQS orders").put("id", id)
                .put("start_time", segment.get("start_time").asDouble() + 0.1)
                .put("end_time", segment.get("start_time").asDouble() + 0.2);
        record.putObject("annotations").put("EventSource", "aws:sqs");
        record.putArray("links").addObject().put("trace_id", linkedTrace).put("id", linkedSpan);
    }
}
