/**
 * Not for public use: internal to xray-tracing, changed without notice; nothing here is part of its API.
 * The Lambda service: execution environments (child JVMs), the Runtime API they poll, the Invoke API clients call,
 * the service's own segments, and the class paths and native library the functions get.
 */
package dev.xraytracing.local.internal.lambda;
