-- §2.1 debtor_many_creditors: one respondent sued by ≥ $debtor_min distinct claimants within
-- $debtor_days days (by filed date, else decided date): an asset-stripping pattern.
-- A window starts at each of the debtor's suits (count(DISTINCT) over a RANGE frame); a suit is
-- part of the lead when some qualifying window covers it. Undated suits cannot be placed.

CREATE OR REPLACE TEMP TABLE debtor_rows AS
WITH pairs AS (
    SELECT r.doc_id, r.suit_day, r.norm_name AS debtor, r.kind_class, r.province,
           r.name, r.start, r."end", c.norm_name AS creditor
    FROM loan_parties r
    JOIN loan_parties c ON c.doc_id = r.doc_id AND c.side = 'claimant' AND NOT c.masked
    WHERE r.side = 'respondent' AND NOT r.masked AND r.suit_day IS NOT NULL
),
windows AS (
    SELECT *, count(DISTINCT creditor) OVER (
               PARTITION BY debtor ORDER BY suit_day
               RANGE BETWEEN CURRENT ROW AND $debtor_days FOLLOWING) AS n_window
    FROM pairs
)
SELECT *, max(CASE WHEN n_window >= $debtor_min THEN 1 ELSE 0 END) OVER (
           PARTITION BY debtor ORDER BY suit_day
           RANGE BETWEEN $debtor_days PRECEDING AND CURRENT ROW) = 1 AS covered
FROM windows;

CREATE OR REPLACE TEMP TABLE lead_head AS
SELECT 'debtor_many_creditors' AS code, debtor AS key, mode(name) AS display,
       max(n_window) AS n, max(n_window) - $debtor_min AS excess,
       (bool_and(kind_class = 'person') AND count(DISTINCT province) > 1) AS ambiguous,
       count(DISTINCT doc_id)::VARCHAR AS other
FROM debtor_rows
WHERE covered
GROUP BY debtor;

CREATE OR REPLACE TEMP TABLE lead_evidence AS
SELECT DISTINCT 'debtor_many_creditors' AS code, debtor AS key, doc_id, start, "end", name AS text
FROM debtor_rows
WHERE covered;

CREATE OR REPLACE TEMP TABLE lead_docs AS
SELECT DISTINCT code, key, doc_id FROM lead_evidence;
