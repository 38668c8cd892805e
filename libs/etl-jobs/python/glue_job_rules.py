"""Pure helpers of the AutoCorp Glue ETL script: row-rule bookkeeping, decimal widening, quarantine records.

No Spark and no AWS here, so `python3 -m unittest` tests them anywhere (test_glue_job_rules.py). The Glue
driver (glue_job.py) applies them to its frames; render-glue-script.ts inlines this module where the driver
imports it, so the deployed script stays one file.
"""
import json

# Every decimal is written as decimal(38, s): the type the local Hudi engine writes (fixed[16]), so both
# engines write one table schema.
WIDE_DECIMAL_PRECISION = 38

# The fields of a quarantine record, in the order they are written. `column_name` is the column(s) the first
# broken rule is about (quarantine_column_name), as in the local runner's quarantine records.
QUARANTINE_RECORD_FIELDS = (
    "job",
    "rule",
    "failed_rules",
    "reason",
    "column_name",
    "_source_file",
    "_source_line",
    "_raw_row",
    "quarantined_at",
)

# Row rules whose column is the fields of the row that did not parse (the meta column _unparsed_columns).
UNPARSED_FIELD_RULE_KINDS = ("parses",)


def parse_cdc_position(state_text, uri):
    """(lsn, seq) of an @autocorp/cdc position file, `{"position": {"lsn": "16/B374D848", "seq": 3}}`, the LSN
    as one number so that positions compare as numbers. A file of another shape stops the job, naming it."""
    try:
        position = json.loads(state_text)["position"]
        high, low = position["lsn"].split("/")
        return (int(high, 16) << 32) | int(low, 16), int(position["seq"])
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise ValueError(
            "The CDC position file " + uri + " is not of the form "
            '{"position": {"lsn": "<hex>/<hex>", "seq": <n>}}; nothing is read. '
            "Check --cdc_slot and that @autocorp/cdc wrote the file (or run with --cdc_position_mode dms)."
        ) from error


def row_rule_passes(rule, failed, checked):
    """Whether a row rule passes with `failed` of `checked` rows breaking it: its pass ratio holds, or at most
    its allowed number of rows break it (rowRulePasses of @autocorp/etl-jobs)."""
    ratio = 1.0 if checked == 0 else (checked - failed) / checked
    return ratio >= rule["min_pass_ratio"] or failed <= rule["allowed_failures"]


def blocked_row_rules(row_rules, failure_counts, checked):
    """Why the commit is blocked by row rules: one line per `fail` rule that does not pass (empty when none).
    `failure_counts` maps rule names to the number of checked rows breaking them (absent: none)."""
    blocked = []
    for rule in row_rules:
        failed = failure_counts.get(rule["name"], 0)
        if rule["severity"] == "fail" and not row_rule_passes(rule, failed, checked):
            blocked.append(rule["name"] + ": " + str(failed) + " of " + str(checked) + " rows break it (" + rule["reason"] + ")")
    return blocked


def unaccounted_rows(read_rows, written, quarantined, dropped_versions):
    """Rows read from the raw files that are neither written, quarantined nor dropped as versions (0 when
    every row is accounted for; negative when more came out than went in)."""
    return read_rows - written - quarantined - dropped_versions


def blocked_reconciliation(reconcile_rules, read_rows, missing):
    """Why the commit is blocked by `reconciles` rules: one line per `fail` rule when rows are unaccounted for."""
    return [
        rule["name"] + ": " + str(missing) + " of " + str(read_rows) + " rows read from the raw files are neither written, quarantined nor dropped as versions"
        for rule in reconcile_rules
        if missing != 0 and rule["severity"] == "fail"
    ]


def blocked_dataset_outcomes(dataset_rules, outcomes):
    """Why the commit is blocked by dataset rules: one line per Glue Data Quality outcome (Rule, Outcome,
    FailureReason) that did not pass, of a `fail` rule (outcomes are matched to rules by their DQDL)."""
    severity = {rule["dqdl"]: rule["severity"] for rule in dataset_rules}
    return [
        outcome["Rule"] + ": " + str(outcome["FailureReason"])
        for outcome in outcomes
        if outcome["Outcome"] != "Passed" and severity.get(outcome["Rule"]) == "fail"
    ]


