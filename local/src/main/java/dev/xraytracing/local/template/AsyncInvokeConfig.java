package dev.xraytracing.local.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What a function's asynchronous invocations do when they fail, from its {@code EventInvokeConfig} and
 * {@code DeadLetterQueue} ({@code Globals.Function} merged in): how many times Lambda retries a function error, how old
 * an event may grow, and where the event goes after the last attempt.
 *
 * @param maximumRetryAttempts   retries after the first attempt, 0 to 2 (default 2)
 * @param maximumEventAgeSeconds 60 to 21600 (default 21600, 6 hours)
 * @param onFailure              the on-failure destination's ARN (an SQS queue or SNS topic)
 * @param deadLetterQueue        the dead-letter queue's ARN (an SQS queue or SNS topic)
 */
public record AsyncInvokeConfig(int maximumRetryAttempts, int maximumEventAgeSeconds, Optional<String> onFailure,
                                Optional<String> deadLetterQueue) {
    /** What Lambda does for a function that configures nothing. */
    public static final AsyncInvokeConfig DEFAULT = new AsyncInvokeConfig(2, 21_600, Optional.empty(),
            Optional.empty());

    private static final Set<String> TARGET_TYPES = Set.of("SQS", "SNS");

    /** The ARNs this configuration may send a failed event to: the on-failure destination, then the DLQ. */
    public List<String> failureTargets() {
        return Stream.of(onFailure, deadLetterQueue).flatMap(Optional::stream).toList();
    }

    /** Reads a function's merged properties; a value CloudFormation would refuse is a {@link TemplateError}. */
    static AsyncInvokeConfig read(JsonNode properties, Intrinsics intrinsics) {
        JsonNode invokeConfig = properties.path("EventInvokeConfig");
        int retries = bounded(invokeConfig.path("MaximumRetryAttempts"), "MaximumRetryAttempts", 0, 2,
                DEFAULT.maximumRetryAttempts);
        int age = bounded(invokeConfig.path("MaximumEventAgeInSeconds"), "MaximumEventAgeInSeconds", 60, 21_600,
                DEFAULT.maximumEventAgeSeconds);
        JsonNode onFailure = invokeConfig.path("DestinationConfig").path("OnFailure");
        Optional<String> destination = onFailure.isMissingNode() ? Optional.empty()
                : Optional.of(target(onFailure, "Destination", "EventInvokeConfig.DestinationConfig.OnFailure",
                intrinsics));
        JsonNode deadLetters = properties.path("DeadLetterQueue");
        Optional<String> queue = deadLetters.isMissingNode() ? Optional.empty()
                : Optional.of(target(deadLetters, "TargetArn", "DeadLetterQueue", intrinsics));
        return new AsyncInvokeConfig(retries, age, destination, queue);
    }

    private static int bounded(JsonNode value, String property, int min, int max, int fallback) {
        if (value.isMissingNode()) {
            return fallback;
        }
        if (!value.canConvertToInt() && !value.asText().matches("-?\\d+")) {
            throw new TemplateError("EventInvokeConfig." + property + " " + value.asText() + " is not a number");
        }
        int number = value.asInt();
        if (number < min || number > max) {
            throw new TemplateError("EventInvokeConfig." + property + " " + number + " is out of range: it must be "
                    + min + " to " + max);
        }
        return number;
    }

    private static String target(JsonNode config, String arnProperty, String property, Intrinsics intrinsics) {
        String type = config.path("Type").asText("");
        if (!TARGET_TYPES.contains(type)) {
            throw new TemplateError(property + ".Type " + (type.isEmpty() ? "(none)" : type) + " is not simulated:"
                    + " xray-tracing-local sends failed asynchronous events to SQS and SNS only");
        }
        if (config.path(arnProperty).isMissingNode()) {
            throw new TemplateError(property + "." + arnProperty + " is missing");
        }
        return intrinsics.text(config.path(arnProperty));
    }
}
