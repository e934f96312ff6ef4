import Foundation
import Schema
import Testing
@testable import TelescopeTrigger

/// TraceT's LVC cases with its early-warning proposal fixtures. Like TraceT's tests, the events are dated
/// six minutes before "now" (its `now - 0.1 h`), since alerts older than two hours are never observed.
@Suite("Gravitational-wave decisions")
struct GWDecisionTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    static func lvc(_ name: String, role: String = "observation") throws -> AlertEvent {
        var event = try RulesFixtures.event(name)
        event.eventObserved = now.addingTimeInterval(-360)
        event.role = role
        return event
    }

    static func decide(_ events: [AlertEvent], fixture: String = "mwa_early_lvc_mwa_proposal_settings",
                       change: (inout ProposalSettings) -> Void = { _ in }) throws -> Decision {
        var proposal = try RulesFixtures.proposal(fixture)
        change(&proposal)
        return ProposalRules.decide(proposal: proposal, events: events, now: now)
    }

    @Test("early warnings against the three testing modes (TraceT: observations made, and their pretend flag)",
          arguments: [
              ("mwa_early_lvc_mwa_proposal_settings", "observation", DecisionOutcome.trigger, true),
              ("mwa_early_lvc_mwa_proposal_settings", "test", .ignore, true),
              ("mwa_early_lvc_mwa_proposal_settings_both", "observation", .trigger, false),
              ("mwa_early_lvc_mwa_proposal_settings_both", "test", .trigger, true),
              ("mwa_early_lvc_mwa_proposal_settings_real_only", "observation", .trigger, false),
              ("mwa_early_lvc_mwa_proposal_settings_real_only", "test", .ignore, true),
          ])
    func testingModes(fixture: String, role: String, outcome: DecisionOutcome, pretend: Bool) throws {
        let decision = try Self.decide([Self.lvc("LVC_real_early_warning", role: role)], fixture: fixture)
        #expect(decision.outcome == outcome)
        #expect(decision.observeNow == (outcome == .trigger))
        if outcome == .trigger {
            #expect(decision.pretend == pretend)
            #expect(decision.logged("LVC EarlyWarning: Early warning, no information so triggering."))
        } else {
            #expect(decision.logged("does not trigger on event role test."))
        }
    }

    @Test("early warning, initial, preliminary and update each observe again (TraceT: buffer dump plus four observations)")
    func fullSequence() throws {
        let proposal = try RulesFixtures.proposal("mwa_early_lvc_mwa_proposal_settings")
        var decision: Decision?
        var observations: [Bool] = []
        for name in ["LVC_real_early_warning", "LVC_real_initial", "LVC_real_preliminary", "LVC_real_update"] {
            decision = ProposalRules.next(decision, proposal: proposal, event: try Self.lvc(name), now: Self.now)
            observations.append(decision?.observeNow == true)
            #expect(decision?.isRepoint == (name != "LVC_real_early_warning"))
        }
        #expect(observations == [true, true, true, true])
        let final = try #require(decision)
        #expect(final.outcome == .trigger && final.position == nil)
        #expect(final.votes[.falseAlarmRate] == .pass && final.votes[.terrestrial] == .pass && final.votes[.significance] == .pass)
        #expect(final.logged("LVC Update: Triggering a repointed observation (pretend, testing mode PRETEND_REAL)."))
    }

    @Test("an early warning seen by one detector is not observed (TraceT: no MWA call)")
    func singleInstrument() throws {
        // LVC_real_early_warning_single_instrument.xml: GraceID S230524x, Instruments H1; otherwise as the two-detector warning.
        var event = try Self.lvc("LVC_real_early_warning")
        event.trigId = "S230524x"
        event.lvcInstruments = "H1"
        let decision = try Self.decide([event])
        #expect(decision.outcome == .ignore)
        #expect(decision.logged("The event has only H1 so not triggering."))
    }

    @Test("a retraction on its own is ignored (TraceT: I)")
    func loneRetraction() throws {
        // LVC_real_retraction.xml: GraceID S230518h, Packet_Type 164, no position or probabilities.
        var retraction = RulesFixtures.alert("LVC", "Retraction", trigId: "S230518h", sourceType: "GW")
        retraction.eventObserved = Self.now.addingTimeInterval(-360)
        let decision = try Self.decide([retraction])
        #expect(decision.outcome == .ignore)
        #expect(decision.logged("Retraction, so not observing."))
    }

    @Test("a retraction cancels a triggered group, and later alerts do not revive it")
    func retractionCancels() throws {
        // TraceT v1 keeps the previous decision on a retraction; cancelling it is this service's choice.
        let retraction = RulesFixtures.alert("LVC", "Retraction", trigId: "S230518h", sourceType: "GW")
        let decision = try Self.decide([Self.lvc("LVC_real_early_warning"), retraction, Self.lvc("LVC_real_update")])
        #expect(decision.outcome == .cancel && decision.status == .cancelled)
        #expect(decision.logged("LVC Retraction: Retraction, so cancelling the decision."))
        #expect(decision.logged("LVC Update: Previous observation canceled so not observing."))
        #expect(!decision.observeNow)
    }

    @Test("alerts more than two hours after the merger are not observed")
    func tooOld() throws {
        var event = try Self.lvc("LVC_real_early_warning")
        event.eventObserved = Self.now.addingTimeInterval(-2 * 3600 - 1)
        let decision = try Self.decide([event])
        #expect(decision.outcome == .ignore)
        #expect(decision.logged("is more than 2 hours ago"))
    }

    @Test("a preliminary alert outside a range is not observed (derived from worth_observing_gw)",
          arguments: [
              ("FAR", "The FAR is 1e-06 which is greater than 1e-08 so not triggering."),
              ("terrestrial", "The PROB_Terre probability (0.9) is greater than 0.85 so not triggering."),
              ("NSBH", "The PROB_NSBH probability (0.005) is less than 0.01 so not triggering."),
              ("significant", "The GW significance (true) is not observed because observe_significant is false."),
          ])
    func outOfRange(check: String, line: String) throws {
        var event = try Self.lvc("LVC_real_preliminary")
        switch check {
        case "FAR": event.lvcFalseAlarmRate = 1e-6
        case "terrestrial": event.lvcTerrestialProbability = 0.9
        case "NSBH": event.lvcNeutronStarBlackHoleProbability = 0.005
        default: break
        }
        let decision = try Self.decide([event]) {
            $0.minimumNeutronStarBlackHoleProbability = 0.01
            $0.observeSignificant = check != "significant"
        }
        #expect(decision.outcome == .ignore)
        #expect(decision.logged(line))
    }

    @Test("a preliminary alert within every range is observed, a zero probability being no probability (TraceT #139)")
    func preliminaryObserved() throws {
        let event = try Self.lvc("LVC_real_preliminary")
        #expect(event.lvcBinaryNeutronStarProbability == 0)
        let decision = try Self.decide([event]) { $0.minimumBinaryNeutronStarProbability = 0.5 }
        #expect(decision.outcome == .trigger && decision.observeNow && !decision.isRepoint)
        #expect(decision.votes[.binaryNeutronStar] == nil)
        #expect(decision.votes[.neutronStar] == .pass)
    }

    @Test("a burst-group LVC alert is ignored at parsing, leaving nothing to decide (TraceT: event ignored)")
    func burstIgnored() throws {
        // LVC_real_burst.xml: Group Burst, which TraceT's parser marks ignored.
        var burst = RulesFixtures.alert("LVC", "Preliminary", trigId: "S230531f", sourceType: "GW")
        burst.ignore = true
        let decision = try Self.decide([burst])
        #expect(decision.outcome == .ignore && !decision.observeNow)
        #expect(decision.logged("Every event of the group is ignored"))
    }
}
