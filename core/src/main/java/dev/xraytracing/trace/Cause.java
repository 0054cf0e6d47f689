package dev.xraytracing.trace;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The {@code cause} of a failed entity: either its own exceptions (with the working directory and source paths), or
 * only the id of an exception already recorded on an entity below it ({@link #exceptionId()}), which is how X-Ray
 * avoids repeating one exception up the tree.
 */
public final class Cause {
    private final String exceptionId;
    private final String workingDirectory;
    private final List<String> paths;
    private final List<RecordedException> exceptions;

    Cause(JsonNode cause) {
        this.exceptionId = cause.isTextual() ? cause.asText() : null;
        this.workingDirectory = JsonValues.text(cause, "working_directory");
        List<String> paths = new ArrayList<>();
        cause.path("paths").forEach(path -> paths.add(path.asText()));
        this.paths = Collections.unmodifiableList(paths);
        List<RecordedException> exceptions = new ArrayList<>();
        cause.path("exceptions").forEach(exception -> exceptions.add(new RecordedException(exception)));
        this.exceptions = Collections.unmodifiableList(exceptions);
    }

    /** The id of an exception recorded on a descendant, when this cause only points at it; otherwise null. */
    public String exceptionId() {
        return exceptionId;
    }

    public String workingDirectory() {
        return workingDirectory;
    }

    public List<String> paths() {
        return paths;
    }

    /** The exceptions recorded in this cause itself (none when it only points at one below). */
    public List<RecordedException> exceptions() {
        return exceptions;
    }

    @Override
    public String toString() {
        return exceptionId != null ? "cause " + exceptionId : "cause " + exceptions;
    }
}
