/**
 * Not for public use: internal to xray-tracing, changed without notice; nothing here is part of its API.
 * DynamoDB on dynalite, an open-source engine on Node.js started as a child process: the template's tables are
 * created in it, and functions reach it through {@code AWS_ENDPOINT_URL_DYNAMODB}.
 */
package dev.xraytracing.local.internal.services.dynamodb;
