/**
 * Not for public use: internal to xray-tracing, changed without notice; nothing here is part of its API.
 * Tracing one handler invocation, the execution environment's cold start, the init warm-up.
 */
package dev.xraytracing.lambda.internal;
