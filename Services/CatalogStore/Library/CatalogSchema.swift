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
        Migration(version: 3, name: "VOEvents, transients, notifications, TNS reports, triggers, crossmatches", sql: """
            -- VOEvents received from brokers and authors, and those we sent about our FRBs, with the parsed
            -- header that rules and pages read.
            CREATE TABLE catalog_voevents (
                ivorn text PRIMARY KEY,
                direction text NOT NULL CHECK (direction IN ('received', 'sent')),
                role text NOT NULL,
                xml text NOT NULL,
                sha256 text,
                received_via text,
                remote_address text,
                stored_at timestamptz NOT NULL,
                stream text NOT NULL,
                author_ivorn text,
                authored_at timestamptz,
                event_time timestamptz,
                ra double precision,
                dec double precision,
                error_radius double precision,
                frb_id bigint,
                summary jsonb NOT NULL);
            CREATE INDEX catalog_voevents_q3c ON catalog_voevents (q3c_ang2ipix(ra, dec));
            CREATE INDEX catalog_voevents_stream ON catalog_voevents (stream, stored_at);
            CREATE INDEX catalog_voevents_frb ON catalog_voevents (frb_id);

            -- YSE-PZ transients and their photometry, one row per point (instrument, band, time).
            CREATE TABLE catalog_transients (
                name text PRIMARY KEY,
                ra double precision,
                dec double precision,
                disc_date timestamptz,
                redshift double precision,
                status text,
                obs_group text,
                tags jsonb,
                internal_names text,
                extras jsonb NOT NULL DEFAULT '{}',
                uploaded_by text,
                first_uploaded_at timestamptz NOT NULL,
                updated_at timestamptz NOT NULL);
            CREATE INDEX catalog_transients_q3c ON catalog_transients (q3c_ang2ipix(ra, dec));
            CREATE TABLE catalog_photometry (
                transient_name text NOT NULL REFERENCES catalog_transients (name),
                instrument text NOT NULL,
                obs_group text NOT NULL,
                band text NOT NULL,
                obs_date timestamptz NOT NULL,
                mag double precision,
                mag_err double precision,
                flux double precision,
                flux_err double precision,
                flux_zero_point double precision,
                data_quality jsonb,
                diffim boolean,
                forced boolean,
                discovery_point boolean,
                extras jsonb NOT NULL DEFAULT '{}',
                PRIMARY KEY (transient_name, instrument, band, obs_date));

            -- Every delivery attempt the notifier reports, by its event.
            CREATE TABLE catalog_notifications (
                event_id text PRIMARY KEY,
                ledger_key text NOT NULL,
                attempt integer NOT NULL,
                channel text NOT NULL,
                target text NOT NULL,
                frb_id bigint,
                status text NOT NULL CHECK (status IN ('sent', 'failed')),
                http_status integer,
                broker_answer text,
                response_excerpt text,
                error_message text,
                will_retry boolean,
                ivorn text,
                at timestamptz NOT NULL);
            CREATE INDEX catalog_notifications_frb ON catalog_notifications (frb_id, at);

            CREATE TABLE catalog_tns_reports (
                report_id text PRIMARY KEY,
                frb_id bigint NOT NULL REFERENCES catalog_frb_events (frb_id),
                tns_name text NOT NULL,
                assigned_at timestamptz NOT NULL);

            -- Follow-up decisions (the latest word per decision) and every MWA web-service call.
            CREATE TABLE catalog_trigger_decisions (
                decision_id bigint PRIMARY KEY,
                subject_kind text NOT NULL,
                frb_id bigint,
                ivorn text,
                trig_id text,
                proposal_id text NOT NULL,
                status text NOT NULL,
                reason jsonb NOT NULL,
                ra double precision,
                dec double precision,
                pos_error double precision,
                decided_at timestamptz NOT NULL);
            CREATE INDEX catalog_trigger_decisions_frb ON catalog_trigger_decisions (frb_id);
            CREATE INDEX catalog_trigger_decisions_ivorn ON catalog_trigger_decisions (ivorn);
            CREATE TABLE catalog_trigger_calls (
                call_id bigserial PRIMARY KEY,
                event_id text NOT NULL UNIQUE,
                decision_id bigint NOT NULL,
                proposal_id text NOT NULL,
                endpoint text NOT NULL,
                trigger_mode text,
                project_id text,
                obsname text,
                creator text,
                request_parameters jsonb NOT NULL,
                pretend boolean NOT NULL,
                success boolean NOT NULL,
                errors jsonb NOT NULL,
                trigger_id bigint,
                obsids jsonb NOT NULL,
                http_status integer,
                duration_ms bigint NOT NULL,
                completed_at timestamptz NOT NULL);
            CREATE INDEX catalog_trigger_calls_decision ON catalog_trigger_calls (decision_id);
            CREATE INDEX catalog_trigger_calls_trigger ON catalog_trigger_calls (trigger_id);
            CREATE INDEX catalog_trigger_calls_time ON catalog_trigger_calls (completed_at, call_id);

            -- Crossmatch runs and their candidates.
            CREATE TABLE catalog_crossmatch_runs (
                request_id text PRIMARY KEY,
                image_path text,
                catalogues jsonb,
                radius_arcsec double precision,
                frb_id bigint,
                requested_at timestamptz,
                source_count integer,
                matched_count integer,
                completed_at timestamptz);
            CREATE TABLE catalog_crossmatch_candidates (
                request_id text NOT NULL REFERENCES catalog_crossmatch_runs (request_id),
                ordinal integer NOT NULL,
                ra double precision NOT NULL,
                dec double precision NOT NULL,
                flux double precision NOT NULL,
                ratio double precision,
                catalogue text NOT NULL,
                separation_arcsec double precision,
                classification text NOT NULL,
                PRIMARY KEY (request_id, ordinal));
            CREATE INDEX catalog_crossmatch_candidates_q3c ON catalog_crossmatch_candidates (q3c_ang2ipix(ra, dec));

            -- The FRB list orders by arrival; ids break ties so pages stay stable.
            CREATE INDEX catalog_frb_events_order ON catalog_frb_events (time_of_arrival DESC, frb_id DESC);

            -- Measurement ids are issued in arrival order, so (frb_id, measurement_id) finds both an FRB's first
            -- and its latest measurement; every index dropped here is write work saved on each measurement.
            DROP INDEX catalog_radio_measurements_frb;
            DROP INDEX catalog_events_type;
            """),
    ])
}
