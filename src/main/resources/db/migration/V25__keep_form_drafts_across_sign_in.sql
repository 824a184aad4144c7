-- What a person typed into a form when their session had expired: kept while they sign in again, then put
-- back into the form and deleted. Keyed by the hash of a random token that only their browser holds (a cookie).
create table form_draft (
    token_hash  text primary key,
    form_path   text not null,
    fields      text not null,
    created_at  timestamptz not null default now()
);

create index form_draft_created_at on form_draft (created_at);
