import { describe, expect, it } from "vitest";
import { csvCell, csvRow } from "../../src/exports/csv.ts";

describe("CSV cells", () => {
  it.each([
    ["plain", "plain"],
    ["with, comma", '"with, comma"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    [" padded ", '" padded "'],
    ["=HYPERLINK(\"http://evil\")", `"'=HYPERLINK(""http://evil"")"`],
    ["+1 555 0100", "'+1 555 0100"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tcmd", "'\tcmd"],
    [42, "42"],
    [-3, "-3"],
    [Number.NaN, ""],
    [true, "true"],
    [null, ""],
    [undefined, ""],
  ] as const)("%j → %s", (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it("joins a row with commas and ends it with CRLF", () => {
    expect(csvRow(["a", 1, null, "b,c"])).toBe('a,1,,"b,c"\r\n');
  });
});
