import Foundation
import Database
import HTTPClient
import Logging
import Messaging
import ServiceLifecycle

/// The destinations beyond Slack, built from configuration, with the services they need running.
struct NotifierChannels {
    let channels: [any FRBChannel]
    let services: [any Service]

    static func make(configuration: NotifierConfiguration, brokers: [VTPBrokerAddress], run: DeliveryRun, pool: DatabasePool,
                     http: HTTPClient, outbox: URL, logger: Logger) -> NotifierChannels {
        var services: [any Service] = []
        var client: TNSClient?
        if let tns = configuration.tns, let key = tns.apiKey, !key.value.isEmpty {
            let tnsClient = TNSClient(settings: tns.settings, apiKey: key, http: http)
            client = tnsClient
            services.append(TNSNamePoller(client: tnsClient, run: run, interval: configuration.tnsPollInterval, logger: logger))
        }
        let unconfigured = TNSSettings(botId: 0, botName: "outbox", reportingGroupId: 0, discoveryDataSourceId: 0, reporter: "Burstwire")
        let tns = TNSChannel(settings: configuration.tns?.settings ?? unconfigured, run: run, client: client,
                             outbox: Outbox(directory: outbox.appendingPathComponent("tns")),
                             processingSeconds: configuration.tnsProcessingSeconds)
        let voevents = VOEventChannel(builder: FRBVOEventBuilder(settings: configuration.voevent?.settings ?? VOEventSettings()),
                                      brokers: brokers, pool: pool, run: run, outbox: Outbox(directory: outbox.appendingPathComponent("voevent")))
        return NotifierChannels(channels: [tns, voevents], services: services)
    }
}
