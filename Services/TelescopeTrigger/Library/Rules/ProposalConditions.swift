import Foundation

/// TraceT's `worth_observing_*` rules as votes: each event votes on the conditions it carries data for,
/// and says nothing about the rest so the group's earlier votes stand.
enum ProposalConditions {
    /// The gates TraceT checks before any rule, in its order; the first that fails names why.
    static func gate(_ proposal: ProposalSettings, _ event: AlertEvent, groupSourceType: String?) -> String? {
        if event.role?.lowercased() == "test", proposal.testing != .both {
            return "Proposal setting \(proposal.testing.rawValue) does not trigger on event role test."
        }
        if let wanted = proposal.eventTelescope, wanted.lowercased() != (event.telescope ?? "").lowercased() {
            return "This proposal does not trigger on events from \(event.telescope ?? "an unknown telescope")."
        }
        if groupSourceType?.uppercased() != proposal.sourceType.rawValue {
            return "This proposal does not observe \(groupSourceType.map { "\($0)s" } ?? "events of unknown type")."
        }
        return nil
    }

    static func verdicts(_ proposal: ProposalSettings, _ event: AlertEvent, now: Date) -> [Verdict] {
        switch proposal.sourceType {
        case .grb:
            return [position(proposal, event), likelihood(proposal, event), duration(proposal, event)].compactMap { $0 }
        case .flareStar:
            return [Verdict(condition: .flareStar, vote: .pass, message: "Triggering on Flare Star \(event.sourceName ?? "(unnamed)").")]
        case .neutrino:
            return [neutrino(proposal, event)]
        case .gravitationalWave:
            return gravitationalWave(proposal, event, now: now)
        }
    }

    private static func position(_ p: ProposalSettings, _ event: AlertEvent) -> Verdict? {
        guard let error = event.err else { return nil }
        if error == 0 {
            return Verdict(condition: .position, vote: .fail, message: "The Events positions uncertainty is 0.0 which is likely an error so not observing.")
        }
        if p.maximumPositionUncertainty > 0, error > p.maximumPositionUncertainty {
            return Verdict(condition: .position, vote: .fail, message: "The Events positions uncertainty (\(format(error)) deg) is greater than \(format(p.maximumPositionUncertainty)) so not observing.")
        }
        return Verdict(condition: .position, vote: .pass, message: nil)
    }

    /// Fermi's classification, else Swift's rate significance, else HESS's significance, as TraceT ranks them.
    private static func likelihood(_ p: ProposalSettings, _ event: AlertEvent) -> Verdict {
        if let index = event.fermiMostLikelyIndex {
            guard index == 4 else { return Verdict(condition: .likelihood, vote: .fail, message: "Fermi GRB likely index not 4.") }
            let probability = event.fermiDetectionProb ?? 0
            return probability >= p.fermiProb
                ? Verdict(condition: .likelihood, vote: .pass, message: "Fermi GRB probability greater than \(p.fermiProb).")
                : Verdict(condition: .likelihood, vote: .fail, message: "Fermi GRB probability less than \(p.fermiProb) so not triggering.")
        }
        if let sigma = event.swiftRateSignif {
            return sigma >= p.swiftRateSignf
                ? Verdict(condition: .likelihood, vote: .pass, message: "SWIFT rate significance (\(sigma)) >= swift_min_rate (\(format(p.swiftRateSignf, 3))) sigma.")
                : Verdict(condition: .likelihood, vote: .fail, message: "SWIFT rate significance (\(sigma)) < swift_min_rate (\(format(p.swiftRateSignf, 3))) sigma so not triggering.")
        }
        if let sigma = event.hessSignificance {
            let range = "\(p.minimumHessSignificance) <= (\(format(sigma, 3))) <= \(p.maximumHessSignificance)"
            return (p.minimumHessSignificance...p.maximumHessSignificance).contains(sigma)
                ? Verdict(condition: .likelihood, vote: .pass, message: "HESS rate significance is \(range) sigma.")
                : Verdict(condition: .likelihood, vote: .fail, message: "HESS rate significance is not \(range) so not triggering.")
        }
        return Verdict(condition: .likelihood, vote: .pass, message: "No probability metric given so assume it is a GRB.", isDefault: true)
    }

    private static func duration(_ p: ProposalSettings, _ event: AlertEvent) -> Verdict {
        if p.eventAnyDuration {
            return Verdict(condition: .duration, vote: .pass, message: "Accepting any event duration so triggering.")
        }
        guard let seconds = event.eventDuration else {
            return Verdict(condition: .duration, vote: .fail, message: "No event duration (None) so not triggering.", isDefault: true)
        }
        let windows: [(Double, Double, Vote, String)] = [
            (p.eventMinDuration, p.eventMaxDuration, .pass, "so triggering"),
            (p.pendingMinDuration1, p.pendingMaxDuration1, .maybe, "so waiting for a human's decision"),
            (p.pendingMinDuration2, p.pendingMaxDuration2, .maybe, "so waiting for a human's decision"),
        ]
        guard let (low, high, vote, consequence) = windows.first(where: { $0.0 <= seconds && seconds <= $0.1 }) else {
            return Verdict(condition: .duration, vote: .fail, message: "Event duration outside of all time ranges so not triggering.")
        }
        return Verdict(condition: .duration, vote: vote, message: "Event duration between \(low) and \(high) s \(consequence).")
    }

