package dev.xraytracing.local.internal.services.schedule;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The period of a {@code rate(value unit)} expression, as EventBridge and EventBridge Scheduler read it: a positive
 * whole number of {@code minute(s)}, {@code hour(s)} or {@code day(s)}. {@code cron(...)} and {@code at(...)} have no
 * period here: they fire only on demand.
 */
final class ScheduleRate {
    private static final Pattern RATE = Pattern.compile("rate\\(\\s*(\\d+)\\s+(minutes?|hours?|days?)\\s*\\)");

    private ScheduleRate() {
    }

    /** The period, or empty for a cron or at expression; an unreadable rate is an IllegalArgumentException. */
    static Optional<Duration> of(String expression) {
        String trimmed = expression.trim().toLowerCase(Locale.ROOT);
        if (!trimmed.startsWith("rate(")) {
            return Optional.empty();
        }
        Matcher rate = RATE.matcher(trimmed);
        long value = rate.matches() ? Long.parseLong(rate.group(1)) : 0;
        if (value <= 0) {
            throw new IllegalArgumentException("the rate " + expression + " is not rate(value unit) with a positive"
                    + " value and a unit of minutes, hours or days");
        }
        return Optional.of(switch (rate.group(2).charAt(0)) {
            case 'm' -> Duration.ofMinutes(value);
            case 'h' -> Duration.ofHours(value);
            default -> Duration.ofDays(value);
        });
    }
}
