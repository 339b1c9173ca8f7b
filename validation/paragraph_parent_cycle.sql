-- rule: paragraph-parent-cycle
-- table: paragraphs
-- reads: paragraphs
-- checks: Following parent_id from a paragraph never leads back to it (no cycle).
SELECT * FROM parent_cycles('paragraphs', 'paragraph_id', 'paragraph')
