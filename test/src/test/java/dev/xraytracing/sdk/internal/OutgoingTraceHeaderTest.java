package dev.xraytracing.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The header an SDK call sends: Root, this call as Parent, Sampled, then the incoming header's other fields. */
class OutgoingTraceHeaderTest {
    static final String ROOT = "1-5759e988-bd862e3fe1be46a994272793";

    @Test
    void replacesParentAndSampledAndKeepsEveryOtherFieldInOrder() {
        String incoming = "Root=" + ROOT + ";Parent=53995c3f42cd8ad8;Sampled=1;Lineage=a87bd80c:1;Self=1-abc;x=y";

        assertThat(SdkCallTracer.outgoingHeader(incoming, ROOT, "0123456789abcdef", true))
                .isEqualTo("Root=" + ROOT + ";Parent=0123456789abcdef;Sampled=1;Lineage=a87bd80c:1;Self=1-abc;x=y");
    }

    @Test
    void withoutAnIncomingHeaderSendsRootParentAndSampled() {
        assertThat(SdkCallTracer.outgoingHeader(null, ROOT, "0123456789abcdef", false))
                .isEqualTo("Root=" + ROOT + ";Parent=0123456789abcdef;Sampled=0");
    }

    @Test
    void ignoresTheFieldsOfAHeaderFromAnotherTrace() {
        String stale = "Root=1-00000000-000000000000000000000000;Parent=53995c3f42cd8ad8;Sampled=1;Lineage=ff:9";

        assertThat(SdkCallTracer.outgoingHeader(stale, ROOT, "0123456789abcdef", true))
                .isEqualTo("Root=" + ROOT + ";Parent=0123456789abcdef;Sampled=1");
    }
}
