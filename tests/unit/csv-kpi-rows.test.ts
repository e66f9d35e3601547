import { describe, expect, it } from "vitest";
import { guessKpiColumns } from "@/lib/csv/guess";
import { kpiMonthKey, validateKpiRows, type TKpiRef, type TKpiRowOptions } from "@/lib/csv/kpi-rows";
import { ZKpiImportInput } from "@/lib/csv/kpi-schema";
import { summariseKpiRows } from "@/lib/csv/kpi-summary";
import { parseMonthCell } from "@/lib/csv/month";
import { parseCsvTable, type TCsvTable } from "@/lib/csv/table";

function table(text: string): TCsvTable {
  const result = parseCsvTable(text);
  if (!result.ok) throw new Error(result.reason);
  return result.table;
}

const KPIS: TKpiRef[] = [
  { id: "kpi_leads", name: "Qualified leads", unit: "COUNT" },
  { id: "kpi_cpl", name: "Cost per lead", unit: "CURRENCY" },
  { id: "kpi_win", name: "Win rate", unit: "PERCENT" },
  { id: "kpi_dso", name: "Days to pay", unit: "DAYS" },
];

const OPTIONS: TKpiRowOptions = {
  mapping: { kpi: 0, month: 1, value: 2 },
  monthFormat: "ISO",
  timeZone: "America/New_York",
  currency: "USD",
  kpis: KPIS,
  departmentName: "Marketing",
};

describe("parseMonthCell", () => {
  const month = (text: string, format: "ISO" | "DAY_FIRST" | "MONTH_FIRST" = "ISO") =>
    parseMonthCell(text, format, "America/New_York");

  it("reads year-month, month/year and month names", () => {
    for (const text of [
      "2026-03",
      "2026/3",
      " 2026.03 ",
      "03/2026",
      "3-2026",
      "Mar 2026",
      "March 2026",
      "mar-2026",
      "MARCH, 2026",
      "Mar. 2026",
    ]) {
      expect(month(text), text).toEqual({ ok: true, month: "2026-03" });
    }
    expect(month("Sept 2026")).toEqual({ ok: true, month: "2026-09" });
    expect(month("Dec 2000")).toEqual({ ok: true, month: "2000-12" });
    // Issue 10, finding 7: one supported date range, 2000–2100.
    expect(month("Dec 1999")).toEqual({ ok: false, reason: 'month "Dec 1999" is outside 2000–2100' });
    expect(month("9999-01")).toEqual({ ok: false, reason: 'month "9999-01" is outside 2000–2100' });
  });

  it("takes the month of a full date, read in the chosen order", () => {
    expect(month("2026-03-31")).toEqual({ ok: true, month: "2026-03" });
    expect(month("2026-03-31 23:30")).toEqual({ ok: true, month: "2026-03" });
    expect(month("04/03/2026", "DAY_FIRST")).toEqual({ ok: true, month: "2026-03" });
    expect(month("04/03/2026", "MONTH_FIRST")).toEqual({ ok: true, month: "2026-04" });
    // 02:00 UTC on 1 April is still 31 March in New York (UTC−4 in summer time).
    expect(month("2026-04-01T02:00:00Z")).toEqual({ ok: true, month: "2026-03" });
  });

  it("names what it cannot read", () => {
    expect(month("")).toEqual({ ok: false, reason: "empty month" });
    expect(month("2026-13")).toEqual({ ok: false, reason: 'unparseable month "2026-13"' });
    expect(month("13/2026")).toEqual({ ok: false, reason: 'unparseable month "13/2026"' });
    expect(month("Mars 2026")).toEqual({ ok: false, reason: 'unparseable month "Mars 2026"' });
    expect(month("Ma 2026")).toEqual({ ok: false, reason: 'unparseable month "Ma 2026"' });
    expect(month("2026-02-30")).toEqual({ ok: false, reason: 'unparseable month "2026-02-30"' });
    expect(month("Q1 2026")).toEqual({ ok: false, reason: 'unparseable month "Q1 2026"' });
  });
});

