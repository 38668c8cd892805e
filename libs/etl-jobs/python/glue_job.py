"""The Glue 5.0 PySpark driver of every AutoCorp ETL job (Spark 3.5, Hudi 0.15).

render-glue-script.ts makes the script of one job: the job definition as JSON above this module (JOB,
HUDI_WRITE_OPTIONS, CATALOG_SYNC_OPTIONS, DQDL_RULESET), then this module with glue_job_rules.py inlined
where it is imported. Sources are read with the same SQL the local runner uses (latest change per key, typed
CSV select), the transform is the job's portable SQL, row-level rules are the same predicates rendered for
Spark, dataset-level rules run as DQDL through Glue Data Quality.
"""
import json
import sys
from functools import reduce

import boto3
from awsglue.context import GlueContext
from awsglue.dynamicframe import DynamicFrame
from awsglue.job import Job
from awsglue.transforms import SelectFromCollection
from awsglue.utils import getResolvedOptions
from awsgluedq.transforms import EvaluateDataQuality
from pyspark.context import SparkContext
from pyspark.sql import functions as F
from pyspark.sql import types as T
from pyspark.sql.window import Window

from glue_job_rules import (
    QUARANTINE_RECORD_FIELDS,
    blocked_dataset_outcomes,
    blocked_reconciliation,
    blocked_row_rules,
    completed_write_instants,
    consumed_instants,
    deleted_key_rows,
    deleted_keys_metadata,
    parse_cdc_position,
    plan_refresh,
    quarantine_column_name,
    unaccounted_rows,
    widened_decimal,
)

# A CSV field separator: a comma outside double quotes.
CSV_FIELD_SEPARATOR = r',(?=(?:[^"]*"[^"]*")*[^"]*$)'

ARGS = getResolvedOptions(
    sys.argv,
    [
        "JOB_NAME",
        "lake_path",
        "raw_path",
        "processed_path",
        "curated_path",
        "target_path",
        "quarantine_path",
        "cdc_slot",
        "cdc_position_mode",
        "full_rebuild",
    ],
)
# State (the CDC position file) lives under the lake; each zone may be its own bucket.
LAKE = ARGS["lake_path"].rstrip("/")
RAW = ARGS["raw_path"].rstrip("/")
PROCESSED = ARGS["processed_path"].rstrip("/")
CURATED = ARGS["curated_path"].rstrip("/")
CDC_POSITION_MODE = ARGS["cdc_position_mode"]
if CDC_POSITION_MODE not in ("dms", "position_file"):
    raise ValueError("--cdc_position_mode is " + CDC_POSITION_MODE + "; pass dms (AWS DMS output) or position_file (@autocorp/cdc output).")

FULL_REBUILD = ARGS["full_rebuild"].lower() == "true"

sc = SparkContext.getOrCreate()
glue_context = GlueContext(sc)
spark = glue_context.spark_session
job = Job(glue_context)
job.init(ARGS["JOB_NAME"], ARGS)


def s3_text(uri):
    bucket, key = uri[len("s3://"):].split("/", 1)
    return boto3.client("s3").get_object(Bucket=bucket, Key=key)["Body"].read().decode("utf-8")


def committed_cdc_position():
    """(lsn, seq) of the CDC committed position: changes above it belong to an unfinished batch."""
    key = JOB["cdc_position_key"]
    uri = LAKE + "/" + key["before"] + ARGS["cdc_slot"] + key["after"]
    return parse_cdc_position(s3_text(uri), uri)


def named_source_files(frame, path):
    """The frame, after checking every row names its file: without it LOAD files are not told from change files
    and CSV rows lose their lineage, so a frame with an unnamed row stops the job."""
    column = JOB["source_file_column"]
    if not frame.columns:
        return frame
    if column not in frame.columns or frame.where(F.col(column).isNull() | (F.col(column) == "")).take(1):
        raise RuntimeError(
            "Glue did not name the S3 file of rows read from " + path + " (column " + column + ", attachFilename); "
            "nothing is written. Check the Glue version (5.0) and the connection options of bookmarked_frame."
        )
    return frame


def bookmarked_frame(path, fmt, source, options):
    """New files only (Glue job bookmark keyed by the transformation context), each row with its file in the
    source file column (attachFilename: input_file_name() is empty on a DynamicFrame's rows). Objects already
    in an archive storage class are listed past, not failed on."""
    frame = glue_context.create_dynamic_frame.from_options(
        connection_type="s3",
        connection_options={
            "paths": [path],
            "recurse": True,
            "attachFilename": JOB["source_file_column"],
            "excludeStorageClasses": JOB["unreadable_storage_classes"],
        },
        format=fmt,
        # Also as a format option, where some Glue format readers look for it; named_source_files checks it took.
        format_options=dict(options, attachFilename=JOB["source_file_column"]),
        transformation_ctx=JOB["name"] + "_" + source["view"],
    ).toDF()
    return named_source_files(frame, path)


