-- Accounts are keyed by the sign-in provider's subject. Tokens without one were once mapped to one shared account
-- with an empty subject; such an account is nobody's, so it is set aside (kept for the admins, reachable by no
-- sign-in) and the database refuses an empty subject from now on.
update account set subject = 'no-subject:' || id where btrim(subject) = '';
alter table account add constraint account_subject_not_blank check (btrim(subject) <> '');
