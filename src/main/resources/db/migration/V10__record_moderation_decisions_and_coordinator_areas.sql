-- The latest coordinator's decision about a listing, so that its author learns why (one row per listing).
create table moderation_decision (
    listing_id   uuid           primary key references listing (id) on delete cascade,
    decision     varchar(40)    not null,
    reason_code  varchar(40),
    note         varchar(1000),
    decided_at   timestamptz    not null,
    decided_by   uuid
);

-- The districts and municipalities a coordinator reviews; a coordinator without any reviews everywhere.
create table coordinator_area (
    account_id  uuid           not null references account (id) on delete cascade,
    area        varchar(120)   not null,
    primary key (account_id, area)
);
