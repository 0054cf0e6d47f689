package dev.xraytracing.local.report;

import dev.xraytracing.trace.RecordedEntity;
import dev.xraytracing.trace.RecordedLink;
import dev.xraytracing.trace.RecordedTrace;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The links between the traces of a run: each entity's X-Ray {@code links} (a consumer's record subsegment to the
 * producer's call that sent the message), which trace links to which, and the chains of linked traces that one
 * request made. A link to a trace that is not at hand stays a link: its producer is simply unknown.
 */
public final class TraceLinks {
    /** The metadata key (default namespace) in which TracedBatch records a record's received-event age. */
    static final String RECEIVED_EVENT_AGE = "ReceivedEventAgeMs";
    private static final String SQS_RECORD_PREFIX = "SQS ";

    /** One link: {@code record} of trace {@code consumer} follows entity {@code producerEntityId} of another trace. */
    public static final class Link {
        private final RecordedTrace consumer;
        private final RecordedEntity record;
        private final String producerTraceId;
        private final String producerEntityId;
        private final RecordedTrace producer;
        private final Double ageMillis;

        Link(RecordedTrace consumer, RecordedEntity record, RecordedLink link, RecordedTrace producer) {
            this.consumer = consumer;
            this.record = record;
            this.producerTraceId = link.traceId();
            this.producerEntityId = link.id();
            this.producer = producer;
            this.ageMillis = ageOf(record);
        }

        /** The trace whose record follows the producer. */
        public RecordedTrace consumer() {
            return consumer;
        }

        /** The record's subsegment that carries the link. */
        public RecordedEntity record() {
            return record;
        }

        public String producerTraceId() {
            return producerTraceId;
        }

        /** The producer's entity the link names: the call that sent the message. */
        public String producerEntityId() {
            return producerEntityId;
        }

        /** The producer's trace, when it is at hand. */
        public Optional<RecordedTrace> producer() {
            return Optional.ofNullable(producer);
        }

        /** The message's received-event age, when the record carries one (TracedBatch's SQS records do). */
        public Optional<Double> ageMillis() {
            return Optional.ofNullable(ageMillis);
        }

        /** The queue the record came through, named and typed as X-Ray's map names it, when the record says. */
        public Optional<ServiceMap.Node> queue() {
            Object source = record.annotations().get("EventSource");
            if ("aws:sqs".equals(source) && record.name().startsWith(SQS_RECORD_PREFIX)) {
                return Optional.of(new ServiceMap.Node(record.name().substring(SQS_RECORD_PREFIX.length()),
                        "AWS::SQS::Queue"));
            }
            return Optional.empty();
        }

        /** The consumer's entry point: where X-Ray's dashed edge from the queue ends. */
        public ServiceMap.Node consumerNode() {
            RecordedEntity entry = consumer.segments().stream().filter(s -> s.parent().isEmpty())
                    .min(Comparator.comparingDouble(RecordedEntity::startTime)).orElse(record.owningSegment());
            return new ServiceMap.Node(entry.name(), ServiceMap.typeOf(entry.origin()));
        }
    }

    private final List<RecordedTrace> traces;
    private final List<Link> links = new ArrayList<>();
    private final Map<String, List<Link>> outgoing = new LinkedHashMap<>();
    private final Map<String, List<Link>> incoming = new LinkedHashMap<>();

    private TraceLinks(List<RecordedTrace> traces) {
        this.traces = traces;
        Map<String, RecordedTrace> byId = new LinkedHashMap<>();
        traces.forEach(t -> byId.put(t.traceId(), t));
        for (RecordedTrace trace : traces) {
            for (RecordedEntity entity : trace.entities()) {
                for (RecordedLink link : entity.links()) {
                    Link found = new Link(trace, entity, link, byId.get(link.traceId()));
                    links.add(found);
                    outgoing.computeIfAbsent(trace.traceId(), k -> new ArrayList<>()).add(found);
                    incoming.computeIfAbsent(link.traceId(), k -> new ArrayList<>()).add(found);
                }
            }
        }
    }

    public static TraceLinks of(List<RecordedTrace> traces) {
        return new TraceLinks(List.copyOf(traces));
    }

    public List<Link> all() {
        return List.copyOf(links);
    }

    /** The links of {@code traceId}'s entities to other traces (its producers). */
    public List<Link> from(String traceId) {
        return List.copyOf(outgoing.getOrDefault(traceId, List.of()));
    }

    /** The links of other traces to {@code traceId} (its consumers). */
    public List<Link> to(String traceId) {
        return List.copyOf(incoming.getOrDefault(traceId, List.of()));
    }

    /**
     * Every trace at hand that is linked to {@code traceId}, either way and through any number of hops, with it: the
     * traces of one request, in the order they started. Just the trace itself when it has no link.
     */
    public List<RecordedTrace> chain(String traceId) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> next = new ArrayDeque<>(List.of(traceId));
        while (!next.isEmpty()) {
            String id = next.poll();
            if (!seen.add(id)) {
                continue;
            }
            from(id).forEach(link -> next.add(link.producerTraceId()));
            to(id).forEach(link -> next.add(link.consumer().traceId()));
        }
        return traces.stream().filter(t -> seen.contains(t.traceId()))
                .sorted(Comparator.comparingDouble(RecordedTrace::startTime)).toList();
    }

    /** The chains of two traces or more, each once, in the order their first traces started. */
    public List<List<RecordedTrace>> chains() {
        List<List<RecordedTrace>> chains = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        for (RecordedTrace trace : traces.stream().sorted(Comparator.comparingDouble(RecordedTrace::startTime))
                .toList()) {
            if (placed.contains(trace.traceId())) {
                continue;
            }
            List<RecordedTrace> chain = chain(trace.traceId());
            chain.forEach(t -> placed.add(t.traceId()));
            if (chain.size() > 1) {
                chains.add(chain);
            }
        }
        return chains;
    }

    private static Double ageOf(RecordedEntity record) {
        Object age = record.metadata().getOrDefault("default", Map.of()).get(RECEIVED_EVENT_AGE);
        return age instanceof Number number ? number.doubleValue() : null;
    }
}
