/**
 * Not for public use: internal to xray-tracing, changed without notice; nothing here is part of its API.
 * The AWS services a function calls beyond Lambda. Today only {@link
 * dev.xraytracing.local.internal.services.NoEngineService}: every service the run starts no engine for answers an
 * SDK call with one error the SDK does not retry, and the run names the service once.
 */
package dev.xraytracing.local.internal.services;
