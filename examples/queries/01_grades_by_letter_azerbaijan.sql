-- Grades by letter for Azerbaijan: how many recommendations the follow-up evaluations graded A, B, C, ...
SELECT g.grade, count(*) AS recommendations
FROM grades AS g
JOIN recommendations AS r ON r.recommendation_id = g.recommendation_id
WHERE r.country_iso3 = 'AZE'
GROUP BY g.grade
ORDER BY g.grade;
