-- Requests can accept help in any language, or ask for an interpreter (see listings.LanguageNeed).
alter table listing add column language_need varchar(16) not null default 'SHARED';
