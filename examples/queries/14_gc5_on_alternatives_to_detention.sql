-- What CMW general comment No. 5 says about alternatives to detention: its paragraphs using the phrase.
SELECT p.number, p.text
FROM paragraphs p
JOIN documents d USING (document_id)
WHERE d.symbol = 'CMW/C/GC/5' AND lower(p.text) LIKE '%alternatives to detention%'
ORDER BY p.seq;
