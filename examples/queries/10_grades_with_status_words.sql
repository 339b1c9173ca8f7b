-- Each grade with the implementation status the assessment states in words, to compare letter and words.
SELECT g.grade, coalesce(g.implementation_status, '(none stated)') AS implementation_status, count(*) AS grades
FROM grades AS g
GROUP BY ALL
ORDER BY g.grade, implementation_status;
