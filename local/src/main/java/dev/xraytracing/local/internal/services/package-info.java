/**
 * Not for public use: internal to xray-tracing, changed without notice; nothing here is part of its API.
 * The AWS services a function calls beyond Lambda: {@link dev.xraytracing.local.internal.services.LocalServices}
 * starts those the template needs, each kind in its own subpackage ({@code sqs}); every service the run starts no
 * engine for ({@link dev.xraytracing.local.internal.services.NoEngineService}) answers an SDK call with one error the
 * SDK does not retry, and the run names the service once.
 */
package dev.xraytracing.local.internal.services;
