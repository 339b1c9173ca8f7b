-- rule: recommendation-spans-in-paragraph
-- table: recommendations
-- reads: recommendations, paragraphs
-- checks: Each span of a recommendation lies inside one span of its paragraph_id.
SELECT * FROM spans_outside_paragraph('recommendations', 'spans')
