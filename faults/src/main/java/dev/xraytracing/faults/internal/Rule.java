package dev.xraytracing.faults.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * One fault rule, checked when it is read: an id, a target ({@code sdk:Service.Operation} with {@code *} for either
 * part, {@code block:Name}, {@code handler}), a mode with its parameters, a percentage and a dry-run flag.
 */
final class Rule {
    enum Kind { SDK, BLOCK, HANDLER }

    enum Mode { LATENCY, EXCEPTION, STATUS, HTTP, TIMEOUT }

    /** The modes, as rules spell them. */
    static final String MODES = "latency, exception, status, http, timeout";

    final String id;
    final Kind kind;
    final String service;
    final String operation;
    final String block;
    final Mode mode;
    final long minMs;
    final long maxMs;
    final String exceptionType;
    /** The {@code type} the rule names, or null: for SDK targets, which modelled exception to throw. */
    final String namedType;
    final String message;
    final int status;
    final String errorCode;
    final String body;
    final double percentage;
    final boolean dryRun;
    /** Applies only to invocations whose event matches; null: every invocation. */
    final EventMatch match;

    private Rule(JsonNode json) {
        id = text(json, "id", null);
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a rule needs an id");
        }
        String target = text(json, "target", null);
        if (target == null) {
            throw new IllegalArgumentException("a rule needs a target");
        }
        if (target.equals("handler")) {
            kind = Kind.HANDLER;
            service = operation = block = null;
        } else if (target.startsWith("block:") && target.length() > 6) {
            kind = Kind.BLOCK;
            block = target.substring(6);
            service = operation = null;
        } else if (target.startsWith("sdk:")) {
            kind = Kind.SDK;
            block = null;
            String call = target.substring(4);
            int dot = call.indexOf('.');
            service = dot < 0 ? call : call.substring(0, dot);
            operation = dot < 0 ? "*" : call.substring(dot + 1);
            if (service.isEmpty() || operation.isEmpty()) {
                throw new IllegalArgumentException("target " + target + " is not sdk:Service.Operation");
            }
        } else {
            throw new IllegalArgumentException("target " + target
                    + " is none of sdk:Service.Operation, block:Name, handler");
        }
        String modeName = text(json, "mode", null);
        try {
            mode = Mode.valueOf(String.valueOf(modeName).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(modeName == null ? "a rule needs a mode (" + MODES + ")"
                    : "unknown mode " + modeName + " (" + MODES + ")");
        }
        long fixed = json.path("latencyMs").asLong(-1);
        minMs = fixed >= 0 ? fixed : json.path("minMs").asLong(-1);
        maxMs = fixed >= 0 ? fixed : json.path("maxMs").asLong(-1);
        if (mode == Mode.LATENCY && (minMs < 0 || maxMs < minMs)) {
            throw new IllegalArgumentException("latency needs latencyMs, or minMs <= maxMs");
        }
        namedType = text(json, "type", null);
        exceptionType = namedType != null ? namedType : "java.lang.RuntimeException";
        message = text(json, "message", "injected by fault rule " + id);
        errorCode = text(json, "errorCode", null);
        status = json.path("status").asInt(mode == Mode.EXCEPTION ? 400 : -1);
        body = text(json, "body", "{\"message\":\"injected by fault rule " + id + "\"}");
        if (mode == Mode.STATUS && (kind != Kind.SDK || !(status == 429 || status >= 500 && status <= 599))) {
            throw new IllegalArgumentException("status is for sdk targets, 429 or 5xx");
        }
        if (mode == Mode.HTTP && (kind != Kind.HANDLER || status < 100 || status > 599)) {
            throw new IllegalArgumentException("http is for the handler target, with a status");
        }
        percentage = json.path("percentage").asDouble(100);
        if (!(percentage >= 0 && percentage <= 100)) {
            throw new IllegalArgumentException("percentage must be 0 to 100");
        }
        dryRun = json.path("dryRun").asBoolean(false);
        match = EventMatch.of(json.get("match"));
    }

    /** The rule {@code json} describes; {@link IllegalArgumentException} saying what is wrong otherwise. */
    static Rule of(JsonNode json) {
        return new Rule(json);
    }

    boolean targetsSdk(String calledService, String calledOperation) {
        return kind == Kind.SDK && (service.equals("*") || service.equalsIgnoreCase(calledService))
                && (operation.equals("*") || operation.equalsIgnoreCase(calledOperation));
    }

    boolean targetsBlock(String name) {
        return kind == Kind.BLOCK && (block.equals("*") || block.equals(name));
    }

    String modeName() {
        return mode.name().toLowerCase(Locale.ROOT);
    }

    String target() {
        return kind == Kind.HANDLER ? "handler" : kind == Kind.BLOCK ? "block:" + block : "sdk:" + service + "." + operation;
    }

    private static String text(JsonNode json, String field, String fallback) {
        JsonNode value = json.get(field);
        return value != null && value.isValueNode() && !value.isNull() ? value.asText() : fallback;
    }
}
