-- rule: document-has-text
-- table: documents
-- reads: documents
-- checks: has_text is true exactly when source_file is set, and source_sha256 is set exactly when
--   source_file is.
SELECT __row AS row, 'source_file' AS field, source_file AS value,
       CASE WHEN has_text THEN 'has_text is true but source_file is empty'
            ELSE 'has_text is false but source_file is set' END AS message
FROM documents
WHERE has_text IS NOT NULL AND has_text <> (source_file IS NOT NULL)
UNION ALL
SELECT __row, 'source_sha256', source_sha256,
       CASE WHEN source_file IS NULL THEN 'source_sha256 is set but source_file is empty'
            ELSE 'source_sha256 is empty but source_file is set' END
FROM documents
WHERE (source_sha256 IS NOT NULL) <> (source_file IS NOT NULL)
