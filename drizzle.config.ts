// drizzle-kit writes flat SQL migrations into migrations/, which wrangler and readD1Migrations read.
import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "sqlite",
  schema: "./src/db/schema/index.ts",
  out: "./migrations",
});
