// Practitioners (RPPS / ADELI "annuaire santé"): business keys only, never internal ids.
CREATE CONSTRAINT practitioner_id IF NOT EXISTS FOR (p:Practitioner) REQUIRE p.id IS UNIQUE;
CREATE CONSTRAINT activity_id IF NOT EXISTS FOR (a:Activity) REQUIRE a.id IS UNIQUE;
CREATE CONSTRAINT site_id IF NOT EXISTS FOR (s:Site) REQUIRE s.id IS UNIQUE;
CREATE CONSTRAINT profession_code IF NOT EXISTS FOR (p:Profession) REQUIRE p.code IS UNIQUE;
CREATE CONSTRAINT specialty_code IF NOT EXISTS FOR (s:Specialty) REQUIRE s.code IS UNIQUE;
CREATE CONSTRAINT diploma_code IF NOT EXISTS FOR (d:Diploma) REQUIRE d.code IS UNIQUE;
CREATE CONSTRAINT authorisation_id IF NOT EXISTS FOR (a:Authorisation) REQUIRE a.id IS UNIQUE;
CREATE CONSTRAINT import_run_id IF NOT EXISTS FOR (r:ImportRun) REQUIRE r.id IS UNIQUE;

CREATE INDEX practitioner_active IF NOT EXISTS FOR (p:Practitioner) ON (p.active);
CREATE INDEX site_department IF NOT EXISTS FOR (s:Site) ON (s.departmentCode);
// Practitioners of a profession in a département or region: the activities themselves, by index.
CREATE INDEX activity_profession_department IF NOT EXISTS FOR (a:Activity) ON (a.professionCode, a.departmentCode);
CREATE INDEX import_run_started IF NOT EXISTS FOR (r:ImportRun) ON (r.startedAt);
CREATE TEXT INDEX practitioner_search_name IF NOT EXISTS FOR (p:Practitioner) ON (p.searchName);
CREATE POINT INDEX site_location IF NOT EXISTS FOR (s:Site) ON (s.location);
// Practitioners without any site, per département (or none): the unplaced lists and counts.
CREATE INDEX activity_unplaced_department IF NOT EXISTS FOR (a:Activity) ON (a.unplacedReason, a.departmentCode);
// The modes-of-practice filter list counts practitioners per mode from its activities.
CREATE INDEX activity_mode IF NOT EXISTS FOR (a:Activity) ON (a.modeCode);
