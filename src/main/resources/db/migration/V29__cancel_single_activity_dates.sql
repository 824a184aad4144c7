-- One date of a series that does not take place (a holiday, a sick organiser): the page shows it as cancelled, the
-- calendar feed leaves it out (EXDATE), and nobody can sign up for it any more.
create table activity_cancelled_date (
    activity_id     uuid          not null references activity (id) on delete cascade,
    occurrence      date          not null,
    cancelled_by    uuid          references account (id) on delete set null,
    cancelled_at    timestamptz   not null,
    primary key (activity_id, occurrence)
);
