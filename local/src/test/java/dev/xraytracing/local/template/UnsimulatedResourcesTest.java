package dev.xraytracing.local.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A resource the run does not simulate is said: one line of its own when its absence can change what runs, one
 * shared line for all those that only grant, watch or encrypt.
 */
class UnsimulatedResourcesTest {

    @Test
    void roles_policies_permissions_logs_and_alarms_share_one_line_and_anything_else_gets_its_own() {
        SamTemplate template = SamTemplate.parse("""
                Resources:
                  WorkerRole: {Type: 'AWS::IAM::Role'}
                  Workflow: {Type: 'AWS::StepFunctions::StateMachine'}
                  InvokeWorker: {Type: 'AWS::Lambda::Permission'}
                  QueuePolicy: {Type: 'AWS::SQS::QueuePolicy'}
                  WorkerLogs: {Type: 'AWS::Logs::LogGroup'}
                  Errors: {Type: 'AWS::CloudWatch::Alarm'}
                  Setting: {Type: 'AWS::SSM::Parameter'}
                """, Path.of("template.yaml"), "us-east-1");

        assertThat(template.warnings()).containsExactly(
                "resource Workflow (AWS::StepFunctions::StateMachine) is not simulated",
                "resource Setting (AWS::SSM::Parameter) is not simulated",
                "not simulated, with nothing to run locally (no permission is checked here): WorkerRole (AWS::IAM::Role),"
                        + " InvokeWorker (AWS::Lambda::Permission), QueuePolicy (AWS::SQS::QueuePolicy), WorkerLogs"
                        + " (AWS::Logs::LogGroup), Errors (AWS::CloudWatch::Alarm)");
    }

    @Test
    void a_template_without_them_has_no_such_line() {
        SamTemplate template = SamTemplate.parse("Resources:\n  Jobs: {Type: 'AWS::SQS::Queue'}\n",
                Path.of("template.yaml"), "us-east-1");

        assertThat(template.warnings()).isEmpty();
    }
}
