package dev.xraytracing.local.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads an {@code AWS::Scheduler::Schedule} (EventBridge Scheduler; SAM's {@code ScheduleV2} event is one) into its
 * {@link TemplateResource.SchedulerSchedule}. CloudFormation requires {@code ScheduleExpression},
 * {@code FlexibleTimeWindow} and a {@code Target} with its {@code Arn} and {@code RoleArn}; a missing one is a
 * {@link TemplateError}. What changes when or how a target is reached (a start or end date, retries, a dead-letter
 * queue, service parameters) is one warning each: the schedule fires as the run's schedules do.
 */
final class SchedulerSchedules {
    static final String TYPE = "AWS::Scheduler::Schedule";
    private static final List<String> UNSIMULATED = List.of("StartDate", "EndDate");
    private static final List<String> UNSIMULATED_TARGET = List.of("DeadLetterConfig", "RetryPolicy",
            "SqsParameters", "EcsParameters", "EventBridgeParameters", "KinesisParameters",
            "SageMakerPipelineParameters");

    private final Intrinsics intrinsics;

    SchedulerSchedules(Intrinsics intrinsics) {
        this.intrinsics = intrinsics;
    }

    TemplateResource.SchedulerSchedule read(JsonNode p, String id, ResourceIdentities.Identity identity,
            Consumer<String> warn) {
        for (String required : List.of("ScheduleExpression", "FlexibleTimeWindow", "Target")) {
            if (!p.has(required)) {
                throw new TemplateError(required + " is missing");
            }
        }
        JsonNode target = p.get("Target");
        for (String required : List.of("Arn", "RoleArn")) {
            if (!target.has(required)) {
                throw new TemplateError("Target." + required + " is missing");
            }
        }
        for (String property : UNSIMULATED) {
            if (p.has(property)) {
                warn.accept("resource " + id + " (" + TYPE + "): " + property + " is not simulated");
            }
        }
        for (String property : UNSIMULATED_TARGET) {
            if (target.has(property)) {
                warn.accept("resource " + id + " (" + TYPE + "): Target." + property + " is not simulated");
            }
        }
        Optional<String> input = target.has("Input") ? Optional.of(intrinsics.text(target.get("Input")))
                : Optional.empty();
        return new TemplateResource.SchedulerSchedule(id, identity.name(), identity.attributes().get("Arn"),
                intrinsics.text(p.get("ScheduleExpression")),
                p.has("State") ? intrinsics.text(p.get("State")) : "ENABLED",
                new TemplateResource.Target(id, intrinsics.text(target.get("Arn")), input));
    }
}
