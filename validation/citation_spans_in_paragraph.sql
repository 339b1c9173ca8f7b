-- rule: citation-spans-in-paragraph
-- table: citations
-- reads: citations, paragraphs
-- checks: Each span of a citation's text lies inside one span of its paragraph_id.
SELECT * FROM spans_outside_paragraph('citations', 'spans')
