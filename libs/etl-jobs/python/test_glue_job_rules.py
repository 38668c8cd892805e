"""Unit tests of the pure helpers of the Glue ETL script (python3 -m unittest, run by test/glue-python.test.ts)."""
import json
import os
import random
import unittest

from glue_job_rules import (
    QUARANTINE_RECORD_FIELDS,
    WIDE_DECIMAL_PRECISION,
    blocked_dataset_outcomes,
    blocked_reconciliation,
    blocked_row_rules,
    parse_cdc_position,
    quarantine_column_name,
    row_rule_passes,
    unaccounted_rows,
    widened_decimal,
)

SEED = int(os.environ.get("GLUE_RULES_SEED", "20261207"))
print("test_glue_job_rules seed", SEED)


def row_rule(name, severity="fail", min_pass_ratio=1.0, allowed_failures=0, kind="isComplete", columns=("id",)):
    """A row rule as the rendered JOB["row_rules"] holds it."""
    return {
        "name": name,
        "kind": kind,
        "columns": list(columns),
        "severity": severity,
        "min_pass_ratio": min_pass_ratio,
        "allowed_failures": allowed_failures,
        "reason": name + " is broken",
    }


class CdcPositionTest(unittest.TestCase):
    def test_reads_the_lsn_as_one_number_that_orders_like_the_position(self):
        rng = random.Random(SEED)
        positions = [(rng.randrange(0, 1 << 32), rng.randrange(0, 1 << 32), rng.randrange(0, 1000)) for _ in range(200)]
        parsed = []
        for high, low, seq in positions:
            text = json.dumps({"position": {"lsn": "%X/%X" % (high, low), "seq": seq}})
            lsn, read_seq = parse_cdc_position(text, "s3://lake/state/cdc/slot/position.json")
            self.assertEqual(lsn, high * 2**32 + low)
            self.assertEqual(read_seq, seq)
            parsed.append((lsn, read_seq))
        self.assertEqual(sorted(parsed), [(h * 2**32 + l, s) for h, l, s in sorted(positions)])

    def test_names_the_file_it_cannot_read(self):
        uri = "s3://lake/state/cdc/autocorp_cdc/position.json"
        for text in ["", "{}", '{"position": {"lsn": "16B374D848", "seq": 1}}', '{"position": {"lsn": "16/XYZ", "seq": 1}}', '{"position": 3}']:
            with self.assertRaises(ValueError, msg=text) as raised:
                parse_cdc_position(text, uri)
            self.assertIn(uri, str(raised.exception))


