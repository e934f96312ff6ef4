import Schema

/// The read API's FRB list item, decoded for the pages (the API sends the same JSON as is).
struct FRBListItem: Decodable {
    struct Ratings: Decodable {
        let confirm: Int
        let reject: Int
    }

    let frbId: Int64
    let timeOfArrival: String
    let repeater: Bool
    let tnsName: String?
    let latestMeasurement: RadioMeasurement?
    let measurementCount: Int
    let ratings: Ratings
}

/// The read API's FRB detail, decoded for the detail page.
struct FRBDetailDocument: Decodable {
    struct Ratings: Decodable {
        struct ByUser: Decodable {
            let slackUserId: String
            let name: String
            let rating: String
            let ratedAt: String
        }

        let confirm: Int
        let reject: Int
        let byUser: [ByUser]
    }

    struct Notification: Decodable {
        let channel: String
        let target: String
        let status: String
        let attempt: Int
        let httpStatus: Int?
        let brokerAnswer: String?
        let errorMessage: String?
        let ivorn: String?
        let at: String
    }

    struct TNSReport: Decodable {
        let reportId: String
        let tnsName: String
        let assignedAt: String
    }

    struct VOEventLink: Decodable {
        let ivorn: String
        let role: String
        let direction: String
        let storedAt: String
    }

    struct Decision: Decodable {
        let decisionId: Int64
        let proposalId: String
        let status: String
        let decidedAt: String
        let reason: [DecisionLogEntry]
    }

    struct Call: Decodable {
        let endpoint: String
        let triggerMode: String?
        let triggerId: Int64?
        let success: Bool
        let pretend: Bool
        let obsids: [Int64]
        let errors: [String]
        let completedAt: String
    }

    let frb: FRBRecord
    let observation: FRBObservation
    let imageUrls: FRBImageURLs
    let measurements: [RadioMeasurement]
    let ratings: Ratings
    let notifications: [Notification]
    let tnsReports: [TNSReport]
    let voevents: [VOEventLink]
    let triggerDecisions: [Decision]
    let triggerCalls: [Call]
}
