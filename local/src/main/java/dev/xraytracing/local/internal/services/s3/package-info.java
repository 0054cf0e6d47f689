/**
 * Not for public use: internal to xray-tracing, changed without notice; nothing here is part of its API.
 * S3 on Adobe's S3Mock, run in a child JVM, behind a small front of ours that functions reach through
 * {@code AWS_ENDPOINT_URL_S3}: it forwards every request and, after an object is created, invokes the functions whose
 * {@code S3} events match, with the event S3 sends.
 */
package dev.xraytracing.local.internal.services.s3;
