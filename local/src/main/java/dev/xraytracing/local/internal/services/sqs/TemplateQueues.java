package dev.xraytracing.local.internal.services.sqs;

import dev.xraytracing.local.template.TemplateResource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The template's queues, created on the engine as CloudFormation creates them: each with its physical name and the
 * attributes the template gives, every dead-letter queue before the queues whose {@code RedrivePolicy} names it (as
 * CloudFormation orders them by that reference). They are then addressed by the URL the template resolved.
 */
final class TemplateQueues {
    private final List<TemplateResource.Queue> queues;
    private final List<String> problems;

    private TemplateQueues(List<TemplateResource.Queue> queues, List<String> problems) {
        this.queues = List.copyOf(queues);
        this.problems = List.copyOf(problems);
    }

    /**
     * Creates every queue. A dead-letter queue that is not one of the template's (a queue of another stack) cannot be
     * here: its queue is created without the redrive policy, and {@link #problems()} says so.
     */
    static TemplateQueues create(SqsClient sqs, List<TemplateResource.Queue> declared) {
        Map<String, TemplateResource.Queue> byArn = new LinkedHashMap<>();
        declared.forEach(q -> byArn.put(q.arn(), q));
        List<String> problems = new ArrayList<>();
        List<TemplateResource.Queue> ordered = new ArrayList<>();
        for (TemplateResource.Queue queue : declared) {
            addAfterItsDeadLetterQueues(queue, byArn, ordered, new ArrayList<>(), problems);
        }
        for (TemplateResource.Queue queue : ordered) {
            sqs.createQueue(b -> b.queueName(queue.name()).attributes(attributes(queue)));
        }
        return new TemplateQueues(ordered, problems);
    }

    private static void addAfterItsDeadLetterQueues(TemplateResource.Queue queue,
                                                    Map<String, TemplateResource.Queue> byArn,
                                                    List<TemplateResource.Queue> ordered,
                                                    List<TemplateResource.Queue> visiting, List<String> problems) {
        if (visiting.contains(queue) || ordered.stream().anyMatch(q -> q.logicalId().equals(queue.logicalId()))) {
            return;
        }
        visiting.add(queue);
        if (queue.redrivePolicy().isPresent()) {
            String target = queue.redrivePolicy().get().deadLetterTargetArn();
            TemplateResource.Queue deadLetters = byArn.get(target);
            if (deadLetters == null) {
                problems.add("queue " + queue.logicalId() + ": its dead-letter queue " + target + " is no queue of the"
                        + " template, so its failed messages are never moved");
                ordered.add(withoutRedrive(queue));
                return;
            }
            addAfterItsDeadLetterQueues(deadLetters, byArn, ordered, visiting, problems);
        }
        ordered.add(queue);
    }

    private static TemplateResource.Queue withoutRedrive(TemplateResource.Queue q) {
        return new TemplateResource.Queue(q.logicalId(), q.name(), q.arn(), q.url(), q.fifo(),
                q.contentBasedDeduplication(), q.visibilityTimeoutSeconds(), q.delaySeconds(),
                q.messageRetentionSeconds(), Optional.empty());
    }

    /** One line for each redrive policy that could not be kept. */
    List<String> problems() {
        return problems;
    }

    private static Map<QueueAttributeName, String> attributes(TemplateResource.Queue queue) {
        Map<QueueAttributeName, String> attributes = new LinkedHashMap<>();
        attributes.put(QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(queue.visibilityTimeoutSeconds()));
        attributes.put(QueueAttributeName.DELAY_SECONDS, Integer.toString(queue.delaySeconds()));
        attributes.put(QueueAttributeName.MESSAGE_RETENTION_PERIOD, Integer.toString(queue.messageRetentionSeconds()));
        if (queue.fifo()) {
            attributes.put(QueueAttributeName.FIFO_QUEUE, "true");
            attributes.put(QueueAttributeName.CONTENT_BASED_DEDUPLICATION,
                    Boolean.toString(queue.contentBasedDeduplication()));
        }
        queue.redrivePolicy().ifPresent(p -> attributes.put(QueueAttributeName.REDRIVE_POLICY,
                "{\"deadLetterTargetArn\":\"" + p.deadLetterTargetArn() + "\",\"maxReceiveCount\":"
                        + p.maxReceiveCount() + "}"));
        return attributes;
    }

    /** In creation order: dead-letter queues first. */
    List<TemplateResource.Queue> all() {
        return queues;
    }

    Optional<TemplateResource.Queue> byArn(String arn) {
        return queues.stream().filter(q -> q.arn().equals(arn)).findFirst();
    }

    /** The queues whose {@code RedrivePolicy} names {@code queue} as their dead-letter queue, by logical id. */
    List<String> deadLetterSourcesOf(TemplateResource.Queue queue) {
        return queues.stream()
                .filter(q -> q.redrivePolicy().map(p -> p.deadLetterTargetArn().equals(queue.arn())).orElse(false))
                .map(TemplateResource.Queue::logicalId)
                .toList();
    }
}
