-- §2.3 systemic_admin_problem: ≥ $systemic_min administrative documents of one agency (as
-- defendant or enforcement applicant, from admin_agencies) share a defect signal within
-- $systemic_days days (by decided date, else filed). Windows as in debtor.sql.
-- Parameters: $defect_codes VARCHAR[], $systemic_min, $systemic_days.

CREATE OR REPLACE TEMP TABLE admin_rows AS
WITH hits AS (
    SELECT a.agency, s.code AS defect, a.doc_id, a.doc_day, any_value(a.name) AS name
    FROM admin_agencies a
    JOIN signals s USING (doc_id)
    WHERE NOT a.masked AND a.doc_day IS NOT NULL AND list_contains($defect_codes, s.code)
    GROUP BY ALL
),
windows AS (
    SELECT *, count(DISTINCT doc_id) OVER (
               PARTITION BY agency, defect ORDER BY doc_day
               RANGE BETWEEN CURRENT ROW AND $systemic_days FOLLOWING) AS n_window
    FROM hits
)
SELECT *, max(CASE WHEN n_window >= $systemic_min THEN 1 ELSE 0 END) OVER (
           PARTITION BY agency, defect ORDER BY doc_day
           RANGE BETWEEN $systemic_days PRECEDING AND CURRENT ROW) = 1 AS covered
FROM windows;

CREATE OR REPLACE TEMP TABLE lead_head AS
SELECT 'systemic_admin_problem' AS code, agency || ' | ' || defect AS key,
       mode(name) AS display,
       max(n_window) AS n, max(n_window) - $systemic_min AS excess, FALSE AS ambiguous,
       defect AS other, count(DISTINCT doc_id) AS total
FROM admin_rows
WHERE covered
GROUP BY agency, defect;

CREATE OR REPLACE TEMP TABLE lead_docs AS
SELECT DISTINCT 'systemic_admin_problem' AS code, agency || ' | ' || defect AS key, doc_id, defect
FROM admin_rows
WHERE covered;

-- The defect's signals and any agency_lost signal in those documents.
CREATE OR REPLACE TEMP TABLE lead_evidence AS
SELECT d.code, d.key, s.doc_id, s.start, s."end", s.text
FROM lead_docs d
JOIN signals s USING (doc_id)
WHERE s.code IN ('agency_lost', d.defect);
