/**
 * Not for public use: internal to xray-tracing, changed without notice; nothing here is part of its API.
 * SNS on the local platform: the template's topics and subscriptions, SNS's query API for functions' SDK clients,
 * and the asynchronous fan-out to functions and queues, with filter policies matched by AWS's event-ruler.
 */
package dev.xraytracing.local.internal.services.sns;
