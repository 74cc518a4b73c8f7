/**
 * JSON for the public model: {@link dev.shuffify.json.ShuffifyJacksonModule}, a Jackson module a host
 * registers on its {@code ObjectMapper} to write schedules, triggers, executions, snapshots, previews and the
 * other {@code dev.shuffify.model} types to JSON (for its REST API, say) and read them back.
 */
package dev.shuffify.json;
