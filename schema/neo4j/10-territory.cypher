// Territories: one node per official code, under a shared :Territory label keyed on a level-qualified id
// ("region:84" is not "department:84"), plus a uniqueness constraint on the INSEE code per level.
CREATE CONSTRAINT territory_id IF NOT EXISTS FOR (t:Territory) REQUIRE t.id IS UNIQUE;
CREATE CONSTRAINT region_code IF NOT EXISTS FOR (t:Region) REQUIRE t.code IS UNIQUE;
CREATE CONSTRAINT department_code IF NOT EXISTS FOR (t:Department) REQUIRE t.code IS UNIQUE;
CREATE CONSTRAINT overseas_collectivity_code IF NOT EXISTS FOR (t:OverseasCollectivity) REQUIRE t.code IS UNIQUE;
CREATE CONSTRAINT epci_code IF NOT EXISTS FOR (t:Epci) REQUIRE t.code IS UNIQUE;
CREATE CONSTRAINT commune_code IF NOT EXISTS FOR (t:Commune) REQUIRE t.code IS UNIQUE;
CREATE CONSTRAINT municipal_arrondissement_code IF NOT EXISTS FOR (t:MunicipalArrondissement) REQUIRE t.code IS UNIQUE;
CREATE CONSTRAINT delegated_commune_code IF NOT EXISTS FOR (t:DelegatedCommune) REQUIRE t.code IS UNIQUE;
CREATE CONSTRAINT associated_commune_code IF NOT EXISTS FOR (t:AssociatedCommune) REQUIRE t.code IS UNIQUE;
CREATE CONSTRAINT postal_code_code IF NOT EXISTS FOR (p:PostalCode) REQUIRE p.code IS UNIQUE;

CREATE INDEX territory_level IF NOT EXISTS FOR (t:Territory) ON (t.level);
CREATE INDEX territory_code IF NOT EXISTS FOR (t:Territory) ON (t.code);
// Accent- and case-folded names: CONTAINS on a text index.
CREATE TEXT INDEX territory_search_name IF NOT EXISTS FOR (t:Territory) ON (t.searchName);
CREATE POINT INDEX territory_centroid IF NOT EXISTS FOR (t:Territory) ON (t.centroid);
// Version of the territory data, renewed by every territory import (read by the in-memory territory directory).
CREATE CONSTRAINT data_version_id IF NOT EXISTS FOR (v:DataVersion) REQUIRE v.id IS UNIQUE;
