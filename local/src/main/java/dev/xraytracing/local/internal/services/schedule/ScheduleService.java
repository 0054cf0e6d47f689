package dev.xraytracing.local.internal.services.schedule;

import com.sun.net.httpserver.HttpExchange;
import dev.xraytracing.local.internal.HttpServers;
import dev.xraytracing.local.internal.TraceIds;
import dev.xraytracing.local.internal.services.DeliveringService;
import dev.xraytracing.local.internal.services.Deliveries;
import dev.xraytracing.local.internal.services.FiresSchedules;
import dev.xraytracing.local.internal.services.ServiceContext;
import dev.xraytracing.local.internal.services.Targets;
import dev.xraytracing.local.internal.services.eventbridge.EventEnvelope;
import dev.xraytracing.local.template.FunctionEvent;
import dev.xraytracing.local.template.TemplateResource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The run's schedules: the template's rules with a {@code ScheduleExpression} and functions' {@code Schedule} and
 * {@code ScheduleV2} events. An enabled {@code rate(...)} schedule fires at its rate while the run is up, the first
 * time one period after the start; {@code cron(...)} and {@code at(...)} fire only on demand, through {@link #fire},
 * which fires any schedule, disabled ones too. A firing sends each target the rule's {@code Input}, or the scheduled
 * event EventBridge sends ({@code detail-type} {@code Scheduled Event}, {@code resources} the rule's ARN), with no
 * trace header: EventBridge does not trace scheduled events. Its endpoint answers EventBridge Scheduler's API with an
 * honest 501: schedules are the template's.
 */
public final class ScheduleService extends DeliveringService implements FiresSchedules {
    public static final String ENDPOINT_VARIABLE = "AWS_ENDPOINT_URL_SCHEDULER";

    private final Map<String, Schedule> byName = new LinkedHashMap<>();
    private final List<Schedule> schedules = new ArrayList<>();
    private final Map<String, Duration> rates = new LinkedHashMap<>();
    private final ScheduledExecutorService clock;

    public ScheduleService(ServiceContext context) {
        super(context, "EventBridge Scheduler service", "scheduler");
        this.clock = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "schedule-clock");
            thread.setDaemon(true);
            return thread;
        });
        serveAfter(() -> {
            readTemplate();
            rates.forEach((name, period) -> clock.scheduleAtFixedRate(() -> fire(byName.get(name)),
                    period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS));
        });
    }

    private void readTemplate() {
        for (TemplateResource.Rule rule : context.resources(TemplateResource.Rule.class)) {
            if (rule.scheduleExpression().isPresent()) {
                add(Schedule.of(rule), "rule " + rule.logicalId());
            }
        }
        for (Map.Entry<String, FunctionEvent.Schedule> e : context.events(FunctionEvent.Schedule.class)) {
            add(Schedule.of(e.getKey(), context.region(), context.accountId(), e.getValue()),
                    "function " + e.getKey() + ": event " + e.getValue().eventName());
        }
        for (TemplateResource.SchedulerSchedule schedule
                : context.resources(TemplateResource.SchedulerSchedule.class)) {
            add(Schedule.of(schedule), "schedule " + schedule.logicalId());
        }
    }

    /**
     * Whether the template has a schedule: a rule with a schedule expression, an EventBridge Scheduler schedule, or a
     * function's schedule event.
     */
    public static boolean needed(ServiceContext context) {
        return context.resources(TemplateResource.Rule.class).stream().anyMatch(r -> r.scheduleExpression().isPresent())
                || !context.resources(TemplateResource.SchedulerSchedule.class).isEmpty()
                || !context.events(FunctionEvent.Schedule.class).isEmpty();
    }

    private void add(Schedule schedule, String where) {
        schedules.add(schedule);
        schedule.names().forEach(name -> byName.putIfAbsent(name, schedule));
        try {
            Optional<Duration> period = ScheduleRate.of(schedule.expression());
            if (period.isPresent() && schedule.enabled()) {
                rates.put(schedule.name(), period.get());
            }
        } catch (IllegalArgumentException e) {
            context.say().accept(where + ": " + e.getMessage() + "; it fires only on demand");
        }
    }

    /**
     * Fires the schedule now, enabled or not: by its rule's name or logical id, or for a function's event by
     * {@code Function/Event} ({@link FiresSchedules}'s form), {@code FunctionEvent} or the event's name alone.
     * Deliveries are asynchronous, as the service's {@link #quiet()} tells.
     *
     * @throws IllegalArgumentException naming the run's schedules, when none has that name
     */
    @Override
    public void fire(String name) {
        Schedule schedule = byName.get(name);
        if (schedule == null) {
            throw new IllegalArgumentException("no schedule is named " + name + "; the run's schedules: "
                    + String.join(", ", names()));
        }
        fire(schedule);
    }

    /** Each schedule's first name, in template order. */
    public List<String> names() {
        return schedules.stream().map(Schedule::name).toList();
    }

    /** The period of each schedule that fires by itself, by its first name. */
    public Map<String, Duration> rates() {
        return Map.copyOf(rates);
    }

    private void fire(Schedule schedule) {
        String event = EventEnvelope.scheduled(schedule.arn(), context.accountId(), context.region(), Instant.now())
                .put("source", schedule.source()).toString();
        for (TemplateResource.Target target : schedule.targets()) {
            deliveries.submit("schedule " + schedule.name() + " to " + Targets.describe(target.arn()),
                    () -> targets.deliver(target.arn(), target.input().orElse(event), null, schedule.name(),
                            TraceIds.newRequestId()));
        }
    }

    @Override
    protected void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String message = "xray-tracing-local fires the template's schedules but does not simulate EventBridge"
                    + " Scheduler's API (" + exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath()
                    + ")";
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("x-amzn-ErrorType", "NotImplemented");
            exchange.getResponseHeaders().set("x-amzn-RequestId", TraceIds.newRequestId());
            HttpServers.respond(exchange, 501, ("{\"Message\":\"" + message.replace("\"", "'") + "\"}")
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    @Override
    public String endpointVariable() {
        return ENDPOINT_VARIABLE;
    }




    @Override
    public void close() {
        clock.shutdownNow();
        super.close();
    }
}
