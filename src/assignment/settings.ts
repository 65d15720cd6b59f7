// What a settings change means for assignment: rotations re-read round robin and office hours.
import type { SectionName } from "../accounts/settings.ts";
import { forgetAllowedOrigins } from "../chat/origins.ts";
import { refreshRotations } from "./service.ts";

export async function settingsChanged(env: Env, accountId: string, section: SectionName): Promise<void> {
  if (section === "assignment" || section === "officeHours") await refreshRotations(env, accountId, { all: true });
  // This isolate sees the new list at once; others within the cache's 30 seconds.
  if (section === "widget") forgetAllowedOrigins(accountId);
}
