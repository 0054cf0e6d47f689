/**
 * {@code LocalRun --experiment}: a baseline and a faulted phase of the same requests, compared from their responses
 * and their traces. Internal to the local module's command line.
 */
package dev.xraytracing.local.internal.experiment;