def widened_decimal(precision, scale):
    """(precision, scale) a decimal(precision, scale) column is written as: decimal(38, scale)."""
    if not 0 <= scale <= precision <= WIDE_DECIMAL_PRECISION:
        raise ValueError(
            "decimal(" + str(precision) + ", " + str(scale) + ") is not a decimal Hudi tables can hold "
            "(0 <= scale <= precision <= " + str(WIDE_DECIMAL_PRECISION) + "); fix the column type in the job definition."
        )
    return WIDE_DECIMAL_PRECISION, scale


def quarantine_column_name(rule, unparsed_columns):
    """The column(s) a quarantined row's first broken rule is about, comma-separated, or None: for a `parses`
    rule the row's fields that did not parse (its _unparsed_columns), otherwise the columns the rule checks
    (none for a row expression or a malformed line)."""
    if rule["kind"] in UNPARSED_FIELD_RULE_KINDS:
        return unparsed_columns or None
    return ",".join(rule["columns"]) or None


# Completed write instants on a Hudi 0.x timeline (layout 1): `<instant>.commit` and `<instant>.replacecommit`.
COMPLETED_WRITE_SUFFIXES = (".commit", ".replacecommit")


def completed_write_instants(file_names):
    """The instants of the completed writes among the file names of a table's .hoodie/ folder, oldest first:
    `<instant>.commit` or `<instant>.replacecommit` (requested and inflight files end otherwise)."""
    instants = []
    for name in file_names:
        for suffix in COMPLETED_WRITE_SUFFIXES:
            stem = name[: -len(suffix)]
            if name.endswith(suffix) and stem.isdigit():
                instants.append((stem, name))
    return sorted(instants)


def plan_refresh(incremental, full, own_commits, sources):
    """How an analytics job refreshes its table, as planRefresh of the local runner: ("full", reason), or
    ("incremental", {source job: [deleted key JSON texts]}). `sources`: per curated source a dict with `job`,
    `begin` (the instant the job last consumed, or None), `end` (its latest instant, or None), `on_timeline`
    (begin is still a completed write) and `writes`: the commit metadata (operationType, extraMetadata) of each
    completed write in (begin, end], oldest first."""
    if full:
        return "full", "a full rebuild was asked for"
    if own_commits == 0:
        return "full", "first build of the table"
    deleted = {}
    for source in sources:
        if source["begin"] is None or source["end"] is None:
            return "full", "no instant of " + source["job"] + " consumed yet"
        deleted[source["job"]] = []
        if source["begin"] == source["end"]:
            continue
        if not source["on_timeline"]:
            return "full", "instant " + source["begin"] + " of " + source["job"] + " is no longer on its timeline"
        for instant, metadata in source["writes"]:
            operation = metadata.get("operationType")
            if operation not in incremental["safe_operations"]:
                return "full", source["job"] + " was rewritten (" + str(operation) + " at " + instant + ")"
            if operation != "DELETE":
                continue
            keys = (metadata.get("extraMetadata") or {}).get(incremental["deleted_keys_metadata_key"])
            if keys is None:
                return "full", "the delete " + instant + " of " + source["job"] + " recorded no deleted keys"
            deleted[source["job"]].append(keys)
    return "incremental", deleted


def deleted_key_rows(texts, key_fields):
    """The deleted record keys recorded by delete commits (JSON arrays of key objects) as tuples of the key
    fields, without repeats, in first-seen order. A record without every key field stops the job, naming it."""
    seen = []
    for text in texts:
        for record in json.loads(text):
            missing = [field for field in key_fields if field not in record]
            if missing:
                raise ValueError(
                    "A deleted-key record " + json.dumps(record) + " lacks " + ", ".join(missing) + "; the upstream "
                    "delete commit is not from this pipeline. Rebuild the job with --full_rebuild true."
                )
            row = tuple(record[field] for field in key_fields)
            if row not in seen:
                seen.append(row)
    return seen


def deleted_keys_metadata(key_rows_json):
    """The commit metadata value recording a delete's keys: a JSON array of the rows' key objects (each row
    given as a JSON object text, e.g. from DataFrame.toJSON())."""
    return "[" + ",".join(key_rows_json) + "]"


def consumed_instants(commits_newest_first, key):
    """The source instants an analytics job consumed last: the JSON object its latest commit recording them holds
    under `key` (commit metadata, newest first); empty when none does (then the run is a full rebuild)."""
    for metadata in commits_newest_first:
        text = (metadata.get("extraMetadata") or {}).get(key)
        if text is not None:
            return json.loads(text)
    return {}
