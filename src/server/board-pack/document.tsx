import "server-only";
import { Document, Page, renderToBuffer, View } from "@react-pdf/renderer";
import { formatDay } from "@/lib/format";
import { formatMoney } from "@/lib/money";
import { monthLabel, type MonthKey } from "@/lib/period";
import type { TBoardPack } from "./data";
import { AppendixPage, DepartmentPage } from "./department-pages";
import { departmentPage } from "./department-view";
import { BridgePage, HeadlinePage, HeatMapPage, type TPackMoney } from "./overview-pages";
import { COLORS, Footer, styles, T } from "./pdf-kit";

// The board pack (issue 15): a cover, the numbers (tiles, chart, outlook), the gap bridge, the heat
// map with commitment accuracy, one page per active department, and an appendix. Every page's footer
// names the range, the as-of date, whether months not yet closed are in it, and "page X of Y".

/** Pages before the departments (cover, numbers, bridge, heat map) and after them (appendix). */
export const FIXED_PAGES = 5;

/** "Nov 2026, Dec 2026", or "Jan 2026, Feb 2026, Mar 2026 and 4 more": the months not closed, short. */
function monthsText(months: MonthKey[]): string {
  const shown = months.slice(0, 3).map((m) => monthLabel(m));
  return months.length > 3 ? `${shown.join(", ")} and ${months.length - 3} more` : shown.join(", ");
}

export function footerText(pack: TBoardPack): string {
  const { resolved } = pack.dashboard;
  const closed = pack.unclosedMonths.length
    ? `includes months not closed: ${monthsText(pack.unclosedMonths)}`
    : "all months closed";
  return `${pack.organization.name} · Board pack · ${resolved.label} · as of ${formatDay(pack.dashboard.asOfDate, pack.locale)} · ${closed}`;
}

function Cover({ pack, footer }: { pack: TBoardPack; footer: string }) {
  const { resolved } = pack.dashboard;
  const generated = new Intl.DateTimeFormat(pack.locale, {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: pack.organization.timeZone,
  }).format(pack.generatedAt);
  const sections = [
    "The numbers: headline tiles, target versus actual, outlook",
    "Gap bridge: who explains the gap",
    "Department status by month, commitment accuracy",
    ...pack.departments.map((d) => `${d.department.name}: status, KPIs, impact, narrative, commitments`),
    "Appendix: the bridge table, causes of lost and slipped deals",
  ];
  return (
    <Page size="A4" orientation="landscape" style={styles.page}>
      <View style={{ marginTop: 90 }}>
        <T style={{ fontSize: 11, color: COLORS.accent, fontFamily: "Helvetica-Bold" }}>Board pack</T>
        <T style={{ fontSize: 30, fontFamily: "Helvetica-Bold", marginTop: 6 }}>{pack.organization.name}</T>
        <T style={{ fontSize: 18, marginTop: 6 }}>{resolved.label}</T>
        <T style={{ fontSize: 11, marginTop: 14 }}>{`As of ${formatDay(pack.dashboard.asOfDate, pack.locale)}`}</T>
        <T style={[styles.muted, { marginTop: 4 }]}>{`Generated ${generated} by ${pack.generatedBy}`}</T>
        <T style={[styles.muted, { marginTop: 4 }]}>
          {pack.unclosedMonths.length
            ? `Includes months not closed yet (${monthsText(pack.unclosedMonths)}): their figures may still change.`
            : "Every month of the period is closed."}
        </T>
        <T style={[styles.muted, { marginTop: 4 }]}>{`Amounts in ${pack.organization.currency}.`}</T>
      </View>
      <View style={{ marginTop: 36 }}>
        <T style={[styles.bold, { marginBottom: 4 }]}>Contents</T>
        {sections.map((s) => (
          <T key={s}>{`• ${s}`}</T>
        ))}
      </View>
      <Footer left={footer} />
    </Page>
  );
}

export function BoardPackDocument({ pack }: { pack: TBoardPack }) {
  const { currency } = pack.organization;
  const { locale } = pack;
  const money: TPackMoney = {
    exact: (v, signed = false) =>
      v === null ? "—" : formatMoney(v, currency, { locale, signDisplay: signed ? "exceptZero" : "auto" }),
    compact: (v, signed = false) =>
      v === null
        ? "—"
        : formatMoney(v, currency, { locale, compact: true, signDisplay: signed ? "exceptZero" : "auto" }),
  };
  const footer = footerText(pack);
  const common = { pack, money, footer };
  return (
    <Document
      title={`${pack.organization.name} board pack, ${pack.dashboard.resolved.label}`}
      author={pack.generatedBy}
      creator="Revtrace"
      producer="Revtrace"
    >
      <Cover pack={pack} footer={footer} />
      <HeadlinePage {...common} />
      <BridgePage {...common} />
      <HeatMapPage {...common} />
      {pack.departments.map((sc) => (
        <DepartmentPage
          key={sc.department.id}
          d={departmentPage(sc, locale)}
          periodLabel={pack.dashboard.resolved.label}
          footer={footer}
        />
      ))}
      <AppendixPage {...common} />
    </Document>
  );
}

/** The pack as PDF bytes. */
export function renderBoardPack(pack: TBoardPack): Promise<Buffer> {
  return renderToBuffer(<BoardPackDocument pack={pack} />);
}
