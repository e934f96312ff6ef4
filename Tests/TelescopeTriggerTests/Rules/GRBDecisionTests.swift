import Foundation
import Schema
import Testing
@testable import TelescopeTrigger

/// TraceT's GRB cases. Where its own tests (`webapp_tracet/trigger_app/tests.py`) assert an outcome the
/// test says so; the others follow `worth_observing_grb` as contract section d.3 gives it.
@Suite("GRB decisions")
struct GRBDecisionTests {
    let now = RulesFixtures.now

    @Test("a Swift BAT position of 1.024 s is outside the short-GRB proposal's windows (TraceT: I)")
    func shortProposalIgnoresLongBurst() throws {
        let decision = ProposalRules.decide(proposal: try RulesFixtures.proposal("mwa_short_grb_proposal_settings"),
                                            events: [try RulesFixtures.event("Swift_BAT_GRB_Pos_fail")], now: now)
        #expect(decision.outcome == .ignore && decision.status == .ignored)
        #expect(decision.logged("Event duration outside of all time ranges so not triggering."))
        #expect(!decision.observeNow)
    }

    @Test("Swift BAT light curve then BAT position of the same trigger: one observation (TraceT: T)")
    func swiftGroup() throws {
        let proposal = try RulesFixtures.proposal("mwa_grb_proposal_settings")
        let first = try RulesFixtures.event("SWIFT_BAT_Lightcurve")
        // SWIFT_BAT_POS.xml: TrigID 1156572, Integ_Time 1.024, Rate_Signif 25.03, same position.
        let second = RulesFixtures.swift(trigId: "1156572", type: "BAT_GRB_Pos", ra: 18.4033, dec: 44.4885, err: 0.05, duration: 1.024, rateSignif: 25.03)
        let afterFirst = try #require(ProposalRules.next(nil, proposal: proposal, event: first, now: now))
        #expect(afterFirst.outcome == .trigger && afterFirst.observeNow && !afterFirst.isRepoint)
        #expect(afterFirst.logged("SWIFT rate significance (25.03) >= swift_min_rate (0.000) sigma."))
        #expect(afterFirst.logged("Event duration between 0.256 and 1.027 s so triggering."))
        #expect(afterFirst.logged("Triggering an observation (pretend, testing mode PRETEND_REAL)."))
        #expect(afterFirst.pretend)
        let afterSecond = try #require(ProposalRules.next(afterFirst, proposal: proposal, event: second, now: now))
        #expect(afterSecond.outcome == .trigger && !afterSecond.observeNow)
        #expect(afterSecond.logged("Not repointing because the separation (0.0000 deg) is within the repointing limit (10.0000 deg)."))
        #expect(afterSecond.position == TriggerPosition(ra: 18.4033, dec: 44.4885, posError: 0.05))
    }

    @Test("Swift BAT, XRT and UVOT positions of one trigger (TraceT: T, all events moved to one position)")
    func swiftBatXrtUvot() throws {
        // group_02_SWIFT_0{1,2,3}: TrigID 1101053; BAT Integ_Time 0.5 s, Rate_Signif 13.74; XRT and UVOT carry
        // neither. TraceT's test puts every event at the MWA zenith, so they share one position here.
        let events = [
            RulesFixtures.swift(trigId: "1101053", type: "BAT_GRB_Pos", ra: 95, dec: -30, err: 0.05, duration: 0.5, rateSignif: 13.74),
            RulesFixtures.swift(trigId: "1101053", type: "XRT_Pos", ra: 95, dec: -30, err: 0.0009),
            RulesFixtures.swift(trigId: "1101053", type: "UVOT_Pos", ra: 95, dec: -30, err: 0.0001),
        ]
        let decision = ProposalRules.decide(proposal: try RulesFixtures.proposal("mwa_grb_proposal_settings"), events: events, now: now)
        #expect(decision.outcome == .trigger)
        #expect(decision.log.filter { $0.message.contains("Triggering") }.count == 1)
        #expect(decision.logged("SWIFT UVOT_Pos: Not repointing"))
    }

