import Database

/// The notifier's own tables: the delivery ledger that makes every delivery happen once, and what it
/// remembers per FRB to decide updates and retractions without asking the catalogue.
enum NotifierSchema {
    static let migrator = Migrator(component: "notifier", migrations: [
        Migration(version: 1, name: "delivery ledger, FRB state, ratings", sql: """
            -- One row per intended delivery, written before acting. `payload` holds the exact bytes sent, so a
            -- retry sends the same thing (a VTP broker then answers "previously seen").
            CREATE TABLE notifier_deliveries (
                ledger_key text PRIMARY KEY,
                channel text NOT NULL CHECK (channel IN ('slack', 'tns', 'voevent')),
                target text NOT NULL,
                frb_id bigint,
                state text NOT NULL CHECK (state IN ('pending', 'in_flight', 'submitted', 'sent', 'failed')),
                attempts integer NOT NULL DEFAULT 0,
                payload text,
                external_id text,
                answer text,
                last_error text,
                created_at timestamptz NOT NULL DEFAULT now(),
                updated_at timestamptz NOT NULL DEFAULT now());
            CREATE INDEX notifier_deliveries_waiting ON notifier_deliveries (channel, state);

            CREATE TABLE notifier_frbs (
                frb_id bigint PRIMARY KEY,
                detection_ivorn text,
                best_error_radius double precision,
                best_measurement_id bigint,
                tns_name text,
                latest text);

            -- The latest click per Slack user and FRB, for the retraction rule.
            CREATE TABLE notifier_ratings (
                frb_id bigint NOT NULL,
                slack_user_id text NOT NULL,
                rating text NOT NULL,
                action_ts numeric NOT NULL,
                PRIMARY KEY (frb_id, slack_user_id));
            """),
        Migration(version: 2, name: "unannounced outcomes", sql: """
            -- The notification.* event of a delivery's latest outcome, written with the outcome and cleared once
            -- the broker confirmed it: a crash in between publishes it on the redelivery instead of losing it.
            ALTER TABLE notifier_deliveries ADD COLUMN unannounced text;
            """),
    ])
}
