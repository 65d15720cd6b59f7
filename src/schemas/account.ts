// Accounts, agents and sessions as the API shows them.
import { z } from "@hono/zod-openapi";

export const roleSchema = z.enum(["owner", "admin", "manager", "support"]);
export const emailSchema = z.string().trim().toLowerCase().max(254).pipe(z.email("must be an email address"));
export const passwordSchema = z.string().min(8, "must be at least 8 characters").max(256);

export const agentSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    role: roleSchema,
    status: z.enum(["online", "offline"]),
    capacity: z.number().int().nullable(),
    /** false once an admin deactivated the agent (no sign-in, no assignment). */
    active: z.boolean(),
  })
  .openapi("Agent");

export const invitationInput = z
  .object({ email: emailSchema, role: roleSchema, name: z.string().trim().min(1).max(100).optional() })
  .strict()
  .openapi("InvitationInput");
export const invitationSchema = z
  .object({ id: z.string(), email: z.string(), name: z.string().nullable(), role: roleSchema, createdAt: z.string(), expiresAt: z.string() })
  .openapi("Invitation");
export const invitationCreated = invitationSchema
  .extend({ url: z.string(), token: z.string(), emailed: z.boolean().openapi({ description: "Sent to the invitee through the account's email integration (Postmark); false: copy the link to them" }) })
  .openapi("InvitationCreated");
export const invitationAccept = z.object({ name: z.string().trim().min(1).max(100), password: passwordSchema }).strict().openapi("InvitationAccept");
export const accessInput = z
  .object({ role: roleSchema.optional(), active: z.boolean().optional() })
  .strict()
  .refine((p) => p.role !== undefined || p.active !== undefined, { message: "give role or active" })
  .openapi("AgentAccessInput");

export const accountSchema = z
  .object({ id: z.string(), name: z.string(), createdAt: z.string(), settings: z.record(z.string(), z.unknown()) })
  .openapi("Account");

export const signupInput = z
  .object({ accountName: z.string().trim().min(1).max(100), name: z.string().trim().min(1).max(100), email: emailSchema, password: passwordSchema })
  .openapi("SignupInput");
export const loginInput = z.object({ email: emailSchema, password: z.string().min(1).max(256) }).openapi("LoginInput");
export const createAgentInput = z
  .object({
    name: z.string().trim().min(1).max(100),
    email: emailSchema,
    password: passwordSchema,
    role: roleSchema,
    capacity: z.number().int().min(1).max(1000).nullable().optional(),
  })
  .openapi("CreateAgentInput");
export const statusInput = z.object({ status: z.enum(["online", "offline"]) }).openapi("AgentStatusInput");
