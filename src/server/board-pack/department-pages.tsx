import "server-only";
import { Page, View } from "@react-pdf/renderer";
import { monthLabel } from "@/lib/period";
import type { TBoardPack } from "./data";
import type { TDepartmentPage } from "./department-view";
import { BridgeTable, type TPackMoney } from "./overview-pages";
import { COLORS, Footer, Heading, PageTitle, StatusChip, styles, T, Table } from "./pdf-kit";

const box = { borderWidth: 0.75, borderColor: COLORS.rule, borderRadius: 3, padding: 6, flexGrow: 1, flexBasis: 0 };

/** One department: status and worst KPI, net impact, KPIs, each month's narrative, commitments and accuracy. */
export function DepartmentPage({
  d,
  periodLabel,
  footer,
}: {
  d: TDepartmentPage;
  periodLabel: string;
  footer: string;
}) {
  return (
    <Page size="A4" orientation="landscape" style={styles.page}>
      <PageTitle title={d.name} subtitle={`${d.kind} department · ${periodLabel}`} />
      <View style={{ flexDirection: "row", gap: 6, marginBottom: 6 }} wrap={false}>
        <View style={box}>
          <T style={[styles.small, styles.bold]}>{`Status · ${periodLabel}`}</T>
          <View style={{ flexDirection: "row", marginTop: 3 }}>
            <StatusChip rag={d.status} empty="No KPI values yet" />
          </View>
          <T style={[styles.small, { marginTop: 3 }]}>
            {d.worst ? `Worst KPI: ${d.worst}` : "No rated KPI in the period"}
          </T>
        </View>
        <View style={box}>
          <T style={[styles.small, styles.bold]}>Net impact in the gap bridge (confirmed)</T>
          <T style={{ fontSize: 13, fontFamily: "Helvetica-Bold", marginTop: 2 }}>{d.impact.counted}</T>
          <T
            style={styles.small}
          >{`Contributions ${d.impact.contributions} · lost and slipped deals ${d.impact.pipeline}`}</T>
        </View>
        <View style={box}>
          <T style={[styles.small, styles.bold]}>Claimed, awaiting review</T>
          <T style={{ fontSize: 13, fontFamily: "Helvetica-Bold", marginTop: 2 }}>{d.impact.claimed}</T>
          <T style={styles.small}>{d.impact.claimedCount}</T>
        </View>
        <View style={box}>
          <T style={[styles.small, styles.bold]}>Disputed</T>
          <T style={{ fontSize: 13, fontFamily: "Helvetica-Bold", marginTop: 2 }}>{d.impact.disputed}</T>
          <T style={styles.small}>{d.impact.disputedCount}</T>
          {d.impact.disputedDeals ? <T style={styles.small}>{d.impact.disputedDeals}</T> : null}
        </View>
      </View>

      <Heading>KPIs</Heading>
      {d.kpis.length === 0 ? (
        <T style={styles.muted}>No KPIs defined.</T>
      ) : (
        <Table
          columns={[
            { header: "KPI", width: 2.4 },
            { header: "Unit", width: 1.1 },
            { header: "Target", width: 1.6, align: "right" },
            { header: "Actual", width: 2.2, align: "right" },
            { header: "Status", width: 1 },
            { header: "Each month", width: 3 },
          ]}
          rows={d.kpis.map((k) => ({
            key: k.id,
            cells: [
              `${k.name}${k.isWorst ? " (worst)" : ""}`,
              `${k.unit}, ${k.direction}`,
              k.target,
              k.actual,
              <StatusChip key="s" rag={k.rag} />,
              k.months,
            ],
          }))}
        />
      )}

      <Heading>Narrative, month by month</Heading>
      {d.narratives.length === 0 ? (
        <T style={styles.muted}>The period has not begun.</T>
      ) : (
        d.narratives.map((n) => (
          <View key={n.month} style={{ marginBottom: 4 }} wrap={false}>
            <View style={{ flexDirection: "row", alignItems: "center", gap: 6, marginBottom: 1 }}>
              <T style={styles.bold}>{n.label}</T>
              <StatusChip rag={n.status} />
              {/* A month without a word takes one line, so a year's months fit the page. */}
              {n.why || n.whatNext ? null : <T style={styles.muted}>No narrative</T>}
              {n.reviewed ? <T style={styles.small}>{n.reviewed}</T> : null}
            </View>
            {n.why || n.whatNext ? (
              <>
                <T>{`Why: ${n.why || "-"}`}</T>
                <T>{`What next: ${n.whatNext || "-"}`}</T>
              </>
            ) : null}
          </View>
        ))
      )}

      <Heading>Commitments</Heading>
      <T
        style={[styles.small, { marginBottom: 3 }]}
      >{`Open, and due in ${periodLabel}. Accuracy, all time: ${d.accuracy}.`}</T>
      {d.commitments.length === 0 ? (
        <T style={styles.muted}>No open commitments and none due in the period.</T>
      ) : (
        <Table
          columns={[
            { header: "Commitment", width: 4 },
            { header: "Owner", width: 1.6 },
            { header: "Due", width: 1.2 },
            { header: "Status", width: 1.2 },
            { header: "Expected impact", width: 1.5, align: "right" },
            { header: "Delivered", width: 1.5, align: "right" },
          ]}
          rows={d.commitments.map((c) => ({
            key: c.id,
            cells: [c.title, c.owner, c.due, c.status, c.expected, c.delivered],
          }))}
        />
      )}
      <Footer left={footer} />
    </Page>
  );
}

