import Metrics

/// Counters every service exports on /metrics, labelled by queue or outcome.
/// Created through the global MetricsSystem, so a service bootstraps Prometheus before creating publishers or consumers.
struct PublisherMetrics: Sendable {
    let confirmed = Counter(label: "burstwire_messages_published_total")
    let confirmLatency = Metrics.Timer(label: "burstwire_publish_confirm_seconds", preferredDisplayUnit: .seconds)

    func failed(_ reason: MessagingError.Code) -> Counter {
        Counter(label: "burstwire_messages_failed_total", dimensions: [("stage", "publish"), ("reason", reason.description)])
    }
}

struct ConsumerMetrics: Sendable {
    let consumed: Counter
    let acked: Counter
    let requeued: Counter
    let deadLettered: Counter
    let lag: Gauge

    init(queue: String) {
        consumed = Counter(label: "burstwire_messages_consumed_total", dimensions: [("queue", queue)])
        acked = Counter(label: "burstwire_messages_acked_total", dimensions: [("queue", queue)])
        requeued = Counter(label: "burstwire_messages_requeued_total", dimensions: [("queue", queue)])
        deadLettered = Counter(label: "burstwire_messages_failed_total", dimensions: [("stage", "consume"), ("queue", queue)])
        lag = Gauge(label: "burstwire_consumer_lag_messages", dimensions: [("queue", queue)])
    }
}
