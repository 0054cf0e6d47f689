package dev.xraytracing.local.internal.services.sns;

import com.sun.net.httpserver.HttpExchange;
import dev.xraytracing.internal.TraceHeader;
import dev.xraytracing.local.internal.HttpServers;
import dev.xraytracing.local.internal.TraceIds;
import dev.xraytracing.local.internal.services.DeliveringService;
import dev.xraytracing.local.internal.services.Deliveries;
import dev.xraytracing.local.internal.services.ServiceContext;
import dev.xraytracing.local.internal.services.Targets;
import dev.xraytracing.local.template.FunctionEvent;
import dev.xraytracing.local.template.TemplateResource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SNS on the local platform: the template's topics and subscriptions (its {@code AWS::SNS::Topic}s with their
 * {@code Subscription}s and {@code AWS::SNS::Subscription}s, and functions' {@code SNS} events), SNS's API for the
 * functions' SDK clients ({@link SnsApi}), and the fan-out: each published message goes, asynchronously, to every
 * subscriber whose filter policy it matches, a function with Lambda's SNS event and the publisher's trace header, a
 * queue with {@code SendMessage}.
 */
public final class SnsService extends DeliveringService {
    public static final String ENDPOINT_VARIABLE = "AWS_ENDPOINT_URL_SNS";

    private final Topics topics;
    private final SnsApi api;
    private final Envelopes envelopes;

    public SnsService(ServiceContext context) {
        super(context, "SNS service", "sns");
        this.topics = new Topics(context.region(), context.accountId());
        this.api = new SnsApi(topics, context.accountId(), this::fanOut);
        this.envelopes = new Envelopes(endpoint());
        serveAfter(this::createFromTemplate);
    }

    /** Whether the template declares a topic or a function subscribes to one. */
    public static boolean needed(ServiceContext context) {
        return !context.resources(TemplateResource.Topic.class).isEmpty()
                || !context.events(FunctionEvent.Sns.class).isEmpty();
    }

    private void createFromTemplate() {
        for (TemplateResource.Topic t : context.resources(TemplateResource.Topic.class)) {
            Topic topic;
            try {
                topic = topics.create(t.name(), t.fifo() ? Map.of("FifoTopic", "true") : Map.of());
            } catch (SnsError e) {
                context.say().accept("topic " + t.logicalId() + " is not created: " + e.getMessage());
                continue;
            }
            for (TemplateResource.Subscription s : t.subscriptions()) {
                subscribeFromTemplate(topic, s.protocol(), s.endpoint(), s.filterPolicy().orElse(null),
                        s.filterPolicyScope(), s.rawMessageDelivery(), "topic " + t.logicalId());
            }
        }
        for (Map.Entry<String, FunctionEvent.Sns> e : context.events(FunctionEvent.Sns.class)) {
            String function = e.getKey();
            FunctionEvent.Sns event = e.getValue();
            String where = "function " + function + ": event " + event.eventName();
            topics.find(event.topicArn()).ifPresentOrElse(
                    topic -> subscribeFromTemplate(topic, "lambda", "arn:aws:lambda:" + context.region() + ":"
                            + context.accountId() + ":function:" + function, event.filterPolicy().orElse(null),
                            event.filterPolicyScope(), false, where),
                    () -> context.say().accept(where + " subscribes to " + event.topicArn()
                            + ", which is no topic of the template; it receives nothing"));
        }
    }

    private void subscribeFromTemplate(Topic topic, String protocol, String endpoint, String filterPolicy,
                                       String filterPolicyScope, boolean raw, String where) {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (filterPolicy != null) {
            attributes.put("FilterPolicy", filterPolicy);
            attributes.put("FilterPolicyScope", filterPolicyScope);
        }
        if (raw) {
            attributes.put("RawMessageDelivery", "true");
        }
        try {
            topics.subscribe(topic, protocol, endpoint, attributes);
        } catch (SnsError e) {
            context.say().accept(where + ": the " + protocol + " subscription to " + endpoint + " is skipped: "
                    + e.getMessage());
        }
    }

    /** Queues one delivery per matching subscriber; a FIFO topic's message group is delivered in order. */
    private void fanOut(Notification n) {
        Topic topic = topics.get(n.topicArn());
        for (Subscription s : topic.subscriptions) {
            if (s.filter().isPresent() && !s.filter().get().matches(n.message(), n.attributes())) {
                continue;
            }
            String what = "SNS topic " + topic.name + " to " + (s.protocol().equals("lambda") ? "function " : "queue ")
                    + Targets.name(s.endpoint()) + " (message " + n.messageId() + ")";
            if (topic.fifo) {
                deliveries.submit(s.arn() + "/" + n.groupId(), what, () -> deliver(n, s));
            } else {
                deliveries.submit(what, () -> deliver(n, s));
            }
        }
    }

    private void deliver(Notification n, Subscription s) throws Deliveries.Failed {
        if (s.protocol().equals("lambda")) {
            targets.invoke(s.endpoint(), envelopes.lambdaEvent(n, s), n.traceHeader());
        } else if (s.rawMessageDelivery()) {
            targets.send(s.endpoint(), n.messageFor("sqs"), QueueAttributes.of(n.attributes()), n.traceHeader(),
                    n.groupId(), n.dedupId());
        } else {
            targets.send(s.endpoint(), envelopes.queueEnvelope(n, s), Map.of(), n.traceHeader(), n.groupId(),
                    n.dedupId());
        }
    }

    @Override
    protected void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String form = exchange.getRequestMethod().equals("GET")
                    ? String.valueOf(exchange.getRequestURI().getRawQuery())
                    : new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            QueryRequest request = QueryRequest.parse(form);
            String requestId = TraceIds.newRequestId();
            String traceHeader = Targets.validTraceHeader(exchange.getRequestHeaders().getFirst(TraceHeader.NAME));
            int status;
            String body;
            try {
                body = api.answer(request.get("Action").orElse(""), request, traceHeader, requestId);
                status = 200;
            } catch (SnsError e) {
                body = SnsXml.error(e.code, e.getMessage(), e.status, requestId);
                status = e.status;
            }
            exchange.getResponseHeaders().set("Content-Type", "text/xml");
            exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
            HttpServers.respond(exchange, status, body.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Override
    public String endpointVariable() {
        return ENDPOINT_VARIABLE;
    }




}
