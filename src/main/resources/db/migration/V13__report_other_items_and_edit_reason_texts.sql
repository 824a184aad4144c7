-- Reports of items other than listings (organisations, activities, conversations, ...): the type names the module
-- that owns the item (moderation.ReportableItems). Reporters as in listing_report: 'account:<id>' or, for a
-- visitor, 'address:<salted hash>'. Listings keep their own table (listing_report), which their queue and status
-- lifecycle use.
create table item_report (
    id           uuid           primary key,
    item_type    varchar(40)    not null,
    item_id      uuid           not null,
    reporter     varchar(80)    not null,
    reason       varchar(40)    not null,
    text         varchar(1000),
    created_at   timestamptz    not null,
    -- Set when a coordinator decided about the item; later reports count afresh.
    resolved_at  timestamptz
);

-- One open report per reporter and item: reporting again counts once.
create unique index item_report_open_once on item_report (item_type, item_id, reporter) where resolved_at is null;
create index item_report_item on item_report (item_type, item_id);
-- A member's reports in their data export.
create index item_report_reporter on item_report (reporter);
create index listing_report_reporter on listing_report (reporter);

-- Items that reports took down and that wait for a coordinator's decision; one row while they wait.
create table item_hold (
    item_type    varchar(40)    not null,
    item_id      uuid           not null,
    held_at      timestamptz    not null,
    primary key (item_type, item_id)
);

-- Organisations and activities taken down after reports, or closed by a coordinator: gone for the public.
alter table organisation add column hidden_at timestamptz;
alter table activity add column hidden_at timestamptz;

-- The texts of the coordinators' decision reasons (pinnwand.moderation.decision-reasons), one per reason and
-- interface language, editable by coordinators; seeded from the message bundles while empty.
create table decision_reason_text (
    reason_code  varchar(40)    not null,
    language     varchar(8)     not null,
    text         varchar(200)   not null,
    updated_at   timestamptz    not null,
    updated_by   uuid,
    primary key (reason_code, language)
);
