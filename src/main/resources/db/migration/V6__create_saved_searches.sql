-- Searches members saved to hear about new listings that fit. The query string is what the search page runs;
-- the other columns repeat its structured filters so that a new listing is compared in SQL first and only
-- the few saved searches that can fit it are run against the index.
create table saved_search (
    id            uuid primary key,
    account_id    uuid          not null references account (id) on delete cascade,
    query_string  varchar(1000) not null,
    label         varchar(200)  not null,
    has_text      boolean       not null,
    kinds         varchar(16)[] not null,
    topics        varchar(40)[] not null,
    languages     varchar(8)[]  not null,
    districts     varchar(120)[] not null,
    near_lat      double precision,
    near_lon      double precision,
    radius_km     integer,
    created_at    timestamptz   not null
);

create index saved_search_account on saved_search (account_id, created_at desc);

-- A new listing that fits a saved search; shown to its member once.
create table saved_search_hit (
    saved_search_id uuid        not null references saved_search (id) on delete cascade,
    listing_id      uuid        not null references listing (id) on delete cascade,
    created_at      timestamptz not null default now(),
    seen_at         timestamptz,
    primary key (saved_search_id, listing_id)
);
