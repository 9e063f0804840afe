-- cskit history store, version 2: each account's manager (its book of business) in the snapshot, null when the
-- project names no roster or the account's tier is not booked. Added at the end of the table, so version-1
-- rows read as null.
ALTER TABLE cskit_account_snapshot ADD COLUMN manager VARCHAR;
