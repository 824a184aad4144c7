-- Organisations: welfare associations, counselling services, authorities, initiatives, volunteer working groups
-- (Arbeitskreise), companies, cafés. Their address is public on purpose; people's addresses never are.
create table organisation (
    id              uuid primary key,
    name            varchar(120)  not null,
    type            varchar(32)   not null,
    description     varchar(4000) not null default '',
    languages       varchar(8)[]  not null default '{}',
    public_address  varchar(200),
    postcode        char(5),
    opening_hours   varchar(500),
    contact_email   varchar(254),
    contact_phone   varchar(40),
    website         varchar(200),
    -- A small re-encoded image (metadata stripped), served from the app.
    logo            bytea,
    logo_type       varchar(16),
    verified_at     timestamptz,
    verified_by     uuid references account (id),
    created_at      timestamptz   not null,
    updated_at      timestamptz   not null,
    version         bigint        not null
);

create unique index organisation_name on organisation (lower(name));

create table organisation_member (
    organisation_id uuid         not null references organisation (id) on delete cascade,
    account_id      uuid         not null references account (id) on delete cascade,
    -- MEMBER or ADMIN of this organisation.
    role            varchar(16)  not null,
    joined_at       timestamptz  not null,
    primary key (organisation_id, account_id)
);

create index organisation_member_account on organisation_member (account_id);

-- Invitations by link: only the token's SHA-256 is kept, so the table cannot be used to join.
create table organisation_invitation (
    token_hash      char(64)     primary key,
    organisation_id uuid         not null references organisation (id) on delete cascade,
    role            varchar(16)  not null,
    created_by      uuid         not null references account (id),
    created_at      timestamptz  not null,
    expires_at      timestamptz  not null,
    used_at         timestamptz,
    used_by         uuid references account (id)
);

alter table listing add constraint listing_organisation foreign key (organisation_id) references organisation (id);
