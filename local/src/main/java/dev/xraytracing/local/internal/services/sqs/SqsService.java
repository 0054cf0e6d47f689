package dev.xraytracing.local.internal.services.sqs;

import dev.xraytracing.local.internal.services.LocalService;
import dev.xraytracing.local.internal.services.ServiceContext;
import dev.xraytracing.local.template.FunctionEvent;
import dev.xraytracing.local.template.TemplateResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * SQS for the run: the engine ({@link SqsEngine}), the template's queues ({@link TemplateQueues}) and one
 * {@link SqsPoller} for each enabled {@code SQS} event.
 */
public final class SqsService implements LocalService {
    public static final String ENDPOINT_VARIABLE = "AWS_ENDPOINT_URL_SQS";

    private final SqsEngine engine;
    private final SqsClient sqs;
    private final TemplateQueues queues;
    private final List<SqsPoller> pollers = new ArrayList<>();
    /** Written by the pollers' threads too. */
    private final List<String> problems = new CopyOnWriteArrayList<>();

    private SqsService(ServiceContext context) {
        engine = new SqsEngine(context.region(), context.accountId());
        SqsClient client = null;
        try {
            client = SqsClients.to(engine.endpoint(), context.region());
            queues = TemplateQueues.create(client, context.resources(TemplateResource.Queue.class));
            queues.problems().forEach(problem -> {
                problems.add(problem);
                context.say().accept(problem);
            });
            for (Map.Entry<String, FunctionEvent.Sqs> event : context.events(FunctionEvent.Sqs.class)) {
                poller(context, client, event.getKey(), event.getValue()).ifPresent(pollers::add);
            }
        } catch (RuntimeException e) {
            if (client != null) {
                client.close();
            }
            engine.close();
            throw e;
        }
        sqs = client;
        pollers.forEach(SqsPoller::start);
    }

    /** Started by {@code LocalServices} when the template declares a queue or a function's {@code SQS} event. */
    public static SqsService start(ServiceContext context) {
        return new SqsService(context);
    }

    private Optional<SqsPoller> poller(ServiceContext context, SqsClient client, String function,
                                       FunctionEvent.Sqs event) {
        if (!event.enabled()) {
            return Optional.empty();
        }
        Optional<TemplateResource.Queue> queue = queues.byArn(event.queueArn());
        if (queue.isEmpty()) {
            String problem = "function " + function + ": SQS event " + event.eventName() + " polls "
                    + event.queueArn() + ", which is no queue of the template; it does not run";
            problems.add(problem);
            context.say().accept(problem);
            return Optional.empty();
        }
        try {
            return Optional.of(new SqsPoller(function, event, queue.get(), client, context.lambda(),
                    context.region(), context.say(), problem -> {
                        problems.add(problem);
                        context.say().accept(problem);
                    }));
        } catch (IllegalArgumentException e) {
            // the template's reading checked each pattern already; an engine that disagrees still only skips this one
            String problem = "function " + function + ": SQS event " + event.eventName() + " has a FilterCriteria "
                    + "pattern that cannot be used (" + e.getMessage() + "); it does not run";
            problems.add(problem);
            context.say().accept(problem);
            return Optional.empty();
        }
    }

    @Override
    public String endpointVariable() {
        return ENDPOINT_VARIABLE;
    }

    @Override
    public String endpoint() {
        return engine.endpoint();
    }

    @Override
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /**
     * No poller is handling a batch, and every queue a poller reads is empty (nothing visible, in flight or delayed).
     * A queue nobody polls, a dead-letter queue for one, is left out: what it holds stays there, and the summary says
     * so.
     */
    @Override
    public boolean quiet() {
        if (pollers.stream().anyMatch(SqsPoller::busy)) {
            return false;
        }
        try {
            return pollers.stream().map(SqsPoller::queue).distinct()
                    .allMatch(q -> QueueDepth.of(sqs, q.url()).total() == 0);
        } catch (RuntimeException e) {
            // an engine that cannot answer moves nothing any more: waiting for it would only wait out the bound
            return true;
        }
    }

    /** One line per queue: {@code queue local-JobsDlq-...: 1 message (dead-letter queue of Jobs)}. */
    @Override
    public List<String> summary() {
        List<String> lines = new ArrayList<>();
        for (TemplateResource.Queue queue : queues.all()) {
            List<String> sources = queues.deadLetterSourcesOf(queue);
            lines.add("queue " + queue.name() + ": " + describe(queue)
                    + (sources.isEmpty() ? "" : " (dead-letter queue of " + String.join(", ", sources) + ")")
                    + filteredOut(queue));
        }
        return lines;
    }

    /** {@code ; 3 filtered out by Worker's Orders event}: what the queue's filters deleted, if anything. */
    private String filteredOut(TemplateResource.Queue queue) {
        StringBuilder text = new StringBuilder();
        for (SqsPoller poller : pollers) {
            int count = poller.filteredOut();
            if (count > 0 && poller.queue().equals(queue)) {
                text.append("; ").append(count).append(count == 1 ? " message" : " messages")
                        .append(" filtered out by ").append(poller.name());
            }
        }
        return text.toString();
    }

    private String describe(TemplateResource.Queue queue) {
        try {
            return QueueDepth.of(sqs, queue.url()).describe();
        } catch (RuntimeException e) {
            return "unknown (the engine did not answer: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        pollers.forEach(SqsPoller::stop);
        engine.close();
        pollers.forEach(SqsPoller::close);
        sqs.close();
    }
}
