package dev.xraytracing.local.template;

import com.fasterxml.jackson.databind.JsonNode;
import dev.xraytracing.local.app.LocalRunException;
import java.util.Collection;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Gives functions the events that other resources declare for them, once every function is read: the SQS mappings
 * of {@code AWS::Lambda::EventSourceMapping} resources ({@link EventSourceMappings}) and the buckets' own
 * {@code NotificationConfiguration} ({@link BucketNotifications}), CloudFormation's forms of SAM's {@code SQS} and
 * {@code S3} events. What CloudFormation would refuse is a {@link LocalRunException} naming the resource.
 */
final class EventsDeclaredElsewhere {
    private final EventSourceMappings mappings;
    private final BucketNotifications notifications;
    private final String fileName;

    EventsDeclaredElsewhere(Intrinsics intrinsics, FunctionEvents events, Consumer<String> warn, String fileName) {
        this.mappings = new EventSourceMappings(intrinsics, events, warn);
        this.notifications = new BucketNotifications(intrinsics, warn);
        this.fileName = fileName;
    }

    /**
     * @param mapped   the {@code AWS::Lambda::EventSourceMapping} resources' properties, by logical id
     * @param declared every resource of the template, by logical id
     */
    void addTo(Map<String, TemplateFunction> functions, Map<String, JsonNode> mapped, Map<String, JsonNode> declared,
            Collection<TemplateResource> resources) {
        mapped.forEach((id, properties) -> {
            try {
                mappings.read(id, properties, functions.values()).ifPresent(mapping -> functions.computeIfPresent(
                        mapping.functionLogicalId(), (key, function) -> function.withEvent(mapping.event())));
            } catch (TemplateError | Intrinsics.Unresolved e) {
                throw refused(id, EventSourceMappings.TYPE, e);
            }
        });
        for (TemplateResource resource : resources) {
            if (resource instanceof TemplateResource.Bucket bucket) {
                JsonNode configuration = declared.get(bucket.logicalId()).path("Properties")
                        .path("NotificationConfiguration");
                try {
                    notifications.read(bucket.logicalId(), bucket.name(), configuration, functions.values())
                            .forEach(notification -> functions.computeIfPresent(notification.functionLogicalId(),
                                    (key, function) -> function.withEvent(notification.event())));
                } catch (TemplateError | Intrinsics.Unresolved e) {
                    throw refused(bucket.logicalId(), "AWS::S3::Bucket", e);
                }
            }
        }
    }

    private LocalRunException refused(String id, String type, RuntimeException e) {
        return new LocalRunException(fileName + ": resource " + id + " (" + type + "): " + e.getMessage());
    }
}