def committed_changes(frame, position):
    """@autocorp/cdc output: only changes at or below the committed position, ordered by numeric LSN and seq."""
    lsn = F.col("_cdc_commit_lsn").cast("decimal(20,0)")
    seq = F.col("_cdc_seq").cast("long")
    committed = (lsn < F.lit(position[0])) | ((lsn == F.lit(position[0])) & (seq <= F.lit(position[1])))
    return frame.where(committed).withColumn("_cdc_commit_lsn", lsn).withColumn("_cdc_seq", seq)


def dms_changes(frame, source):
    """AWS DMS output: every delivered file holds committed changes only. The same SQL as the local DMS-layout
    reader: full-load rows (LOAD files) first, then changes by commit timestamp and AR_H_CHANGE_SEQ."""
    frame.createOrReplaceTempView(source["dms_files_view"])
    return spark.sql(source["dms_changes_sql"])


def read_database_source(source, position):
    path = RAW + "/" + source["raw_folder"]
    if source["read"] == "changes":
        frame = bookmarked_frame(path, "parquet", source, {})
    else:
        # A plain Spark read: input_file_name() is filled here (it is not on a DynamicFrame's rows).
        frame = named_source_files(spark.read.parquet(path).withColumn(JOB["source_file_column"], F.input_file_name()), path)
    if not frame.columns:
        return 0, 0
    ordering = JOB["change_order_columns"][CDC_POSITION_MODE]
    frame = dms_changes(frame, source) if CDC_POSITION_MODE == "dms" else committed_changes(frame, position)
    frame = frame.select(*source["columns"], "Op", *ordering, F.col(JOB["source_file_column"]).alias("_source_file"))
    frame.createOrReplaceTempView(source["changes_view"])
    latest = spark.sql(source["latest_change_sql"][CDC_POSITION_MODE])
    latest.createOrReplaceTempView(source["view"])
    if source["read"] != "changes":
        return 0, 0
    rows = frame.count()
    # Older changes of a key that the latest change replaces.
    return rows, rows - latest.count()


def read_csv_source(source):
    path = RAW + "/" + source["raw_folder"]
    listed = bookmarked_frame(path, "csv", source, {"withHeader": True})
    # Every name is non-empty (named_source_files): sc.textFile never gets "" (which would read the working folder).
    files = sorted(r[0] for r in listed.select(JOB["source_file_column"]).distinct().collect()) if listed.columns else []
    columns = source["columns"]
    parts = []
    for file_path in files:
        numbered = sc.textFile(file_path).zipWithIndex().filter(lambda pair: pair[1] > 0)
        lines = spark.createDataFrame(numbered.map(lambda pair: (pair[0], pair[1] + 1)), "line STRING, _source_line BIGINT")
        parts.append(lines.withColumn("_source_file", F.lit(file_path)))
    if not parts:
        lines = spark.createDataFrame([], "line STRING, _source_line BIGINT, _source_file STRING")
    else:
        lines = reduce(lambda a, b: a.unionByName(b), parts)
    schema = ", ".join(name + " STRING" for name in columns)
    parsed = lines.withColumn("_fields", F.from_csv("line", schema)).withColumn(
        "_malformed", F.size(F.split("line", CSV_FIELD_SEPARATOR, -1)) != len(columns)
    )
    text = parsed.select(
        *[F.when(~F.col("_malformed"), F.col("_fields." + name)).alias(name) for name in columns],
        "_source_file",
        "_source_line",
        F.col("line").alias("_raw_row"),
        "_malformed",
    )
    text.createOrReplaceTempView(source["text_view"])
    spark.sql(source["typed_sql"]).createOrReplaceTempView(source["view"])
    return text.count()


def curated_frame(job_name):
    return spark.read.format("hudi").load(CURATED + "/" + JOB["curated_tables"][job_name] + "/")


