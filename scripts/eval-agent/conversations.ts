// Every scripted conversation of `npm run eval:agent`.
import { demoConversations } from "./conversations-demo.ts";
import { freshConversations } from "./conversations-fresh.ts";
import { otherConversations } from "./conversations-other.ts";

export const conversations = [...demoConversations, ...otherConversations];

/** Written after the skills were frozen and never used to change them: reported apart, not part of the targets. */
export { freshConversations };
