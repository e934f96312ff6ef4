import Foundation
import Testing
import Yams
@testable import TelescopeTrigger

@Suite("Proposal settings")
struct ProposalSettingsTests {
    @Test("every MWA fixture of TraceT decodes with its source type, testing mode and MWA settings",
          arguments: [
              ("mwa_grb_proposal_settings", ProposalSettings.SourceType.grb),
              ("mwa_short_grb_proposal_settings", .grb),
              ("mwa_hess_proposal_settings", .grb),
              ("mwa_nu_proposal_settings", .neutrino),
              ("mwa_fs_proposal_settings", .flareStar),
              ("mwa_early_lvc_mwa_proposal_settings", .gravitationalWave),
          ])
    func fixtureDecodes(name: String, sourceType: ProposalSettings.SourceType) throws {
        let proposal = try RulesFixtures.proposal(name)
        #expect(proposal.sourceType == sourceType)
        #expect(proposal.projectId == "T001")
        #expect(proposal.telescope == "MWA_VCS" && proposal.vcsMode)
        #expect(proposal.testing == .pretendReal)
        #expect(proposal.mwaFreqspecs == "121,24")
        #expect(proposal.mwaExptime == 304 && proposal.mwaCalexptime == 300 && proposal.mwaFreqres == 40 && proposal.mwaInttime == 0.5)
        #expect(proposal.mwaHorizonLimit == 10 && proposal.repointingLimit == 10)
    }

    @Test("the GRB fixture's own thresholds override TraceT's defaults")
    func grbThresholds() throws {
        let grb = try RulesFixtures.proposal("mwa_grb_proposal_settings")
        #expect(grb.proposalId == "TEST")
        #expect(grb.eventMaxDuration == 1.027)
        #expect(grb.maximumPositionUncertainty == 15)
        #expect(grb.startObservationAtHighSensitivity)
        let hess = try RulesFixtures.proposal("mwa_hess_proposal_settings")
        #expect(hess.eventTelescope == "HESS" && hess.eventAnyDuration)
        #expect(hess.proposalId == "HESS_TEST")
        let short = try RulesFixtures.proposal("mwa_short_grb_proposal_settings")
        #expect(short.eventMinDuration == 0 && short.eventMaxDuration == 0.256 && short.pendingMaxDuration1 == 0)
    }

    @Test("keys a fixture leaves out take TraceT's model defaults")
    func defaults() throws {
        let fs = try RulesFixtures.proposal("mwa_fs_proposal_settings")
        #expect(fs.eventTelescope == nil)
        #expect(!fs.eventAnyDuration)
        #expect(fs.maximumPositionUncertainty == 0.05)
        #expect(fs.antaresMinRanking == 2)
        #expect(fs.priority == 1)
        #expect(fs.maximumFalseAlarmRate == 1e-8)
        #expect(fs.maximumTerrestialProbability == 0.95 && fs.minimumNeutronStarProbability == 0.01)
        #expect(fs.minimumHessSignificance == 0.2 && fs.maximumHessSignificance == 1)
        #expect(fs.earlyObservationTimeSeconds == 900 && fs.maximumObservationTimeSeconds == 0)
        #expect(fs.mwaCalibrator && fs.mwaAvoidsun && !fs.mwaBufferDump)
        #expect(fs.nobs == 1)
        #expect(try RulesFixtures.proposal("mwa_nu_proposal_settings").maximumPositionUncertainty == 1)
    }

    @Test("the early-warning GW fixture carries its probability ranges, window and sub-array pointings")
    func gravitationalWave() throws {
        let gw = try RulesFixtures.proposal("mwa_early_lvc_mwa_proposal_settings")
        #expect(gw.proposalId == "EARLY_LVC_MWA")
        #expect(gw.maximumTerrestialProbability == 0.85 && gw.minimumBinaryNeutronStarProbability == 0)
        #expect(gw.minimumNeutronStarProbability == 0.01 && gw.maximumNeutronStarBlackHoleProbability == 1)
        #expect(gw.observeSignificant)
        #expect(gw.maximumObservationTimeSeconds == 7200 && gw.earlyObservationTimeSeconds == 900)
        #expect(gw.subarrayPointings == [.init(alt: 90, az: 0), .init(alt: 66.85, az: 270), .init(alt: 59.35, az: 219.88), .init(alt: 43.97, az: 270)])
        #expect(gw.mwaBufferDump)
        #expect(try RulesFixtures.proposal("mwa_early_lvc_mwa_proposal_settings_both").testing == .both)
        #expect(try RulesFixtures.proposal("mwa_early_lvc_mwa_proposal_settings_real_only").testing == .realOnly)
    }

