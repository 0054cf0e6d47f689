package dev.xraytracing.trace;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code http.response} of an entity. Fields not recorded are null. */
public record HttpResponse(Integer status, Long contentLength) {

    static HttpResponse of(JsonNode response) {
        JsonNode status = response.path("status");
        JsonNode length = response.path("content_length");
        return new HttpResponse(status.isNumber() ? status.asInt() : null,
                length.isNumber() ? length.asLong() : null);
    }
}
