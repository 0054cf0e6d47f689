package dev.xraytracing.local.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xraytracing.testing.SegmentDocumentSchema;
import org.junit.jupiter.api.Test;

/** The service map sums each edge over all traces, from the called side. */
class ServiceMapTest {
    final ServiceMap map = TraceReport.of(SampleRun.documents()).serviceMap();

    @Test
    void the_recorded_documents_are_schema_valid() {
        SegmentDocumentSchema.assertValid(SampleRun.documents());
    }

    @Test
    void resources_are_named_as_X_Ray_names_them_queue_table_and_bucket() {
        SegmentDocumentSchema.assertValid(OrdersTrace.documents());
        ServiceMap orders = TraceReport.of(OrdersTrace.documents()).serviceMap();

        assertThat(orders.edges()).extracting(e -> e.from().name() + " -> " + e.to().id())
                .contains("OrdersLambda -> orders (AWS::SQS::Queue)",
                        "OrdersLambda -> orders-table (AWS::DynamoDB::Table)",
                        "OrdersLambda -> order-receipts (AWS::S3::Bucket)");
    }

    @Test
    void an_SNS_publish_is_one_node_named_SNS_of_type_AWS_SNS_as_GetServiceGraph_shows_it() {
        String publisher = """
                {"name":"Publisher","id":"b000000000000001","trace_id":"1-6b08bf00-0123456789abcdef01234568",
                 "start_time":1795735300.000,"end_time":1795735300.100,"origin":"AWS::Lambda::Function",
                 "subsegments":[{"name":"SNS","id":"b000000000000002","start_time":1795735300.010,
                 "end_time":1795735300.050,"namespace":"aws","aws":{"operation":"Publish",
                 "topic_arn":"arn:aws:sns:us-east-1:123456789012:order-events"}}]}
                """;
        SegmentDocumentSchema.assertValid(java.util.List.of(publisher));

        assertThat(TraceReport.of(java.util.List.of(publisher)).serviceMap().edges())
                .extracting(e -> e.from().name() + " -> " + e.to().name() + " (" + e.to().type() + ")")
                .contains("Publisher -> SNS (AWS::SNS)");
    }

    @Test
    void every_hop_from_the_client_to_the_second_function_is_an_edge_with_its_call_count() {
        assertThat(map.edges()).extracting(e -> e.from().id() + " -> " + e.to().id() + " x" + e.calls())
                .containsExactlyInAnyOrder(
                        "client (client) -> api/prod (API Gateway) x3",
                        "api/prod (API Gateway) -> MyFirstLambda (Lambda) x3",
                        "MyFirstLambda (Lambda) -> MyFirstLambda (Lambda function) x3",
                        "MyFirstLambda (Lambda function) -> MySecondLambda (Lambda) x3",
                        "MySecondLambda (Lambda) -> MySecondLambda (Lambda function) x3");
    }

    @Test
    void a_function_error_counts_as_a_fault_on_the_function_edge_only() {
        ServiceMap.Edge toFunction = map.edges().stream()
                .filter(e -> e.to().id().equals("MySecondLambda (Lambda function)")).findFirst().orElseThrow();
        ServiceMap.Edge toService = map.edge("MyFirstLambda", "MySecondLambda").orElseThrow();

        assertThat(toFunction.faults()).isEqualTo(1);
        assertThat(toService.faults() + toService.errors()).isZero();
    }

    @Test
    void average_latency_includes_the_second_functions_work() {
        assertThat(map.edge("MyFirstLambda", "MySecondLambda").orElseThrow().averageMillis())
                .isGreaterThanOrEqualTo(199);
    }

    @Test
    void columns_follow_the_calls_from_the_client() {
        assertThat(map.depths().entrySet()).extracting(e -> e.getKey().id() + "@" + e.getValue())
                .contains("client (client)@0", "api/prod (API Gateway)@1", "MySecondLambda (Lambda function)@5");
    }
}
