/**
 * Not for public use: internal to xray-tracing, changed without notice; nothing here is part of its API.
 * EventBridge on the local platform: the template's buses and rules, EventBridge's JSON API for functions' SDK
 * clients, and the asynchronous delivery of matching events to functions, queues and topics, with patterns matched by
 * AWS's event-ruler.
 */
package dev.xraytracing.local.internal.services.eventbridge;
