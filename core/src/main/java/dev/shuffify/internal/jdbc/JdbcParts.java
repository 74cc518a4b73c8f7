package dev.shuffify.internal.jdbc;

import dev.shuffify.model.Execution;
import dev.shuffify.model.Schedule;
import java.time.Clock;
import javax.sql.DataSource;

/**
 * Every part of the JDBC store over one data source, built after the schema is migrated.
 *
 * @param sql the database
 * @param schedules schedules and leases
 * @param executions executions
 * @param snapshots snapshots
 * @param pairs playlist pairs
 * @param accounts accounts
 * @param activity the activity log
 * @param membership membership history
 * @param settings per-user settings
 * @param pins pins
 * @param intents the intents of running jobs
 * @param playlistLeases the leases of playlists that runs write
 * @param schemaVersionBefore the schema version found when the store was opened (0 for a new database)
 */
public record JdbcParts(Sql sql, JdbcSchedules schedules, JdbcExecutions executions, JdbcSnapshots snapshots,
        JdbcPairs pairs, JdbcAccounts accounts, JdbcActivity activity, JdbcMembership membership,
        JdbcSettings settings, JdbcPins pins, JdbcIntents intents, JdbcPlaylistLeases playlistLeases,
        int schemaVersionBefore) {

    /**
     * Detects the dialect, migrates the schema to the latest version and builds the parts.
     *
     * @param dataSource the database
     * @param clock stamps migrations
     * @return the parts
     */
    public static JdbcParts open(DataSource dataSource, Clock clock) {
        Dialect dialect = new Sql(dataSource, Dialect.H2).run("connect to the database", Dialect::detect);
        int before = Migrator.migrate(dataSource, dialect, Migrator.latest(), clock);
        Sql sql = new Sql(dataSource, dialect);
        return new JdbcParts(sql, new JdbcSchedules(sql), new JdbcExecutions(sql), new JdbcSnapshots(sql),
                new JdbcPairs(sql), new JdbcAccounts(sql), new JdbcActivity(sql), new JdbcMembership(sql),
                new JdbcSettings(sql), new JdbcPins(sql), new JdbcIntents(sql), new JdbcPlaylistLeases(sql), before);
    }

    /**
     * Stores a finished execution and its schedule's outcome fields, and deletes the execution's intent, in one
     * transaction.
     *
     * @param execution the execution
     * @param schedule the schedule
     */
    public void recordOutcome(Execution execution, Schedule schedule) {
        sql.inTransaction("record the outcome of execution '" + execution.id() + "'", c -> {
            executions.upsert(c, execution);
            schedules.upsert(c, schedule);
            intents.delete(c, execution.id());
            return null;
        });
    }

    /**
     * The schema version the database is at now.
     *
     * @return the version
     */
    public int schemaVersion() {
        return sql.run("read the schema version", Migrator::currentVersion);
    }
}