def evaluate_row_rules(batch):
    """Rows breaking a row-level rule: (passed rows, quarantined rows, per-rule failure counts)."""
    batch = batch.withColumn("_row_id", F.monotonically_increasing_id()).cache()
    batch.createOrReplaceTempView("etl_batch")
    checked = batch.where("_op = 'U'").count()
    failures = []
    for rule in JOB["row_rules"]:
        failures.append(
            spark.sql(
                "SELECT _row_id, '" + rule["name"] + "' AS rule, " + str(rule["order"]) + " AS rule_order "
                "FROM etl_batch t WHERE t._op = 'U' AND NOT " + rule["predicate"]
            )
        )
    if not failures:
        return batch.drop("_row_id"), None, {}, checked
    failed = reduce(lambda a, b: a.unionByName(b), failures).cache()
    counts = {r["rule"]: r["n"] for r in failed.groupBy("rule").agg(F.count("*").alias("n")).collect()}
    first = failed.withColumn("_k", F.row_number().over(Window.partitionBy("_row_id").orderBy("rule_order"))).where("_k = 1")
    every = failed.groupBy("_row_id").agg(F.concat_ws(",", F.collect_list("rule")).alias("failed_rules"))
    reasons = spark.createDataFrame([(r["name"], r["reason"]) for r in JOB["row_rules"]], "rule STRING, reason STRING")
    quarantined = batch.join(first.select("_row_id", "rule"), "_row_id").join(every, "_row_id").join(reasons, "rule")
    passed = batch.join(first.select("_row_id"), "_row_id", "left_anti").drop("_row_id")
    return passed, quarantined, counts, checked


def check_reconciliation(read_rows, source_duplicates, passed, quarantined, upserts, deletes, keys):
    """Rows read from the raw files = rows written + quarantined + versions dropped, each counted on its own."""
    written = upserts.count() + deletes.count()
    dropped = 0 if quarantined is None else quarantined.count()
    kept = passed.where("_op = 'U'")
    duplicates = source_duplicates + kept.count() - kept.select(*keys).distinct().count()
    return blocked_reconciliation(JOB["reconcile_rules"], read_rows, unaccounted_rows(read_rows, written, dropped, duplicates))


def evaluate_dataset_rules(passed_frame, reference_frames):
    if not JOB["dataset_rules"]:
        return []
    sources = {name: DynamicFrame.fromDF(frame, glue_context, name) for name, frame in reference_frames.items()}
    results = EvaluateDataQuality().process_rows(
        frame=DynamicFrame.fromDF(passed_frame, glue_context, "primary"),
        ruleset=DQDL_RULESET,
        publishing_options={
            "dataQualityEvaluationContext": JOB["name"],
            "enableDataQualityCloudWatchMetrics": True,
            "enableDataQualityResultsPublishing": True,
        },
        additional_data_sources=sources,
    )
    outcomes = SelectFromCollection.apply(dfc=results, key="ruleOutcomes").toDF().collect()
    return blocked_dataset_outcomes(JOB["dataset_rules"], outcomes)


def widen_decimals(frame):
    """Decimals as decimal(38, s), the type the local engine writes (fixed[16]), so both write one table schema."""
    return frame.select(
        *[
            F.col(field.name).cast(T.DecimalType(*widened_decimal(field.dataType.precision, field.dataType.scale))).alias(field.name)
            if isinstance(field.dataType, T.DecimalType)
            else F.col(field.name)
            for field in frame.schema.fields
        ]
    )


def write_hudi(frame, operation, extra_metadata=None):
    frame = widen_decimals(frame)
    options = dict(HUDI_WRITE_OPTIONS)
    options.update(extra_metadata or {})
    options.update(CATALOG_SYNC_OPTIONS)
    options[JOB["hudi_keys"]["operation"]] = operation
    if operation == "delete":
        # The deleted keys in the commit metadata (the `_` commit-metadata key prefix): incremental readers
        # downstream find deletes there, which an incremental query cannot return.
        keys = HUDI_WRITE_OPTIONS[JOB["hudi_keys"]["record_key_fields"]].split(",")
        options[JOB["deleted_keys_metadata_key"]] = deleted_keys_metadata(frame.select(*keys).toJSON().collect())
    frame.write.format("hudi").options(**options).mode("append").save(ARGS["target_path"])


def write_quarantine(quarantined):
    """The quarantined rows as quarantine records (QUARANTINE_RECORD_FIELDS), appended as Parquet."""
    rules = {rule["name"]: rule for rule in JOB["row_rules"]}
    column_name = F.udf(lambda rule, unparsed: quarantine_column_name(rules[rule], unparsed), T.StringType())
    fields = {
        "job": F.lit(JOB["name"]),
        "rule": F.col("rule"),
        "failed_rules": F.col("failed_rules"),
        "reason": F.col("reason"),
        "column_name": column_name(F.col("rule"), F.col("_unparsed_columns")),
        "_source_file": F.col("_source_file"),
        "_source_line": F.col("_source_line"),
        "_raw_row": F.col("_raw_row"),
        "quarantined_at": F.current_timestamp(),
    }
    records = quarantined.select(*[fields[name].alias(name) for name in QUARANTINE_RECORD_FIELDS])
    records.write.mode("append").parquet(ARGS["quarantine_path"])


