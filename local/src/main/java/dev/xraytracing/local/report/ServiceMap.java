package dev.xraytracing.local.report;

import dev.xraytracing.trace.RecordedEntity;
import dev.xraytracing.trace.RecordedTrace;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The service map of a set of traces, as X-Ray draws it: a node per service (a segment's name and origin) and per
 * AWS resource or remote service called (a subsegment in the {@code aws} or {@code remote} namespace that no traced
 * service answered), the client in front, and for each edge the call count, average latency, errors, faults and
 * throttles, taken from the called side. A queue whose messages a consumer's records link to gets a linked edge to that
 * consumer, drawn dashed as X-Ray draws SQS to Lambda, with the messages' received-event ages.
 */
public final class ServiceMap {
    public static final String CLIENT = "client";

    /** A service or resource on the map. */
    public record Node(String name, String type) {
        public String id() {
            return name + " (" + type + ")";
        }
    }

    /** Calls from one node to another, summed; or, for a linked edge, the messages a consumer took from a queue. */
    public static final class Edge {
        private final Node from;
        private final Node to;
        private final boolean linked;
        private final List<Double> agesMillis = new ArrayList<>();
        private int calls;
        private double totalMillis;
        private int errors;
        private int faults;
        private int throttles;

        Edge(Node from, Node to, boolean linked) {
            this.from = from;
            this.to = to;
            this.linked = linked;
        }

        void addLinked(TraceLinks.Link link) {
            add(link.record());
            link.ageMillis().ifPresent(agesMillis::add);
        }

        /** True for a queue-to-consumer edge made of trace links rather than calls (X-Ray draws it dashed). */
        public boolean linked() {
            return linked;
        }

        /** The received-event ages of a linked edge's messages, in milliseconds, those that carry one. */
        public List<Double> agesMillis() {
            return List.copyOf(agesMillis);
        }

        void add(RecordedEntity called) {
            calls++;
            totalMillis += called.durationMillis();
            if (called.isError()) {
                errors++;
            }
            if (called.isFault()) {
                faults++;
            }
            if (called.isThrottle()) {
                throttles++;
            }
        }

        public Node from() {
            return from;
        }

        public Node to() {
            return to;
        }

        public int calls() {
            return calls;
        }

        public double averageMillis() {
            return calls == 0 ? 0 : totalMillis / calls;
        }

        public int errors() {
            return errors;
        }

        public int faults() {
            return faults;
        }

        public int throttles() {
            return throttles;
        }

        @Override
        public String toString() {
            if (linked) {
                return String.format(Locale.ROOT, "%s ⇢ %s  %d message%s linked%s", from.id(), to.id(), calls,
                        calls == 1 ? "" : "s", agesMillis.isEmpty() ? "" : String.format(Locale.ROOT,
                                "  received-event age avg %.1f ms, max %.1f ms", agesMillis.stream()
                                        .mapToDouble(Double::doubleValue).average().orElse(0),
                                agesMillis.stream().mapToDouble(Double::doubleValue).max().orElse(0)));
            }
            return String.format(Locale.ROOT, "%s → %s  %d call%s  avg %.1f ms  %d error%s  %d fault%s%s",
                    from.id(), to.id(), calls, calls == 1 ? "" : "s", averageMillis(), errors, errors == 1 ? "" : "s",
                    faults, faults == 1 ? "" : "s", throttles == 0 ? "" : "  " + throttles + " throttled");
        }
    }

    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final Map<String, Edge> edges = new LinkedHashMap<>();
    private final int traceCount;

    private ServiceMap(int traceCount) {
        this.traceCount = traceCount;
    }

    public static ServiceMap of(Collection<RecordedTrace> traces) {
        ServiceMap map = new ServiceMap(traces.size());
        Node client = map.node(CLIENT, CLIENT);
        TraceLinks links = TraceLinks.of(List.copyOf(traces));
        for (RecordedTrace trace : traces) {
            // A trace its queue started has the queue's linked edge leading in, not one from the client.
            boolean fromQueue = links.from(trace.traceId()).stream().anyMatch(link -> link.queue().isPresent());
            for (RecordedEntity entity : trace.entities()) {
                if (entity.isSegment()) {
                    Node service = map.node(entity.name(), typeOf(entity.origin()));
                    Optional<RecordedEntity> caller = entity.parent().map(RecordedEntity::owningSegment);
                    if (caller.isEmpty() && fromQueue) {
                        continue;
                    }
                    Node from = caller.map(c -> map.node(c.name(), typeOf(c.origin()))).orElse(client);
                    map.edge(from, service).add(entity);
                } else if (isCall(entity) && entity.children().stream().noneMatch(RecordedEntity::isSegment)) {
                    RecordedEntity owner = entity.owningSegment();
                    Node from = map.node(owner.name(), typeOf(owner.origin()));
                    map.edge(from, map.node(resourceName(entity), resourceType(entity))).add(entity);
                }
            }
        }
        for (TraceLinks.Link link : links.all()) {
            link.queue().ifPresent(queue -> map.linkedEdge(map.node(queue.name(), queue.type()),
                    map.node(link.consumerNode().name(), link.consumerNode().type())).addLinked(link));
        }
        return map;
    }

    private static boolean isCall(RecordedEntity entity) {
        return "aws".equals(entity.namespace()) || "remote".equals(entity.namespace());
    }

    /** What a resource node is called, as X-Ray names it: the queue, table, bucket or function name; SNS is "SNS". */
    static String resourceName(RecordedEntity call) {
        if ("aws".equals(call.namespace()) && "SNS".equals(call.name())) {
            return "SNS"; // one node for every topic, as GetServiceGraph shows it
        }
        String queueUrl = call.aws().text("queue_url");
        if (queueUrl != null && !queueUrl.isEmpty()) {
            return queueUrl.substring(queueUrl.lastIndexOf('/') + 1);
        }
        for (String field : new String[] {"table_name", "bucket_name", "function_name"}) {
            String value = call.aws().text(field);
            if (value != null && !value.isEmpty()) {
                return value.substring(value.lastIndexOf(':') + 1);
            }
        }
        return call.name();
    }

    private static final Map<String, String> RESOURCE_TYPES = Map.of("DynamoDB", "AWS::DynamoDB::Table",
            "SQS", "AWS::SQS::Queue", "S3", "AWS::S3::Bucket", "Lambda", "AWS::Lambda", "SNS", "AWS::SNS");

    private static String resourceType(RecordedEntity call) {
        if (!"aws".equals(call.namespace())) {
            return "remote";
        }
        return RESOURCE_TYPES.getOrDefault(call.name(), "AWS::" + call.name());
    }

    /** Readable names for the origins the simulated services use; others as they are. */
    static String typeOf(String origin) {
        if (origin == null) {
            return "service";
        }
        return switch (origin) {
            case "AWS::ApiGateway::Stage" -> "API Gateway";
            case "AWS::Lambda" -> "Lambda";
            case "AWS::Lambda::Function" -> "Lambda function";
            default -> origin;
        };
    }

    private Node node(String name, String type) {
        return nodes.computeIfAbsent(name + "\u0000" + type, key -> new Node(name, type));
    }

    private Edge edge(Node from, Node to) {
        return edges.computeIfAbsent(from.id() + "\u0000" + to.id(), key -> new Edge(from, to, false));
    }

    private Edge linkedEdge(Node from, Node to) {
        return edges.computeIfAbsent("linked\u0000" + from.id() + "\u0000" + to.id(), key -> new Edge(from, to, true));
    }

    public List<Node> nodes() {
        return List.copyOf(nodes.values());
    }

    public List<Edge> edges() {
        return List.copyOf(edges.values());
    }

    /** The edge of calls between two nodes named so, whatever their types. */
    public Optional<Edge> edge(String fromName, String toName) {
        return edges.values().stream().filter(e -> !e.linked())
                .filter(e -> e.from().name().equals(fromName) && e.to().name().equals(toName)).findFirst();
    }

    /** The linked edge from the queue named {@code queueName} to the consumer named {@code consumerName}. */
    public Optional<Edge> linkedEdge(String queueName, String consumerName) {
        return edges.values().stream().filter(Edge::linked)
                .filter(e -> e.from().name().equals(queueName) && e.to().name().equals(consumerName)).findFirst();
    }

    /**
     * How far each node is from the client, or from a node nothing leads into (a queue that started a linked trace),
     * following edges: the columns of the drawn map.
     */
    public Map<Node, Integer> depths() {
        Map<Node, Integer> depths = new LinkedHashMap<>();
        Set<Node> led = new HashSet<>();
        edges.values().stream().filter(e -> !e.from().equals(e.to())).forEach(e -> led.add(e.to()));
        for (Node node : nodes.values()) {
            boolean client = node.name().equals(CLIENT) && node.type().equals(CLIENT);
            depths.put(node, client || !led.contains(node) ? 0 : -1);
        }
        boolean changed = true;
        for (int round = 0; changed && round < nodes.size(); round++) {
            changed = false;
            for (Edge edge : edges.values()) {
                int from = depths.get(edge.from());
                if (from >= 0 && depths.get(edge.to()) < from + 1) {
                    depths.put(edge.to(), from + 1);
                    changed = true;
                }
            }
        }
        depths.replaceAll((node, depth) -> Math.max(depth, 0));
        return depths;
    }

    /** One line per edge, in the order the calls were first seen. */
    public String render() {
        StringBuilder out = new StringBuilder();
        out.append("service map (").append(traceCount).append(traceCount == 1 ? " trace" : " traces").append(")\n");
        List<Edge> ordered = new ArrayList<>(edges.values());
        for (Edge edge : ordered) {
            out.append("  ").append(edge).append('\n');
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return render();
    }
}
