// What a scripted conversation of the agent evaluation says and what must be true of the agent's answers.
import type { Lang } from "../../src/agent/i18n/index.ts";
import type { SkillId } from "../../src/agent/router/index.ts";
import type { AgentChannel } from "../../src/agent/types.ts";
import type { ShopId } from "./shops.ts";

export type Fact = string | RegExp;

export interface Expect {
  /** The skill the router must pick (any of these). */
  skill?: SkillId | readonly SkillId[];
  /** Facts that must appear in the turn's replies (strings: case-insensitive). */
  has?: readonly Fact[];
  /** Facts that must not appear. */
  not?: readonly Fact[];
  /** A person offered (or handed to) in this turn, or not. */
  human?: boolean;
  resolved?: boolean;
  /** Card types that must be shown. */
  cards?: readonly string[];
}

export interface Turn {
  say: string;
  expect?: Expect;
}

/** A demo customer logged in on web chat, "guest", or "<name>-sender": not logged in, writing from their own address (email, SMS). */
export type Shopper = "guest" | "sam" | "alex" | "emma" | "olivia" | "noah" | "priya" | "sam-sender" | "emma-sender";

export interface Conversation {
  id: string;
  shop: ShopId;
  /** The skill the conversation is mostly about, for the per-skill table ("handoff", "other" for the rest). */
  skill: SkillId;
  shopper?: Shopper;
  channel?: AgentChannel;
  /** The shopper's language; conversations not in English need the language detector (src/agent/language.ts). */
  language?: Lang;
  /** The agent can resolve it: it counts toward the resolution rate (its last turn must end resolved). */
  resolvable?: boolean;
  /** A person must be offered (on the last turn unless a turn says otherwise). */
  mustEscalate?: boolean;
  /** Not about the shop: declined without a human. */
  outOfScope?: boolean;
  tags?: readonly string[];
  turns: readonly Turn[];
}
