/// What changed between two output sets of `run` (SPEC §10 `diff`): the grains of
/// `partners.csv` and `territories.csv` whose listed numbers differ or that exist on one side only.
public struct OutputSetDiff: Sendable {
    /// One changed grain: the numbers on each side (nil where the grain is absent).
    public struct Line: Sendable, Equatable {
        public let grain: [String]
        public let old: [Int128]?
        public let new: [Int128]?
    }

    /// How much `spend_total` moved for one currency and bucket (over every `partners.csv` line).
    public struct Move: Sendable, Equatable {
        public let currency: String
        public let bucket: String
        public let old: MoneyTotal
        public let new: MoneyTotal
        public var change: MoneyTotal { MoneyTotal(micros: new.micros - old.micros) }
    }

    public let oldPath: String
    public let newPath: String
    public let partners: [Line]
    public let territories: [Line]
    public let moves: [Move]

    /// True when any grain differs.
    public var differs: Bool { !partners.isEmpty || !territories.isEmpty }

    static let partnerGrain = ["bucket", "partner", "currency"]
    static let partnerValues = [
        OutputSetTable.Column(name: "rows", isMoney: false), OutputSetTable.Column(name: "streams", isMoney: false),
        OutputSetTable.Column(name: "spend_total", isMoney: true),
    ]
    static let territoryGrain = Array(TerritoryReport.columns.prefix(TerritoryReport.grainCount))
    static let territoryValues = [
        OutputSetTable.Column(name: "streams", isMoney: false), OutputSetTable.Column(name: "listeners", isMoney: false),
        OutputSetTable.Column(name: "spend_total", isMoney: true),
    ]

    /// Reads both sets; a set that cannot be read throws.
    public init(old: String, new: String) throws {
        oldPath = old
        newPath = new
        func tables(_ folder: String) throws -> (OutputSetTable, OutputSetTable) {
            guard FileBytes.isDirectory(folder) else {
                throw ReconError.outputSet(path: folder, reason: FileBytes.exists(folder) ? "not a folder" : "no such folder")
            }
            for name in ["partners.csv", "territories.csv"] where !FileBytes.exists(folder + "/" + name) {
                throw ReconError.outputSet(path: folder, reason: "it holds no \(name); give the --out folder of a run")
            }
            return (try OutputSetTable(path: folder + "/partners.csv", grainColumns: Self.partnerGrain,
                                       valueColumns: Self.partnerValues),
                    try OutputSetTable(path: folder + "/territories.csv", grainColumns: Self.territoryGrain,
                                       valueColumns: Self.territoryValues))
        }
        let (oldPartners, oldTerritories) = try tables(old)
        let (newPartners, newTerritories) = try tables(new)
        partners = Self.changed(oldPartners, newPartners)
        territories = Self.changed(oldTerritories, newTerritories)
        moves = Self.moves(oldPartners, newPartners)
    }

    /// Grains whose numbers differ or that exist on one side only, sorted by grain as bytes.
    private static func changed(_ old: OutputSetTable, _ new: OutputSetTable) -> [Line] {
        let grains = Set(old.values.keys).union(new.values.keys)
        return grains.compactMap { grain -> Line? in
            let (before, after) = (old.values[grain], new.values[grain])
            return before == after ? nil : Line(grain: grain, old: before, new: after)
        }.sorted { lhs, rhs in
            for (left, right) in zip(lhs.grain, rhs.grain) where left != right {
                return left.utf8.lexicographicallyPrecedes(right.utf8)
            }
            return false
        }
    }

    /// `spend_total` per currency and bucket on both sides, sorted by currency then bucket.
    private static func moves(_ old: OutputSetTable, _ new: OutputSetTable) -> [Move] {
        let spend = partnerValues.firstIndex { $0.name == "spend_total" }!
        var sums: [[String]: (old: Int128, new: Int128)] = [:]
        for (grain, values) in old.values { sums[[grain[2], grain[0]], default: (0, 0)].old += values[spend] }
        for (grain, values) in new.values { sums[[grain[2], grain[0]], default: (0, 0)].new += values[spend] }
        return sums.map { key, value in
            Move(currency: key[0], bucket: key[1], old: MoneyTotal(micros: value.old), new: MoneyTotal(micros: value.new))
        }.sorted { ($0.currency, $0.bucket) < ($1.currency, $1.bucket) }
    }
}
