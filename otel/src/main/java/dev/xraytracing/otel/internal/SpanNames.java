package dev.xraytracing.otel.internal;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.Map;

/** A span's segment name and namespace, in the order X-Ray looks for them. */
final class SpanNames {
    private static final int MAX_NAME = 200;

    private SpanNames() {
    }

    static String segmentName(SpanData span, Map<String, Object> attributes) {
        SpanKind kind = span.getKind();
        String name = null;
        if (kind == SpanKind.SERVER) {
            name = SpanDocuments.string(attributes, "aws.local.service");
        }
        if (kind == SpanKind.CLIENT || kind == SpanKind.PRODUCER || kind == SpanKind.CONSUMER) {
            String remote = SpanDocuments.string(attributes, "aws.remote.service");
            name = remote != null && isAwsSdkSpan(attributes) ? trimAwsPrefix(remote) : remote;
        }
        name = first(name, SpanDocuments.string(attributes, "peer.service"));
        name = first(name, SpanDocuments.string(attributes, "aws.service"));
        name = first(name, SpanDocuments.string(attributes, "db.name"));
        if (name == null && kind == SpanKind.SERVER) {
            name = span.getResource().getAttributes().get(AttributeKey.stringKey("service.name"));
        }
        name = first(name, SpanDocuments.string(attributes, XrayAttributes.RPC_SERVICE));
        name = first(name, SpanDocuments.string(attributes, "http.host"));
        name = first(name, SpanDocuments.string(attributes, "net.peer.name"));
        return name != null && !name.isEmpty() ? name : fixName(span.getName());
    }

    static String namespace(SpanData span, Map<String, Object> attributes) {
        if (isAwsSdkSpan(attributes) || attributes.containsKey("aws.service")) {
            return "aws";
        }
        return span.getKind() == SpanKind.CLIENT ? "remote" : null;
    }

    static boolean isAwsSdkSpan(Map<String, Object> attributes) {
        return XrayAttributes.AWS_API.equals(attributes.get(XrayAttributes.RPC_SYSTEM));
    }

    private static String trimAwsPrefix(String name) {
        return name.startsWith("AWS.SDK.") ? name.substring(8) : name.startsWith("AWS::") ? name.substring(5) : name;
    }

    private static String first(String found, String candidate) {
        return found != null && !found.isEmpty() ? found : candidate;
    }

    /** X-Ray drops the characters a segment name may not hold, cuts it to 200, and calls an empty one "span". */
    static String fixName(String name) {
        StringBuilder fixed = new StringBuilder(name.length());
        name.codePoints().filter(SpanNames::allowed).forEach(fixed::appendCodePoint);
        String result = fixed.length() > MAX_NAME ? fixed.substring(0, MAX_NAME) : fixed.toString();
        return result.isEmpty() ? "span" : result;
    }

    private static boolean allowed(int c) {
        return Character.isLetterOrDigit(c) || c == ' ' || "_.:/%&#=+\\-@".indexOf(c) >= 0;
    }
}
