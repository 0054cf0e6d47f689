package dev.xraytracing.local.internal.entry;

import dev.xraytracing.local.app.LocalRunException;
import dev.xraytracing.local.template.FunctionEvent;
import dev.xraytracing.local.template.TemplateResource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What an entry names, found among the template's resources and events: a queue, a topic or a bus by its logical id,
 * its physical name or its ARN (a queue by its URL too), a schedule by {@code FUNCTION.EventName} or a rule's logical
 * id or name. A name that matches nothing is one line listing what there is.
 */
public final class EntryTargets {
    private static final String DEFAULT_BUS = "default";

    private final List<TemplateResource> resources;
    private final Map<String, List<FunctionEvent>> events;
    private final Map<String, String> functionNames;

    /**
     * @param events        each function's name to its non-API events
     * @param functionNames each function's logical id to its name, so that {@code FUNCTION} may be either
     */
    public EntryTargets(List<TemplateResource> resources, Map<String, List<FunctionEvent>> events,
                        Map<String, String> functionNames) {
        this.resources = List.copyOf(resources);
        this.events = new LinkedHashMap<>(events);
        this.functionNames = new LinkedHashMap<>(functionNames);
    }

    public TemplateResource.Queue queue(String name) {
        return find(TemplateResource.Queue.class, name, "queue",
                q -> q.url().equals(name));
    }

    public TemplateResource.Topic topic(String name) {
        return find(TemplateResource.Topic.class, name, "topic", t -> false);
    }

    /** The bus's name: {@code default} (also when {@code name} is null or empty), or a bus of the template. */
    public String bus(String name) {
        if (name == null || name.isEmpty() || name.equals(DEFAULT_BUS)
                || name.matches("arn:aws[\\w-]*:events:[^:]*:[^:]*:event-bus/default")) {
            return DEFAULT_BUS;
        }
        return find(TemplateResource.EventBus.class, name, "event bus", b -> false).name();
    }

    /**
     * The schedule as {@code FiresSchedules.fire} takes it: {@code FUNCTION/EventName} with the function's name for a
     * function's {@code Schedule}/{@code ScheduleV2} event, or the logical id of a rule with a
     * {@code ScheduleExpression} or of an {@code AWS::Scheduler::Schedule}. {@code name} may be
     * {@code FUNCTION.EventName} or {@code FUNCTION/EventName}, the function by name or logical id, or the rule or
     * schedule by logical id, name or ARN.
     */
    public String schedule(String name) {
        String asked = functionEvent(name);
        List<String> known = new ArrayList<>();
        for (Map.Entry<String, List<FunctionEvent>> function : events.entrySet()) {
            for (FunctionEvent event : function.getValue()) {
                if (event instanceof FunctionEvent.Schedule) {
                    String id = function.getKey() + "/" + event.eventName();
                    known.add(function.getKey() + "." + event.eventName());
                    if (id.equals(asked)) {
                        return id;
                    }
                }
            }
        }
        for (TemplateResource.Rule rule : of(TemplateResource.Rule.class)) {
            if (rule.scheduleExpression().isPresent()) {
                known.add(rule.logicalId());
                if (rule.logicalId().equals(name) || rule.name().equals(name) || rule.arn().equals(name)) {
                    return rule.logicalId();
                }
            }
        }
        for (TemplateResource.SchedulerSchedule schedule : of(TemplateResource.SchedulerSchedule.class)) {
            known.add(schedule.logicalId());
            if (schedule.logicalId().equals(name) || schedule.name().equals(name) || schedule.arn().equals(name)) {
                return schedule.logicalId();
            }
        }
        throw new LocalRunException("no schedule " + name + " in the template ("
                + (known.isEmpty() ? "it declares none" : "schedules: " + String.join(", ", known)) + ")");
    }

    /** {@code FUNCTION.Event} or {@code FUNCTION/Event} as {@code name/Event}, a logical id made the name. */
    private String functionEvent(String name) {
        int separator = Math.max(name.lastIndexOf('.'), name.lastIndexOf('/'));
        if (separator <= 0) {
            return name;
        }
        String function = name.substring(0, separator);
        return functionNames.getOrDefault(function, function) + "/" + name.substring(separator + 1);
    }

    private <T extends TemplateResource> List<T> of(Class<T> kind) {
        return resources.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    private <T extends TemplateResource> T find(Class<T> kind, String name, String what,
                                                java.util.function.Predicate<T> alsoMatches) {
        List<T> all = of(kind);
        Optional<T> found = all.stream().filter(r -> r.logicalId().equals(name) || r.name().equals(name)
                || r.arn().equals(name) || alsoMatches.test(r)).findFirst();
        return found.orElseThrow(() -> new LocalRunException("no " + what + " " + name + " in the template ("
                + (all.isEmpty() ? "it declares none" : what + (what.endsWith("s") ? "es: " : "s: ") + all.stream()
                .map(r -> r.logicalId().equals(r.name()) ? r.name() : r.logicalId() + " (" + r.name() + ")")
                .collect(Collectors.joining(", "))) + ")"));
    }
}
