-- rule: grade-text-paragraphs-exist
-- table: grade_paragraphs
-- reads: grade_paragraphs, grades, paragraphs
-- checks: Every grade_paragraphs row names a paragraph of the grade's assessing document, and seq runs 1..n
--   per grade in the paragraphs' reading order.
SELECT * FROM paragraph_list_problems('grade_paragraphs', 'grades', 'grade_id', 'grade')
