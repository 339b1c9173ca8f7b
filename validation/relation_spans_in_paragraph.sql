-- rule: relation-spans-in-paragraph
-- table: relations
-- reads: relations, paragraphs
-- checks: Each span of a relation's text lies inside one span of its paragraph_id.
SELECT * FROM spans_outside_paragraph('relations', 'spans')
