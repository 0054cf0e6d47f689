package dev.xraytracing.lambda.internal;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * When this process started, for the {@code InitDurationMs} annotation. Read from the kernel's records in
 * {@code /proc} (10 ms resolution), because the JVM's own figure sits behind the management classes, about 60 of
 * them, which cost a cold start on one vCPU more than the rest of a traced invocation. Where {@code /proc} cannot be
 * read, the JVM's figure it is.
 */
final class ProcessStart {
    /** Linux's clock ticks per second as {@code /proc} counts them (USER_HZ, fixed at 100 for user space). */
    private static final double TICKS_PER_SECOND = 100;

    private ProcessStart() {
    }

    /** Epoch millis of the process start. */
    static long epochMillis() {
        try {
            long fromProc = fromProc(read("/proc/self/stat"), read("/proc/uptime"), System.currentTimeMillis());
            if (fromProc > 0) {
                return fromProc;
            }
        } catch (Exception unreadable) {
            // not Linux, or a sandbox without /proc: ask the JVM
        }
        return ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    /**
     * The start from the two files' text, or -1 when they do not say: {@code stat}'s 22nd field is the start in
     * ticks since boot, {@code uptime}'s first the seconds since boot.
     */
    static long fromProc(String stat, String uptime, long nowMillis) {
        int endOfName = stat.lastIndexOf(')'); // the command name in parentheses may hold spaces
        if (endOfName < 0) {
            return -1;
        }
        String[] fields = stat.substring(endOfName + 2).trim().split(" ");
        // after the name: state is field 3, so the start time (field 22) is at index 22 - 3
        if (fields.length < 20) {
            return -1;
        }
        long startTicks = Long.parseLong(fields[19]);
        double upSeconds = Double.parseDouble(uptime.trim().split(" ")[0]);
        double sinceStartMillis = (upSeconds - startTicks / TICKS_PER_SECOND) * 1000;
        if (sinceStartMillis < 0) {
            return -1;
        }
        return nowMillis - Math.round(sinceStartMillis);
    }

    private static String read(String file) throws Exception {
        return new String(Files.readAllBytes(Path.of(file)), StandardCharsets.US_ASCII);
    }
}
