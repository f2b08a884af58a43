-- §2.2 property-penalty ledger: each criminal judgment's penalties (person, kind, amount) set
-- against the execution documents that cite its case number (执 cases and 减刑/假释 rulings,
-- any relation, matched on the normalised case key). Execution rulings citing a civil judgment
-- never match: only criminal judgments enter the ledger.
-- Parameters: $as_of DATE, $no_record_days.

-- Criminal judgments with penalties. An appeal judgment that imposes penalties supersedes the
-- first-instance one it cites (one ledger per person); execution documents citing either count.
CREATE OR REPLACE TEMP TABLE judgments AS
WITH crim AS (
    SELECT d.doc_id, d.case_number, d.case_key, d.court, d.decided
    FROM documents d
    WHERE d.case_type = 'criminal'
      AND d.stage IN ('first_instance', 'second_instance', 'retrial')
      AND d.case_key IS NOT NULL
),
reviews AS (  -- (reviewing judgment, reviewed case key)
    SELECT c.doc_id, c.case_key AS reviewed_key
    FROM cited_cases c JOIN crim USING (doc_id)
    WHERE c.relation = 'prior_instance' AND c.case_type = 'criminal'
),
superseded AS (
    SELECT DISTINCT r.reviewed_key AS case_key
    FROM reviews r
    WHERE r.doc_id IN (SELECT doc_id FROM penalties)
),
later AS (  -- the date the judgment took effect: its own, or its review's when later
    SELECT r.reviewed_key AS case_key, max(crim.decided) AS decided
    FROM reviews r JOIN crim USING (doc_id)
    GROUP BY r.reviewed_key
)
SELECT crim.doc_id, crim.case_number, crim.case_key, crim.court, crim.decided,
       greatest(crim.decided, later.decided) AS effective,
       list_distinct(list_concat([crim.case_key], coalesce(rv.keys, []))) AS keys
FROM crim
LEFT JOIN later USING (case_key)
LEFT JOIN (SELECT doc_id, list(reviewed_key) AS keys FROM reviews GROUP BY doc_id) rv USING (doc_id)
WHERE crim.doc_id IN (SELECT doc_id FROM penalties)
  AND crim.case_key NOT IN (SELECT case_key FROM superseded);

-- Execution documents: 执 cases, and 减刑/假释 rulings (刑更/刑执, or citing an original judgment).
CREATE OR REPLACE TEMP TABLE exec_docs AS
SELECT d.doc_id, d.case_number, d.decided, d.case_type = 'execution' AS is_execution,
       d.execution_terminated, d.executed_amount, d.unpaid_amount,
       d.execution_start, d.execution_end,
       d.doc_id IN (SELECT doc_id FROM signals WHERE code = 'commutation_unpaid') AS commutation_unpaid
FROM documents d
WHERE d.case_type = 'execution'
   OR d.type_code IN ('刑更', '刑执')
   OR d.doc_id IN (SELECT doc_id FROM cited_cases WHERE relation = 'original_judgment');

-- The people an execution document is about (被执行人, 罪犯); none stated → it may be anyone's.
CREATE OR REPLACE TEMP TABLE exec_people AS
SELECT DISTINCT p.doc_id, p.norm_name
FROM parties p
WHERE p.doc_id IN (SELECT doc_id FROM exec_docs)
  AND p.role IN ('enforcement_respondent', 'respondent', 'convict', 'accused');

CREATE OR REPLACE TEMP TABLE exec_links AS
SELECT DISTINCT j.doc_id AS judgment_id, e.doc_id AS exec_id
FROM judgments j
JOIN (SELECT UNNEST(keys) AS case_key, doc_id FROM judgments) k ON k.doc_id = j.doc_id
JOIN cited_cases c ON c.case_key = k.case_key
JOIN exec_docs e ON e.doc_id = c.doc_id
WHERE e.doc_id <> j.doc_id;

