package dev.xraytracing.local.internal.services.catalog;

import dev.xraytracing.local.internal.services.LocalServices.Kind;
import dev.xraytracing.local.internal.services.LocalServices.Stage;
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
 * Every kind of AWS service the platform runs for a template, in start order: the engines (tables, buckets, queues)
 * start side by side, then a topic (it delivers to queues), a bus (to topics and queues) and the schedules (to buses'
 * targets), each after what it delivers to. A row per kind; a kind starts only when needed.
 */
public final class ServiceCatalog {
    public static final List<Kind> ALL = List.of(
            new Kind("DynamoDB", Stage.ENGINE, DynamoDbService::neededAndInstalled, DynamoDbService::start),
            new Kind("S3", Stage.ENGINE, S3Service::neededAndInstalled, S3Service::start),
            new Kind("SQS", Stage.ENGINE, context -> !context.resources(TemplateResource.Queue.class).isEmpty()
                    || !context.events(FunctionEvent.Sqs.class).isEmpty(), SqsService::start),
            new Kind("SNS", Stage.DELIVERY, SnsService::needed, SnsService::new),
            new Kind("EventBridge", Stage.DELIVERY, EventBridgeService::needed, EventBridgeService::new),
            new Kind("schedules", Stage.DELIVERY, ScheduleService::needed, ScheduleService::new));

    private ServiceCatalog() {
    }
}
