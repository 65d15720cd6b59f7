// Teams, customer profiles (segments) and agent capacity as the API shows them (docs/api.md "Teams, routing, settings").
import { z } from "@hono/zod-openapi";
import { isoTime } from "./common.ts";
import { tagSchema } from "./ticket.ts";

const idSchema = z.string().min(1).max(64);
export const segmentSchema = z.string().trim().min(1).max(100);

const noDuplicates = (ids: readonly string[]) => new Set(ids).size === ids.length;
const agentIdsSchema = z.array(idSchema).min(1, "a team needs at least one agent").max(200).refine(noDuplicates, "an agent is listed twice");

export const teamInput = z
  .object({
    name: z.string().trim().min(1).max(100),
    description: z.string().trim().max(500).nullable().optional(),
    /** In rotation order. */
    agentIds: agentIdsSchema,
    tags: z.array(tagSchema).max(50).optional(),
    segments: z.array(segmentSchema).max(50).optional(),
    priority: z.number().int().min(0).max(100_000).optional().openapi({ description: "Routing order: lower is tried first; default: after every existing team" }),
  })
  .strict()
  .openapi("TeamInput");

export const teamPatch = teamInput
  .partial()
  .strict()
  .refine((p) => Object.keys(p).length > 0, { message: "give at least one field to change" })
  .openapi("TeamPatch");

export const teamSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    priority: z.number().int(),
    agentIds: z.array(z.string()),
    tags: z.array(z.string()),
    segments: z.array(z.string()),
    createdAt: isoTime,
    updatedAt: isoTime,
  })
  .openapi("Team");

export const teamOrderInput = z
  .object({ ids: z.array(idSchema).max(500).openapi({ description: "Every team of the account, first to be tried first" }) })
  .strict()
  .openapi("TeamOrder");

export const profileSchema = z
  .object({
    id: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    name: z.string().nullable(),
    externalId: z.string().nullable(),
    segments: z.array(z.string()),
    smsConsent: z.enum(["unknown", "opted_in", "opted_out"]),
    createdAt: isoTime,
    updatedAt: isoTime,
  })
  .openapi("Profile");

export const profilePatch = z
  .object({
    segments: z.array(segmentSchema).max(100).optional(),
    name: z.string().trim().min(1).max(100).nullable().optional(),
  })
  .strict()
  .refine((p) => Object.keys(p).length > 0, { message: "give segments or name" })
  .openapi("ProfileUpdate");

export const agentPatch = z
  .object({
    capacity: z.number().int().min(1).max(1000).nullable().optional().openapi({ description: "Most open tickets auto-assignment gives this agent; null = no limit" }),
    role: z.enum(["owner", "admin", "manager", "support"]).optional().openapi({ description: "Only an owner gives or takes the owner role; an account keeps at least one owner" }),
  })
  .refine((p) => p.capacity !== undefined || p.role !== undefined, "send capacity, role or both")
  .strict()
  .openapi("AgentUpdate");
