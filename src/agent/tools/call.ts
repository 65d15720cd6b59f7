// Runs a tool for a turn: validates the input, answers repeated identical calls from the ledger and records every call.
import type { z } from "zod";
import type { AgentTool, ToolContext } from "../types.ts";

function key(name: string, input: unknown): string {
  return `${name}:${JSON.stringify(input)}`;
}

/** Throws what the tool throws (IntegrationError from providers); the failed call is still recorded. */
export async function callTool<I extends z.ZodType, O>(ctx: ToolContext, tool: AgentTool<I, O>, rawInput: z.input<I>): Promise<O> {
  const input = tool.input.parse(rawInput) as z.output<I>;
  const k = key(tool.name, input);
  const previous = ctx.ledger.find((c) => c.ok && key(c.tool, c.input) === k);
  if (previous) return previous.output as O;
  try {
    const output = await tool.run(ctx, input);
    ctx.ledger.push({ tool: tool.name, input, ok: true, output });
    return output;
  } catch (err) {
    ctx.ledger.push({ tool: tool.name, input, ok: false, output: { error: err instanceof Error ? err.message : String(err) } });
    throw err;
  }
}

/** Declares a tool with its input and output types inferred. */
export function defineTool<I extends z.ZodType, O>(tool: AgentTool<I, O>): AgentTool<I, O> {
  return tool;
}
