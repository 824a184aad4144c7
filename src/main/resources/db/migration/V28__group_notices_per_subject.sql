-- A notice stands for everything of one kind about one subject: a new listing that matches several of the member's
-- listings is one notice naming the first of them and counting them all; further messages in a conversation that
-- the member has not read yet count up the notice that is there instead of adding one line per message.
alter table notification add column about_title varchar(200);
alter table notification add column event_count integer not null default 1;
