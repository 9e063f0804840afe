-- cskit history store, version 1. One schema for DuckDB and PostgreSQL: only types and statements both
-- accept. One row per snapshot (as-of date), one row per account and snapshot with its metrics and
-- sub-scores as arrays (names once per snapshot), alerts, and survey waves.
CREATE TABLE cskit_snapshot (
  as_of DATE NOT NULL PRIMARY KEY,
  created_at TIMESTAMP NOT NULL,
  scorecard_name VARCHAR NOT NULL,
  scorecard_version INTEGER NOT NULL,
  scorecard_hash VARCHAR NOT NULL,
  metric_names VARCHAR NOT NULL,
  measure_names VARCHAR NOT NULL,
  accounts INTEGER NOT NULL,
  summary VARCHAR NOT NULL
);

CREATE TABLE cskit_account_snapshot (
  as_of DATE NOT NULL,
  account_id VARCHAR NOT NULL,
  card_name VARCHAR,
  card_version INTEGER,
  card_hash VARCHAR,
  score DOUBLE PRECISION,
  band VARCHAR,
  tracked_band VARCHAR,
  tier VARCHAR,
  tier_since DATE,
  metrics DOUBLE PRECISION[] NOT NULL,
  sub_scores DOUBLE PRECISION[] NOT NULL
);

CREATE TABLE cskit_alert (
  as_of DATE NOT NULL,
  account_id VARCHAR NOT NULL,
  kind VARCHAR NOT NULL,
  detail VARCHAR NOT NULL
);

CREATE TABLE cskit_survey_wave (
  as_of DATE NOT NULL,
  wave_date DATE NOT NULL,
  channel VARCHAR NOT NULL,
  invited BIGINT NOT NULL,
  responded BIGINT NOT NULL
);
