import "server-only";
import { Font, StyleSheet, type Styles, Text, View } from "@react-pdf/renderer";
import type { ReactNode } from "react";
import { pdfText } from "@/lib/board-pack";
import type { TRag } from "@/lib/kpi";

// The board pack's type and layout primitives: A4 landscape, Helvetica (built in, so text extracts),
// neutral greys, one accent, and red / amber / green for status only, always beside the word.

// Words wrap whole: a deal named "Platform licence" never prints as "li-cence".
Font.registerHyphenationCallback((word) => [word]);

export const PAGE = { width: 842, height: 595, margin: 36 } as const;
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;

export const COLORS = {
  text: "#18181b",
  muted: "#52525b",
  faint: "#a1a1aa",
  rule: "#e4e4e7",
  surface: "#f4f4f5",
  accent: "#4f46e5",
  target: "#a1a1aa",
  cumulativeTarget: "#71717a",
  forecast: "#0284c7",
  commit: "#7c3aed",
  bestCase: "#c026d3",
  purifies: "#0891b2",
  taints: "#c026d3",
} as const;

export const RAG_COLORS: Record<TRag, { fill: string; text: string }> = {
  GREEN: { fill: "#d1fae5", text: "#065f46" },
  AMBER: { fill: "#fef3c7", text: "#92400e" },
  RED: { fill: "#fee2e2", text: "#991b1b" },
};

export const styles = StyleSheet.create({
  page: {
    paddingTop: PAGE.margin,
    paddingHorizontal: PAGE.margin,
    paddingBottom: PAGE.margin + 18,
    fontFamily: "Helvetica",
    fontSize: 9,
    color: COLORS.text,
  },
  h1: { fontFamily: "Helvetica-Bold", fontSize: 18, marginBottom: 4 },
  h2: { fontFamily: "Helvetica-Bold", fontSize: 12, marginTop: 12, marginBottom: 4 },
  muted: { color: COLORS.muted },
  small: { fontSize: 7.5, color: COLORS.muted },
  bold: { fontFamily: "Helvetica-Bold" },
  footer: {
    position: "absolute",
    bottom: PAGE.margin - 12,
    left: PAGE.margin,
    right: PAGE.margin,
    flexDirection: "row",
    justifyContent: "space-between",
    borderTopWidth: 0.5,
    borderTopColor: COLORS.rule,
    paddingTop: 4,
    fontSize: 7.5,
    color: COLORS.muted,
  },
});

type TStyle = Styles[string] | Styles[string][];

/** Text made safe for Helvetica's encoding (see pdfText): every string of the pack goes through it. */
export function T({
  children,
  style,
  minPresenceAhead,
}: {
  children: string | number | (string | number)[];
  style?: TStyle;
  /** Points of what follows that must fit below, else this moves to the next page (headings). */
  minPresenceAhead?: number;
}) {
  const text = Array.isArray(children) ? children.join("") : String(children);
  return (
    <Text style={style} minPresenceAhead={minPresenceAhead}>
      {pdfText(text)}
    </Text>
  );
}

/** A section heading: never the last line of a page. */
export const Heading = ({ children }: { children: string }) => (
  <T style={styles.h2} minPresenceAhead={60}>
    {children}
  </T>
);

/** A page title with the period under it. */
export function PageTitle({ title, subtitle }: { title: string; subtitle?: string }) {
  return (
    <View style={{ marginBottom: 8 }}>
      <T style={styles.h1}>{title}</T>
      {subtitle ? <T style={styles.muted}>{subtitle}</T> : null}
    </View>
  );
}

export type TColumn = { header: string; width: number; align?: "left" | "right" };

/**
 * A table: a header row, then rows of cells. Widths are shares of the row; a row may override a
 * cell's style (bold for a total). Rows never split across pages.
 */
export function Table({
  columns,
  rows,
  footer,
}: {
  columns: TColumn[];
  rows: { key: string; cells: (string | ReactNode)[]; bold?: boolean }[];
  footer?: { cells: string[] };
}) {
  const total = columns.reduce((s, c) => s + c.width, 0);
  const cell = (c: TColumn) => ({
    width: `${((c.width / total) * 100).toFixed(3)}%`,
    paddingHorizontal: 3,
    textAlign: c.align ?? "left",
  });
  const line = (cells: (string | ReactNode)[], bold: boolean) =>
    columns.map((c, i) => {
      const content = cells[i] ?? "";
      return typeof content === "string" ? (
        <T key={c.header} style={[cell(c), bold ? styles.bold : {}]}>
          {content}
        </T>
      ) : (
        <View key={c.header} style={cell(c)}>
          {content}
        </View>
      );
    });
  return (
    <View>
      <View
        style={{ flexDirection: "row", borderBottomWidth: 0.75, borderBottomColor: COLORS.faint, paddingVertical: 3 }}
        minPresenceAhead={24}
      >
        {columns.map((c) => (
          <T key={c.header} style={[cell(c), styles.small, styles.bold]}>
            {c.header}
          </T>
        ))}
      </View>
      {rows.map((r) => (
        <View
          key={r.key}
          wrap={false}
          style={{ flexDirection: "row", borderBottomWidth: 0.5, borderBottomColor: COLORS.rule, paddingVertical: 2 }}
        >
          {line(r.cells, Boolean(r.bold))}
        </View>
      ))}
      {footer ? (
        <View
          wrap={false}
          style={{ flexDirection: "row", borderTopWidth: 1, borderTopColor: COLORS.faint, paddingVertical: 3 }}
        >
          {line(footer.cells, true)}
        </View>
      ) : null}
    </View>
  );
}

/** A status in words on its colour: never colour alone. */
export function StatusChip({
  rag,
  empty = "Not rated",
  size = 9,
}: {
  rag: TRag | null;
  empty?: string;
  size?: number;
}) {
  if (!rag) return <T style={[styles.muted, { fontSize: size }]}>{empty}</T>;
  const { fill, text } = RAG_COLORS[rag];
  const word = rag === "GREEN" ? "Green" : rag === "AMBER" ? "Amber" : "Red";
  return (
    <T
      style={{
        backgroundColor: fill,
        color: text,
        fontFamily: "Helvetica-Bold",
        fontSize: size,
        paddingHorizontal: 3,
        alignSelf: "flex-start",
      }}
    >
      {word}
    </T>
  );
}

/** The footer of every page: range, as-of date, whether unclosed months are in, page X of Y. */
export function Footer({ left }: { left: string }) {
  return (
    <View style={styles.footer} fixed>
      <T style={{ maxWidth: CONTENT_WIDTH - 90 }}>{left}</T>
      <Text render={({ pageNumber, totalPages }) => `page ${pageNumber} of ${totalPages}`} />
    </View>
  );
}
