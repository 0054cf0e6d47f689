/**
 * Not for public use: internal to xray-tracing, changed without notice; nothing here is part of its API.
 * Logging each distinct tracing problem once.
 */
package dev.xraytracing.internal.log;
