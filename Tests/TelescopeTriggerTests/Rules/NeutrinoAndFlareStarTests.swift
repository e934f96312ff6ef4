import Foundation
import Schema
import Testing
@testable import TelescopeTrigger

/// TraceT's neutrino (its test is commented out but expects both groups triggered) and flare-star cases.
@Suite("Neutrino and flare-star decisions")
struct NeutrinoAndFlareStarTests {
    let now = RulesFixtures.now

    @Test("an Antares alert ranked 1 passes the limit of 2 (TraceT: T); ranked 3 it does not (derived: I)")
    func antares() throws {
        let proposal = try RulesFixtures.proposal("mwa_nu_proposal_settings")
        var event = try RulesFixtures.event("Antares_1438351269")
        let ranked1 = ProposalRules.decide(proposal: proposal, events: [event], now: now)
        #expect(ranked1.outcome == .trigger)
        #expect(ranked1.logged("The Antares ranking (1) is less than or equal to 2 so triggering."))
        event.antaresRanking = 3
        let ranked3 = ProposalRules.decide(proposal: proposal, events: [event], now: now)
        #expect(ranked3.outcome == .ignore)
        #expect(ranked3.logged("The Antares ranking (3) is greater than 2 so not triggering."))
    }

    @Test("two IceCube alerts of one AMON id: one observation, the 0.5 deg shift is no repoint (TraceT: T)")
    func iceCube() throws {
        let first = try RulesFixtures.event("IceCube_134191_017593623_0")
        // IceCube_134191_017593623_1.xml: AMON_ID 13419117593623 at (142.9499, 3.6600), error 1.2199 deg.
        var second = first
        (second.ra, second.dec, second.err) = (142.9499, 3.66, 1.2199)
        let decision = ProposalRules.decide(proposal: try RulesFixtures.proposal("mwa_nu_proposal_settings"), events: [first, second], now: now)
        #expect(decision.outcome == .trigger && !decision.observeNow)
        #expect(decision.logged("AMON ICECUBE_GOLD_Event: No thresholds for non Antares telescopes so triggering."))
        #expect(decision.logged("Not repointing because the separation (0.5"))
        #expect(decision.position == TriggerPosition(ra: 143.4519, dec: 3.7891, posError: 0.9201))
    }

    @Test("a Swift trigger on flare star HD 8357 is observed by the flare-star proposal (TraceT: T)")
    func flareStar() throws {
        let decision = ProposalRules.decide(proposal: try RulesFixtures.proposal("mwa_fs_proposal_settings"),
                                            events: [try RulesFixtures.event("HD_8537_FLARE_STAR_TEST")], now: now)
        #expect(decision.outcome == .trigger && decision.observeNow)
        #expect(decision.logged("SWIFT BAT_GRB_Pos: Triggering on Flare Star HD 8357."))
        #expect(decision.sourceType == "FS")
    }

    @Test("the flare-star and neutrino proposals ignore other source types (derived: I)")
    func otherSources() throws {
        let grb = try RulesFixtures.event("SWIFT00")
        let fs = ProposalRules.decide(proposal: try RulesFixtures.proposal("mwa_fs_proposal_settings"), events: [grb], now: now)
        #expect(fs.outcome == .ignore && fs.logged("This proposal does not observe GRBs."))
        let star = try RulesFixtures.event("HD_8537_FLARE_STAR_TEST")
        let nu = ProposalRules.decide(proposal: try RulesFixtures.proposal("mwa_nu_proposal_settings"), events: [star], now: now)
        #expect(nu.outcome == .ignore && nu.logged("This proposal does not observe FSs."))
    }
}
