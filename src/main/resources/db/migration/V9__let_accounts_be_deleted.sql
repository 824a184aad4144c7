-- A member may delete their account (DSGVO Art. 17). What they made for an organisation stays with the
-- organisation without their name on it; everything else of theirs goes with the account (see accounts.AccountDeletion).
alter table listing drop constraint listing_owner_account_id_fkey;
alter table listing add constraint listing_owner_account_id_fkey
    foreign key (owner_account_id) references account (id) on delete set null;

alter table organisation drop constraint organisation_verified_by_fkey;
alter table organisation add constraint organisation_verified_by_fkey
    foreign key (verified_by) references account (id) on delete set null;

alter table organisation_invitation alter column created_by drop not null;
alter table organisation_invitation drop constraint organisation_invitation_created_by_fkey;
alter table organisation_invitation add constraint organisation_invitation_created_by_fkey
    foreign key (created_by) references account (id) on delete set null;
alter table organisation_invitation drop constraint organisation_invitation_used_by_fkey;
alter table organisation_invitation add constraint organisation_invitation_used_by_fkey
    foreign key (used_by) references account (id) on delete set null;

alter table activity alter column created_by drop not null;
alter table activity drop constraint activity_created_by_fkey;
alter table activity add constraint activity_created_by_fkey
    foreign key (created_by) references account (id) on delete set null;

-- The retention sweep looks for ended listings by when they ended.
create index listing_ended on listing (updated_at) where status in ('EXPIRED', 'WITHDRAWN');
