"""The catalogue of rule ids checked in Python (stages 1, 2, 4 and the generated parts of stage 3).

The dataset's own cross-table rules live in validation/*.sql, one file per rule, each naming its id in its
header; validation/README.md lists both kinds. A problem's ``rule`` is always one of these ids or a SQL rule id.
"""

from __future__ import annotations

#: rule id -> (stage, what it checks)
BUILTIN_RULES: dict[str, tuple[str, str]] = {
    # stage 1: descriptor and files (hrdocs.validate.stage1_descriptor, stage1_csv)
    "descriptor-invalid": ("files", "datapackage.json is valid for frictionless's Data Package profile"),
    "schema-invalid": ("files", "each Table Schema is valid for frictionless and its keys name existing fields"),
    "schema-missing": ("files", "each resource's schema file exists"),
    "file-missing": ("files", "each resource's data file exists"),
    "file-bytes": ("files", "a resource's declared `bytes` equals the file's size"),
    "file-hash": ("files", "a resource's declared `hash` equals the file's hash"),
    "source-missing": ("files", "each documents.source_file exists"),
    "source-sha256": ("files", "documents.source_sha256 equals the SHA-256 of source_file"),
    "source-encoding": ("files", "each source file is UTF-8 without a BOM"),
    "source-format": ("files", "a .json source file is a paragraphs-JSON array of objects with a string Text"),
    "csv-bom": ("files", "a CSV file starts without a UTF-8 byte-order mark"),
    "csv-encoding": ("files", "a CSV file is valid UTF-8"),
    "csv-crlf": ("files", "a CSV file ends lines with LF only (no CR)"),
    "csv-header": ("files", "a CSV header names exactly the schema's fields, in order"),
    "csv-ragged": ("files", "every CSV row has as many cells as the header"),
    "csv-quote": ("files", "every quoted CSV cell is closed"),
    "csv-parse": ("files", "the CSV file can be parsed (other CSV errors)"),
    # stage 2: columns (hrdocs.validate.stage2_columns, pandera schemas from hrdocs.metadata.pandera_schemas)
    "field-type": ("columns", "a cell parses as its field's type (integer, number, date yyyy-mm-dd, boolean)"),
    "field-required": ("columns", "a required field is not empty"),
    "field-enum": ("columns", "a value is one of the field's enum or categories"),
    "field-pattern": ("columns", "a value matches the field's pattern (whole value)"),
    "field-minimum": ("columns", "a value is at least the field's minimum"),
    "field-maximum": ("columns", "a value is at most the field's maximum"),
    "field-min-length": ("columns", "a value has at least minLength characters"),
    "field-max-length": ("columns", "a value has at most maxLength characters"),
    # stage 3: tables together (hrdocs.validate.stage3_keys, stage3_expected_rows, stage3_coverage)
    "field-unique": ("tables", "a field with constraint unique has no repeated value"),
    "primary-key": ("tables", "the primary key is set and unique"),
    "unique-key": ("tables", "each uniqueKeys combination is unique"),
    "foreign-key": ("tables", "each foreign key value exists in the referenced table"),
    "expected-rows": ("tables", "row counts equal hrdocs:expectedRows (total and per document)"),
    "coverage": ("tables", "every non-blank source character is covered by spans, an artefact or an exclusion"),
    "coverage-exclusion": ("tables", "validation/coverage_exclusions.csv rows are well-formed"),
    "rule-file": ("tables", "every validation/*.sql file has the rule header (rule, table, reads, checks)"),
    # stage 4: provenance (hrdocs.validate.stage4_provenance)
    "spans-malformed": ("provenance", "spans are start-end pairs with start < end"),
    "spans-out-of-range": ("provenance", "spans lie inside the source file"),
    "spans-no-source": ("provenance", "the row's document has a readable source file"),
    "spans-text-mismatch": ("provenance", "the text equals text_from_spans of its source"),
}