    @Test("two Fermi flight positions of one trigger (TraceT: T)")
    func fermiGroup() throws {
        // group_01_0{1,2}_Fermi: TrigID 533367528, Trig_Timescale 1.0 s, Most_Likely_Index 4 at 94 %, error 11.8167 deg.
        let event = RulesFixtures.fermi(trigId: "533367528", ra: 350.6167, dec: -28.4167, err: 11.8167, duration: 1.0)
        let decision = ProposalRules.decide(proposal: try RulesFixtures.proposal("mwa_grb_proposal_settings"), events: [event, event], now: now)
        #expect(decision.outcome == .trigger)
        #expect(decision.logged("Fermi GBM_Flt_Pos: Fermi GRB probability greater than 50.0."))
    }

    @Test("TraceT's parsed Fermi GRB passes every GRB condition (derived: T)")
    func fermiGRB() throws {
        let decision = ProposalRules.decide(proposal: try RulesFixtures.proposal("mwa_grb_proposal_settings"),
                                            events: [try RulesFixtures.event("Fermi_GRB")], now: now)
        #expect(decision.outcome == .trigger && decision.observeNow)
        #expect(decision.position == TriggerPosition(ra: 241.6167, dec: 48.4167, posError: 4.7333))
    }

    @Test("a Fermi final position with a 24.6 deg error and no duration (derived: I, both conditions logged)")
    func fermiTooUncertain() throws {
        let decision = ProposalRules.decide(proposal: try RulesFixtures.proposal("mwa_grb_proposal_settings"),
                                            events: [try RulesFixtures.event("fermi_GBM_00")], now: now)
        #expect(decision.outcome == .ignore)
        #expect(decision.logged("The Events positions uncertainty (24.6200 deg) is greater than 15.0000 so not observing."))
        #expect(decision.logged("No event duration (None) so not triggering."))
        #expect(decision.votes[.position] == .fail && decision.votes[.likelihood] == .pass)
    }

    @Test("durations pick trigger, pending or ignore (derived from the windows)",
          arguments: [("SWIFT_Trigger", DecisionOutcome.trigger, "Event duration between 0.256 and 1.027 s so triggering."),
                      ("SWIFT_pending", .pending, "Event duration between 0.128 and 0.255 s so waiting for a human's decision."),
                      ("SWIFT00", .ignore, "Event duration outside of all time ranges so not triggering.")])
    func durationWindows(name: String, outcome: DecisionOutcome, line: String) throws {
        let decision = ProposalRules.decide(proposal: try RulesFixtures.proposal("mwa_grb_proposal_settings"),
                                            events: [try RulesFixtures.event(name)], now: now)
        #expect(decision.outcome == outcome)
        #expect(decision.logged(line))
        #expect(decision.observeNow == (outcome == .trigger))
    }

    @Test("a pending decision waits for its human whatever the group's later events say (TraceT leaves P alone)")
    func pendingWaits() throws {
        let decision = ProposalRules.decide(proposal: try RulesFixtures.proposal("mwa_grb_proposal_settings"),
                                            events: [try RulesFixtures.event("SWIFT_pending"), try RulesFixtures.event("SWIFT_Trigger")], now: now)
        #expect(decision.outcome == .pending && decision.status == .pending)
        #expect(decision.logged("Still waiting for a human's decision on this group."))
        #expect(!decision.observeNow)
    }

    @Test("the observation a human may approve is real or pretend as the proposal's testing mode says")
    func pendingObservationFollowsTheTestingMode() throws {
        var proposal = try RulesFixtures.proposal("mwa_grb_proposal_settings")
        let events = [try RulesFixtures.event("SWIFT_pending")]
        for (testing, pretend) in [(ProposalSettings.TestingMode.realOnly, false), (.both, false), (.pretendReal, true)] {
            proposal.testing = testing
            let decision = ProposalRules.decide(proposal: proposal, events: events, now: now)
            #expect(decision.outcome == .pending && decision.pretend == pretend, "\(testing)")
        }
    }

