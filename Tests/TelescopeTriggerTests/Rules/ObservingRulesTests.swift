import Foundation
import Schema
import Testing
@testable import TelescopeTrigger

/// Repointing, the horizon and observing window, event groups and priority override.
@Suite("Observing rules")
struct ObservingRulesTests {
    let now = RulesFixtures.now

    // Fermi_GRB_pnt{0,1,2}.xml ("test pointing update"): TrigID 533367528, 0.512 s, error 4.7333 deg.
    let pointings = [(161.6167, -48.4167), (165.6167, -48.4167), (165.6167, -15.4167)].map {
        RulesFixtures.fermi(trigId: "533367528", ra: $0.0, dec: $0.1, err: 4.7333, duration: 0.512)
    }

    @Test("a Fermi position that moves 2.7 deg keeps the observation; one that moves 33 deg repoints it")
    func repointing() throws {
        let proposal = try RulesFixtures.proposal("mwa_grb_proposal_settings")
        let first = try #require(ProposalRules.next(nil, proposal: proposal, event: pointings[0], now: now))
        #expect(first.observeNow && !first.isRepoint)
        let second = try #require(ProposalRules.next(first, proposal: proposal, event: pointings[1], now: now))
        #expect(second.outcome == .trigger && !second.observeNow)
        #expect(second.position?.ra == 161.6167)
        let third = try #require(ProposalRules.next(second, proposal: proposal, event: pointings[2], now: now))
        #expect(third.observeNow && third.isRepoint)
        #expect(third.position == TriggerPosition(ra: 165.6167, dec: -15.4167, posError: 4.7333))
        #expect(third.logged("Repointing because the separation (33."))
        #expect(third.log.count > second.log.count && second.log.count > first.log.count)
        #expect(third.log.allSatisfy { $0.time == now })
    }

    @Test("a source below the horizon for the whole observation is not observed; below for part of it, with a warning")
    func horizon() throws {
        let proposal = try RulesFixtures.proposal("mwa_grb_proposal_settings")
        let event = pointings[0]
        func decide(start: Double?, end: Double?) -> Decision {
            let at = now
            return ProposalRules.decide(proposal: proposal, events: [event], now: now) { position, time in
                #expect(position.ra == 161.6167)
                return time == at ? start : end
            }
        }
        let below = decide(start: 5, end: 9.9)
        #expect(below.outcome == .ignore && !below.observeNow)
        #expect(below.logged("below the horizon limit (10.0 deg), altitude 5.0 deg now and 9.9 deg at the end"))
        let setting = decide(start: 12, end: 8)
        #expect(setting.outcome == .trigger && setting.observeNow)
        #expect(setting.logged("Warning: the source is below the horizon limit"))
        let up = decide(start: 40, end: 42)
        #expect(up.observeNow && !up.logged("horizon") && !up.logged("altitude"))
        let unknown = decide(start: nil, end: nil)
        #expect(unknown.observeNow && unknown.logged("The source altitude is unknown"))
    }

    @Test("no observation starts later than the proposal's maximum observation time after the event")
    func observingWindow() throws {
        var proposal = try RulesFixtures.proposal("mwa_grb_proposal_settings")
        proposal.maximumObservationTimeSeconds = 600
        var event = pointings[0]
        event.eventObserved = now.addingTimeInterval(-601)
        let late = ProposalRules.decide(proposal: proposal, events: [event], now: now)
        #expect(late.outcome == .ignore && !late.observeNow)
        #expect(late.logged("past the maximum observation time (600 s)"))
        event.eventObserved = now.addingTimeInterval(-599)
        #expect(ProposalRules.decide(proposal: proposal, events: [event], now: now).observeNow)
    }

    @Test("events are grouped by trigger id in order of arrival; events without one stand alone")
    func grouping() throws {
        var anonymous = try RulesFixtures.event("Antares_1438351269")
        anonymous.trigId = nil
        let swift = try RulesFixtures.event("SWIFT00")
        let groups = EventGroups.group([pointings[0], swift, anonymous, pointings[1], anonymous, pointings[2]])
        #expect(groups.map(\.count) == [3, 1, 1, 1])
        #expect(groups[0].map(\.ra) == [161.6167, 165.6167, 165.6167])
        #expect(groups[1].first?.trigId == "772006")
    }

    @Test("outcomes map onto the schema's trigger statuses")
    func statuses() {
        #expect([DecisionOutcome.trigger, .pending, .ignore, .cancel].map(\.status) == [.triggered, .pending, .ignored, .cancelled])
    }

    @Test("priority override: lower number wins, equal priority only for a position beyond the limit, an ended observation never clashes")
    func priorityOverride() {
        var contender = PriorityOverride.Contender(priority: 1, repointingLimit: 10, position: TriggerPosition(ra: 165, dec: -45))
        var running = RunningObservation(proposalId: "OTHER", priority: 1, position: TriggerPosition(ra: 163, dec: -48),
                                         ends: now.addingTimeInterval(600))
        let near = PriorityOverride.mayInterrupt(running, by: contender, now: now)
        #expect(!near.allowed && near.reason.contains("within the repointing limit"))
        running.position = TriggerPosition(ra: 10, dec: 20)
        #expect(PriorityOverride.mayInterrupt(running, by: contender, now: now).allowed)
        running.priority = 0
        let outranked = PriorityOverride.mayInterrupt(running, by: contender, now: now)
        #expect(!outranked.allowed && outranked.reason == "Priority 1 does not outrank OTHER's priority 0.")
        running.priority = 2
        #expect(PriorityOverride.mayInterrupt(running, by: contender, now: now).allowed)
        running.priority = 0
        running.ends = now
        #expect(PriorityOverride.mayInterrupt(running, by: contender, now: now).allowed)
        running.ends = now.addingTimeInterval(600)
        running.priority = 1
        running.position = nil
        #expect(!PriorityOverride.mayInterrupt(running, by: contender, now: now).allowed)
        contender.priority = 0
        #expect(PriorityOverride.mayInterrupt(nil, by: contender, now: now).allowed)
    }
}
