-- Where exactly people meet, as the organisers want it published ("Gemeindehaus, Kirchstraße 3"): a public meeting
-- place, never a private address; optional, the postcode's place stays the activity's place for search and maps.
alter table activity add column venue varchar(160);
