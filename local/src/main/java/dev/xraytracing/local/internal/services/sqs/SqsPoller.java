package dev.xraytracing.local.internal.services.sqs;

import dev.xraytracing.local.events.EventSource;
import dev.xraytracing.local.internal.lambda.InvokeResponse;
import dev.xraytracing.local.template.FunctionEvent;
import dev.xraytracing.local.template.TemplateResource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * One SQS event source mapping, run as Lambda runs it: a daemon thread long-polls the queue, gathers up to
 * {@code BatchSize} messages within {@code MaximumBatchingWindowInSeconds} (none: invoke with what one poll returns),
 * invokes the function with the {@link SqsEvent} and no trace header (Lambda starts a new trace for each batch, linked
 * to the producers), then deletes what {@link BatchOutcome} says succeeded. What is not deleted becomes visible again
 * after the queue's visibility timeout, and the queue's redrive policy moves it to its dead-letter queue after
 * {@code maxReceiveCount} receives: the engine does both. A message its {@code FilterCriteria} does not keep
 * ({@link SqsFilter}) is deleted without an invocation, as Lambda deletes it; the first is said, and the run's summary
 * counts them. One batch at a time per mapping.
 */
final class SqsPoller implements AutoCloseable {
    /** SQS's longest poll, as Lambda's pollers use; the engine cuts open polls when the run stops. */
    private static final int LONG_POLL_SECONDS = 20;
    /** SQS returns at most 10 messages per ReceiveMessage. */
    private static final int MAX_PER_RECEIVE = 10;
    private static final long JOIN_BOUND_MILLIS = 5_000;

    private final String function;
    private final FunctionEvent.Sqs mapping;
    private final TemplateResource.Queue queue;
    private final SqsClient sqs;
    private final EventSource.Lambda lambda;
    private final String region;
    private final Consumer<String> say;
    private final Consumer<String> problem;
    private final SqsFilter filter;
    private final AtomicInteger filteredOut = new AtomicInteger();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean invoking;
    /** Whether the last failure was said; a failure that repeats every poll is said once until a poll succeeds. */
    private boolean failureSaid;