describe("validateKpiRows", () => {
  it("reads each value in its KPI's unit and names every bad row by line and reason", () => {
    const text = [
      "kpi,month,value",
      'Qualified leads,2026-03,"1,250"', // 2: 1,250.00 → 125000
      "  cost PER lead ,Mar 2026,142.5", // 3: 14250 cents, matched whatever the case and spacing
      "Win rate,2026-03,12.5%", // 4: 1250
      "Days to pay,2026-03,-3", // 5: days cannot be negative
      "Win rate,2026-04,abc", // 6
      "Pipeline,2026-03,7", // 7
      ",2026-03,7", // 8
      "Qualified leads,,7", // 9
      "Cost per lead,2026-04,1.234", // 10: three decimals for USD
      "Leadz,someday,", // 11: both reasons; a value without a KPI is not read
      "",
      "kpi_dso,2026-04,41.25", // 13: by id; blank line 12 still counted
      "Qualified leads,2026-04,12.5", // 14: a count is whole
      "Qualified leads,2026-05,12.00", // 15: whole, written with decimals
    ].join("\n");
    const result = validateKpiRows(table(text), OPTIONS);
    expect(result.accepted).toEqual([
      { line: 2, kpiId: "kpi_leads", month: "2026-03", valueScaled: 125000n },
      { line: 3, kpiId: "kpi_cpl", month: "2026-03", valueScaled: 14250n },
      { line: 4, kpiId: "kpi_win", month: "2026-03", valueScaled: 1250n },
      { line: 13, kpiId: "kpi_dso", month: "2026-04", valueScaled: 4125n },
      { line: 15, kpiId: "kpi_leads", month: "2026-05", valueScaled: 1200n },
    ]);
    expect(result.bad).toEqual([
      { line: 5, reason: 'value "-3" for Days to pay: days cannot be negative' },
      { line: 6, reason: 'value "abc" for Win rate: enter a number with at most 2 decimals' },
      { line: 7, reason: 'unknown KPI "Pipeline": not an active KPI of Marketing' },
      { line: 8, reason: "empty KPI" },
      { line: 9, reason: "empty month" },
      { line: 10, reason: 'value "1.234" for Cost per lead: enter a number with at most 2 decimals' },
      { line: 11, reason: 'unknown KPI "Leadz": not an active KPI of Marketing; unparseable month "someday"' },
      { line: 14, reason: 'value "12.5" for Qualified leads: a count is a whole number: enter it without decimals' },
    ]);
  });

  it("refuses every row of a KPI and month the file gives more than once, and closed months", () => {
    const text = [
      "kpi,month,value",
      "Win rate,2026-03,20", // 2
      "win rate,Mar 2026,21", // 3: the same KPI and month, written differently
      "Win rate,2026-03-15,22", // 4
      "Win rate,2026-04,23", // 5: another month, fine
      "Qualified leads,2026-02,5", // 6: February is closed
      "Qualified leads,2026-02,6", // 7: closed and repeated
    ].join("\n");
    const result = validateKpiRows(table(text), OPTIONS, new Set(["2026-02" as const]));
    expect(result.accepted.map((r) => r.line)).toEqual([5]);
    expect(result.bad).toEqual([
      { line: 2, reason: "Win rate for Mar 2026 is also on lines 3, 4" },
      { line: 3, reason: "Win rate for Mar 2026 is also on lines 2, 4" },
      { line: 4, reason: "Win rate for Mar 2026 is also on lines 2, 3" },
      { line: 6, reason: "Feb 2026 is closed; Qualified leads for Feb 2026 is also on line 7" },
      { line: 7, reason: "Feb 2026 is closed; Qualified leads for Feb 2026 is also on line 6" },
    ]);
  });

  it("lists at most five other lines of a repeat", () => {
    const text = ["kpi,month,value", ...Array.from({ length: 8 }, (_, i) => `Win rate,2026-03,${i}`)].join("\n");
    expect(validateKpiRows(table(text), OPTIONS).bad[0]).toEqual({
      line: 2,
      reason: "Win rate for Mar 2026 is also on lines 3, 4, 5, 6, 7 and 2 more",
    });
  });

  it("needs the exact name when two KPIs differ only in case, and flags broken quoting", () => {
    const kpis: TKpiRef[] = [...KPIS, { id: "kpi_leads_lower", name: "qualified leads", unit: "COUNT" }];
    // An unclosed quote runs to the end of the file: the cell reads "5", but the row is not trusted.
    const text = [
      "kpi,month,value",
      "QUALIFIED LEADS,2026-03,1",
      "qualified leads,2026-03,2",
      'Win rate,2026-03,"5',
    ].join("\n");
    const result = validateKpiRows(table(text), { ...OPTIONS, kpis });
    expect(result.accepted).toEqual([{ line: 3, kpiId: "kpi_leads_lower", month: "2026-03", valueScaled: 200n }]);
    expect(result.bad).toEqual([
      {
        line: 2,
        reason: 'KPI "QUALIFIED LEADS" matches 2 KPIs of Marketing that differ only in case: write the name exactly',
      },
      { line: 4, reason: "malformed CSV quoting" },
    ]);
  });

  it("refuses a value beyond what the database can hold", () => {
    const text = "kpi,month,value\nQualified leads,2026-03,99999999999999999999";
    expect(validateKpiRows(table(text), OPTIONS).bad).toEqual([
      {
        line: 2,
        reason: 'value "99999999999999999999" for Qualified leads: values are at most 1,000,000,000,000 (either sign)',
      },
    ]);
  });
});

