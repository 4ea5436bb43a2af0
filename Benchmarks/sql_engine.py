"""Runs recon.sql of an `sql` output folder on DuckDB or Spark local mode and materialises the
four views (DuckDB: COPY to CSV; Spark: written as CSV), printing the engine's wall time.

    python sql_engine.py ENGINE SQL_DIR OUT_DIR
"""
import os
import sys
import time

VIEWS = ("territories", "tracks", "partners", "unmatched")


def statements(text):
    parts, current = [], []
    for line in text.splitlines():
        current.append(line)
        if line.rstrip().endswith(";"):
            statement = "\n".join(current).strip().rstrip(";")
            body = [l for l in statement.splitlines() if not l.strip().startswith("--")]
            if "".join(body).strip():
                parts.append(statement)
            current = []
    return parts


def main():
    engine, sql_dir, out_dir = sys.argv[1], os.path.abspath(sys.argv[2]), os.path.abspath(sys.argv[3])
    os.makedirs(out_dir, exist_ok=True)
    parts = statements(open(os.path.join(sql_dir, "recon.sql")).read())
    os.chdir(sql_dir)
    started = time.time()
    if engine == "duckdb":
        import duckdb
        con = duckdb.connect()
        for part in parts:
            con.execute(part)
        for view in VIEWS:
            con.execute(f"COPY (SELECT * FROM {view}) TO '{out_dir}/{view}.csv' (HEADER, DELIMITER ',')")
    else:
        from pyspark.sql import SparkSession
        spark = (SparkSession.builder.master("local[2]").appName("recon-sql-bench")
                 .config("spark.ui.enabled", "false").config("spark.driver.memory", "8g")
                 .config("spark.sql.shuffle.partitions", "8").getOrCreate())
        spark.sparkContext.setLogLevel("ERROR")
        for part in parts:
            spark.sql(part)
        for view in VIEWS:
            spark.sql(f"SELECT * FROM {view}").write.mode("overwrite").csv(f"{out_dir}/{view}")
    print(f"{engine} {time.time() - started:.2f} s")


if __name__ == "__main__":
    main()
