"""Screen a CSV or Parquet file of people or companies on Spark with vetter.

    python examples/spark_screen.py customers.csv hits.parquet --master "local[2]"
    spark-submit examples/spark_screen.py s3://bucket/customers.parquet s3://bucket/hits.parquet

The driver copies the lists into a staging folder, compiles the index there once and
ships both to every executor as one archive (`SparkContext.addFile`). Each Python worker
unpacks it once, memory-maps the index and screens its partitions with `mapInArrow`:
Arrow batches go to Rust through the Arrow C data interface, with no per-row Python work.

The output Parquet has the id column (`--id-column`, else a generated `_row_id`), `hits`
(list of struct id, caption, score, match, datasets, topics; best first) and `error`.
Input columns are found as in `vetter screen --input` (name/full_name, schema, birth_date,
country, passport/lei/...); `--column ROLE=COLUMN` sets one. The same script runs on
`local[*]` and on a cluster; on a cluster the `vetter` wheel must be installed on the executors.
"""

import argparse
import fcntl
import hashlib
import os
import pathlib
import shutil
import sys
import tarfile
import tempfile
import time

import vetter

ARCHIVE = "vetter-lists.tar"
HITS_TYPE = (
    "array<struct<id:string,caption:string,score:double,match:boolean,"
    "datasets:array<string>,topics:array<string>>>"
)


def stage_lists(data_dir: pathlib.Path, work: pathlib.Path) -> pathlib.Path:
    """Copies the lists, with modification times cut to whole seconds (which tar keeps exactly, so that
    the unpacked folder has the fingerprint of the compiled index), compiles the index next to them and
    returns one archive holding `lists/` and `index.vtx`."""
    stage = work / "stage"
    lists = stage / "lists"
    shutil.copytree(data_dir, lists, ignore=shutil.ignore_patterns(".*"))
    for path in lists.rglob("*"):
        if path.is_file():
            mtime = int(path.stat().st_mtime)
            os.utime(path, (mtime, mtime))
    vetter.Screener(data_dir=lists, index_path=stage / "index.vtx")
    archive = work / ARCHIVE
    with tarfile.open(archive, "w") as tar:
        tar.add(lists, arcname="lists")
        tar.add(stage / "index.vtx", arcname="index.vtx")
    return archive


_SCREENER = None


def executor_screener() -> "vetter.Screener":
    """The screener of this Python worker: unpacks the shipped archive once per node (under a lock)."""
    global _SCREENER
    if _SCREENER is None:
        from pyspark import SparkFiles

        archive = pathlib.Path(SparkFiles.get(ARCHIVE))
        digest = hashlib.sha256(f"{archive}:{archive.stat().st_size}:{archive.stat().st_mtime_ns}".encode()).hexdigest()
        target = archive.parent / f"vetter-{digest[:16]}"
        with open(archive.parent / f"{target.name}.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if not target.exists():
                tmp = pathlib.Path(tempfile.mkdtemp(dir=archive.parent))
                with tarfile.open(archive) as tar:
                    tar.extractall(tmp)
                tmp.rename(target)
        _SCREENER = vetter.Screener(data_dir=target / "lists", index_path=target / "index.vtx")
    return _SCREENER


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("input", help="CSV (with a header) or Parquet file or folder")
    parser.add_argument("output", help="Parquet folder to write")
    parser.add_argument("--master", help="Spark master, e.g. local[2] (default: spark-submit's)")
    parser.add_argument("--data-dir", type=pathlib.Path, help="the lists (default: $VETTER_DATA, else data/lists)")
    parser.add_argument("--limit", type=int, default=3, help="hits per row (default 3)")
    parser.add_argument("--id-column", help="column that identifies a row in the output (default: a generated _row_id)")
    parser.add_argument("--column", action="append", default=[], metavar="ROLE=COLUMN", help="set a column role")
    parser.add_argument("--partitions", type=int, help="repartition the input first (a CSV file is read by one task)")
    parser.add_argument("--batch-rows", type=int, default=10000, help="rows per Arrow batch (default 10000)")
    args = parser.parse_args()

    from pyspark.sql import SparkSession
    from pyspark.sql import functions as F
    from pyspark.sql.types import StructField, StructType, StringType, _parse_datatype_string

    if (args.master or "").startswith("local"):
        # Local workers run this interpreter, which has the wheel installed.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName("vetter-screen")
    if args.master:
        builder = builder.master(args.master)
    builder = builder.config("spark.sql.execution.arrow.maxRecordsPerBatch", str(args.batch_rows))
    spark = builder.getOrCreate()

    started = time.monotonic()
    work = pathlib.Path(tempfile.mkdtemp(prefix="vetter-spark-"))
    data_dir = args.data_dir or pathlib.Path(os.environ.get("VETTER_DATA", pathlib.Path(__file__).resolve().parents[1] / "data" / "lists"))
    spark.sparkContext.addFile(str(stage_lists(data_dir, work)))
    staged = time.monotonic()

    if args.input.endswith(".csv") or pathlib.Path(args.input).suffix == ".csv":
        # RFC 4180: quotes are escaped by doubling them, and a quoted field may span lines.
        df = spark.read.csv(args.input, header=True, escape='"', multiLine=True)
    else:
        df = spark.read.parquet(args.input)
    if args.partitions:
        df = df.repartition(args.partitions)
    id_column = args.id_column
    if id_column is None:
        id_column = "_row_id"
        df = df.withColumn(id_column, F.monotonically_increasing_id())
    columns = {}
    for given in args.column:
        role, _, column = given.partition("=")
        columns.setdefault(role, [])
        if column:
            columns[role].append(column)
    limit = args.limit
    out_schema = StructType(
        [df.schema[id_column], StructField("hits", _parse_datatype_string(HITS_TYPE)), StructField("error", StringType())]
    )
    names = out_schema.fieldNames()

    def screen(batches):
        import pyarrow as pa

        screener = executor_screener()
        for batch in batches:
            out = screener.screen_batch(batch, columns=columns or None, limit=limit, keep=[id_column])
            # Output columns: row (index in the batch), the id column, hits, error.
            yield pa.RecordBatch.from_arrays([out.column(i) for i in (1, 2, 3)], names=names)

    hits = df.mapInArrow(screen, out_schema)
    hits.write.mode("overwrite").parquet(args.output)
    done = time.monotonic()
    rows = spark.read.parquet(args.output).count()
    print(
        f"screened {rows} rows in {done - staged:.1f} s ({rows / max(done - staged, 1e-9):.0f} rows/s; "
        f"staging the lists and index took {staged - started:.1f} s) -> {args.output}"
    )
    spark.stop()
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
