package dev.xraytracing.local.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Says which of a template's resources the run does not simulate. A resource whose absence can change what happens
 * (a state machine, a stream, a parameter a function reads) is one warning of its own. Resources that only grant,
 * watch or encrypt (roles, policies, permissions, log groups, alarms, keys) change nothing a local run does, since
 * nothing here checks a permission: a real team's template declares many, and a line each would drown the warnings
 * that matter, so they share one line that names them all.
 */
final class UnsimulatedResources {
    /** Resource types that grant, watch or encrypt, and so have nothing to do on one machine. */
    static final Set<String> NOTHING_TO_RUN = Set.of("AWS::IAM::Role", "AWS::IAM::Policy",
            "AWS::IAM::ManagedPolicy", "AWS::IAM::RolePolicy", "AWS::Lambda::Permission", "AWS::SQS::QueuePolicy",
            "AWS::SNS::TopicPolicy", "AWS::S3::BucketPolicy", "AWS::Events::EventBusPolicy", "AWS::Logs::LogGroup",
            "AWS::Logs::MetricFilter", "AWS::CloudWatch::Alarm", "AWS::CloudWatch::CompositeAlarm",
            "AWS::CloudWatch::Dashboard", "AWS::KMS::Key", "AWS::KMS::Alias");

    private final List<String> nothingToRun = new ArrayList<>();
    private final Consumer<String> warn;

    UnsimulatedResources(Consumer<String> warn) {
        this.warn = warn;
    }

    /** Resource {@code id} of {@code type} is not simulated. */
    void add(String id, String type) {
        if (NOTHING_TO_RUN.contains(type)) {
            nothingToRun.add(id + " (" + type + ")");
        } else {
            warn.accept("resource " + id + " (" + type + ") is not simulated");
        }
    }

    /** The one line for the resources with nothing to run, once every resource was added; none if there are none. */
    void finish() {
        if (!nothingToRun.isEmpty()) {
            warn.accept("not simulated, with nothing to run locally (no permission is checked here): "
                    + String.join(", ", nothingToRun));
        }
    }
}
