package dev.xraytracing.local.internal.experiment;

import dev.xraytracing.trace.RecordedTrace;
import java.util.List;
import java.util.Optional;

/**
 * One phase of an experiment as it ran: its measured requests in order, and the documents and traces they left
 * (warm-up requests' traces excluded), and the platform's problems (init failures, crashes, timeouts).
 */
public record Phase(String name, List<RequestOutcome> requests, List<String> documents, List<RecordedTrace> traces,
                    List<String> problems) {
    public Phase {
        requests = List.copyOf(requests);
        documents = List.copyOf(documents);
        traces = List.copyOf(traces);
        problems = List.copyOf(problems);
    }

    /** The trace of a request, when its id is known and its documents arrived. */
    public Optional<RecordedTrace> traceOf(RequestOutcome request) {
        if (request.traceId() == null) {
            return Optional.empty();
        }
        return traces.stream().filter(t -> request.traceId().equals(t.traceId())).findFirst();
    }
}
