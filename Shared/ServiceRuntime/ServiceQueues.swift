import Messaging

/// The suite's queues and what each consuming service subscribes to. Every service declares all of
/// them at start (declaring is idempotent), so an event published before its consumer first ran is
/// queued for it rather than returned unroutable.
public enum ServiceQueues {
    public static let catalogStore = BrokerTopology.Queue(
        name: "catalog-store",
        bindings: ["#.received.*", "notification.#", "tns.#", "trigger.#", "crossmatch.#"])
    public static let notifier = BrokerTopology.Queue(
        name: "notifier",
        bindings: ["frb.measurement.stored.*", "slack.rating.received.*", "tns.name.assigned.*", "trigger.approval.requested.*"])
    public static let telescopeTrigger = BrokerTopology.Queue(
        name: "telescope-trigger",
        bindings: ["frb.measurement.stored.*", "voevent.stored.*", "trigger.approval.received.*"])
    public static let crossmatchWorker = BrokerTopology.Queue(
        name: "crossmatch-worker",
        bindings: ["crossmatch.requested.*"])

    public static let all = [catalogStore, notifier, telescopeTrigger, crossmatchWorker]

    /// The whole topology on the configured exchanges, queue names prefixed by `amqp.queue_prefix`.
    public static func topology(_ settings: AMQPSettings) -> BrokerTopology {
        let prefix = settings.queuePrefix ?? ""
        return BrokerTopology(exchange: settings.exchange ?? "burstwire.events",
                              deadLetterExchange: settings.deadLetterExchange ?? "burstwire.dlx",
                              queues: all.map { .init(name: prefix + $0.name, bindings: $0.bindings, deliveryLimit: $0.deliveryLimit) })
    }
}
