import Logging
import Metrics
import Prometheus
import Synchronization

/// Process-wide logging and metrics set-up. swift-log and swift-metrics may be bootstrapped only once
/// per process, so this does it once and hands every caller the same Prometheus registry.
public enum Observability {
    private static let state = Mutex<PrometheusCollectorRegistry?>(nil)
    private static let loggingDone = Mutex(false)

    /// Installs the Prometheus factory (first call only) and returns the registry `/metrics` renders.
    public static func bootstrapMetrics() -> PrometheusCollectorRegistry {
        state.withLock { registry in
            if let registry { return registry }
            let created = PrometheusCollectorRegistry()
            MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: created))
            registry = created
            return created
        }
    }

    /// Structured logs to standard error at `level` (first call only).
    public static func bootstrapLogging(level: Logger.Level) {
        loggingDone.withLock { done in
            guard !done else { return }
            done = true
            LoggingSystem.bootstrap { label in
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = level
                return handler
            }
        }
    }
}
