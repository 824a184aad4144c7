-- One rebuild of the search index at a time across all instances. The row names the index being filled, so that
-- every instance's index relay writes to it as well until the alias swaps; a row whose heartbeat stopped (its
-- instance died) may be taken over by the next rebuild.
create table search_rebuild (
    singleton    boolean primary key default true check (singleton),
    index_name   text not null,
    started_at   timestamptz not null,
    heartbeat_at timestamptz not null,
    documents    bigint not null default 0
);
