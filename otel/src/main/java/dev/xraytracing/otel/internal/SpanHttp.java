package dev.xraytracing.otel.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code http} object X-Ray builds from a span's HTTP attributes (current and older semantic conventions). */
final class SpanHttp {
    private SpanHttp() {
    }

    /** Takes the HTTP attributes out of {@code attributes}; the {@code http} object, or null when there were none. */
    static Map<String, Object> take(Map<String, Object> attributes) {
        Map<String, Object> request = new LinkedHashMap<>();
        Map<String, Object> response = new LinkedHashMap<>();
        boolean any = false;
        any |= move(attributes, request, "method", XrayAttributes.HTTP_METHOD, "http.method");
        any |= move(attributes, request, "url", XrayAttributes.HTTP_URL, "http.url");
        any |= move(attributes, request, "user_agent", XrayAttributes.USER_AGENT, "http.user_agent");
        if (move(attributes, request, "client_ip", XrayAttributes.CLIENT_ADDRESS, "http.client_ip")) {
            request.put("x_forwarded_for", true);
            any = true;
        }
        any |= move(attributes, response, "status", XrayAttributes.HTTP_STATUS, "http.status_code");
        if (!any) {
            return null;
        }
        response.put("content_length", 0L); // X-Ray reads a size only from messaging events, which we do not send
        Map<String, Object> http = new LinkedHashMap<>();
        http.put("request", request);
        http.put("response", response);
        return http;
    }

    static Long status(Object http) {
        if (http instanceof Map<?, ?> map && map.get("response") instanceof Map<?, ?> response
                && response.get("status") instanceof Number status) {
            return status.longValue();
        }
        return null;
    }

    private static boolean move(Map<String, Object> attributes, Map<String, Object> into, String field,
            String current, String older) {
        Object value = attributes.remove(current);
        Object old = attributes.remove(older);
        Object chosen = value != null ? value : old;
        if (chosen != null) {
            into.put(field, chosen);
            return true;
        }
        return false;
    }
}
