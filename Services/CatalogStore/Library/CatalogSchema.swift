import Database

/// The catalogue's tables. Record tables use the events' own snake_case field names as columns, so a
/// record goes in with `jsonb_populate_record` and comes out with `to_jsonb` — every field typed and
/// queryable, no hand-kept column lists. Positions are indexed with q3c for cone searches.
enum CatalogSchema {
    static let migrator = Migrator(component: "catalog", migrations: [
        Migration(version: 1, name: "events, FRB records, ratings", sql: """
            CREATE EXTENSION IF NOT EXISTS q3c;

            -- Every event stored, by CloudEvents id: the exactly-once ledger and the audit log.
            CREATE TABLE catalog_events (
                event_id text PRIMARY KEY,
                type text NOT NULL,
                subject text,
                event_time timestamptz NOT NULL,
                stored_at timestamptz NOT NULL DEFAULT now(),
                data jsonb NOT NULL);
            CREATE INDEX catalog_events_type ON catalog_events (type, stored_at);

            CREATE TABLE catalog_observations (
                observation_id bigint PRIMARY KEY,
                beam_semi_major_axis double precision NOT NULL,
                beam_semi_minor_axis double precision NOT NULL,
                beam_rotation_angle double precision NOT NULL,
                sampling_time double precision NOT NULL,
                bandwidth double precision NOT NULL,
                nchan integer NOT NULL,
                centre_frequency double precision NOT NULL,
                npol integer NOT NULL,
                bits_per_sample integer NOT NULL,
                gain double precision NOT NULL,
                tsys double precision NOT NULL,
                backend text NOT NULL,
                beam integer);

            CREATE TABLE catalog_frb_events (
                frb_id bigint PRIMARY KEY,
                observation_id bigint NOT NULL REFERENCES catalog_observations (observation_id),
                time_of_arrival timestamptz NOT NULL,
                repeater boolean NOT NULL DEFAULT false,
                tns_name text,
                images jsonb NOT NULL DEFAULT '{}');
            CREATE INDEX catalog_frb_events_toa ON catalog_frb_events (time_of_arrival);
            CREATE INDEX catalog_frb_events_tns ON catalog_frb_events (tns_name);

            CREATE TABLE catalog_radio_measurements (
                measurement_id bigint PRIMARY KEY,
                frb_id bigint NOT NULL REFERENCES catalog_frb_events (frb_id),
                ra double precision NOT NULL,
                dec double precision NOT NULL,
                ra_hms text NOT NULL,
                dec_dms text NOT NULL,
                ra_pos_error double precision NOT NULL,
                dec_pos_error double precision NOT NULL,
                gl double precision NOT NULL,
                gb double precision NOT NULL,
                source text NOT NULL CHECK (source IN ('MB', 'HT')),
                version text NOT NULL,
                dm double precision,
                dm_err double precision,
                sn double precision,
                width double precision,
                z double precision,
                rm double precision,
                rm_err double precision,
                fluence double precision,
                fluence_err double precision,
                flux double precision,
                flux_err double precision,
                dmism double precision,
                cosmo text,
                error_ellipse jsonb,
                received_at timestamptz NOT NULL);
            CREATE INDEX catalog_radio_measurements_frb ON catalog_radio_measurements (frb_id, received_at, measurement_id);
            CREATE INDEX catalog_radio_measurements_q3c ON catalog_radio_measurements (q3c_ang2ipix(ra, dec));

            CREATE TABLE catalog_slack_users (
                slack_user_id text PRIMARY KEY,
                name text NOT NULL);

            -- One rating per Slack user per FRB; the latest click (by Slack's action_ts) wins.
            CREATE TABLE catalog_ratings (
                frb_id bigint NOT NULL REFERENCES catalog_frb_events (frb_id),
                slack_user_id text NOT NULL REFERENCES catalog_slack_users (slack_user_id),
                rating text NOT NULL CHECK (rating IN ('confirm', 'reject')),
                action_ts numeric NOT NULL,
                rated_at timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (frb_id, slack_user_id));

            -- Messages that can never be stored, with the reason; the message itself is in the dead-letter queue.
            CREATE TABLE catalog_rejections (
                event_id text,
                routing_key text NOT NULL,
                reason text NOT NULL,
                rejected_at timestamptz NOT NULL DEFAULT now());
            """),
        Migration(version: 2, name: "first measurement of an FRB by index", sql: """
            CREATE INDEX catalog_radio_measurements_frb_id ON catalog_radio_measurements (frb_id, measurement_id);
            """),
    ])
}
