/**
 * The scheduler loop: claims due schedules with leases, runs them on a bounded pool, renews leases while
 * they run, recovers the leases of dead nodes, applies misfire and retry policies, and prunes history.
 * Nothing here is API.
 */
package dev.shuffify.internal.scheduler;
