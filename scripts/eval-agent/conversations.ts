// Every scripted conversation of `npm run eval:agent`.
import { demoConversations } from "./conversations-demo.ts";
import { otherConversations } from "./conversations-other.ts";

export const conversations = [...demoConversations, ...otherConversations];
