package dev.xraytracing.local.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads an {@code AWS::S3::Bucket}'s {@code NotificationConfiguration} as CloudFormation declares it, which is what
 * SAM's {@code S3} events become and what teams also write themselves. Each {@code LambdaConfigurations} entry that
 * names a function of the template runs as that function's {@code S3} event does (S3's {@code configurationId} is
 * {@code {Bucket}Notification{n}}, the entry's place from 1, where AWS would generate an id). Deliveries to queues,
 * topics and EventBridge are one warning each: they are not simulated.
 */
final class BucketNotifications {
    /** A notification that runs: the function's logical id and its S3 event. */
    record Notification(String functionLogicalId, FunctionEvent.S3 event) {
    }

    private final Intrinsics intrinsics;
    private final Consumer<String> warn;

    BucketNotifications(Intrinsics intrinsics, Consumer<String> warn) {
        this.intrinsics = intrinsics;
        this.warn = warn;
    }

    /**
     * The notifications of bucket {@code id} that run here.
     *
     * @throws TemplateError for an entry without its {@code Event} or {@code Function}
     */
    List<Notification> read(String id, String bucketName, JsonNode configuration,
            Collection<TemplateFunction> functions) {
        String where = "resource " + id + " (AWS::S3::Bucket)";
        for (String unsimulated : List.of("QueueConfigurations", "TopicConfigurations", "EventBridgeConfiguration")) {
            if (configuration.has(unsimulated)) {
                warn.accept(where + ": NotificationConfiguration." + unsimulated + " is not simulated");
            }
        }
        List<Notification> notifications = new ArrayList<>();
        JsonNode entries = configuration.path("LambdaConfigurations");
        for (int i = 0; i < entries.size(); i++) {
            String property = "NotificationConfiguration.LambdaConfigurations[" + i + "].";
            JsonNode entry = entries.get(i);
            if (!entry.has("Event") || !entry.has("Function")) {
                throw new TemplateError(property + (entry.has("Event") ? "Function" : "Event") + " is missing");
            }
            String function;
            try {
                function = intrinsics.text(entry.get("Function"));
            } catch (Intrinsics.Undeclared e) {
                throw e;
            } catch (Intrinsics.Unresolved e) { // a function the run does not simulate
                warn.accept(where + ": " + property + "Function: " + e.getMessage()
                        + "; the notification does not run");
                continue;
            }
            Optional<TemplateFunction> target = TemplateFunction.named(functions, function);
            if (target.isEmpty()) {
                warn.accept(where + ": " + property + "Function " + function + " is not a function of this template;"
                        + " the notification does not run");
                continue;
            }
            notifications.add(new Notification(target.get().logicalId(), new FunctionEvent.S3(
                    id + "Notification" + (i + 1), id, bucketName, List.of(intrinsics.text(entry.get("Event"))),
                    FunctionEvents.keyFilter(intrinsics, entry.path("Filter")))));
        }
        return notifications;
    }
}
