// The skills page: each skill's status from the account's integrations and knowledge base, its volume and performance, and skill requests.
import { accountProviders, slotsOf } from "../accounts/integrations.ts";
import { db } from "../db/client.ts";
import { skillRequests } from "../db/schema/index.ts";
import { isMet, skillStatus, type SkillStatus, type StatusInputs } from "./skillStatus.ts";
import { contentKinds } from "../knowledge/service.ts";
import { iso } from "../lib/clock.ts";
import { AppError } from "../lib/errors.ts";
import { newId } from "../lib/ids.ts";
import { comingSoonSkills, skillFor, skills } from "./skills/index.ts";
import { agentTools } from "./tools/index.ts";
import { skillPerformance, skillVolumes, type SkillPerformance } from "./turnLog.ts";
import type { Skill } from "./types.ts";

export interface SkillSummary {
  id: string;
  name: string;
  status: SkillStatus;
  reason?: string;
  volume: number;
}

export interface SkillDetail extends SkillSummary {
  overview: string;
  whenToUse: string;
  howToRespond: string;
  tools: { name: string; description: string }[];
  needsLogin: boolean | "partly";
  prerequisites: { type: "integration" | "content"; description: string; met: boolean }[];
  performance: SkillPerformance;
}

export async function statusInputs(env: Env, accountId: string): Promise<StatusInputs> {
  const [providers, kinds] = await Promise.all([accountProviders(env, accountId), contentKinds(env, accountId)]);
  return { slots: slotsOf(providers), contentKinds: kinds };
}

function summary(skill: Skill, have: StatusInputs, volume: number): SkillSummary {
  const s = skillStatus(skill, have);
  return { id: skill.id, name: skill.name, status: s.status, ...(s.reason ? { reason: s.reason } : {}), volume };
}

export async function listSkills(env: Env, accountId: string, now = Date.now()): Promise<SkillSummary[]> {
  const [have, volumes] = await Promise.all([statusInputs(env, accountId), skillVolumes(env, accountId, now)]);
  const built = Object.values(skills).map((skill) => summary(skill, have, volumes.get(skill.id) ?? 0));
  const soon = comingSoonSkills.map((s) => ({ id: s.id, name: s.name, ...skillStatus({ comingSoon: true, prerequisites: [] }, have), volume: 0 }));
  return [...built, ...soon];
}

function toolInfo(name: string): { name: string; description: string } {
  const t = Object.hasOwn(agentTools, name) ? agentTools[name as keyof typeof agentTools] : undefined;
  return { name, description: t?.description ?? "" };
}

export async function skillDetail(env: Env, accountId: string, id: string, now = Date.now()): Promise<SkillDetail> {
  const skill = skillFor(id);
  if (!skill) {
    const soon = comingSoonSkills.find((s) => s.id === id);
    if (!soon) throw new AppError("not_found", "skill not found");
    const empty = await skillPerformance(env, accountId, id, now);
    return {
      id: soon.id,
      name: soon.name,
      status: "coming_soon",
      reason: "This skill is being built",
      volume: 0,
      overview: soon.overview,
      whenToUse: "",
      howToRespond: "",
      tools: [],
      needsLogin: false,
      prerequisites: [],
      performance: empty,
    };
  }
  const [have, performance] = await Promise.all([statusInputs(env, accountId), skillPerformance(env, accountId, skill.id, now)]);
  const volume = performance.volumeByDay.reduce((n, d) => n + d.count, 0);
  return {
    ...summary(skill, have, volume),
    overview: skill.overview,
    whenToUse: skill.whenToUse,
    howToRespond: skill.howToRespond,
    tools: skill.tools.map(toolInfo),
    needsLogin: skill.needsLogin,
    prerequisites: skill.prerequisites.map((p) => ({ type: p.type, description: p.missing, met: isMet(p, have) })),
    performance,
  };
}

export async function requestSkill(env: Env, accountId: string, agentId: string, description: string, now = Date.now()) {
  const row = { id: newId("req", now), accountId, agentId, description, createdAt: now };
  await db(env.DB).insert(skillRequests).values(row);
  return { id: row.id, description: row.description, createdAt: iso(row.createdAt) };
}
