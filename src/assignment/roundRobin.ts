// Round-robin choice: which member of a team's rotation gets the next auto-assigned ticket.
//
// Rules decided here (the spec says only "online agents, in rotating order, evenly"):
// - The rotation walks `members` in order, starting right after `pointer` (the last member who was
//   auto-assigned) and wrapping around; with no pointer it starts at the first member.
// - A member is skipped when offline or at capacity (open tickets ≥ capacity; no capacity, or
//   `null`, means unlimited). A skipped member is not owed a turn: the pointer moves to whoever
//   got the ticket, so everyone online keeps an even share.
// - The pointer member left the team: resume with whoever would have come next. That needs the
//   rotation as it was when the pointer was set (`previousMembers`): the first member after the
//   pointer there who is still on the team is where the walk starts (inclusive). Without
//   `previousMembers` the walk starts at the first member of the rotation.
// - Self-assignment never touches the pointer (docs/product.md §3); only auto-assignment calls this.

export type RotationInput = {
  /** The team's rotation, in order. */
  members: readonly string[];
  online: ReadonlySet<string>;
  /** The member who was last auto-assigned, or null before the first pick. */
  pointer: string | null;
  /** The rotation order as it was when `pointer` was set; only consulted if the pointer left the team. */
  previousMembers?: readonly string[];
  /** Open tickets per member (missing = 0). */
  openCounts?: ReadonlyMap<string, number>;
  /** Most open tickets a member may hold (missing or null = unlimited). */
  capacity?: ReadonlyMap<string, number | null>;
};

export type RotationChoice = { assigneeId: string; pointer: string };

/** The next online member with room after the pointer, or null when nobody can take the ticket. */
export function chooseAssignee(input: RotationInput): RotationChoice | null {
  const { members, online, openCounts, capacity } = input;
  if (members.length === 0) return null;
  const first = startIndex(input);
  for (let step = 0; step < members.length; step++) {
    const member = members[(first + step) % members.length];
    if (member === undefined || !online.has(member)) continue;
    const limit = capacity?.get(member);
    if (limit !== undefined && limit !== null && (openCounts?.get(member) ?? 0) >= limit) continue;
    return { assigneeId: member, pointer: member };
  }
  return null;
}

/** Index in `members` where the walk starts (inclusive). */
function startIndex({ members, pointer, previousMembers }: RotationInput): number {
  if (pointer === null) return 0;
  const at = members.indexOf(pointer);
  if (at >= 0) return (at + 1) % members.length;
  const before = previousMembers?.indexOf(pointer) ?? -1;
  if (previousMembers === undefined || before < 0) return 0;
  for (let step = 1; step < previousMembers.length; step++) {
    const successor = previousMembers[(before + step) % previousMembers.length];
    const index = successor === undefined ? -1 : members.indexOf(successor);
    if (index >= 0) return index;
  }
  return 0;
}
