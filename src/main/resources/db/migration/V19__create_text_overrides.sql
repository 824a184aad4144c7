-- Interface texts corrected in the app, per language, without a release: they win over the message bundles.
create table text_override (
    language     varchar(8)     not null,
    key          varchar(200)   not null,
    text         varchar(4000)  not null,
    changed_at   timestamptz    not null,
    changed_by   uuid           references account (id) on delete set null,
    primary key (language, key)
);

-- The last time a native speaker checked a language's texts ("checked by a native speaker on ...").
create table text_review (
    language     varchar(8)     primary key,
    reviewed_on  date           not null,
    reviewer     varchar(120),
    recorded_at  timestamptz    not null
);

-- Goes up with every change of text_override, in the same transaction: every instance polls this one row and
-- reloads its copy of the overrides when it moved.
create table text_override_version (
    id           smallint       primary key check (id = 1),
    version      bigint         not null
);
insert into text_override_version (id, version) values (1, 0);
