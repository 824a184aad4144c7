-- Notices for members, in the portal always and by e-mail when they chose it. Only the kind and its parameters are
-- stored, never rendered text: the portal and the mails render them in the reader's language when they are read.
create table notification (
    id              uuid primary key,
    account_id      uuid          not null references account (id) on delete cascade,
    -- NEW_MESSAGE, NEW_MATCH, SAVED_SEARCH_HIT, MODERATION_DECISION, ACTIVITY_REMINDER, LISTING_EXPIRING.
    kind            varchar(32)   not null,
    -- What it is about: a conversation, listing or activity.
    subject_id      uuid,
    -- The listing's or activity's title as it was (a parameter of the text, not the text).
    title           varchar(200),
    -- A kind's further parameter: the decision, the occurrence date, the expiry date.
    detail          varchar(100),
    -- Where the notice leads, a path in the portal.
    link            varchar(300)  not null,
    -- Makes a notice at most once (a reminder per sign-up and occurrence, an expiry notice per listing and date).
    once_key        varchar(200),
    created_at      timestamptz   not null,
    read_at         timestamptz,
    -- NONE (portal only), QUEUED (an immediate mail in the outbox), DIGEST (waits for the daily digest), SENT, FAILED.
    email_state     varchar(16)   not null,
    emailed_at      timestamptz,
    constraint notification_once unique (account_id, once_key)
);

create index notification_recipient on notification (account_id, created_at desc);
create index notification_unread on notification (account_id) where read_at is null;
create index notification_digest on notification (account_id, created_at) where email_state = 'DIGEST';

-- Mails to send: one row per immediate notice or per daily digest, sent by a background loop with retries.
create table mail_outbox (
    id              uuid primary key,
    account_id      uuid          not null references account (id) on delete cascade,
    digest          boolean       not null,
    notification_ids uuid[]       not null,
    -- PENDING, SENT, FAILED (gave up after the last attempt), DROPPED (the member no longer wants mails).
    state           varchar(16)   not null,
    attempts        integer       not null default 0,
    next_attempt_at timestamptz   not null,
    last_error      varchar(500),
    created_at      timestamptz   not null,
    finished_at     timestamptz
);

create index mail_outbox_due on mail_outbox (next_attempt_at) where state = 'PENDING';
create index mail_outbox_failed on mail_outbox (finished_at) where state = 'FAILED';