const KIND = { LOST: "Lost", SLIPPED: "Slipped" } as const;
const ATTRIBUTION = { ATTRIBUTED: "Attributed", DISPUTED: "Disputed", UPHELD: "Upheld", OVERTURNED: "Overturned" };

/** The bridge table in full, then every lost and slipped deal of the range with its cause. */
export function AppendixPage({ pack, money, footer }: { pack: TBoardPack; money: TPackMoney; footer: string }) {
  const { causes } = pack;
  return (
    <Page size="A4" orientation="landscape" style={styles.page}>
      <PageTitle
        title="Appendix"
        subtitle={`${pack.dashboard.resolved.label}. Amounts in ${pack.organization.currency}, exact.`}
      />
      <Heading>The gap bridge, step by step</Heading>
      {pack.bridge.bridge && pack.bridge.months.length ? (
        <BridgeTable pack={pack} money={money} full />
      ) : (
        <T style={styles.muted}>No bridge for the period (no completed month with a target).</T>
      )}
      <Heading>Causes of lost and slipped deals</Heading>
      <T style={[styles.small, { marginBottom: 3 }]}>
        {`Every lost or slipped deal of ${pack.dashboard.resolved.label} charged to a department, largest first; the bridge counts it as minus its amount unless overturned or replaced by a confirmed contribution.${causes.total > causes.rows.length ? ` The ${causes.rows.length} largest of ${causes.total}.` : ""}`}
      </T>
      {causes.rows.length === 0 ? (
        <T style={styles.muted}>No lost or slipped deal in the period.</T>
      ) : (
        <Table
          columns={[
            { header: "Deal", width: 2.4 },
            { header: "Account", width: 1.8 },
            { header: "Lost or slipped", width: 1 },
            { header: "Month", width: 1 },
            { header: "Deal amount", width: 1.5, align: "right" },
            { header: "Cause", width: 2 },
            { header: "Department", width: 1.5 },
            { header: "Status", width: 1 },
          ]}
          rows={causes.rows.map((c) => ({
            key: c.id,
            cells: [
              c.dealName,
              c.account,
              KIND[c.kind],
              monthLabel(c.month),
              money.exact(c.amountMinor),
              c.cause,
              c.department,
              ATTRIBUTION[c.status],
            ],
          }))}
        />
      )}
      <Footer left={footer} />
    </Page>
  );
}
