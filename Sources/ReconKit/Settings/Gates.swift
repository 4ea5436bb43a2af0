/// The checks that turn a finished run into exit code 3 (SPEC §7).
public struct Gates: Sendable, Equatable {
    /// Unmatched ÷ all breakdown `spend_total`, per currency, must not exceed this.
    public var maxUnmatchedRate: Rate?
    /// No provisional row in the period.
    public var requireFinal = false
    /// No rejected line.
    public var strict = false
    /// Turns off the default gate `nothing_kept` (SPEC §13).
    public var allowEmpty = false

    public init(maxUnmatchedRate: Rate? = nil, requireFinal: Bool = false, strict: Bool = false) {
        self.maxUnmatchedRate = maxUnmatchedRate
        self.requireFinal = requireFinal
        self.strict = strict
    }
}

/// One gate's outcome, as reported in the summary.
public struct GateResult: Sendable, Equatable {
    public let name: String
    /// nil when the gate is not enabled.
    public let threshold: String?
    public let value: String
    public let passed: Bool

    public var enabled: Bool { threshold != nil }
}
