-- 'A new listing matches yours': shown to the owner of listing_id on their 'my listings' page.
create table match_notice (
    id                 bigserial   primary key,
    listing_id         uuid        not null references listing (id) on delete cascade,
    matched_listing_id uuid        not null references listing (id) on delete cascade,
    created_at         timestamptz not null default now(),
    seen_at            timestamptz,
    unique (listing_id, matched_listing_id)
);

create index match_notice_unseen on match_notice (listing_id) where seen_at is null;
