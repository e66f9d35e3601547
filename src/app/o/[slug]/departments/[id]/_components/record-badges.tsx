import {
  CircleCheck,
  CircleDot,
  CircleSlash,
  Clock,
  Scale,
  ShieldAlert,
  ShieldCheck,
  type LucideIcon,
} from "lucide-react";
import type { AttributionStatus, CommitmentStatus, ContributionStatus } from "@db/enums";
import { cn } from "@/lib/cn";

// Record statuses: a label and an icon each; colour only repeats what the words say.
const TONES = {
  neutral: "bg-zinc-100 text-zinc-700 ring-zinc-500/20 dark:bg-zinc-800 dark:text-zinc-300",
  good: "bg-emerald-50 text-emerald-800 ring-emerald-600/20 dark:bg-emerald-950 dark:text-emerald-300",
  warn: "bg-amber-50 text-amber-800 ring-amber-600/20 dark:bg-amber-950 dark:text-amber-300",
  bad: "bg-red-50 text-red-800 ring-red-600/20 dark:bg-red-950 dark:text-red-300",
} as const;

function Badge({ label, tone, Icon }: { label: string; tone: keyof typeof TONES; Icon: LucideIcon }) {
  return (
    <span
      className={cn(
        "inline-flex items-center gap-0.5 rounded-full px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ring-1",
        TONES[tone],
      )}
    >
      <Icon aria-hidden className="size-3.5" /> {label}
    </span>
  );
}

const CONTRIBUTION: Record<ContributionStatus, { label: string; tone: keyof typeof TONES; Icon: LucideIcon }> = {
  CLAIMED: { label: "Claimed", tone: "neutral", Icon: Clock },
  CONFIRMED: { label: "Confirmed", tone: "good", Icon: ShieldCheck },
  DISPUTED: { label: "Disputed", tone: "warn", Icon: ShieldAlert },
};

export const ContributionStatusBadge = ({ status }: { status: ContributionStatus }) => (
  <Badge {...CONTRIBUTION[status]} />
);

const COMMITMENT: Record<CommitmentStatus, { label: string; tone: keyof typeof TONES; Icon: LucideIcon }> = {
  OPEN: { label: "Open", tone: "neutral", Icon: CircleDot },
  DONE: { label: "Done", tone: "good", Icon: CircleCheck },
  MISSED: { label: "Missed", tone: "bad", Icon: CircleSlash },
};

export const CommitmentStatusBadge = ({ status }: { status: CommitmentStatus }) => <Badge {...COMMITMENT[status]} />;

export const OverdueBadge = () => <Badge label="Overdue" tone="bad" Icon={Clock} />;

// A lost or slipped deal's attribution, seen from the department charged with it.
const ATTRIBUTION: Record<AttributionStatus, { label: string; tone: keyof typeof TONES; Icon: LucideIcon }> = {
  ATTRIBUTED: { label: "Attributed", tone: "neutral", Icon: CircleDot },
  DISPUTED: { label: "Disputed", tone: "warn", Icon: ShieldAlert },
  UPHELD: { label: "Upheld", tone: "bad", Icon: Scale },
  OVERTURNED: { label: "Overturned", tone: "good", Icon: CircleSlash },
};

export const AttributionStatusBadge = ({ status }: { status: AttributionStatus }) => <Badge {...ATTRIBUTION[status]} />;
