package dev.xraytracing.local.internal.services.schedule;

import dev.xraytracing.local.internal.services.eventbridge.EventRule;
import dev.xraytracing.local.template.FunctionEvent;
import dev.xraytracing.local.template.TemplateResource;
import java.util.List;

/**
 * One schedule of the run: an EventBridge rule with a schedule expression (an {@code AWS::Events::Rule}, or the rule
 * SAM makes for a function's {@code Schedule} event) or an EventBridge Scheduler schedule (a function's
 * {@code ScheduleV2} event). {@code names} are what {@link ScheduleService#fire} accepts for it; {@code source} is
 * the scheduled event's ({@code aws.events} or {@code aws.scheduler}).
 */
record Schedule(List<String> names, String arn, String expression, boolean enabled, String source,
                List<TemplateResource.Target> targets) {
    String name() {
        return names.get(0);
    }

    static Schedule of(TemplateResource.Rule rule) {
        return new Schedule(List.of(rule.name(), rule.logicalId()), rule.arn(), rule.scheduleExpression().orElseThrow(),
                !rule.state().equals("DISABLED"), "aws.events", rule.targets());
    }

    /** An {@code AWS::Scheduler::Schedule}: by its name or logical id, with its one target. */
    static Schedule of(TemplateResource.SchedulerSchedule schedule) {
        return new Schedule(List.of(schedule.name(), schedule.logicalId()), schedule.arn(),
                schedule.scheduleExpression(), !schedule.state().equals("DISABLED"), "aws.scheduler",
                List.of(schedule.target()));
    }

    /** A function's {@code Schedule} (a rule on the default bus) or {@code ScheduleV2} (a Scheduler schedule). */
    static Schedule of(String function, String region, String accountId, FunctionEvent.Schedule event) {
        EventRule rule = EventRule.of(function, region, accountId, event);
        List<String> names = List.of(rule.name(), function + "/" + event.eventName(), event.eventName());
        if (event.type().equals("ScheduleV2")) {
            return new Schedule(names, "arn:aws:scheduler:" + region + ":" + accountId + ":schedule/default/"
                    + rule.name(), event.expression(), event.enabled(), "aws.scheduler", rule.targets());
        }
        return new Schedule(names, rule.arn(), event.expression(), event.enabled(), "aws.events", rule.targets());
    }
}
