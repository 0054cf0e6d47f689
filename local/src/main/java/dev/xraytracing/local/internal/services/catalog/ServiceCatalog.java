package dev.xraytracing.local.internal.services.catalog;

import dev.xraytracing.local.internal.services.LocalServices.Kind;
import dev.xraytracing.local.internal.services.dynamodb.DynamoDbService;
import dev.xraytracing.local.internal.services.s3.S3Service;
import dev.xraytracing.local.internal.services.schedule.ScheduleService;
import dev.xraytracing.local.internal.services.eventbridge.EventBridgeService;
import dev.xraytracing.local.internal.services.sns.SnsService;
import dev.xraytracing.local.internal.services.sqs.SqsService;
import dev.xraytracing.local.template.FunctionEvent;
import dev.xraytracing.local.template.TemplateResource;
import java.util.List;

/**
 * Every kind of AWS service the platform runs for a template, in start order: a topic delivers to queues and a bus to
 * topics and queues, so each starts after what it delivers to. A row per kind; a kind starts only when needed.
 */
public final class ServiceCatalog {
    public static final List<Kind> ALL = List.of(
            new Kind("DynamoDB", DynamoDbService::neededAndInstalled, DynamoDbService::start),
            new Kind("S3", S3Service::neededAndInstalled, S3Service::start),
            new Kind("SQS", context -> !context.resources(TemplateResource.Queue.class).isEmpty()
                    || !context.events(FunctionEvent.Sqs.class).isEmpty(), SqsService::start),
            new Kind("SNS", SnsService::needed, SnsService::new),
            new Kind("EventBridge", EventBridgeService::needed, EventBridgeService::new),
            new Kind("schedules", ScheduleService::needed, ScheduleService::new));

    private ServiceCatalog() {
    }
}
