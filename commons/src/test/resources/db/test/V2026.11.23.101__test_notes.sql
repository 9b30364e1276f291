-- Notes the fixture resources write, so tests can count what a refused request did not write.
create table test_note (
    id     uuid primary key,
    text   varchar(100) not null,
    colour varchar(10)  not null
);
