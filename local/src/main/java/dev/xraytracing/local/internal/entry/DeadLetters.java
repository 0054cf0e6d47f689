package dev.xraytracing.local.internal.entry;

import dev.xraytracing.local.app.LocalRunException;
import dev.xraytracing.local.template.TemplateResource;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The dead-letter queues of the template (every queue another queue's {@code RedrivePolicy} names, and every queue a
 * function sends its failed asynchronous events to) and what each holds at the end of a run, read from the SQS engine
 * with the SDK: messages the app gave up on.
 */
public final class DeadLetters {
    private DeadLetters() {
    }

    /**
     * Each dead-letter queue's logical id to the messages it holds; empty when no SQS engine runs.
     * {@code functionFailureTargets} are the ARNs of functions' dead-letter queues and on-failure destinations.
     */
    public static Map<String, Integer> count(List<TemplateResource> resources, List<String> functionFailureTargets,
                                             Producers producers) {
        Map<String, Integer> held = new LinkedHashMap<>();
        if (!producers.runs("AWS_ENDPOINT_URL_SQS")) {
            return held;
        }
        for (TemplateResource.Queue queue : of(resources, functionFailureTargets)) {
            try {
                held.put(queue.logicalId(), producers.messagesIn(queue));
            } catch (SdkException e) {
                throw new LocalRunException("cannot read dead-letter queue " + queue.logicalId() + " from the SQS"
                        + " engine: " + e.getMessage());
            }
        }
        return held;
    }

    /** The queues some queue's redrive policy or some function's failure target names, in template order. */
    static List<TemplateResource.Queue> of(List<TemplateResource> resources, List<String> functionFailureTargets) {
        List<TemplateResource.Queue> queues = resources.stream().filter(TemplateResource.Queue.class::isInstance)
                .map(TemplateResource.Queue.class::cast).toList();
        Set<String> targets = queues.stream().flatMap(q -> q.redrivePolicy().stream())
                .map(TemplateResource.RedrivePolicy::deadLetterTargetArn).collect(Collectors.toCollection(HashSet::new));
        targets.addAll(functionFailureTargets);
        return queues.stream().filter(q -> targets.contains(q.arn())).toList();
    }
}
