-- A conversation about one listing between its side (the poster, or the organisation it was posted for) and one
-- person who answered it (alone, or speaking for an organisation). Nobody's e-mail or phone is part of it until
-- that side discloses it (conversation_disclosure).
create table conversation (
    id                       uuid primary key,
    -- Null once the listing is gone (purged, or its poster left): the conversation stays for the other side,
    -- with the title and kind it had.
    listing_id               uuid          references listing (id) on delete set null,
    listing_title            varchar(200)  not null,
    listing_kind             varchar(16)   not null,
    -- The listing's side as it was when the conversation began. Null once the account is deleted.
    owner_account_id         uuid          references account (id) on delete set null,
    owner_organisation_id    uuid          references organisation (id) on delete set null,
    answerer_account_id      uuid          references account (id) on delete set null,
    answerer_organisation_id uuid          references organisation (id) on delete set null,
    status                   varchar(16)   not null,
    -- OWNER or ANSWERER: who closed or blocked it.
    closed_by                varchar(8),
    blocked_by               varchar(8),
    created_at               timestamptz   not null,
    last_message_at          timestamptz   not null,
    -- When the listing's owner marked the listing fulfilled from this conversation.
    fulfilled_at             timestamptz,
    -- A side reported it (OWNER or ANSWERER): while hidden_at is set it takes no messages and the coordination
    -- office may read it to decide (see moderation.ReportableItems).
    reported_by              varchar(8),
    hidden_at                timestamptz,
    version                  bigint        not null
);

-- One conversation per answerer and listing: answering again continues it. An organisation is one answerer.
create unique index conversation_per_person on conversation (listing_id, answerer_account_id)
    where answerer_organisation_id is null;
create unique index conversation_per_organisation on conversation (listing_id, answerer_organisation_id)
    where answerer_organisation_id is not null;
create index conversation_owner on conversation (owner_account_id, last_message_at desc);
create index conversation_answerer on conversation (answerer_account_id, last_message_at desc);
create index conversation_owner_organisation on conversation (owner_organisation_id, last_message_at desc)
    where owner_organisation_id is not null;
create index conversation_answerer_organisation on conversation (answerer_organisation_id, last_message_at desc)
    where answerer_organisation_id is not null;

-- Plain text; shown escaped. A deleted author's messages stay, without their name (author_account_id null).
create table conversation_message (
    id               bigserial     primary key,
    conversation_id  uuid          not null references conversation (id) on delete cascade,
    side             varchar(8)    not null,
    author_account_id uuid         references account (id) on delete set null,
    body             varchar(4000) not null,
    created_at       timestamptz   not null
);

create index conversation_message_of on conversation_message (conversation_id, id);

-- How far each participant has read; unread = messages of the other side after this.
create table conversation_read (
    conversation_id  uuid   not null references conversation (id) on delete cascade,
    account_id       uuid   not null references account (id) on delete cascade,
    last_read_id     bigint not null,
    primary key (conversation_id, account_id)
);

-- A participant chose to show the other side their e-mail address and/or phone number, and when. What was seen
-- cannot be unseen, so a choice only widens. The details themselves stay in account and are read when shown.
create table conversation_disclosure (
    conversation_id  uuid        not null references conversation (id) on delete cascade,
    account_id       uuid        not null references account (id) on delete cascade,
    side             varchar(8)  not null,
    shows_email      boolean     not null,
    shows_phone      boolean     not null,
    disclosed_at     timestamptz not null,
    primary key (conversation_id, account_id)
);

-- A member no longer wants to hear from another: no new conversation between them, in either direction.
create table member_block (
    blocker_account_id uuid        not null references account (id) on delete cascade,
    blocked_account_id uuid        not null references account (id) on delete cascade,
    created_at         timestamptz not null,
    primary key (blocker_account_id, blocked_account_id)
);
