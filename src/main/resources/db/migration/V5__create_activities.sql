-- Activities of organisations and volunteer groups: a Begegnungscafé every Thursday, a conversation group, a bike
-- repair afternoon. The place is a public meeting place the organisation chooses, as a postcode centroid.
create table activity (
    id              uuid primary key,
    organisation_id uuid          not null references organisation (id),
    title           varchar(120)  not null,
    description     varchar(4000) not null default '',
    languages       varchar(8)[]  not null default '{}',
    postcode        char(5)       not null,
    place_name      varchar(80)   not null,
    district        varchar(80)   not null,
    latitude        double precision not null,
    longitude       double precision not null,
    -- The first (or only) occurrence; weekly ones repeat on the same weekday at the same local time.
    starts_at       timestamptz   not null,
    ends_at         timestamptz   not null,
    -- NONE or WEEKLY.
    recurrence      varchar(16)   not null,
    -- The last day a weekly activity may take place (Europe/Berlin); null for a single one.
    repeat_until    date,
    -- Places per occurrence; null for no limit.
    capacity        integer,
    -- PUBLISHED or CANCELLED.
    status          varchar(16)   not null,
    created_by      uuid          not null references account (id),
    created_at      timestamptz   not null,
    updated_at      timestamptz   not null,
    version         bigint        not null,
    constraint activity_ends_after_start check (ends_at > starts_at),
    constraint activity_capacity check (capacity is null or capacity > 0),
    constraint activity_weekly_until check ((recurrence = 'WEEKLY') = (repeat_until is not null))
);

create index activity_organisation on activity (organisation_id);
create index activity_upcoming on activity (status, coalesce(repeat_until, (starts_at at time zone 'Europe/Berlin')::date));

-- Sign-ups are per occurrence: a weekly café has different guests each Thursday, and a place freed on one
-- Thursday must go to whoever waits for that Thursday.
create table activity_signup (
    -- Also the order of the waiting list: whoever signed up first moves up first.
    id              bigint generated always as identity primary key,
    activity_id     uuid          not null references activity (id) on delete cascade,
    occurrence      date          not null,
    account_id      uuid          not null references account (id) on delete cascade,
    -- CONFIRMED or WAITING.
    status          varchar(16)   not null,
    -- Which of their contacts the person chose to show the organisers: NONE, EMAIL or PHONE.
    shared_contact  varchar(16)   not null,
    created_at      timestamptz   not null,
    -- When the person was put on the waiting list, or moved up from it; kept for the organisers' view.
    status_since    timestamptz   not null,
    constraint activity_signup_once unique (activity_id, occurrence, account_id)
);

create index activity_signup_account on activity_signup (account_id);
