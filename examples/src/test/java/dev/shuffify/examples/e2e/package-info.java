/**
 * End-to-end tests of the job types through the Spotify adapter against the local fake Web API, compared with
 * the same jobs on the in-memory music service.
 */
package dev.shuffify.examples.e2e;