    /// Antares ranks its best alerts 1, so a rank at or below the proposal's limit passes; other neutrino streams have no thresholds.
    private static func neutrino(_ p: ProposalSettings, _ event: AlertEvent) -> Verdict {
        guard event.telescope?.lowercased() == "antares" else {
            return Verdict(condition: .neutrino, vote: .pass, message: "No thresholds for non Antares telescopes so triggering.")
        }
        guard let rank = event.antaresRanking else {
            return Verdict(condition: .antaresRanking, vote: .fail, message: "The Antares alert has no ranking so not triggering.")
        }
        return rank <= p.antaresMinRanking
            ? Verdict(condition: .antaresRanking, vote: .pass, message: "The Antares ranking (\(rank)) is less than or equal to \(p.antaresMinRanking) so triggering.")
            : Verdict(condition: .antaresRanking, vote: .fail, message: "The Antares ranking (\(rank)) is greater than \(p.antaresMinRanking) so not triggering.")
    }

    /// An early warning is observed on its own (after the age and detector checks); a retraction never is.
    private static func gravitationalWave(_ p: ProposalSettings, _ event: AlertEvent, now: Date) -> [Verdict] {
        var verdicts: [Verdict] = []
        if let observed = event.eventObserved {
            let limit = now.addingTimeInterval(-2 * 3600)
            verdicts.append(observed < limit
                ? Verdict(condition: .eventAge, vote: .fail, message: "The event time \(observed.formatted(.iso8601)) is more than 2 hours ago \(limit.formatted(.iso8601)) so not triggering.")
                : Verdict(condition: .eventAge, vote: .pass, message: nil))
        }
        if let instruments = event.lvcInstruments {
            verdicts.append(instruments.split(separator: ",").count < 2
                ? Verdict(condition: .instruments, vote: .fail, message: "The event has only \(instruments) so not triggering.")
                : Verdict(condition: .instruments, vote: .pass, message: nil))
        }
        switch event.eventType?.lowercased() {
        case "earlywarning":
            return verdicts + [Verdict(condition: .alertKind, vote: .pass, message: "Early warning, no information so triggering.")]
        case "retraction":
            return verdicts + [Verdict(condition: .alertKind, vote: .fail, message: "Retraction, so not observing.")]
        default:
            break
        }
        if let far = event.lvcFalseAlarmRate, far != 0 {
            verdicts.append(far > p.maximumFalseAlarmRate
                ? Verdict(condition: .falseAlarmRate, vote: .fail, message: "The FAR is \(far) which is greater than \(p.maximumFalseAlarmRate) so not triggering.")
                : Verdict(condition: .falseAlarmRate, vote: .pass, message: nil))
        }
        let ranges: [(Condition, String, Double?, Double, Double)] = [
            (.neutronStar, "PROB_NS", event.lvcIncludesNeutronStarProbability, p.minimumNeutronStarProbability, p.maximumNeutronStarProbability),
            (.binaryNeutronStar, "PROB_BNS", event.lvcBinaryNeutronStarProbability, p.minimumBinaryNeutronStarProbability, p.maximumBinaryNeutronStarProbability),
            (.neutronStarBlackHole, "PROB_NSBH", event.lvcNeutronStarBlackHoleProbability, p.minimumNeutronStarBlackHoleProbability, p.maximumNeutronStarBlackHoleProbability),
            (.binaryBlackHole, "PROB_BBH", event.lvcBinaryBlackHoleProbability, p.minimumBinaryBlackHoleProbability, p.maximumBinaryBlackHoleProbability),
            (.terrestrial, "PROB_Terre", event.lvcTerrestialProbability, p.minimumTerrestialProbability, p.maximumTerrestialProbability),
        ]
        // TraceT (#139) checks a probability only when it is given and non-zero.
        for (condition, name, value, low, high) in ranges {
            guard let value, value != 0 else { continue }
            let failure = value > high ? "greater than \(high)" : value < low ? "less than \(low)" : nil
            verdicts.append(Verdict(condition: condition, vote: failure == nil ? .pass : .fail,
                                    message: failure.map { "The \(name) probability (\(value)) is \($0) so not triggering." }))
        }
        if let significant = event.lvcSignificant {
            verdicts.append(significant && !p.observeSignificant
                ? Verdict(condition: .significance, vote: .fail, message: "The GW significance (true) is not observed because observe_significant is false.")
                : Verdict(condition: .significance, vote: .pass, message: nil))
        }
        return verdicts
    }

    static func format(_ value: Double, _ digits: Int = 4) -> String {
        String(format: "%.\(digits)f", value)
    }
}
