/**
 * What a host can observe of the scheduler while it runs: {@link dev.shuffify.event.JobListener} receives
 * a {@link dev.shuffify.event.JobEvent} for each start and end of an execution.
 */
package dev.shuffify.event;
