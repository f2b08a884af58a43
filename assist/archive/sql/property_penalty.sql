-- §2.2 leads from the ledger (ledger.sql), one per judgment, person and code:
-- no_execution_record, execution_terminated, partial_execution (the ledger status) and
-- commutation_unpaid (a 减刑/假释 ruling citing the judgment carries that signal).
-- Parameters: $no_record_days, $as_of DATE.

CREATE OR REPLACE TEMP TABLE pp_groups AS
SELECT judgment_id, norm_person,
       coalesce(any_value(judgment), judgment_id) || ' | ' || any_value(coalesce(person, '')) AS key,
       any_value(judgment) AS judgment, any_value(person) AS person,
       any_value(decided) AS decided, any_value(status) AS status,
       list(DISTINCT kind ORDER BY kind) AS kinds, any_value(imposed_total) AS imposed_total,
       any_value(executed) AS executed, any_value(unpaid) AS unpaid, any_value(days) AS days,
       any_value(exec_ids) AS exec_ids, any_value(exec_numbers) AS exec_numbers,
       any_value(n_commutation_unpaid) AS n_commutation_unpaid,
       -- the unpaid share in percent: stated unpaid, else imposed − executed, else all of it
       least(100, greatest(0, coalesce(
           100 * any_value(unpaid) / nullif(any_value(imposed_total), 0),
           100 * (any_value(imposed_total) - any_value(executed)) / nullif(any_value(imposed_total), 0),
           100)))::DOUBLE AS unpaid_share
FROM ledger
GROUP BY judgment_id, norm_person;

CREATE OR REPLACE TEMP TABLE pp_leads AS
SELECT status AS code, * FROM pp_groups
WHERE status IN ('no_execution_record', 'execution_terminated', 'partial_execution')
UNION ALL
SELECT 'commutation_unpaid', * FROM pp_groups
WHERE n_commutation_unpaid > 0 AND status <> 'paid';

CREATE OR REPLACE TEMP TABLE lead_head AS
SELECT code, key, person AS display, 1 AS n,
       CASE code
           WHEN 'no_execution_record' THEN days - $no_record_days
           WHEN 'commutation_unpaid' THEN n_commutation_unpaid - 1
           ELSE unpaid_share
       END::DOUBLE AS excess,
       FALSE AS ambiguous, judgment, decided, kinds, imposed_total, executed, unpaid, days,
       exec_numbers, n_commutation_unpaid, $as_of::DATE AS as_of
FROM pp_leads;

-- The judgment and every execution document matched with it (none for no_execution_record).
CREATE OR REPLACE TEMP TABLE lead_docs AS
SELECT DISTINCT code, key, UNNEST(list_concat([judgment_id], exec_ids)) AS doc_id
FROM pp_leads;

CREATE OR REPLACE TEMP TABLE lead_evidence AS
-- the penalties in the judgment
SELECT g.code, g.key, l.judgment_id AS doc_id, l.start, l."end",
       coalesce(p.text, coalesce(l.person, '') || ' ' || l.kind
                || coalesce(' ' || l.imposed::VARCHAR || '元', '')) AS text
FROM pp_leads g
JOIN ledger l USING (judgment_id, norm_person)
JOIN penalties p ON p.doc_id = l.judgment_id AND p.idx = l.idx
UNION ALL
-- what the execution documents say (terminated / executed / unpaid)
SELECT x.code, x.key, d.doc_id, d.execution_start, d.execution_end,
       coalesce(d.execution_text,
                CASE WHEN d.execution_terminated THEN '终结本次执行程序' ELSE '' END
                || coalesce(' 已执行' || d.executed_amount::VARCHAR || '元', '')
                || coalesce(' 未执行' || d.unpaid_amount::VARCHAR || '元', ''))
FROM (SELECT code, key, UNNEST(exec_ids) AS doc_id FROM pp_leads
      WHERE code IN ('execution_terminated', 'partial_execution')) x
JOIN documents d USING (doc_id)
WHERE d.execution_start IS NOT NULL
UNION ALL
-- the commutation_unpaid signals of the 减刑/假释 rulings
SELECT x.code, x.key, s.doc_id, s.start, s."end", s.text
FROM (SELECT code, key, UNNEST(exec_ids) AS doc_id FROM pp_leads
      WHERE code = 'commutation_unpaid') x
JOIN signals s ON s.doc_id = x.doc_id AND s.code = 'commutation_unpaid';
