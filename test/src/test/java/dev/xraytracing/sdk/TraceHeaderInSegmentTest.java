package dev.xraytracing.sdk;

import dev.xraytracing.fakes.FakeAws;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xraytracing.trace.RecordedEntity;
import dev.xraytracing.testing.TracingExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Under a segment of our own (no incoming header), the request carries Root, this call as Parent, and Sampled=1. */
class TraceHeaderInSegmentTest {

    @RegisterExtension
    static final TracingExtension tracing = TracingExtension.inSegment();

    @RegisterExtension
    final FakeAws aws = FakeAws.start();


    @Test
    void sendsTheTraceAndThisCallAsParent() {
        aws.json(200, "{\"Item\":{\"pk\":{\"S\":\"order-1\"}}}");

        aws.dynamoDb().getItem(r -> r.tableName("orders"));

        RecordedEntity call = tracing.trace().get("DynamoDB");
        assertThat(aws.traceHeader(0))
                .isEqualTo("Root=" + call.traceId() + ";Parent=" + call.id() + ";Sampled=1");
    }
}
