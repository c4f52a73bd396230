// The santegraph territory graph served by the Neo4j GraphQL Library, for bench/load/run.sh --compare.
// Usage: NEO4J_URI=bolt://127.0.0.1:17687 PORT=14000 node server.js  (the tests never start it)
import { readFileSync } from "node:fs";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { Neo4jGraphQL } from "@neo4j/graphql";
import neo4j from "neo4j-driver";

const uri = process.env.NEO4J_URI ?? "bolt://127.0.0.1:7687";
const port = Number(process.env.PORT ?? 4000);
const typeDefs = readFileSync(new URL("./typeDefs.graphql", import.meta.url), "utf8");

// santegraph's embedded Neo4j asks for a password: the benchmark fixes one (santegraph.embedded.bolt-password).
const driver = neo4j.driver(uri, neo4j.auth.basic("neo4j", process.env.NEO4J_PASSWORD || ""), { maxConnectionPoolSize: 100 });
const neoSchema = new Neo4jGraphQL({ typeDefs, driver });
const schema = await neoSchema.getSchema();
if (process.argv.includes("--print-schema")) {
  const { printSchema } = await import("graphql");
  console.log(printSchema(schema));
  process.exit(0);
}
const server = new ApolloServer({ schema });
const { url } = await startStandaloneServer(server, { listen: { port, host: "127.0.0.1" } });
console.log(`neo4j-graphql ready at ${url} (Neo4j ${uri})`);

const stop = async () => {
  await server.stop();
  await driver.close();
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
