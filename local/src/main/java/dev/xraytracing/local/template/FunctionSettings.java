package dev.xraytracing.local.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * Reads a function's (or an API's) single-valued settings as CloudFormation would: through {@code Ref}, {@code Sub} and
 * the other intrinsics the run resolves, within Lambda's limits. A reference to nothing is a {@link TemplateError}; an
 * intrinsic the run does not simulate leaves the default, with one warning.
 */
final class FunctionSettings {
    private final Intrinsics intrinsics;
    private final Consumer<String> warn;

    FunctionSettings(Intrinsics intrinsics, Consumer<String> warn) {
        this.intrinsics = intrinsics;
        this.warn = warn;
    }

    /**
     * A whole-number property (a number, a numeral or an intrinsic giving one) within Lambda's limits, as
     * CloudFormation checks it: {@code MemorySize} 128 to 10240 MB, {@code Timeout} 1 to 900 s. An intrinsic the run
     * does not simulate ({@code Fn::ImportValue}) leaves {@code absent} and one warning.
     */
    int wholeNumber(String logicalId, JsonNode properties, String property, int absent, int min, int max) {
        Optional<String> text = text("function " + logicalId, properties, property, String.valueOf(absent));
        if (text.isEmpty()) {
            return absent;
        }
        if (!text.get().matches("-?\\d{1,9}")) {
            throw new TemplateError(property + " " + text.get() + " is not a whole number");
        }
        int value = Integer.parseInt(text.get());
        if (value < min || value > max) {
            throw new TemplateError(property + " " + value + " is out of range: it must be " + min + " to " + max);
        }
        return value;
    }

    /** {@code Tracing}: {@code Active}, or {@code PassThrough} (also for {@code Disabled}, which SAM treats as none). */
    String tracing(String logicalId, JsonNode properties) {
        String mode = text("function " + logicalId, properties, "Tracing", "PassThrough").orElse("PassThrough");
        return switch (mode) {
            case "Active" -> "Active";
            case "PassThrough", "Disabled" -> "PassThrough";
            default -> throw new TemplateError("Tracing " + mode + " must be Active, PassThrough or Disabled");
        };
    }

    /**
     * A property's text, through {@code Ref} and the other intrinsics the run resolves; empty when absent, or (with one
     * warning, {@code owner} and {@code fallback} in it) when its intrinsic is not simulated.
     */
    Optional<String> text(String owner, JsonNode properties, String property, String fallback) {
        JsonNode value = properties.path(property);
        if (value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        try {
            return Optional.of(intrinsics.text(value));
        } catch (Intrinsics.Undeclared e) {
            throw new TemplateError(property + ": " + e.getMessage());
        } catch (Intrinsics.Unresolved e) {
            warn.accept(owner + ": " + property + ": " + e.getMessage() + "; " + fallback + " is used");
            return Optional.empty();
        }
    }

    /** {@code ReservedConcurrentExecutions}: a whole number from 0 (the function never runs) up. */
    OptionalInt reservedConcurrency(JsonNode properties) {
        JsonNode value = properties.path("ReservedConcurrentExecutions");
        if (value.isMissingNode() || value.isNull()) {
            return OptionalInt.empty();
        }
        String text;
        try {
            text = intrinsics.text(value);
        } catch (Intrinsics.Unresolved e) {
            throw new TemplateError("ReservedConcurrentExecutions: " + e.getMessage());
        }
        if (!text.matches("\\d{1,9}")) {
            throw new TemplateError("ReservedConcurrentExecutions " + text + " is not a whole number of 0 or more");
        }
        return OptionalInt.of(Integer.parseInt(text));
    }
}
