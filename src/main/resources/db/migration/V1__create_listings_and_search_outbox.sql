-- Listings are the source of truth; Elasticsearch is rebuilt from this table.
create table listing (
    id              uuid primary key,
    kind            varchar(16)   not null,
    status          varchar(24)   not null,
    title           varchar(120)  not null,
    description     varchar(4000) not null,
    topics          varchar(40)[] not null,
    languages       varchar(8)[]  not null,
    text_language   varchar(8)    not null,
    -- Only a postcode centroid is stored: never a private street address.
    postcode        char(5)       not null,
    place_name      varchar(120)  not null,
    district        varchar(120)  not null,
    latitude        double precision not null,
    longitude       double precision not null,
    reach_km        integer       not null,
    -- The poster's private key (a form posted twice carries the same one and is stored once); only its
    -- SHA-256 is kept, so the table alone cannot be used to change listings.
    submission_key_hash char(64)  unique,
    -- An optional time frame, e.g. WEEKLY:2:15:00-17:00, DATE:2026-12-01 or FLEXIBLE.
    time_frame      varchar(40),
    capacity        integer,
    created_at      timestamptz   not null,
    updated_at      timestamptz   not null,
    expires_at      timestamptz   not null,
    version         bigint        not null
);

create index listing_newest on listing (status, created_at desc);

-- The transactional outbox: written in the same transaction as the listing, drained by the index relay.
create table search_outbox (
    id              bigserial     primary key,
    listing_id      uuid          not null,
    enqueued_at     timestamptz   not null default now(),
    attempts        integer       not null default 0,
    next_attempt_at timestamptz   not null default now(),
    last_error      varchar(500)
);

create index search_outbox_due on search_outbox (next_attempt_at, id);
