-- rule: recommendation-parent-cycle
-- table: recommendations
-- reads: recommendations
-- checks: Following parent_id from a recommendation never leads back to it (no cycle).
SELECT * FROM parent_cycles('recommendations', 'recommendation_id', 'recommendation')
