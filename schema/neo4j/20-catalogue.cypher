// Catalogue: producers, datasets, data services, indicators, SNDS tables and variables, themes, geographic levels.
// Every node is keyed on a prefixed business id (`producer:cnam`, `dataset:pmsi`, `indicator:drees-42`…).
CREATE CONSTRAINT producer_id IF NOT EXISTS FOR (n:Producer) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT dataset_id IF NOT EXISTS FOR (n:Dataset) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT data_service_id IF NOT EXISTS FOR (n:DataService) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT distribution_id IF NOT EXISTS FOR (n:Distribution) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT indicator_id IF NOT EXISTS FOR (n:Indicator) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT table_id IF NOT EXISTS FOR (n:Table) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT variable_id IF NOT EXISTS FOR (n:Variable) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT theme_id IF NOT EXISTS FOR (n:Theme) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT geo_level_id IF NOT EXISTS FOR (n:GeoLevel) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT producer_code IF NOT EXISTS FOR (n:Producer) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT dataset_code IF NOT EXISTS FOR (n:Dataset) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT data_service_code IF NOT EXISTS FOR (n:DataService) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT indicator_code IF NOT EXISTS FOR (n:Indicator) REQUIRE n.code IS UNIQUE;

CREATE INDEX indicator_access_level IF NOT EXISTS FOR (n:Indicator) ON (n.accessLevel);
CREATE INDEX indicator_update_frequency IF NOT EXISTS FOR (n:Indicator) ON (n.updateFrequency);
CREATE INDEX indicator_name IF NOT EXISTS FOR (n:Indicator) ON (n.name);
// An indicator's series (its family, else its base's data service): the DCAT export finds each series' first member.
CREATE INDEX indicator_family_code IF NOT EXISTS FOR (n:Indicator) ON (n.familyCode);
CREATE INDEX indicator_data_service_code IF NOT EXISTS FOR (n:Indicator) ON (n.dataServiceCode);
CREATE INDEX dataset_title IF NOT EXISTS FOR (n:Dataset) ON (n.title);
CREATE INDEX producer_name IF NOT EXISTS FOR (n:Producer) ON (n.name);

// French full-text search over everything a user looks for: the 'french' analyzer folds accents and case,
// strips elisions and stems ("hospitalisations" finds "hospitalisation"). One index, so scores compare.
CREATE FULLTEXT INDEX catalogue_search IF NOT EXISTS
FOR (n:Indicator|Dataset|DataService|Producer|Variable)
ON EACH [n.name, n.title, n.description, n.family, n.acronym, n.searchText, n.keywordsText]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'french', `fulltext.eventually_consistent`: false}};
