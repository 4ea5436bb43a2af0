/// The command that wrote an output set; a command replaces only a set of its own kind.
public enum OutputKind: String, Sendable, CaseIterable {
    case run, validate, diff, sql
}