def s3_keys(uri):
    """Names of the objects directly under an s3:// folder."""
    bucket, prefix = uri[len("s3://"):].split("/", 1)
    names = []
    for page in boto3.client("s3").get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix, Delimiter="/"):
        names += [entry["Key"][len(prefix):] for entry in page.get("Contents", [])]
    return names


def hudi_reader(path, **options):
    return spark.read.format("hudi").options(**options).load(path)


def plan_analytics_refresh():
    """plan_refresh over the timelines of the job's table and its sources: (mode, detail, ends, per-source plan)."""
    incremental = JOB["incremental"]
    own_folder = ARGS["target_path"].rstrip("/") + "/.hoodie/"
    own = completed_write_instants(s3_keys(own_folder))
    # The bookmark is in the metadata of the job's last commit that recorded one (written with that commit).
    newest_first = (json.loads(s3_text(own_folder + name)) for _, name in reversed(own))
    consumed = consumed_instants(newest_first, incremental["consumed_instants_metadata_key"])
    sources, ends = [], {}
    for source in incremental["sources"]:
        folder = CURATED + "/" + source["table_folder"] + "/.hoodie/"
        timeline = completed_write_instants(s3_keys(folder))
        instants = [instant for instant, _ in timeline]
        begin, end = consumed.get(source["job"]), (instants[-1] if instants else None)
        in_range = [(i, n) for i, n in timeline if begin is not None and end is not None and begin < i <= end]
        writes = [(instant, json.loads(s3_text(folder + name))) for instant, name in in_range]
        sources.append({"job": source["job"], "begin": begin, "end": end, "on_timeline": begin in instants, "writes": writes})
        ends[source["job"]] = end
    mode, detail = plan_refresh(incremental, FULL_REBUILD, len(own), sources)
    return mode, detail, ends, {s["job"]: s for s in sources}


def define_analytics_sources():
    """The curated sources of a job with an incremental plan, read as of the instants its bookmark will record:
    whole (a full rebuild), or restricted to the units their changes affect (the same SQL as the local runner).
    Returns (mode, ends), or None when no source has a new instant."""
    incremental = JOB["incremental"]
    mode, detail, ends, planned = plan_analytics_refresh()
    if mode == "incremental" and all(p["begin"] == p["end"] for p in planned.values()):
        return None
    for source in incremental["sources"]:
        path = CURATED + "/" + source["table_folder"]
        end = ends[source["job"]]
        whole = hudi_reader(path, **{JOB["hudi_read_keys"]["as_of_instant"]: end}) if end else curated_frame(source["job"])
        if mode != "incremental":
            whole.createOrReplaceTempView(source["view"])
            continue
        whole.createOrReplaceTempView(source["full_view"])
        changed_keys(source, whole, planned[source["job"]], detail[source["job"]]).createOrReplaceTempView(source["changed_view"])
    if mode == "incremental":
        spark.sql(incremental["affected_units_sql"]).cache().createOrReplaceTempView(incremental["affected_units_view"])
        for source in incremental["sources"]:
            spark.sql(source["restricted_sql"]).createOrReplaceTempView(source["view"])
    return mode, ends


def changed_keys(source, whole, planned, deleted_texts):
    """The record keys written (Hudi incremental query) or deleted (recorded keys) in (begin, end], with the watched
    columns now and as of begin, and _present_now / _present_before."""
    keys, watched = source["record_key_fields"], source["watched_columns"]
    path = CURATED + "/" + source["table_folder"]
    if planned["begin"] == planned["end"]:
        written = whole.select(*keys, *watched).limit(0)
    else:
        written = hudi_reader(
            path,
            **{
                JOB["hudi_read_keys"]["query_type"]: "incremental",
                JOB["hudi_read_keys"]["begin_instant"]: planned["begin"],
                JOB["hudi_read_keys"]["end_instant"]: planned["end"],
            },
        ).select(*keys, *watched)
    key_schema = whole.select(*keys).schema
    deleted = spark.createDataFrame(deleted_key_rows(deleted_texts, keys), key_schema)
    all_keys = written.select(*keys).unionByName(deleted).distinct()
    changed = all_keys.join(written.withColumn("_present_now", F.lit(True)), keys, "left")
    before = whole.select(*keys, *watched).limit(0)
    if watched and planned["begin"] != planned["end"]:
        try:
            before = hudi_reader(path, **{JOB["hudi_read_keys"]["as_of_instant"]: planned["begin"]}).select(*keys, *watched)
        except Exception:  # noqa: BLE001 - files of an old instant cleaned: every key counts as changed
            pass
    before = before.join(all_keys, keys, "left_semi").withColumn("_present_before", F.lit(True))
    for column in watched:
        before = before.withColumnRenamed(column, source["before_columns"][column])
    changed = changed.join(before, keys, "left")
    return changed.fillna(False, subset=["_present_now", "_present_before"])