describe("summariseKpiRows", () => {
  it("counts new, changed and unchanged values against the stored ones", () => {
    const text = [
      "kpi,month,value",
      "Qualified leads,2026-03,10",
      "Win rate,2026-03,20",
      "Win rate,2026-01,30",
      "Nope,2026-03,1",
    ].join("\n");
    const result = validateKpiRows(table(text), OPTIONS);
    const current = new Map([
      [kpiMonthKey("kpi_win", "2026-03"), 2000n],
      [kpiMonthKey("kpi_win", "2026-01"), 2900n],
    ]);
    expect(summariseKpiRows(result, KPIS, current)).toEqual({
      dataRowCount: 4,
      acceptedCount: 3,
      newCount: 1,
      changedCount: 1,
      unchangedCount: 1,
      months: ["2026-01", "2026-03"],
      rows: [
        {
          line: 2,
          kpiName: "Qualified leads",
          unit: "COUNT",
          month: "2026-03",
          valueScaled: 1000n,
          currentScaled: null,
        },
        { line: 3, kpiName: "Win rate", unit: "PERCENT", month: "2026-03", valueScaled: 2000n, currentScaled: 2000n },
        { line: 4, kpiName: "Win rate", unit: "PERCENT", month: "2026-01", valueScaled: 3000n, currentScaled: 2900n },
      ],
      badRowCount: 1,
      badRows: [{ line: 5, reason: 'unknown KPI "Nope": not an active KPI of Marketing' }],
    });
  });
});

describe("ZKpiImportInput", () => {
  const file = new File(["kpi,month,value\nA,2026-01,1"], "k.csv");

  it("reads the wizard's form fields and names the field of every mistake", () => {
    const parsed = ZKpiImportInput.parse({
      departmentId: "d1",
      file,
      kpiColumn: "0",
      monthColumn: "1",
      valueColumn: "2",
      monthFormat: "",
      skipBadRows: "false",
    });
    expect(parsed).toMatchObject({
      departmentId: "d1",
      kpiColumn: 0,
      monthColumn: 1,
      valueColumn: 2,
      monthFormat: undefined,
      skipBadRows: false,
    });
    const errors = (input: object) =>
      ZKpiImportInput.safeParse({
        departmentId: "d1",
        file,
        kpiColumn: "0",
        monthColumn: "1",
        valueColumn: "2",
        ...input,
      }).error?.issues.map((i) => [i.path.join("."), i.message]);
    expect(errors({ kpiColumn: "" })).toEqual([["kpiColumn", "Choose the KPI column."]]);
    expect(errors({ valueColumn: "0" })).toEqual([["valueColumn", "This column is already mapped as the KPI."]]);
    expect(errors({ monthFormat: "YMD" })).toEqual([
      ["monthFormat", "Choose how the dates in the month column are written."],
    ]);
    expect(errors({ departmentId: "" })).toEqual([["departmentId", "Choose a department."]]);
  });
});

describe("guessKpiColumns", () => {
  it("finds the KPI, month and value columns by their usual names", () => {
    expect(guessKpiColumns(["KPI", "Month", "Value"])).toEqual({ kpi: 0, month: 1, value: 2 });
    expect(guessKpiColumns(["period", "metric_name", "notes", "actual"])).toEqual({ kpi: 1, month: 0, value: 3 });
    expect(guessKpiColumns(["Name", "Date", "Amount"])).toEqual({ kpi: 0, month: 1, value: 2 });
    expect(guessKpiColumns(["a", "b"])).toEqual({ kpi: null, month: null, value: null });
  });
});
