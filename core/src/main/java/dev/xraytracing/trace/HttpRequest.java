package dev.xraytracing.trace;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code http.request} of an entity: what was called, or what called the service. Fields not recorded are null
 * ({@code traced} false).
 */
public record HttpRequest(String method, String url, String userAgent, String clientIp, boolean traced) {

    static HttpRequest of(JsonNode request) {
        return new HttpRequest(JsonValues.text(request, "method"), JsonValues.text(request, "url"),
                JsonValues.text(request, "user_agent"), JsonValues.text(request, "client_ip"),
                request.path("traced").asBoolean(false));
    }
}
