package dev.xraytracing.examples;

import java.util.Map;

/** The examples' configuration, read from the environment Lambda (or the local run) gives them. */
final class ExampleSettings {
    static final String SECOND_FUNCTION_NAME = "SECOND_FUNCTION_NAME";
    static final String DEFAULT_SECOND_FUNCTION = "MySecondLambda";
    static final String WORK_MILLIS = "WORK_MILLIS";
    static final long DEFAULT_WORK_MILLIS = 2_000;

    private ExampleSettings() {
    }

    static String secondFunctionName(Map<String, String> environment) {
        String name = environment.get(SECOND_FUNCTION_NAME);
        return name == null || name.isBlank() ? DEFAULT_SECOND_FUNCTION : name;
    }

    static long workMillis(Map<String, String> environment) {
        String millis = environment.get(WORK_MILLIS);
        if (millis == null || millis.isBlank()) {
            return DEFAULT_WORK_MILLIS;
        }
        try {
            return Math.max(0, Long.parseLong(millis.trim()));
        } catch (NumberFormatException e) {
            return DEFAULT_WORK_MILLIS;
        }
    }
}
