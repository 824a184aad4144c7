-- Accounts are keyed by the sign-in provider's subject, never by e-mail. Only what the portal needs is kept:
-- no real name, legal status, nationality or birth date is ever asked for.
create table account (
    id                  uuid primary key,
    subject             varchar(255)  not null unique,
    display_name        varchar(60)   not null,
    languages           varchar(8)[]  not null default '{}',
    -- A postcode only, never a street address.
    home_postcode       char(5),
    -- Private: shown to nobody, shared in a conversation only when the member decides to.
    contact_email       varchar(254),
    contact_phone       varchar(40),
    email_notifications varchar(16)   not null default 'NEVER',
    interface_language  varchar(8),
    created_at          timestamptz   not null,
    last_signed_in_at   timestamptz   not null,
    version             bigint        not null
);

-- Portal-wide roles; 'member' is implied by having an account. Roles per organisation live with organisations.
create table account_role (
    account_id  uuid         not null references account (id) on delete cascade,
    role        varchar(24)  not null,
    -- PROVIDER: follows the provider's groups at each sign-in; PORTAL: granted in the portal by an admin.
    source      varchar(16)  not null,
    granted_at  timestamptz  not null,
    primary key (account_id, role)
);

-- Who did what, when and why. Append-only: the database refuses to change or remove an entry.
create table audit_log (
    id                bigserial     primary key,
    at                timestamptz   not null default now(),
    -- Null when the system or the sign-in provider acted.
    actor_account_id  uuid,
    action            varchar(60)   not null,
    subject_type      varchar(30)   not null,
    subject_id        varchar(60)   not null,
    details           varchar(2000),
    reason            varchar(1000)
);

create index audit_log_at on audit_log (at desc);

create function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the audit log is append-only';
end
$$;

create trigger audit_log_no_change before update or delete on audit_log
    for each row execute function audit_log_is_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_is_append_only();

-- Listings now belong to an account, and may be posted on behalf of an organisation.
alter table listing add column owner_account_id uuid references account (id);
alter table listing add column organisation_id uuid;
create index listing_owner on listing (owner_account_id, created_at desc);
