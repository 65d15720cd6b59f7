// The report's shape (GET /api/reports, docs/api.md "Tickets (helpdesk)"): the route validates with it, OpenAPI shows it, the dashboard types it.
import { z } from "@hono/zod-openapi";
import { isoTime } from "./common.ts";

const percentiles = z.object({ p50: z.number().nullable(), p90: z.number().nullable() });
const scored = { responses: z.number().int(), average: z.number().nullable() };
const slaShare = { measured: z.number().int(), met: z.number().int(), shareMet: z.number().nullable() };

const csatReport = z
  .object({
    average: z.number().nullable(),
    responses: z.number().int(),
    asked: z.number().int().openapi({ description: "Surveys sent in the range" }),
    responseRate: z.number().nullable(),
    byAgent: z.array(z.object({ agentId: z.string(), name: z.string(), ...scored })),
    byChannel: z.array(z.object({ channel: z.string(), ...scored })),
    byTag: z.array(z.object({ tag: z.string(), ...scored })),
    trend: z.array(z.object({ day: z.string(), ...scored })),
  })
  .openapi({ description: "Satisfaction surveys sent in the range and their answers" });

const slaReport = z
  .object({
    ...slaShare,
    breachedNow: z.number().int().openapi({ description: "Open tickets whose running target is past due now" }),
    byPolicy: z.array(z.object({ policyId: z.string(), name: z.string(), ...slaShare })),
    byAgent: z.array(z.object({ agentId: z.string(), name: z.string(), ...slaShare })),
    byTeam: z.array(z.object({ teamId: z.string(), name: z.string(), ...slaShare })),
  })
  .openapi({ description: "SLA targets finished by tickets created in the range, and how many in time" });

export const reportSchema = z
  .object({
    from: isoTime,
    to: isoTime,
    tickets: z.number().int().openapi({ description: "Helpdesk tickets created in the range (spam and conversations the AI agent kept excluded)" }),
    closed: z.number().int(),
    open: z.number().int(),
    byChannel: z.array(z.object({ channel: z.string(), tickets: z.number().int() })),
    byDay: z.array(z.object({ day: z.string(), created: z.number().int(), closed: z.number().int() })),
    firstResponseSeconds: percentiles,
    resolutionSeconds: percentiles,
    byAgent: z.array(
      z.object({ agentId: z.string(), name: z.string(), tickets: z.number().int(), closed: z.number().int(), firstResponseSeconds: z.number().nullable(), resolutionSeconds: z.number().nullable() }),
    ),
    byTag: z.array(z.object({ tag: z.string(), tickets: z.number().int(), closed: z.number().int(), resolutionSeconds: z.number().nullable() })),
    agent: z.object({
      conversations: z.number().int(),
      resolved: z.number().int(),
      routedToTeam: z.number().int(),
      resolutionRate: z.number(),
      bySkill: z.array(z.object({ skill: z.string(), conversations: z.number().int(), resolved: z.number().int(), routedToTeam: z.number().int(), resolutionRate: z.number() })),
      volumeByDay: z.array(z.object({ day: z.string(), conversations: z.number().int() })),
      recentQuestions: z.array(z.object({ skill: z.string(), question: z.string(), at: isoTime, outcome: z.string(), ticketId: z.string() })),
    }),
    csat: csatReport,
    sla: slaReport,
  })
  .openapi("Report");

export type ReportView = z.output<typeof reportSchema>;
