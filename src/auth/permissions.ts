// Who may remove what the team shares: the author always; someone else's only a manager or above (issue 10 item 6).
import type { Role } from "./context.ts";

/** Roles that decide over the team's shared macros and views. */
export const CURATOR_ROLES: readonly Role[] = ["owner", "admin", "manager"];

/** `createdBy` null: made before authors were recorded, so only a curator may remove it. */
export function mayRemoveShared(me: { id: string; role: Role }, createdBy: string | null): boolean {
  return createdBy === me.id || CURATOR_ROLES.includes(me.role);
}
