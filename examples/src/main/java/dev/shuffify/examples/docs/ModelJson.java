package dev.shuffify.examples.docs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shuffify.Shuffify;
import dev.shuffify.json.ShuffifyJacksonModule;
import dev.shuffify.model.Execution;
import dev.shuffify.model.Schedule;
import dev.shuffify.model.ScheduleDefinition;
import java.util.List;

/** The code of {@code docs/operations.md}, "Serving the model as JSON": a REST API's reads and writes. */
public final class ModelJson {

    private ModelJson() {
    }

    /**
     * The host's mapper, able to write and read every model type.
     *
     * @return the mapper
     */
    public static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper()
                .registerModule(new ShuffifyJacksonModule());   // or: new ObjectMapper().findAndRegisterModules()
        return mapper;
    }

    /**
     * {@code POST /users/{user}/schedules}: a schedule definition in, the stored schedule out.
     *
     * @param mapper the mapper from {@link #mapper()}
     * @param shuffify the facade
     * @param userId the user
     * @param body the request body
     * @return the response body
     * @throws JsonProcessingException when the body is not a valid schedule definition; its message names the
     *     field
     */
    public static String createSchedule(ObjectMapper mapper, Shuffify shuffify, String userId, String body)
            throws JsonProcessingException {
        ScheduleDefinition definition = mapper.readValue(body, ScheduleDefinition.class);
        Schedule schedule = shuffify.schedules().create(userId, definition);
        return mapper.writeValueAsString(schedule);
    }

    /**
     * {@code GET /users/{user}/schedules/{id}/history}: the last runs.
     *
     * @param mapper the mapper from {@link #mapper()}
     * @param shuffify the facade
     * @param userId the user
     * @param scheduleId the schedule
     * @return the response body
     * @throws JsonProcessingException never for the model's own types
     */
    public static String history(ObjectMapper mapper, Shuffify shuffify, String userId, String scheduleId)
            throws JsonProcessingException {
        List<Execution> runs = shuffify.runs().history(userId, scheduleId, 20);
        return mapper.writeValueAsString(runs);
    }
}