    @Test("HESS: only the any-duration HESS proposal triggers (TraceT: T and I)")
    func hess() throws {
        let event = try RulesFixtures.event("HESS_test_event")
        let hess = ProposalRules.decide(proposal: try RulesFixtures.proposal("mwa_hess_proposal_settings"), events: [event], now: now)
        #expect(hess.outcome == .trigger)
        #expect(hess.logged("HESS rate significance is 0.2 <= (0.967) <= 1.0 sigma."))
        #expect(hess.logged("Accepting any event duration so triggering."))
        let grb = ProposalRules.decide(proposal: try RulesFixtures.proposal("mwa_grb_proposal_settings"), events: [event], now: now)
        #expect(grb.outcome == .ignore)
        #expect(grb.logged("Event duration outside of all time ranges so not triggering."))
    }

    @Test("the HESS-only proposal ignores a Swift burst; the GW proposal ignores any GRB (TraceT: I)")
    func filters() throws {
        let swift = try RulesFixtures.event("SWIFT#BAT_GRB_Pos_1163119-055")
        let hess = ProposalRules.decide(proposal: try RulesFixtures.proposal("mwa_hess_proposal_settings"), events: [swift], now: now)
        #expect(hess.outcome == .ignore)
        #expect(hess.logged("This proposal does not trigger on events from SWIFT."))
        let gw = ProposalRules.decide(proposal: try RulesFixtures.proposal("mwa_early_lvc_mwa_proposal_settings"), events: [swift], now: now)
        #expect(gw.outcome == .ignore)
        #expect(gw.logged("This proposal does not observe GRBs."))
    }

    @Test("events the parser marked ignored leave nothing to decide")
    func ignoredEvents() throws {
        let event = try RulesFixtures.event("SWIFT_Point_Dir_Change")
        #expect(event.ignore)
        let proposal = try RulesFixtures.proposal("mwa_grb_proposal_settings")
        #expect(ProposalRules.next(nil, proposal: proposal, event: event, now: now) == nil)
        let decision = ProposalRules.decide(proposal: proposal, events: [event], now: now)
        #expect(decision.outcome == .ignore && decision.log.count == 1)
        #expect(decision.logged("Every event of the group is ignored"))
    }

    @Test("a later position inherits the group's duration vote, so an XRT position rescues a too-uncertain Fermi trigger")
    func voteInheritance() throws {
        // Not TraceT v1, which judges each event alone and would stop at the XRT's missing duration.
        var proposal = try RulesFixtures.proposal("mwa_grb_proposal_settings")
        proposal.maximumPositionUncertainty = 1
        let fermi = RulesFixtures.fermi(trigId: "533367528", ra: 350.6167, dec: -28.4167, err: 11.8167, duration: 1.0)
        let xrt = RulesFixtures.swift(trigId: "533367528", type: "XRT_Pos", ra: 350.9, dec: -28.1, err: 0.0009)
        let first = try #require(ProposalRules.next(nil, proposal: proposal, event: fermi, now: now))
        #expect(first.outcome == .ignore)
        let second = try #require(ProposalRules.next(first, proposal: proposal, event: xrt, now: now))
        #expect(second.outcome == .trigger && second.observeNow)
        #expect(second.logged("SWIFT XRT_Pos: Checking new Event."))
        #expect(!second.logged("No event duration"))
        #expect(second.position == TriggerPosition(ra: 350.9, dec: -28.1, posError: 0.0009))
    }

    @Test("a zero position error is taken as an error, as TraceT does")
    func zeroError() throws {
        let event = RulesFixtures.swift(trigId: "1", type: "BAT_GRB_Pos", ra: 10, dec: -20, err: 0, duration: 0.5, rateSignif: 9)
        let decision = ProposalRules.decide(proposal: try RulesFixtures.proposal("mwa_grb_proposal_settings"), events: [event], now: now)
        #expect(decision.outcome == .ignore)
        #expect(decision.logged("positions uncertainty is 0.0 which is likely an error"))
    }
}
