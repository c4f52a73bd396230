// The edition of each source the graph holds (bundled on first start, or imported), one node per source.
CREATE CONSTRAINT source_edition_source IF NOT EXISTS FOR (e:SourceEdition) REQUIRE e.source IS UNIQUE;