    @Test("the project's password in a TraceT fixture never reaches the proposal")
    func noSecret() throws {
        let proposal = try RulesFixtures.proposal("mwa_grb_proposal_settings")
        #expect(try RulesFixtures.text("mwa/fixtures/mwa_grb_proposal_settings.yaml").contains("TestingOnly"))
        #expect(proposal.secureKeyEnv == nil)
        #expect(!String(describing: proposal).contains("TestingOnly"))
    }

    @Test("the fixtures name only telescopes and event telescopes TraceT's default data knows")
    func knownTelescopes() throws {
        let defaults = try #require(try Yams.load(yaml: RulesFixtures.text("mwa/default_data.yaml")) as? [[String: Any]])
        func names(_ model: String) -> Set<String> {
            Set(defaults.filter { $0["model"] as? String == model }.compactMap { ($0["fields"] as? [String: Any])?["name"] as? String })
        }
        let telescopes = names("trigger_app.Telescope"), eventTelescopes = names("trigger_app.EventTelescope")
        #expect(telescopes == ["MWA_VCS", "MWA_correlate", "ATCA"])
        for name in ["mwa_grb_proposal_settings", "mwa_hess_proposal_settings", "mwa_nu_proposal_settings", "mwa_early_lvc_mwa_proposal_settings"] {
            let proposal = try RulesFixtures.proposal(name)
            #expect(telescopes.contains(proposal.telescope))
            #expect(proposal.eventTelescope.map(eventTelescopes.contains) ?? true)
        }
    }

    @Test("our proposals file: snake_case keys, a key reference instead of a key, TraceT's string FAR, priority order")
    func proposalsFile() throws {
        let yaml = """
        proposals:
          - proposal_id: GW_LATE
            project_id: G0094
            secure_key_env: MWA_KEY_G0094
            telescope: MWA_correlate
            source_type: GW
            priority: 3
            maximum_false_alarm_rate: "1.00e-7"
            mwa_sub_alt_NE: 80
          - proposal_id: GRB_FAST
            project_id: G0055
            secure_key_env: MWA_KEY_G0055
            telescope: MWA_VCS
            source_type: GRB
            testing: BOTH
            pending_min_duration_1: 2.5
            event_telescope: SWIFT
          - proposal_id: NU
            project_id: G0072
            telescope: MWA_VCS
            source_type: NU
            priority: 3
        """
        let proposals = try Proposals.load(yaml: yaml)
        #expect(proposals.byPriority.map(\.proposalId) == ["GRB_FAST", "GW_LATE", "NU"])
        let gw = proposals.proposals[0], grb = proposals.proposals[1]
        #expect(gw.secureKeyEnv == "MWA_KEY_G0094" && !gw.vcsMode)
        #expect(gw.maximumFalseAlarmRate == 1e-7)
        #expect(gw.subarrayPointings[0] == .init(alt: 80, az: 0))
        #expect(grb.testing == .both && grb.pendingMinDuration1 == 2.5 && grb.eventTelescope == "SWIFT")
        #expect(proposals.proposals[2].secureKeyEnv == nil)
    }

    @Test("a proposal without a source type, or with an unreadable FAR, is refused")
    func invalid() {
        #expect(throws: DecodingError.self) {
            try Proposals.load(yaml: "proposals:\n  - {proposal_id: A, project_id: B, telescope: MWA_VCS}")
        }
        #expect(throws: DecodingError.self) {
            try Proposals.load(yaml: "proposals:\n  - {proposal_id: A, project_id: B, telescope: MWA_VCS, source_type: GW, maximum_false_alarm_rate: often}")
        }
    }
}
