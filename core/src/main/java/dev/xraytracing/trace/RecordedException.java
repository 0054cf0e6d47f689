package dev.xraytracing.trace;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** One exception of a recorded cause. */
public final class RecordedException {
    private final String id;
    private final String message;
    private final String type;
    private final boolean remote;
    private final int truncated;
    private final int skipped;
    private final String cause;
    private final List<StackFrame> stack;

    RecordedException(JsonNode json) {
        this.id = JsonValues.text(json, "id");
        this.message = JsonValues.text(json, "message");
        this.type = JsonValues.text(json, "type");
        this.remote = json.path("remote").asBoolean(false);
        this.truncated = json.path("truncated").asInt(0);
        this.skipped = json.path("skipped").asInt(0);
        this.cause = JsonValues.text(json, "cause");
        List<StackFrame> frames = new ArrayList<>();
        json.path("stack").forEach(frame -> frames.add(new StackFrame(JsonValues.text(frame, "path"),
                frame.path("line").asInt(0), JsonValues.text(frame, "label"))));
        this.stack = Collections.unmodifiableList(frames);
    }

    public String id() {
        return id;
    }

    public String message() {
        return message;
    }

    /** The exception's type: a simple class name for thrown exceptions, a short label for recorded statuses. */
    public String type() {
        return type;
    }

    /** True when the exception came from a downstream service (an AWS SDK call's error response, say). */
    public boolean isRemote() {
        return remote;
    }

    /** Stack frames left out at the end of {@link #stack()} because the stack was too deep. */
    public int truncated() {
        return truncated;
    }

    /** Exceptions left out between this one and its cause (X-Ray's {@code skipped}). */
    public int skipped() {
        return skipped;
    }

    /** The id of the exception that caused this one, in the same cause, or null. */
    public String cause() {
        return cause;
    }

    public List<StackFrame> stack() {
        return stack;
    }

    @Override
    public String toString() {
        return type + ": " + message;
    }
}
