-- Reports of listings by readers. A reporter is a member's account ('account:<id>') or, for a visitor, a salted
-- hash of their address ('address:<hash>'): the address itself is never stored.
create table listing_report (
    id           uuid           primary key,
    listing_id   uuid           not null references listing (id) on delete cascade,
    reporter     varchar(80)    not null,
    reason       varchar(40)    not null,
    text         varchar(1000),
    created_at   timestamptz    not null,
    -- Set when a coordinator decided about the listing; later reports count afresh.
    resolved_at  timestamptz
);

-- One open report per reporter and listing: reporting again counts once.
create unique index listing_report_open_once on listing_report (listing_id, reporter) where resolved_at is null;

-- Members a coordinator stopped from posting until a time (a 'block' decision); one row per member.
create table posting_block (
    account_id  uuid           primary key references account (id) on delete cascade,
    until       timestamptz    not null,
    blocked_by  uuid           not null,
    reason      varchar(1000)
);
