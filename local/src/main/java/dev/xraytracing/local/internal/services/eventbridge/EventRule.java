package dev.xraytracing.local.internal.services.eventbridge;

import dev.xraytracing.local.template.FunctionEvent;
import dev.xraytracing.local.template.TemplateResource;
import java.util.List;
import java.util.Optional;

/**
 * A rule on a bus: its event pattern or its schedule expression, whether it is enabled, and its targets; from an
 * {@code AWS::Events::Rule} of the template or made for a function's {@code EventBridgeRule}, {@code CloudWatchEvent}
 * or {@code Schedule} event, as SAM makes one.
 */
public record EventRule(String name, String arn, String busName, Optional<String> pattern,
                        Optional<String> scheduleExpression, boolean enabled, List<TemplateResource.Target> targets) {
    public static final String DEFAULT_BUS = "default";

    /** The template's rule, as it declares it. */
    public static EventRule of(TemplateResource.Rule rule) {
        return new EventRule(rule.name(), rule.arn(), rule.eventBusName(), rule.eventPattern(),
                rule.scheduleExpression(), !rule.state().equals("DISABLED"), rule.targets());
    }

    /**
     * The rule SAM makes for a function's {@code EventBridgeRule} or {@code CloudWatchEvent} event, targeting the
     * function with the event's {@code Input}. Named {@code {function}{event}}, SAM's logical id for it (CloudFormation
     * would add the stack's name and a random suffix; the shorter name keeps the run's output readable, as the
     * functions keep their logical ids).
     */
    public static EventRule of(String function, String region, String accountId, FunctionEvent.EventBridgeRule event) {
        String name = function + event.eventName();
        return new EventRule(name, arn(region, accountId, event.eventBusName(), name), event.eventBusName(),
                event.pattern(), Optional.empty(), event.enabled(), List.of(functionTarget(function, region,
                        accountId, event.input())));
    }

    /** The rule SAM makes for a function's {@code Schedule} event, on the default bus; named as above. */
    public static EventRule of(String function, String region, String accountId, FunctionEvent.Schedule event) {
        String name = function + event.eventName();
        return new EventRule(name, arn(region, accountId, DEFAULT_BUS, name), DEFAULT_BUS, Optional.empty(),
                Optional.of(event.expression()), event.enabled(), List.of(functionTarget(function, region, accountId,
                        event.input())));
    }

    /** {@code rule/{name}} on the default bus, {@code rule/{bus}/{name}} on another, as EventBridge names them. */
    static String arn(String region, String accountId, String bus, String name) {
        return "arn:aws:events:" + region + ":" + accountId + ":rule/" + (bus.equals(DEFAULT_BUS) ? "" : bus + "/")
                + name;
    }

    private static TemplateResource.Target functionTarget(String function, String region, String accountId,
                                                          Optional<String> input) {
        return new TemplateResource.Target("Target" + function, "arn:aws:lambda:" + region + ":" + accountId
                + ":function:" + function, input);
    }
}
