package dev.shuffify.json;

import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.shuffify.model.Account;
import dev.shuffify.model.AccountHealth;
import dev.shuffify.model.Activity;
import dev.shuffify.model.ActivityType;
import dev.shuffify.model.Execution;
import dev.shuffify.model.ExecutionStatus;
import dev.shuffify.model.Membership;
import dev.shuffify.model.MisfirePolicy;
import dev.shuffify.model.Pin;
import dev.shuffify.model.PlannedChange;
import dev.shuffify.model.PlaylistPair;
import dev.shuffify.model.RotationStatus;
import dev.shuffify.model.Schedule;
import dev.shuffify.model.ScheduleState;
import dev.shuffify.model.Snapshot;
import dev.shuffify.model.SnapshotType;
import dev.shuffify.model.Track;
import dev.shuffify.model.Trigger;
import dev.shuffify.model.TriggerSource;

/**
 * The Jackson module for the public model ({@code dev.shuffify.model}): with it registered, a host's
 * {@code ObjectMapper} writes every model type to JSON and reads it back equal, e.g. for a REST API.
 *
 * <pre>{@code
 * ObjectMapper mapper = new ObjectMapper().registerModule(new ShuffifyJacksonModule());
 * String json = mapper.writeValueAsString(schedule);
 * Schedule back = mapper.readValue(json, Schedule.class);
 * }</pre>
 *
 * <p>{@code ObjectMapper.findAndRegisterModules()} finds it too (it is listed in
 * {@code META-INF/services/com.fasterxml.jackson.databind.Module}). It needs no other module.
 *
 * <p>The JSON, stable from release to release:
 * <ul>
 *   <li>field names are the record components' names, in camelCase ({@code tracksAdded}, {@code nextRunAt});
 *       no derived value ({@code Track.local()}, {@code Pin.isByUri()} …) is written;</li>
 *   <li>every model enum is its lower-case name ({@code success}, {@code failed_rolled_back},
 *       {@code run_once}, {@code episode}), read in any case; so is a {@link SnapshotType}
 *       ({@code auto_pre_shuffle}, or a plugin's own name);</li>
 *   <li>points in time and lengths of the model are ISO-8601 text ({@code "2026-11-22T10:15:30Z"},
 *       {@code "PT3M25S"}), whatever the mapper does with {@code java.time} elsewhere;</li>
 *   <li>a {@link Trigger} is {@code {"kind":"interval","name":"daily","every":"P1D"}} (a custom interval has
 *       {@code "name":null}; an interval with a name and no {@code every} reads as the named one) or
 *       {@code {"kind":"cron","expression":"30 2 * * 1-5","zone":"Europe/Paris"}};</li>
 *   <li>a {@link RotationStatus}'s empty parts are {@code null};</li>
 *   <li>{@code Account.encryptedRefreshToken} is Base64 (it is ciphertext; the clear token is never in the
 *       model);</li>
 *   <li>parameter, detail and metadata maps hold plain JSON values: they read back as maps, lists, strings,
 *       booleans, {@link Integer}s (else {@link Long}s) and {@link Double}s.</li>
 * </ul>
 *
 * <p>Reading runs the records' own checks: invalid input fails with a Jackson
 * {@link com.fasterxml.jackson.databind.JsonMappingException} that names the type and the field, e.g.
 * {@code invalid Snapshot: userId is required (missing or null)} or
 * {@code invalid input: trigger.expression: '61 * * * *' is not a valid cron expression …}, with the path to
 * the value.
 *
 * @since 0.1.0
 */
public final class ShuffifyJacksonModule extends SimpleModule {
    private static final long serialVersionUID = 1L;

    /** The module's name, as {@link #getModuleName()} returns it. */
    public static final String NAME = "shuffify-model";

    /** Creates the module. */
    public ShuffifyJacksonModule() {
        super(NAME, Version.unknownVersion());
        lowerCase(AccountHealth.class);
        lowerCase(ActivityType.class);
        lowerCase(ExecutionStatus.class);
        lowerCase(MisfirePolicy.class);
        lowerCase(PlannedChange.Operation.class);
        lowerCase(Track.Kind.class);
        lowerCase(TriggerSource.class);

        addSerializer(SnapshotType.class, new SnapshotTypeJson.Serializer());
        addDeserializer(SnapshotType.class, new SnapshotTypeJson.Deserializer());
        addSerializer(Trigger.class, new TriggerJson.Serializer());
        addDeserializer(Trigger.class, new TriggerJson.Deserializer<>(Trigger.class));
        addDeserializer(Trigger.Interval.class, new TriggerJson.Deserializer<>(Trigger.Interval.class));
        addDeserializer(Trigger.Cron.class, new TriggerJson.Deserializer<>(Trigger.Cron.class));
        addSerializer(RotationStatus.class, new RotationStatusJson.Serializer());
        addDeserializer(RotationStatus.class, new RotationStatusJson.Deserializer());

        setMixInAnnotation(Account.class, ModelMixIns.AccountMixIn.class);
        setMixInAnnotation(Activity.class, ModelMixIns.ActivityMixIn.class);
        setMixInAnnotation(Execution.class, ModelMixIns.ExecutionMixIn.class);
        setMixInAnnotation(Membership.class, ModelMixIns.MembershipMixIn.class);
        setMixInAnnotation(Pin.class, ModelMixIns.PinMixIn.class);
        setMixInAnnotation(PlaylistPair.class, ModelMixIns.PlaylistPairMixIn.class);
        setMixInAnnotation(Schedule.class, ModelMixIns.ScheduleMixIn.class);
        setMixInAnnotation(ScheduleState.class, ModelMixIns.ScheduleStateMixIn.class);
        setMixInAnnotation(Snapshot.class, ModelMixIns.SnapshotMixIn.class);
        setMixInAnnotation(Track.class, ModelMixIns.TrackMixIn.class);
    }

    /**
     * Registers the serializers, deserializers and mix-ins, and the handler that turns a model record's
     * refusal into an error naming its type and field.
     *
     * @param context the mapper's set-up context
     */
    @Override
    public void setupModule(SetupContext context) {
        super.setupModule(context);
        context.addDeserializationProblemHandler(new ModelProblems());
    }

    private <E extends Enum<E>> void lowerCase(Class<E> type) {
        addSerializer(type, new LowerCaseEnum.Serializer<>(type));
        addDeserializer(type, new LowerCaseEnum.Deserializer<>(type));
    }
}
