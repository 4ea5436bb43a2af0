/// Spreadsheet formula protection for CSV cells that carry input text (SPEC §13): such a
/// cell gets a leading `'` when it starts with `=`, `+`, `-`, `@`, TAB or CR, so that a
/// spreadsheet shows it as text instead of evaluating it. Quoting alone does not prevent that.
enum FormulaGuard {
    /// First bytes that make a spreadsheet evaluate a cell: `=`, `+`, `-`, `@`, TAB, CR.
    static let triggers: [UInt8] = [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D]

    /// True when the cell needs the `'` in front.
    static func needsGuard(_ bytes: UnsafeRawBufferPointer) -> Bool {
        bytes.first.map(triggers.contains) ?? false
    }

    static func needsGuard(_ text: String) -> Bool {
        text.utf8.first.map(triggers.contains) ?? false
    }

    /// The cell as printed.
    static func printed(_ text: String) -> String {
        needsGuard(text) ? "'" + text : text
    }
}
