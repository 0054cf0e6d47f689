package dev.xraytracing.local.internal.services;

/**
 * A {@link LocalService} that can fire a template's schedule now, as if its time had come: {@code LocalRun
 * --fire-schedule} and {@code LocalPlatform.fireSchedule} reach the schedule service through it. The schedule service
 * implements it; until it is merged, no service does and firing says so in one line.
 */
public interface FiresSchedules {
    /**
     * Fires one schedule once, with the event EventBridge Scheduler (or the rule) would send; returns at once, the
     * invocation runs on the service's own thread. {@code schedule} is {@code FUNCTION/EventName} (the function's
     * name, as {@link ServiceContext#events()} keys it, and the key under its {@code Events}) for a function's
     * {@code Schedule}/{@code ScheduleV2} event, or the logical id of an {@code AWS::Events::Rule} with a
     * {@code ScheduleExpression}; callers resolve what the user typed to one of these first.
     *
     * @throws IllegalArgumentException when {@code schedule} names no schedule of the template
     */
    void fire(String schedule);
}
