-- The DuckDB macros the rules of this folder share (not a rule: it has no rule header). rules.py runs this file on
-- the connection before the rules, so that a check written once serves every rule that makes it. A table macro
-- takes the relations it reads by name (query_table: a table, view or the calling query's CTE) and their columns
-- by name (`COLUMNS(lambda c: c = name)`, the one column so named: `COLUMNS('name')` would be a regular expression,
-- matching pinpoint_spans for spans); the rule's `-- reads:` header still names every table a macro reads for it.
-- A macro names no table in its body, only parameters (a default such as `par := 'paragraphs'` where the table is
-- always the same): DuckDB binds a macro's tables when it is created, and a package may lack one.

-- span_start(s), span_end(s): the offsets of one span `start-end` of a spans value (`start-end;start-end`); NULL
--   where one is not an integer (the provenance stage reports such a span as spans-malformed).
CREATE OR REPLACE MACRO span_start(s) AS TRY_CAST(split_part(s, '-', 1) AS BIGINT);
CREATE OR REPLACE MACRO span_end(s) AS TRY_CAST(split_part(s, '-', 2) AS BIGINT);

-- span_rows(rel, spans_col): each row of rel whose column spans_col is set, once per span of it, with every
--   column of rel and s (the span as written), st and en (its offsets).
CREATE OR REPLACE MACRO span_rows(rel, spans_col) AS TABLE
    SELECT *, span_start(s) AS st, span_end(s) AS en
    FROM (SELECT *, unnest(string_split(COLUMNS(lambda c: c = spans_col), ';')) AS s
          FROM query_table(rel) WHERE COLUMNS(lambda c: c = spans_col) IS NOT NULL);

-- spans_outside(rel, spans_col, key, outer_rel, outer_col): each span of rel.spans_col with integer offsets that
--   lies inside no span of outer_col on the rows of outer_rel with the same value of column key (both relations
--   have it): __row (rel's), k (the key's value) and s (the span).
CREATE OR REPLACE MACRO spans_outside(rel, spans_col, key, outer_rel, outer_col) AS TABLE
    WITH x AS (
        SELECT __row, COLUMNS(lambda c: c = key) AS k, s, st, en FROM span_rows(rel, spans_col)
        WHERE st IS NOT NULL AND en IS NOT NULL
    ), o AS (
        SELECT COLUMNS(lambda c: c = key) AS k, st, en FROM span_rows(outer_rel, outer_col)
        WHERE COLUMNS(lambda c: c = key) IN (SELECT k FROM x)
    )
    SELECT __row, k, s FROM x
    WHERE NOT EXISTS (SELECT 1 FROM o WHERE o.k = x.k AND o.st <= x.st AND x.en <= o.en);

-- spans_outside_paragraph(rel, spans_col): a problem (row, field, value, message) for each span of rel.spans_col
--   that lies inside no span of its paragraph (rel's paragraph_id, in the table par), where that paragraph has spans.
CREATE OR REPLACE MACRO spans_outside_paragraph(rel, spans_col, par := 'paragraphs') AS TABLE
    SELECT __row AS row, spans_col AS field, s AS value, 'span lies outside the spans of paragraph ' || k AS message
    FROM spans_outside(rel, spans_col, 'paragraph_id', par, 'spans')
    WHERE k IN (SELECT paragraph_id FROM query_table(par) WHERE spans IS NOT NULL);

-- paragraph_list_problems(links, owners, key, noun): the problems of a table listing paragraphs per owner (links:
--   __row, key, seq, paragraph_id; owners: key, document_id), such as participant_paragraphs of participants: a
--   listed paragraph belongs to another document than its owner's, or seq does not run 1..n per owner, or does
--   not follow the paragraphs' reading order (seq of the table par). noun names an owner in the message.
CREATE OR REPLACE MACRO paragraph_list_problems(links, owners, key, noun, par := 'paragraphs') AS TABLE
    WITH l AS (
        SELECT lk.__row, lk.k, lk.seq, lk.paragraph_id, o.document_id, p.document_id AS p_document, p.seq AS p_seq,
               row_number() OVER (PARTITION BY lk.k ORDER BY lk.seq) AS n,
               row_number() OVER (PARTITION BY lk.k ORDER BY p.seq) AS reading
        FROM (SELECT __row, COLUMNS(lambda c: c = key) AS k, seq, paragraph_id FROM query_table(links)) lk
        JOIN (SELECT COLUMNS(lambda c: c = key) AS k, document_id FROM query_table(owners)) o ON o.k = lk.k
        LEFT JOIN query_table(par) p ON p.paragraph_id = lk.paragraph_id
    )
    SELECT __row AS row, 'paragraph_id' AS field, paragraph_id AS value,
           'the paragraph belongs to ' || p_document || ', not to ' || document_id AS message
    FROM l WHERE p_document IS NOT NULL AND p_document <> document_id
    UNION ALL
    SELECT __row, 'seq', CAST(seq AS VARCHAR), 'seq of ' || noun || ' ' || k || ' should be ' || n
    FROM l WHERE seq IS NOT NULL AND seq <> n
    UNION ALL
    SELECT __row, 'seq', CAST(seq AS VARCHAR), 'the paragraphs of ' || noun || ' ' || k || ' are not in reading order'
    FROM l WHERE seq IS NOT NULL AND seq = n AND p_seq IS NOT NULL AND n <> reading;

-- parent_cycles(rel, key, noun): a problem for each row of rel (__row, key, parent_id, naming a row by its key)
--   from which following parent_id leads back to it within 100 steps. noun names a row in the message.
CREATE OR REPLACE MACRO parent_cycles(rel, key, noun) AS TABLE
    WITH RECURSIVE walk(start_id, start_row, cur, depth) AS (
        SELECT COLUMNS(lambda c: c = key), __row, parent_id, 1 FROM query_table(rel) WHERE parent_id IS NOT NULL
        UNION ALL
        SELECT w.start_id, w.start_row, p.parent_id, w.depth + 1
        FROM walk w JOIN (SELECT COLUMNS(lambda c: c = key) AS id, parent_id FROM query_table(rel)) p ON p.id = w.cur
        WHERE p.parent_id IS NOT NULL AND w.cur <> w.start_id AND w.depth < 100
    )
    SELECT start_row AS row, 'parent_id' AS field, start_id AS value,
           'parent_id leads back to this ' || noun || ' after ' || min(depth) || ' step(s) (cycle)' AS message
    FROM walk WHERE cur = start_id
    GROUP BY start_row, start_id;

-- recommendation_lineage(): each recommendation_id of the table recs with its own paragraph_id and text and those
--   of each ancestor (parent_id followed, 100 steps at most: a cycle is recommendation-parent-cycle's), one row
--   each: what a sub-paragraph shares with its chapeau.
CREATE OR REPLACE MACRO recommendation_lineage(recs := 'recommendations') AS TABLE
    WITH RECURSIVE up(recommendation_id, ancestor_id, paragraph_id, text, depth) AS (
        SELECT recommendation_id, parent_id, paragraph_id, text, 0 FROM query_table(recs)
        UNION ALL
        SELECT u.recommendation_id, r.parent_id, r.paragraph_id, r.text, u.depth + 1
        FROM up u JOIN query_table(recs) r ON r.recommendation_id = u.ancestor_id
        WHERE u.depth < 100
    )
    SELECT recommendation_id, paragraph_id, text FROM up;