def incremental_deletes(upserts, deletes):
    """The rows of the job's table in the affected units that the recomputed rows do not replace (deleted), and the
    table as it will be after the write (what the dataset rules check)."""
    incremental = JOB["incremental"]
    spark.read.format("hudi").load(ARGS["target_path"]).createOrReplaceTempView(incremental["current_view"])
    upserts.createOrReplaceTempView(incremental["upserts_view"])
    stale = spark.sql(incremental["stale_rows_sql"]).select(*JOB["output_columns"])
    return deletes.unionByName(stale), spark.sql(incremental["projected_table_sql"])


def main():
    position = committed_cdc_position() if JOB["database_sources"] and CDC_POSITION_MODE == "position_file" else None
    read_rows, source_duplicates = 0, 0
    for source in JOB["database_sources"]:
        rows, duplicates = read_database_source(source, position)
        read_rows, source_duplicates = read_rows + rows, source_duplicates + duplicates
    for source in JOB["csv_sources"]:
        read_rows += read_csv_source(source)
    refresh = None
    if JOB["incremental"]:
        refresh = define_analytics_sources()
        if refresh is None:
            job.commit()
            return
        read_rows = 1
    else:
        for source in JOB["curated_sources"]:
            frame = curated_frame(source["job"])
            frame.createOrReplaceTempView(source["view"])
            read_rows += frame.count()
    if read_rows == 0:
        job.commit()
        return
    reference_frames = {name: curated_frame(name) for name in JOB["reference_jobs"]}
    for name, frame in reference_frames.items():
        frame.createOrReplaceTempView("ref_" + name)

    batch = spark.sql(JOB["transform_sql"]).select(*(JOB["output_columns"] + JOB["meta_columns"]))
    passed, quarantined, counts, checked = evaluate_row_rules(batch)
    blocked = blocked_row_rules(JOB["row_rules"], counts, checked)

    keys = HUDI_WRITE_OPTIONS[JOB["hudi_keys"]["record_key_fields"]].split(",")
    precombine = HUDI_WRITE_OPTIONS[JOB["hudi_keys"]["precombine_field"]]
    latest = Window.partitionBy(*keys).orderBy(F.col(precombine).desc_nulls_last())
    upserts = (
        passed.where("_op = 'U'")
        .withColumn("_version_rank", F.row_number().over(latest))
        .where("_version_rank = 1")
        .select(*JOB["output_columns"])
    )
    deletes = passed.where("_op = 'D'").select(*JOB["output_columns"])
    checked_table = upserts
    if refresh is not None and refresh[0] == "incremental":
        deletes, checked_table = incremental_deletes(upserts, deletes)
    blocked += check_reconciliation(read_rows, source_duplicates, passed, quarantined, upserts, deletes, keys)
    blocked += evaluate_dataset_rules(checked_table, reference_frames)
    if blocked:
        raise RuntimeError("ETL job " + JOB["name"] + " blocked by failed data quality rules; nothing committed: " + "; ".join(blocked))

    if quarantined is not None:
        write_quarantine(quarantined)
    operation = HUDI_WRITE_OPTIONS[JOB["hudi_keys"]["operation"]]
    if refresh is not None and refresh[0] == "incremental":
        operation = "upsert"
    writes = []
    if upserts.take(1) or operation == "insert_overwrite_table":
        writes.append((upserts, operation))
    if deletes.take(1):
        writes.append((deletes, "delete"))
    for i, (frame, write_operation) in enumerate(writes):
        # An analytics run records the source instants it consumed with its last commit: its bookmark.
        last = refresh is not None and i == len(writes) - 1
        bookmark = {JOB["incremental"]["consumed_instants_metadata_key"]: json.dumps(refresh[1])} if last else None
        write_hudi(frame, write_operation, bookmark)
    job.commit()


main()
