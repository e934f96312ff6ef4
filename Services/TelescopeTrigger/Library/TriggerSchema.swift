import Database

/// The trigger ledger: one row per (event group, proposal), holding the decision and the state of its
/// MWA call, so no decision ever sends a second trigger — not after a redelivery, a restart, or with
/// several replicas (the call is claimed by one UPDATE).
enum TriggerSchema {
    static let migrator = Migrator(component: "telescope-trigger", migrations: [
        Migration(version: 1, name: "decisions and their MWA calls", sql: """
            CREATE TABLE trigger_decisions (
                decision_key text PRIMARY KEY,
                decision_id bigserial UNIQUE,
                proposal_id text NOT NULL,
                status text NOT NULL,
                reason jsonb NOT NULL,
                -- none: nothing to call; ready: to be called; claimed: taken by one process, which asks busy
                -- and calls (the outcome is unknown if it never settles); sent / failed: settled.
                call_state text NOT NULL CHECK (call_state IN ('none', 'ready', 'claimed', 'sent', 'failed')),
                trigger_id bigint,
                created_at timestamptz NOT NULL DEFAULT now(),
                updated_at timestamptz NOT NULL DEFAULT now());
            """),
        Migration(version: 2, name: "alerts by trigger", sql: """
            -- Every VOEvent alert the rules have seen, so a trigger's whole group is judged together.
            CREATE TABLE trigger_alerts (
                ivorn text PRIMARY KEY,
                group_key text NOT NULL,
                received_at timestamptz NOT NULL DEFAULT now(),
                xml text NOT NULL);
            CREATE INDEX trigger_alerts_group ON trigger_alerts (group_key, received_at);
            """),
        Migration(version: 3, name: "the decided MWA request", sql: """
            -- What the decision asks of the MWA, so a redelivery carries out the recorded request, not a new plan.
            ALTER TABLE trigger_decisions ADD COLUMN action jsonb;
            """),
        Migration(version: 4, name: "approvals and priorities", sql: """
            -- awaiting: a pending decision's request waits for a human; approved it becomes ready.
            ALTER TABLE trigger_decisions DROP CONSTRAINT trigger_decisions_call_state_check;
            ALTER TABLE trigger_decisions ADD CONSTRAINT trigger_decisions_call_state_check
                CHECK (call_state IN ('none', 'awaiting', 'ready', 'claimed', 'sent', 'failed'));
            -- What the decision concerns, for re-announcing it after an approval; the proposal's priority,
            -- for the override check against a running observation; who answered.
            ALTER TABLE trigger_decisions ADD COLUMN subject jsonb, ADD COLUMN position jsonb, ADD COLUMN priority integer,
                ADD COLUMN answered_by text;
            CREATE INDEX trigger_decisions_sent ON trigger_decisions (updated_at) WHERE call_state = 'sent';
            """),
        Migration(version: 5, name: "trigger groups and real calls", sql: """
            -- The alert's trigger group, for answers applied under the group's lock and retractions that
            -- cancel what awaits approval; whether the decided call is pretend, for the override check.
            ALTER TABLE trigger_decisions ADD COLUMN group_key text, ADD COLUMN pretend boolean;
            CREATE INDEX trigger_decisions_group ON trigger_decisions (group_key, proposal_id) WHERE group_key IS NOT NULL;
            DROP INDEX trigger_decisions_sent;
            CREATE INDEX trigger_decisions_real_calls ON trigger_decisions (updated_at) WHERE call_state IN ('sent', 'claimed') AND NOT pretend;
            """),
    ])
}
