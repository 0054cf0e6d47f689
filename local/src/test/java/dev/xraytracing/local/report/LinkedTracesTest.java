package dev.xraytracing.local.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xraytracing.testing.SegmentDocumentSchema;
import dev.xraytracing.trace.RecordedTrace;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Traces linked through queues ({@link LinkedRun}: an API request, the consumer of its queue, and the consumer of
 * the queue that consumer sends to): the map's dashed queue-to-consumer edges with their received-event ages, and the
 * chain of traces of one request, in order, in the terminal.
 */
class LinkedTracesTest {
    static final LinkedRun RUN = new LinkedRun();
    final TraceReport report = TraceReport.of(RUN.documents);

    @Test
    void theDocumentsWithTheirLinksAreSchemaValid() {
        SegmentDocumentSchema.assertValid(RUN.documents);
    }

    @Test
    void eachQueueHasALinkedEdgeToItsConsumerBesideTheProducersCallEdge() {
        ServiceMap map = report.serviceMap();

        assertThat(map.edges()).filteredOn(ServiceMap.Edge::linked)
                .extracting(e -> e.from().id() + " ⇢ " + e.to().id() + " x" + e.calls())
                .containsExactlyInAnyOrder("orders (AWS::SQS::Queue) ⇢ orders-consumer (Lambda) x2",
                        "receipts (AWS::SQS::Queue) ⇢ receipts-consumer (Lambda) x1");
        assertThat(map.edge("OrdersLambda", "orders")).hasValueSatisfying(e -> assertThat(e.linked()).isFalse());
        assertThat(map.edge("orders-consumer", "receipts")).isPresent();
        assertThat(map.edge(ServiceMap.CLIENT, "orders-consumer")).as("the queue leads in, not a client").isEmpty();
        assertThat(map.render()).contains("orders (AWS::SQS::Queue) ⇢ orders-consumer (Lambda)  2 messages linked");
    }

    @Test
    void aConsumersOwnMapStartsAtTheQueueThatLeadsIn() {
        List<String> consumerOnly = RUN.documents.stream().filter(d -> d.contains(RUN.ordersConsumer)).toList();

        assertThat(TraceReport.of(consumerOnly).serviceMap().depths().entrySet())
                .extracting(e -> e.getKey().id() + "@" + e.getValue())
                .contains("orders (AWS::SQS::Queue)@0", "orders-consumer (Lambda)@1",
                        "orders-consumer (Lambda function)@2", "receipts (AWS::SQS::Queue)@3");
    }

    @Test
    void aLinkedEdgeHoldsEachMessagesReceivedEventAge() {
        ServiceMap.Edge orders = report.serviceMap().linkedEdge("orders", "orders-consumer").orElseThrow();

        assertThat(orders.agesMillis()).hasSize(2).allSatisfy(age -> assertThat(age).isLessThan(60_000.0));
        assertThat(orders.agesMillis().stream().sorted().toList())
                .satisfies(ages -> assertThat(ages.get(0)).isGreaterThanOrEqualTo(250.0))
                .satisfies(ages -> assertThat(ages.get(1)).isGreaterThanOrEqualTo(1_500.0));
        assertThat(report.serviceMap().render()).contains("received-event age avg");
    }

    @Test
    void theLinksSayWhichTraceFollowsWhichEitherWay() {
        TraceLinks links = report.links();

        assertThat(links.to(LinkedRun.PRODUCER)).hasSize(2).allSatisfy(link -> {
            assertThat(link.consumer().traceId()).isEqualTo(RUN.ordersConsumer);
            assertThat(link.producerEntityId()).isEqualTo(LinkedRun.PRODUCER_CALL);
        });
        assertThat(links.from(RUN.receiptsConsumer)).singleElement()
                .satisfies(link -> assertThat(link.producer().map(RecordedTrace::traceId)).hasValue(RUN.ordersConsumer));
        assertThat(links.from(LinkedRun.PRODUCER)).isEmpty();
    }

    @Test
    void theChainOfOneRequestIsTheSameFromAnyOfItsTracesInTheOrderTheyStarted() {
        List<String> expected = List.of(LinkedRun.PRODUCER, RUN.ordersConsumer, RUN.receiptsConsumer);

        for (String any : expected) {
            assertThat(report.links().chain(any)).extracting(RecordedTrace::traceId).as("from " + any)
                    .containsExactlyElementsOf(expected);
        }
        assertThat(report.links().chains()).hasSize(1);
    }

    @Test
    void theTerminalShowsTheChainOnceThenEachWaterfallInOrder() {
        String chain = report.chain(RUN.receiptsConsumer);

        assertThat(chain).startsWith("linked traces of one request (3, in the order they started)\n")
                .contains("⇠ " + LinkedRun.PRODUCER + " via SQS orders, message m1, received-event age ")
                .contains("⇠ " + RUN.ordersConsumer + " via SQS receipts, message r1");
        assertThat(chain.indexOf(LinkedRun.PRODUCER)).isLessThan(chain.indexOf(RUN.ordersConsumer));
        int waterfalls = chain.indexOf("OrdersLambda");
        assertThat(chain.indexOf("orders-consumer", waterfalls)).isLessThan(chain.indexOf("receipts-consumer",
                chain.indexOf("orders-consumer", waterfalls)));
        assertThat(report.waterfalls()).contains(chain)
                .containsOnlyOnce("linked traces of one request");
    }
}
