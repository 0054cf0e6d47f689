/**
 * Not for public use: internal to xray-tracing, changed without notice; nothing here is part of its API.
 * How a run enters the app other than through its APIs: a message sent to a queue, published to a topic or put on a
 * bus goes through unmodified SDK v2 clients to the services' local endpoints, as a producer's would; the names the
 * entries use resolved against the template; the wait until the app is quiet.
 */
package dev.xraytracing.local.internal.entry;