-- One row per penalty of a judgment, with what the execution documents about its person say.
CREATE OR REPLACE TEMP TABLE ledger AS
WITH items AS (
    SELECT j.doc_id AS judgment_id, j.case_number AS judgment, j.court, j.decided, j.effective,
           p.idx, p.person, coalesce(p.norm_person, '') AS norm_person, p.kind, p.amount AS imposed,
           p.start, p."end",
           sum(p.amount) OVER (PARTITION BY j.doc_id, coalesce(p.norm_person, '')) AS imposed_total
    FROM judgments j JOIN penalties p USING (doc_id)
),
persons AS (SELECT DISTINCT judgment_id, norm_person FROM items),
naming AS (  -- (judgment, execution document) where the document names one of its persons
    SELECT DISTINCT l.judgment_id, l.exec_id
    FROM exec_links l
    JOIN exec_people x ON x.doc_id = l.exec_id
    JOIN persons p ON p.judgment_id = l.judgment_id AND p.norm_person = x.norm_name
),
-- An execution document counts for a person when it names that person, or names none of the
-- judgment's persons (no 被执行人 stated, or masked differently: 钱某 for 钱某某).
matched AS (
    SELECT p.judgment_id, p.norm_person, e.*
    FROM persons p
    JOIN exec_links l USING (judgment_id)
    JOIN exec_docs e ON e.doc_id = l.exec_id
    LEFT JOIN naming n ON n.judgment_id = l.judgment_id AND n.exec_id = l.exec_id
    LEFT JOIN exec_people x ON x.doc_id = e.doc_id AND x.norm_name = p.norm_person
    WHERE n.exec_id IS NULL OR x.doc_id IS NOT NULL
),
outcome AS (
    SELECT judgment_id, norm_person,
           count(*) AS n_exec,
           list(DISTINCT doc_id) AS exec_ids,
           list(DISTINCT case_number) FILTER (WHERE case_number IS NOT NULL) AS exec_numbers,
           bool_or(coalesce(execution_terminated, FALSE) AND is_execution) AS terminated,
           max(executed_amount) AS executed,  -- any document: a 减刑 ruling may say 已缴纳
           min(unpaid_amount) AS unpaid,
           max(executed_amount) FILTER (WHERE is_execution) AS case_executed,  -- 执 cases only
           min(unpaid_amount) FILTER (WHERE is_execution) AS case_unpaid,
           count(*) FILTER (WHERE commutation_unpaid) AS n_commutation_unpaid
    FROM matched
    GROUP BY judgment_id, norm_person
)
-- status: paid when a document says nothing is left or the executed sum covers the person's
-- imposed total; terminated (终本) or partial from 执 cases only; a 减刑/假释 ruling that says
-- unpaid gives commutation_unpaid.
SELECT i.*, coalesce(o.n_exec, 0) AS n_exec, coalesce(o.exec_ids, []) AS exec_ids,
       coalesce(o.exec_numbers, []) AS exec_numbers, coalesce(o.terminated, FALSE) AS terminated,
       o.executed, o.unpaid, coalesce(o.n_commutation_unpaid, 0) AS n_commutation_unpaid,
       date_diff('day', i.effective, $as_of::DATE) AS days,
       CASE
           WHEN coalesce(o.n_exec, 0) = 0 AND i.effective IS NULL THEN 'undated'
           WHEN coalesce(o.n_exec, 0) = 0 AND date_diff('day', i.effective, $as_of::DATE) >= $no_record_days
               THEN 'no_execution_record'
           WHEN coalesce(o.n_exec, 0) = 0 THEN 'pending'
           WHEN o.unpaid = 0 OR o.executed >= i.imposed_total THEN 'paid'
           WHEN o.terminated THEN 'execution_terminated'
           WHEN o.case_executed < i.imposed_total OR o.case_unpaid > 0 THEN 'partial_execution'
           WHEN o.n_commutation_unpaid > 0 THEN 'commutation_unpaid'
           ELSE 'recorded'
       END AS status
FROM items i
LEFT JOIN outcome o USING (judgment_id, norm_person);
