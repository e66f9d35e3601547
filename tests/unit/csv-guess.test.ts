import { describe, expect, it } from "vitest";
import { guessColumns } from "@/lib/csv/guess";

const named = (header: string[]) =>
  Object.fromEntries(Object.entries(guessColumns(header)).map(([role, i]) => [role, i === null ? null : header[i]]));

describe("column guesses for order, invoice and CRM exports", () => {
  it("knows the usual amount names", () => {
    for (const amount of [
      "Amount",
      "Sales",
      "Revenue",
      "Total",
      "Net",
      "Value",
      "Close Value",
      "close_value",
      "Gross",
      "Subtotal",
      "Sub-total",
    ]) {
      expect(named(["Date", "Customer", amount]).amount).toBe(amount);
    }
  });

  it("knows the usual date names", () => {
    for (const date of [
      "Date",
      "Order Date",
      "Invoice Date",
      "Close Date",
      "closing_date",
      "Posting Date",
      "Created",
      "created_at",
    ]) {
      expect(named([date, "Customer", "Amount"]).date).toBe(date);
    }
  });

  it("knows the usual reference names", () => {
    for (const reference of ["Reference", "Invoice", "Invoice Number", "Order ID", "Order Number", "ID", "order_no"]) {
      expect(named(["Date", reference, "Amount"]).reference).toBe(reference);
    }
  });

  it("reads a retail order-line export: Sales is the amount, the order date and id win over ship date and row id", () => {
    const header = [
      "Row ID",
      "Order ID",
      "Order Date",
      "Ship Date",
      "Ship Mode",
      "Customer Name",
      "Segment",
      "Product Name",
      "Sales",
      "Quantity",
      "Discount",
      "Profit",
    ];
    expect(named(header)).toEqual({
      date: "Order Date",
      amount: "Sales",
      reference: "Order ID",
      customer: "Customer Name",
    });
  });

  it("reads a CRM opportunity export: Close Value and Close Date, not the sales agent", () => {
    const header = [
      "opportunity_id",
      "sales_agent",
      "product",
      "account",
      "deal_stage",
      "engage_date",
      "close_date",
      "close_value",
    ];
    expect(named(header)).toMatchObject({ date: "close_date", amount: "close_value", customer: "account" });
  });

  it("prefers an exact name over a loose match, and never guesses one column for two roles", () => {
    expect(named(["Unit Price Total", "Sales", "Date"]).amount).toBe("Sales");
    expect(named(["Net", "Date"])).toEqual({ date: "Date", amount: "Net", reference: null, customer: null });
  });
});
