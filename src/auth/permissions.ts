// Pure permission rules: who removes what the team shares (issue 10 item 6) and who changes whose role.
/** The agents table's roles (src/db/schema/core.ts), spelled out so these rules load without the Worker's types. */
export type Role = "owner" | "admin" | "manager" | "support";

/** Roles that decide over the team's shared macros and views. */
export const CURATOR_ROLES: readonly Role[] = ["owner", "admin", "manager"];

/** `createdBy` null: made before authors were recorded, so only a curator may remove it. */
export function mayRemoveShared(me: { id: string; role: Role }, createdBy: string | null): boolean {
  return createdBy === me.id || CURATOR_ROLES.includes(me.role);
}

/** Why `me` may not give `target` the role `to` (with `owners` owners in the account), or null. */
export function roleChangeRefusal(me: { id: string; role: Role }, target: { id: string; role: Role }, to: Role, owners: number): string | null {
  if (me.role !== "owner" && me.role !== "admin") return "Only owners and admins change roles";
  if ((target.role === "owner" || to === "owner") && me.role !== "owner") return "Only an owner gives or takes the owner role";
  if (target.role === "owner" && to !== "owner" && owners <= 1) return "An account keeps at least one owner: make someone else owner first";
  return null;
}
