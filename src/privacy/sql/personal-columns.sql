-- personal_columns(): the one list of the columns that hold personal data, by table (ADR 0007, item 6). The audit
-- capture seals these columns under the subject's customer_data_key, the erasure applies on_erase to them, and the
-- privacy tests scan them; a new table with personal data adds its rows here, and nowhere else.
--   table_name, column_name  the column; a null column_name stands for the whole row (a row that is personal as such)
--   subject_column           the column of the same table naming the customer the data is about
--   on_erase                 what erasure does: 'null' sets null; 'empty' sets '{}' (an array or jsonb);
--                            'erased' sets the text 'erased'; 'kind-text-erased' sets '<kind> (text erased)', for
--                            free text on ledger headers; 'withdraw' sets a consent to not granted; 'delete' deletes
--                            the row. Financial records (purchases, vouchers, lots, entries) hold only the
--                            pseudonymous customer id and are kept.
create or replace function personal_columns()
returns table (table_name text, column_name text, subject_column text, on_erase text)
language sql immutable as $$
  values
    ('customer', 'email', 'id', 'null'),
    ('customer', 'phone', 'id', 'null'),
    ('customer', 'display_name', 'id', 'null'),
    ('customer', 'address_line', 'id', 'null'),
    ('customer', 'postal_code', 'id', 'null'),
    ('customer', 'city', 'id', 'null'),
    ('customer', 'external_id', 'id', 'null'),
    ('customer', 'imported_tier', 'id', 'null'),
    ('customer', 'segments', 'id', 'empty'),
    ('customer', 'business_account_id', 'id', 'null'),
    ('customer_identifier', 'value', 'customer_id', 'delete'),
    ('contact_verification', 'value', 'customer_id', 'delete'),
    ('customer_merge', 'merged_contact', 'merged_id', 'empty'),
    ('customer_merge', 'reason', 'merged_id', 'erased'),
    ('timeline_event', 'summary', 'customer_id', 'delete'),
    ('timeline_event', 'data', 'customer_id', 'delete'),
    ('timeline_event', 'source_event_id', 'customer_id', 'delete'),
    ('outbox_event', 'payload', 'customer_id', 'delete'),
    ('customer_signal', 'cause', 'customer_id', 'delete'),
    ('customer_signal', 'payload', 'customer_id', 'delete'),
    ('health_score', 'components', 'customer_id', 'delete'),
    ('health_score', 'churn_reasons', 'customer_id', 'delete'),
    ('health_score', 'segments', 'customer_id', 'delete'),
    ('health_dirty', null, 'customer_id', 'delete'),
    ('playbook_firing', 'cause', 'customer_id', 'delete'),
    ('playbook_firing', 'actions', 'customer_id', 'delete'),
    ('playbook_reminder', null, 'customer_id', 'delete'),
    ('survey_response', 'score', 'customer_id', 'delete'),
    ('survey_response', 'comment', 'customer_id', 'delete'),
    ('support_case', 'subject', 'customer_id', 'erased'),
    ('goodwill_grant', 'reason', 'customer_id', 'erased'),
    ('goodwill_grant', 'decision_note', 'customer_id', 'null'),
    ('tier_change', 'note', 'customer_id', 'null'),
    ('ledger_transaction', 'reason', 'customer_id', 'kind-text-erased'),
    ('customer_consent', 'granted', 'customer_id', 'withdraw')
$$;
