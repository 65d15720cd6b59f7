// The English catalog: one file per screen, merged here into one typed object (a key typo in t() is a type error).
import { workspace } from "./workspace.ts";
import { auth } from "./auth.ts";
import { ticket } from "./ticket.ts";
import { profile } from "./profile.ts";
import { reports } from "./reports.ts";
import { settings } from "./settings.ts";
import { admin } from "./admin.ts";
import { skills } from "./skills.ts";

export const en = {
  ...workspace,
  ...auth,
  ...ticket,
  ...profile,
  ...reports,
  ...settings,
  ...admin,
  ...skills,
} as const;

export type MessageKey = keyof typeof en;
