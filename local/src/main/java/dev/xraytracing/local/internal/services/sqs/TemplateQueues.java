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

    private TemplateQueues(List<TemplateResource.Queue> queues) {
        this.queues = List.copyOf(queues);
    }

    /** Creates every queue; a dead-letter queue that is not one of the template's is an error naming it. */
    static TemplateQueues create(SqsClient sqs, List<TemplateResource.Queue> declared) {
        Map<String, TemplateResource.Queue> byArn = new LinkedHashMap<>();
        declared.forEach(q -> byArn.put(q.arn(), q));
        List<TemplateResource.Queue> ordered = new ArrayList<>();
        for (TemplateResource.Queue queue : declared) {
            addAfterItsDeadLetterQueues(queue, byArn, ordered, new ArrayList<>());
        }
        for (TemplateResource.Queue queue : ordered) {
            sqs.createQueue(b -> b.queueName(queue.name()).attributes(attributes(queue)));
        }
        return new TemplateQueues(ordered);
    }

    private static void addAfterItsDeadLetterQueues(TemplateResource.Queue queue,
                                                    Map<String, TemplateResource.Queue> byArn,
                                                    List<TemplateResource.Queue> ordered,
                                                    List<TemplateResource.Queue> visiting) {
        if (ordered.contains(queue) || visiting.contains(queue)) {
            return;
        }
        visiting.add(queue);
        if (queue.redrivePolicy().isPresent()) {
            String target = queue.redrivePolicy().get().deadLetterTargetArn();
            TemplateResource.Queue deadLetters = byArn.get(target);
            if (deadLetters == null) {
                throw new IllegalArgumentException("queue " + queue.logicalId() + ": RedrivePolicy deadLetterTargetArn "
                        + target + " is no queue of the template");
            }
            addAfterItsDeadLetterQueues(deadLetters, byArn, ordered, visiting);
        }
        ordered.add(queue);
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
