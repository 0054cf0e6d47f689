package dev.xraytracing.local.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xraytracing.local.app.LocalRunException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * An {@code AWS::Scheduler::Schedule} is read as CloudFormation declares it: its name and group make its ARN, its
 * one target is a function, queue or topic of the template, and what CloudFormation requires is required here.
 */
class SchedulerScheduleResourcesTest {
    static SamTemplate parse(String properties) {
        return SamTemplate.parse("Resources:\n"
                + "  Reporter: {Type: 'AWS::Serverless::Function', Properties: {Handler: a.B, Runtime: java21}}\n"
                + "  NightlyReport: {Type: 'AWS::Scheduler::Schedule', Properties: " + properties + "}\n",
                Path.of("template.yaml"), "us-east-1");
    }

    @Test
    void a_schedule_with_a_name_a_group_and_an_input_is_read_with_the_arn_scheduler_gives_it() {
        SamTemplate template = parse("{Name: nightly-report, GroupName: reports, ScheduleExpression: 'cron(0 2 * * ? *)',"
                + " FlexibleTimeWindow: {Mode: 'OFF'}, State: DISABLED, Target: {Arn: {'Fn::GetAtt': [Reporter, Arn]},"
                + " RoleArn: 'arn:aws:iam::123456789012:role/scheduler', Input: '{\"report\":\"daily\"}'}}");

        assertThat(template.resource("NightlyReport")).contains(new TemplateResource.SchedulerSchedule(
                "NightlyReport", "nightly-report",
                "arn:aws:scheduler:us-east-1:123456789012:schedule/reports/nightly-report", "cron(0 2 * * ? *)",
                "DISABLED", new TemplateResource.Target("NightlyReport",
                "arn:aws:lambda:us-east-1:123456789012:function:Reporter", Optional.of("{\"report\":\"daily\"}"))));
        assertThat(template.warnings()).isEmpty();
    }

    @Test
    void without_a_name_cloudformation_generates_one_in_the_default_group_and_retries_are_said_not_simulated() {
        SamTemplate template = parse("{ScheduleExpression: 'rate(1 hour)', FlexibleTimeWindow: {Mode: 'OFF'}, "
                + "Target: {Arn: {'Fn::GetAtt': [Reporter, Arn]}, RoleArn: r, RetryPolicy: {MaximumRetryAttempts: 1}}}");

        TemplateResource schedule = template.resource("NightlyReport").orElseThrow();
        assertThat(schedule.name()).startsWith("local-NightlyReport-");
        assertThat(schedule.arn()).isEqualTo("arn:aws:scheduler:us-east-1:123456789012:schedule/default/"
                + schedule.name());
        assertThat(template.warnings()).containsExactly(
                "resource NightlyReport (AWS::Scheduler::Schedule): Target.RetryPolicy is not simulated");
    }

    @Test
    void what_cloudformation_requires_is_one_error_line_when_missing() {
        assertThatThrownBy(() -> parse("{ScheduleExpression: 'rate(1 hour)', Target: {Arn: a, RoleArn: r}}"))
                .isInstanceOf(LocalRunException.class).hasMessage("template.yaml: resource NightlyReport "
                        + "(AWS::Scheduler::Schedule): FlexibleTimeWindow is missing");
        assertThatThrownBy(() -> parse("{ScheduleExpression: 'rate(1 hour)', FlexibleTimeWindow: {Mode: 'OFF'}, "
                + "Target: {Arn: a}}")).hasMessageEndingWith("Target.RoleArn is missing");
    }
}