    SqsPoller(String function, FunctionEvent.Sqs mapping, TemplateResource.Queue queue, SqsClient sqs,
              EventSource.Lambda lambda, String region, Consumer<String> say, Consumer<String> problem) {
        this.filter = SqsFilter.of(mapping.filterPatterns());
        this.function = function;
        this.mapping = mapping;
        this.queue = queue;
        this.sqs = sqs;
        this.lambda = lambda;
        this.region = region;
        this.say = say;
        this.problem = problem;
        this.thread = new Thread(this::poll, "sqs-poller-" + function + "-" + mapping.eventName());
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    TemplateResource.Queue queue() {
        return queue;
    }

    /** {@code Worker's Orders event}: the mapping, as the summary names it. */
    String name() {
        return function + "'s " + mapping.eventName() + " event";
    }

    /** How many messages the mapping's {@code FilterCriteria} did not keep (each deleted, as Lambda deletes it). */
    int filteredOut() {
        return filteredOut.get();
    }

    /** Whether a batch is being handled: received, invoked, or its deletes still under way. */
    boolean busy() {
        return invoking;
    }

    private void poll() {
        List<Message> batch = new ArrayList<>();
        long windowEnds = 0;
        while (running) {
            try {
                int wanted = Math.min(MAX_PER_RECEIVE, mapping.batchSize() - batch.size());
                List<Message> received = kept(receive(wanted, batch.isEmpty() ? LONG_POLL_SECONDS
                        : secondsLeft(windowEnds)));
                failureSaid = false;
                if (!received.isEmpty() && batch.isEmpty()) {
                    invoking = true;
                    windowEnds = System.nanoTime() + TimeUnit.SECONDS.toNanos(mapping.maximumBatchingWindowSeconds());
                }
                batch.addAll(received);
                if (!batch.isEmpty() && (batch.size() >= mapping.batchSize() || System.nanoTime() >= windowEnds)) {
                    handle(batch);
                    batch = new ArrayList<>();
                    invoking = false;
                }
            } catch (RuntimeException e) {
                if (running) {
                    if (!failureSaid) {
                        problem.accept("function " + function + ": SQS event " + mapping.eventName() + ": "
                                + e.getMessage() + "; what it received stays on the queue");
                        failureSaid = true;
                    }
                    batch = new ArrayList<>();
                    invoking = false;
                    pause();
                }
            }
        }
    }

    private List<Message> receive(int wanted, int waitSeconds) {
        return sqs.receiveMessage(b -> b.queueUrl(queue.url())
                .maxNumberOfMessages(wanted)
                .waitTimeSeconds(waitSeconds)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                .messageAttributeNames("All")).messages();
    }

    /**
     * The messages the filter keeps; the others are deleted now (Lambda applies the filter to each message before it
     * joins a batch, and removes what no filter matches from the queue).
     */
    private List<Message> kept(List<Message> received) {
        if (filter.isEmpty() || received.isEmpty()) {
            return received;
        }
        List<Message> kept = new ArrayList<>();
        List<Message> dropped = new ArrayList<>();
        for (Message message : received) {
            (filter.keeps(message, queue.arn(), region) ? kept : dropped).add(message);
        }
        if (!dropped.isEmpty()) {
            if (filteredOut.getAndAdd(dropped.size()) == 0) {
                say.accept("function " + function + ": SQS event " + mapping.eventName() + ": message "
                        + dropped.get(0).messageId() + " matches no filter of its FilterCriteria, so it is deleted "
                        + "without invoking " + function + ", as Lambda does (said once; the summary counts them)");
            }
            delete(dropped, "was filtered out");
        }
        return kept;
    }

    /** Whole seconds left in the batching window, at least 1 (SQS waits in whole seconds). */
    private static int secondsLeft(long windowEnds) {
        long left = windowEnds - System.nanoTime();
        return left <= 0 ? 0 : (int) Math.max(1, Math.min(LONG_POLL_SECONDS, TimeUnit.NANOSECONDS.toSeconds(
                left + TimeUnit.SECONDS.toNanos(1) - 1)));
    }

    private void handle(List<Message> batch) {
        byte[] event = SqsEvent.of(batch, queue.arn(), region);
        InvokeResponse response = lambda.invokeLinkedTo(function, event, SqsEvent.producerTraceHeaders(batch));
        BatchOutcome outcome = BatchOutcome.of(response, batch, mapping.reportBatchItemFailures());
        outcome.problem().ifPresent(problem -> say.accept("function " + function + ": its batch response for SQS"
                + " event " + mapping.eventName() + " fails the whole batch, as Lambda would: " + problem));
        delete(outcome.delete(), "was handled");
    }

    /** Deletes {@code messages}; {@code what} says what happened to them, for a refused delete's line. */
    private void delete(List<Message> messages, String what) {
        for (int from = 0; from < messages.size(); from += MAX_PER_RECEIVE) {
            List<Message> chunk = messages.subList(from, Math.min(messages.size(), from + MAX_PER_RECEIVE));
            List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                entries.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(i))
                        .receiptHandle(chunk.get(i).receiptHandle()).build());
            }
            DeleteMessageBatchResponse response = sqs.deleteMessageBatch(b -> b.queueUrl(queue.url())
                    .entries(entries));
            // A delete the engine refused leaves a handled message to be received again: said, never silent.
            for (BatchResultErrorEntry refused : response.failed()) {
                Message message = chunk.get(Integer.parseInt(refused.id()));
                problem.accept("function " + function + ": SQS event " + mapping.eventName() + ": message "
                        + message.messageId() + " " + what + " but its delete failed (" + refused.code() + ": "
                        + refused.message() + "); the queue delivers it again after its visibility timeout");
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Stops polling; the engine, stopped next, cuts an open poll. */
    void stop() {
        running = false;
    }

    /** Waits a bounded time for the thread to end (a function still running keeps it, as a daemon). */
    @Override
    public void close() {
        stop();
        try {
            thread.join(JOIN_BOUND_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
