-- lg_fail(code): raises `code` as the error's message (SQLSTATE P0001). For a single statement that must keep
-- nothing when one of its checks fails (a purchase whose reservation fell short, or whose order was recorded):
-- its select list calls this, so the whole statement, and so its autocommit transaction, is undone.
-- Called by: the purchase's booking statement (earning/purchase.store).
create or replace function lg_fail(code text) returns boolean language plpgsql volatile as $$
begin
  raise exception using errcode = 'P0001', message = code;
end
$$;