class RowRuleBookkeepingTest(unittest.TestCase):
    def test_a_rule_passes_on_its_ratio_or_its_allowance(self):
        rule = row_rule("amount_range", min_pass_ratio=0.9, allowed_failures=2)
        checked = 100
        at_ratio = checked - int(checked * rule["min_pass_ratio"])
        self.assertTrue(row_rule_passes(rule, at_ratio, checked))
        self.assertFalse(row_rule_passes(rule, at_ratio + 1, checked))
        # A small batch: the ratio fails but the allowance holds.
        self.assertTrue(row_rule_passes(rule, rule["allowed_failures"], rule["allowed_failures"] + 1))
        self.assertFalse(row_rule_passes(rule, rule["allowed_failures"] + 1, rule["allowed_failures"] + 1))
        self.assertTrue(row_rule_passes(row_rule("strict"), 0, 0))

    def test_only_failing_fail_rules_block_and_each_names_its_count(self):
        strict = row_rule("customer_complete")
        lenient = row_rule("price_range", min_pass_ratio=0.5)
        warned = row_rule("status_allowed", severity="warn")
        counts = {strict["name"]: 3, lenient["name"]: 4, warned["name"]: 10}
        checked = 10
        blocked = blocked_row_rules([strict, lenient, warned], counts, checked)
        self.assertEqual(len(blocked), 1)
        self.assertTrue(blocked[0].startswith(strict["name"] + ": "))
        self.assertIn(str(counts[strict["name"]]) + " of " + str(checked), blocked[0])
        self.assertIn(strict["reason"], blocked[0])
        self.assertEqual(blocked_row_rules([strict, lenient, warned], {}, checked), [])

    def test_reconciliation_blocks_only_when_rows_are_unaccounted_for(self):
        read, written, quarantined, dropped = 120, 100, 7, 13
        rules = [{"name": "reconciles", "severity": "fail"}, {"name": "reconciles_warn", "severity": "warn"}]
        self.assertEqual(unaccounted_rows(read, written, quarantined, dropped), 0)
        self.assertEqual(blocked_reconciliation(rules, read, unaccounted_rows(read, written, quarantined, dropped)), [])
        missing = unaccounted_rows(read, written - 1, quarantined, dropped)
        self.assertEqual(missing, 1)
        blocked = blocked_reconciliation(rules, read, missing)
        self.assertEqual(len(blocked), 1)
        self.assertTrue(blocked[0].startswith("reconciles: 1 of " + str(read)))

    def test_dataset_outcomes_block_on_failed_fail_rules(self):
        rules = [{"dqdl": "IsUnique \"id\"", "severity": "fail"}, {"dqdl": "RowCount > 0", "severity": "warn"}]
        outcomes = [
            {"Rule": rules[0]["dqdl"], "Outcome": "Failed", "FailureReason": "2 duplicates"},
            {"Rule": rules[1]["dqdl"], "Outcome": "Failed", "FailureReason": "empty"},
            {"Rule": "Completeness \"x\" > 0.9", "Outcome": "Failed", "FailureReason": "not ours"},
        ]
        self.assertEqual(blocked_dataset_outcomes(rules, outcomes), [rules[0]["dqdl"] + ": 2 duplicates"])
        self.assertEqual(blocked_dataset_outcomes(rules, [dict(outcomes[0], Outcome="Passed")]), [])


class DecimalWideningTest(unittest.TestCase):
    def test_keeps_the_scale_at_the_widest_precision(self):
        for precision in range(1, WIDE_DECIMAL_PRECISION + 1):
            for scale in range(0, precision + 1):
                self.assertEqual(widened_decimal(precision, scale), (WIDE_DECIMAL_PRECISION, scale))

    def test_refuses_a_decimal_no_table_can_hold(self):
        for precision, scale in [(WIDE_DECIMAL_PRECISION + 1, 2), (4, 5), (10, -1)]:
            with self.assertRaises(ValueError):
                widened_decimal(precision, scale)


class QuarantineRecordTest(unittest.TestCase):
    def test_the_record_names_the_column_after_the_reason(self):
        self.assertIn("column_name", QUARANTINE_RECORD_FIELDS)
        self.assertEqual(QUARANTINE_RECORD_FIELDS.index("column_name"), QUARANTINE_RECORD_FIELDS.index("reason") + 1)
        self.assertEqual(len(set(QUARANTINE_RECORD_FIELDS)), len(QUARANTINE_RECORD_FIELDS))

    def test_a_parses_rule_names_the_fields_that_did_not_parse(self):
        rule = row_rule("fields_parse", kind="parses", columns=())
        unparsed = ",".join(["sale_price", "quantity"])
        self.assertEqual(quarantine_column_name(rule, unparsed), unparsed)
        self.assertIsNone(quarantine_column_name(rule, ""))
        self.assertIsNone(quarantine_column_name(rule, None))

    def test_other_rules_name_the_columns_they_check(self):
        columns = ["invoice_number", "line_number"]
        self.assertEqual(quarantine_column_name(row_rule("order_exists", kind="references", columns=columns), "ignored"), ",".join(columns))
        self.assertEqual(quarantine_column_name(row_rule("price_range", kind="range", columns=columns[:1]), ""), columns[0])
        self.assertIsNone(quarantine_column_name(row_rule("totals_add_up", kind="rowExpression", columns=()), "sale_price"))
        self.assertIsNone(quarantine_column_name(row_rule("well_formed", kind="wellFormed", columns=()), ""))


if __name__ == "__main__":
    unittest.main()
