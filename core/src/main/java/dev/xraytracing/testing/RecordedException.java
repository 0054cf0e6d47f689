package dev.xraytracing.testing;

import com.fasterxml.jackson.databind.JsonNode;

/** One exception of a recorded cause. */
public final class RecordedException {
    private final JsonNode json;

    RecordedException(JsonNode json) {
        this.json = json;
    }

    public String id() {
        return json.path("id").asText(null);
    }

    public String message() {
        return json.path("message").asText(null);
    }

    /** The exception's type: a simple class name for thrown exceptions, a short label for recorded statuses. */
    public String type() {
        return json.path("type").asText(null);
    }

    public boolean isRemote() {
        return json.path("remote").asBoolean(false);
    }

    public JsonNode json() {
        return json;
    }

    @Override
    public String toString() {
        return type() + ": " + message();
    }
}
