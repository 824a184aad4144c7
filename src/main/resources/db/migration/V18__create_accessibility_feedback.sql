-- Feedback on the accessibility statement (BITV 2.0 § 7): what a reader could not use, for the coordination office.
-- Anonymous is allowed; the e-mail address is optional and only there so the office can answer.
create table accessibility_feedback (
    id           uuid           primary key,
    received_at  timestamptz    not null,
    -- The interface language the reader wrote in, so the office knows which language to answer in.
    language     varchar(8)     not null,
    -- Where the problem is (a page address or a few words), as the reader gave it.
    location     varchar(300),
    message      varchar(2000)  not null,
    email        varchar(254)
);

create index accessibility_feedback_newest on accessibility_feedback (received_at desc);
