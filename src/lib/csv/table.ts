import Papa from "papaparse";

// A CSV file as a header and numbered rows. Line numbers count records with the header as line 1,
// which is the row number a spreadsheet shows for the same file (a quoted cell may span several
// physical lines, but it is one spreadsheet row). Fully blank rows are not data and are dropped,
// but still counted, so every later line number stays right.

export type TCsvRow = { line: number; cells: string[] };
export type TCsvTable = { header: string[]; rows: TCsvRow[]; delimiter: string; malformedLines: number[] };
export type TCsvTableResult = { ok: true; table: TCsvTable } | { ok: false; reason: string };

const DELIMITERS = [",", ";", "\t", "|"] as const;

/**
 * UTF-8 or UTF-16 (a byte-order mark is dropped); a file that is not valid UTF-8 is read as
 * Windows-1252, which is what spreadsheet programs on Windows write when asked for plain "CSV".
 */
export function decodeCsvBytes(bytes: Uint8Array): string {
  // Spreadsheets' "Unicode text" exports are UTF-16 and always start with a byte-order mark.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

/** The delimiter used most often in the header line, outside quotes; a comma when none is used. */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>();
  let isQuoted = false;
  for (const char of text) {
    if (char === '"') isQuoted = !isQuoted;
    else if (!isQuoted && (char === "\n" || char === "\r")) break;
    else if (!isQuoted && (DELIMITERS as readonly string[]).includes(char))
      counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best = ",";
  for (const d of DELIMITERS) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}

const isBlank = (cells: string[]) => cells.every((c) => c.trim() === "");

export function parseCsvTable(text: string): TCsvTableResult {
  const delimiter = detectDelimiter(text);
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false });
  const [first, ...records] = parsed.data;
  if (!first || isBlank(first))
    return { ok: false, reason: "The file has no header row: its first line must name the columns." };
  const header = first.map((h) => h.trim());
  const rows: TCsvRow[] = [];
  records.forEach((cells, index) => {
    if (!isBlank(cells)) rows.push({ line: index + 2, cells });
  });
  if (!rows.length) return { ok: false, reason: "The file has no rows below its header." };
  // Papa numbers records from 0 including the header, so record r is line r + 1.
  const malformedLines = [
    ...new Set(parsed.errors.filter((e) => e.type === "Quotes" && e.row !== undefined).map((e) => (e.row ?? 0) + 1)),
  ];
  return { ok: true, table: { header, rows, delimiter, malformedLines } };
}
