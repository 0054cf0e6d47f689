package dev.xraytracing.local.internal.experiment;

import dev.xraytracing.internal.TraceHeader;
import dev.xraytracing.local.internal.TraceIds;
import dev.xraytracing.trace.TraceDocuments;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs an experiment: the baseline phase on a platform started without the rules, then the faulted phase on a new one
 * started with them (new JVMs, so no rule leaks into the baseline and no warm state into the faulted phase). Each
 * phase sends its warm-up requests, then the measured ones, one after the other, and keeps only the measured
 * requests' traces.
 */
public final class ExperimentRunner {
    /** Starts the app for one phase, with or without the experiment's fault rules. */
    public interface Platforms {
        RunningApp start(boolean withRules);
    }

    /** The app of one phase as the experiment drives it; closing it stops it. */
    public interface RunningApp extends AutoCloseable {
        /** Sends the experiment's request. */
        Answer send();

        /** Every segment document so far, once the platform has been quiet for a moment. */
        List<String> awaitDocuments();

        /** Init errors, crashes and timeouts in the functions' JVMs. */
        List<String> problems();

        @Override
        void close();
    }

    /** A request's answer: its status, and the trace header that names its trace where it is known (or null). */
    public record Answer(int status, String traceHeader) {
    }

    /** Both phases, as they ran. */
    public record Result(Phase baseline, Phase faulted) {
    }

    private ExperimentRunner() {
    }

    public static Result run(ExperimentPlan plan, Platforms platforms, Consumer<String> say) {
        Phase baseline = phase("baseline", plan, platforms, false, say);
        Phase faulted = phase("faulted", plan, platforms, true, say);
        return new Result(baseline, faulted);
    }

    private static Phase phase(String name, ExperimentPlan plan, Platforms platforms, boolean withRules,
                               Consumer<String> say) {
        say.accept("xray-tracing-local: " + name + " phase: " + plan.warmup() + " warm-up and " + plan.requests()
                + " measured requests" + (withRules ? ", with the fault rules" : ", no fault rules"));
        try (RunningApp platform = platforms.start(withRules)) {
            for (int i = 0; i < plan.warmup(); i++) {
                platform.send();
            }
            Set<String> warmupTraces = new HashSet<>();
            if (plan.warmup() > 0) {
                platform.awaitDocuments().forEach(document -> warmupTraces.add(traceIdOf(document)));
            }
            List<RequestOutcome> outcomes = new ArrayList<>();
            StringBuilder statuses = new StringBuilder();
            for (int i = 0; i < plan.requests(); i++) {
                long started = System.nanoTime();
                Answer response = platform.send();
                double millis = (System.nanoTime() - started) / 1e6;
                TraceHeader header = TraceIds.readIncoming(response.traceHeader());
                outcomes.add(new RequestOutcome(response.status(), millis, header == null ? null : header.root()));
                statuses.append(' ').append(response.status());
            }
            say.accept("xray-tracing-local: " + name + " phase answered" + statuses);
            List<String> documents = platform.awaitDocuments().stream()
                    .filter(document -> !warmupTraces.contains(traceIdOf(document))).toList();
            return new Phase(name, outcomes, documents, TraceDocuments.assemble(documents), platform.problems());
        }
    }

    private static String traceIdOf(String document) {
        return TraceDocuments.parse(document).path("trace_id").asText("");
    }
}
