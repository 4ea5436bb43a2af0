/// Everything that differs between the SQL engines `recon.sql` is written for, in one table.
///
/// The rules themselves are written once (`ReconSQL`); a dialect only says how to load a
/// table, name a relation, spell a type, divide integers exactly, write a control character
/// and keep one row per key.
public struct SQLDialect: Sendable {
    public enum Name: String, CaseIterable, Sendable {
        case spark, duckdb, bigquery
    }

    public let name: Name
    /// Loaded-column types.
    let textType: String
    let integerType: String
    let booleanType: String
    /// The type sums are taken in: DECIMAL(38,0) of micro-units (never 64-bit or floating point).
    let sumType: String
    /// The type `spend_share`'s exact integer division runs in.
    let divisionType: String
    /// `a ÷ b` truncated, on non-negative integers of `divisionType`; never floating point.
    let integerDivision: @Sendable (_ a: String, _ b: String) -> String
    /// A one-character string with this code point (TAB, CR, `'`).
    let character: @Sendable (_ codePoint: Int) -> String
    /// A quoted output column name (`rows` is a keyword somewhere).
    let quote: @Sendable (_ identifier: String) -> String
    /// How a statement names a relation.
    let relation: @Sendable (_ name: String) -> String
    /// The start of a statement defining a view.
    let createView: @Sendable (_ name: String) -> String
    /// The statement that makes an input file a relation; nil when loading is outside the script.
    let load: @Sendable (_ table: WarehouseTable, _ dialect: SQLDialect) -> String?
    /// `SELECT * FROM source` keeping only the first row of each partition by `order`.
    let firstPerPartition: @Sendable (_ source: String, _ partition: String, _ order: String) -> String

    public static func named(_ name: Name) -> SQLDialect {
        switch name {
        case .spark: spark
        case .duckdb: duckdb
        case .bigquery: bigquery
        }
    }

    func type(_ type: WarehouseTable.ColumnType) -> String {
        switch type {
        case .text: textType
        case .integer: integerType
        case .boolean: booleanType
        }
    }

    public static let duckdb = SQLDialect(
        name: .duckdb, textType: "VARCHAR", integerType: "BIGINT", booleanType: "BOOLEAN",
        sumType: "DECIMAL(38,0)", divisionType: "HUGEINT",
        integerDivision: { "(\($0) // \($1))" },
        character: { "chr(\($0))" },
        quote: { "\"\($0)\"" },
        relation: { $0 },
        createView: { "CREATE OR REPLACE VIEW \($0) AS" },
        load: { table, dialect in
            let columns = table.columns.map { "\($0.name): '\(dialect.type($0.type))'" }.joined(separator: ", ")
            return """
                CREATE OR REPLACE VIEW \(table.name) AS
                SELECT * FROM read_json('\(table.file)', format = 'newline_delimited', maximum_object_size = 1073741824,
                    columns = {\(columns)})
                """
        },
        firstPerPartition: qualify(where: false))

    public static let spark = SQLDialect(
        name: .spark, textType: "STRING", integerType: "BIGINT", booleanType: "BOOLEAN",
        sumType: "DECIMAL(38,0)", divisionType: "DECIMAL(38,0)",
        integerDivision: { "(\($0) div \($1))" },
        character: { "char(\($0))" },
        quote: { "`\($0)`" },
        relation: { $0 },
        createView: { "CREATE OR REPLACE TEMPORARY VIEW \($0) AS" },
        load: { table, dialect in
            let columns = table.columns.map { "\($0.name) \(dialect.type($0.type))" }.joined(separator: ", ")
            return """
                CREATE OR REPLACE TEMPORARY VIEW \(table.name) (\(columns))
                USING json OPTIONS (path '\(table.file)', mode 'FAILFAST')
                """
        },
        firstPerPartition: { source, partition, order in
            """
            SELECT * FROM (
                SELECT *, row_number() OVER (PARTITION BY \(partition) ORDER BY \(order)) AS version_rank
                FROM \(source)
            ) ranked WHERE version_rank = 1
            """
        })

    public static let bigquery = SQLDialect(
        name: .bigquery, textType: "STRING", integerType: "INT64", booleanType: "BOOL",
        sumType: "BIGNUMERIC(38, 0)", divisionType: "BIGNUMERIC",
        integerDivision: { "DIV(\($0), \($1))" },
        character: { "CODE_POINTS_TO_STRING([\($0)])" },
        quote: { "`\($0)`" },
        relation: { "recon.\($0)" },
        createView: { "CREATE OR REPLACE VIEW recon.\($0) AS" },
        load: { _, _ in nil },
        firstPerPartition: qualify(where: true))

    /// `QUALIFY` (BigQuery wants a WHERE beside it).
    private static func qualify(where needsWhere: Bool) -> @Sendable (String, String, String) -> String {
        { source, partition, order in
            """
            SELECT * FROM \(source)\(needsWhere ? " WHERE TRUE" : "")
            QUALIFY row_number() OVER (PARTITION BY \(partition) ORDER BY \(order)) = 1
            """
        }
    }

    /// The `bq load` command of a table (shown in the script's header for BigQuery).
    func loadCommand(_ table: WarehouseTable) -> String {
        // bq's inline schema spells the types by their load names.
        let names: [WarehouseTable.ColumnType: String] = [.text: "STRING", .integer: "INTEGER", .boolean: "BOOLEAN"]
        let schema = table.columns.map { "\($0.name):\(names[$0.type]!)" }.joined(separator: ",")
        return "bq load --source_format=NEWLINE_DELIMITED_JSON recon.\(table.name) \(table.file) \(schema)"
    }
}
