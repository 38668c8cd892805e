"""Unit tests of the incremental-refresh helpers of the Glue ETL script (python3 -m unittest, run by test/glue-python.test.ts)."""
import json
import os
import random
import unittest

from glue_job_rules import (
    completed_write_instants,
    consumed_instants,
    deleted_key_rows,
    deleted_keys_metadata,
    plan_refresh,
)

SEED = int(os.environ.get("GLUE_RULES_SEED", "20261207"))
print("test_glue_incremental seed", SEED)

INCREMENTAL = {"safe_operations": ["UPSERT", "INSERT", "BULK_INSERT", "DELETE"], "deleted_keys_metadata_key": "_autocorp_deleted_keys"}


def write(operation, deleted=None):
    extra = {"schema": "{}"}
    if deleted is not None:
        extra[INCREMENTAL["deleted_keys_metadata_key"]] = json.dumps(deleted)
    return {"operationType": operation, "extraMetadata": extra}


def source(job, begin, end, writes, on_timeline=True):
    return {"job": job, "begin": begin, "end": end, "on_timeline": on_timeline, "writes": writes}


class CompletedWritesTest(unittest.TestCase):
    def test_lists_completed_commits_and_replacecommits_oldest_first(self):
        rng = random.Random(SEED)
        instants = sorted({str(20260101000000000 + rng.randrange(10**9)) for _ in range(20)})
        names = []
        for i, instant in enumerate(instants):
            action = "replacecommit" if i % 3 == 0 else "commit"
            names += [instant + "." + action + ".requested", instant + "." + action + ".inflight", instant + "." + action]
        names += ["hoodie.properties", instants[0] + ".clean", instants[1] + ".rollback", "archived"]
        rng.shuffle(names)
        self.assertEqual([i for i, _ in completed_write_instants(names)], instants)
        self.assertTrue(all(name.startswith(i) and "." in name for i, name in completed_write_instants(names)))


class PlanRefreshTest(unittest.TestCase):
    def test_full_when_asked_on_the_first_build_or_without_a_consumed_instant(self):
        sources = [source("sales_order", "1", "2", [("2", write("UPSERT"))])]
        self.assertEqual(plan_refresh(INCREMENTAL, True, 3, sources), ("full", "a full rebuild was asked for"))
        self.assertEqual(plan_refresh(INCREMENTAL, False, 0, sources), ("full", "first build of the table"))
        never = [source("customers", None, "2", [])]
        self.assertEqual(plan_refresh(INCREMENTAL, False, 3, never), ("full", "no instant of customers consumed yet"))

    def test_full_when_a_delete_recorded_no_keys_or_the_source_was_rewritten_or_left_the_timeline(self):
        no_keys = [source("sales_order_parts", "1", "3", [("2", write("UPSERT")), ("3", write("DELETE"))])]
        self.assertEqual(plan_refresh(INCREMENTAL, False, 1, no_keys)[0], "full")
        self.assertIn("recorded no deleted keys", plan_refresh(INCREMENTAL, False, 1, no_keys)[1])
        rewritten = [source("auto_parts", "1", "2", [("2", write("INSERT_OVERWRITE_TABLE"))])]
        self.assertIn("was rewritten (INSERT_OVERWRITE_TABLE at 2)", plan_refresh(INCREMENTAL, False, 1, rewritten)[1])
        gone = [source("service", "1", "2", [("2", write("UPSERT"))], on_timeline=False)]
        self.assertIn("no longer on its timeline", plan_refresh(INCREMENTAL, False, 1, gone)[1])

    def test_incremental_collects_the_keys_each_delete_recorded(self):
        first = [{"invoice_number": "INV-1", "line_number": 1}]
        second = [{"invoice_number": "INV-2", "line_number": 4}]
        sources = [
            source("sales_order_parts", "1", "4", [("2", write("DELETE", first)), ("3", write("UPSERT")), ("4", write("DELETE", second))]),
            source("customers", "5", "5", []),
        ]
        mode, deleted = plan_refresh(INCREMENTAL, False, 2, sources)
        self.assertEqual(mode, "incremental")
        self.assertEqual([json.loads(t) for t in deleted["sales_order_parts"]], [first, second])
        self.assertEqual(deleted["customers"], [])


class DeletedKeysTest(unittest.TestCase):
    def test_the_recorded_keys_read_back_as_rows_without_repeats(self):
        rng = random.Random(SEED)
        rows = [{"invoice_number": "INV-" + str(rng.randrange(50)), "line_number": rng.randrange(5)} for _ in range(200)]
        texts = [deleted_keys_metadata([json.dumps(r) for r in rows[:120]]), deleted_keys_metadata([json.dumps(r) for r in rows[120:]])]
        expected = []
        for r in rows:
            if (r["invoice_number"], r["line_number"]) not in expected:
                expected.append((r["invoice_number"], r["line_number"]))
        self.assertEqual(deleted_key_rows(texts, ["invoice_number", "line_number"]), expected)
        self.assertEqual(deleted_key_rows([], ["sku"]), [])

    def test_a_record_without_a_key_field_stops_the_job_naming_it(self):
        with self.assertRaisesRegex(ValueError, "lacks line_number"):
            deleted_key_rows(['[{"invoice_number": "INV-1"}]'], ["invoice_number", "line_number"])


class ConsumedInstantsTest(unittest.TestCase):
    def test_reads_the_latest_commit_that_recorded_them(self):
        key = "_autocorp_consumed_instants"
        newest_first = [
            {"operationType": "UPSERT", "extraMetadata": {"schema": "{}"}},
            {"operationType": "DELETE", "extraMetadata": {key: json.dumps({"sales_order": "3"})}},
            {"operationType": "UPSERT", "extraMetadata": {key: json.dumps({"sales_order": "1"})}},
        ]
        self.assertEqual(consumed_instants(newest_first, key), {"sales_order": "3"})
        self.assertEqual(consumed_instants(newest_first[:1], key), {})
        self.assertEqual(consumed_instants([], key), {})


if __name__ == "__main__":
    unittest.main()
