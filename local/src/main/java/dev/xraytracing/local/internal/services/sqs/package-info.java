/**
 * Not for public use: internal to xray-tracing, changed without notice; nothing here is part of its API.
 * SQS on the local platform: ElasticMQ (Apache 2.0) serves the template's queues in the platform's JVM, created as
 * CloudFormation creates them, and one poller per {@code SQS} event runs the event source mapping as Lambda does.
 */
package dev.xraytracing.local.internal.services.sqs;
