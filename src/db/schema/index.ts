// All D1 tables, one file per area.
export * from "./core.ts";
export * from "./helpdesk.ts";
export * from "./agent.ts";
export * from "./assignment.ts";
export * from "./platform.ts";
export * from "./files.ts";
