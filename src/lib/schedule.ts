// When each scheduled job is due, in the organization's own time zone (DESIGN.md "Alerts, jobs and
// email"). Pure functions of the zone and an instant: the worker's tick asks which periods are due
// now, and the job history page asks when each runs next. A period is a job's idempotency key: a
// period that has run is never run again, and a tick that was missed (the worker was down) finds
// the period still due and runs it late rather than never.
import { TZDate } from "@date-fns/tz";

export type TJobName = "pipeline-snapshot" | "evaluate-alerts" | "daily-digest" | "weekly-digest" | "board-pack";

/** The alert evaluation runs every this many minutes (and so "immediate" email waits at most this long). */
export const ALERT_SLOT_MINUTES = 15;
/** Digests go out at this local hour: daily every day, weekly on Mondays. */
export const DIGEST_HOUR = 7;

export const JOB_DESCRIPTIONS: Record<TJobName, string> = {
  "pipeline-snapshot": "Weekly pipeline snapshot — Mondays at 00:00",
  "evaluate-alerts": `Alert evaluation — every ${ALERT_SLOT_MINUTES} minutes`,
  "daily-digest": `Daily digest email — every day at 0${DIGEST_HOUR}:00`,
  "weekly-digest": `Weekly digest email — Mondays at 0${DIGEST_HOUR}:00`,
  "board-pack": "Board pack email — when a month is closed",
};

/** Short names for tables. */
export const JOB_LABELS: Record<TJobName, string> = {
  "pipeline-snapshot": "Pipeline snapshot",
  "evaluate-alerts": "Alert evaluation",
  "daily-digest": "Daily digest",
  "weekly-digest": "Weekly digest",
  "board-pack": "Board pack",
};

export const JOB_NAMES = Object.keys(JOB_DESCRIPTIONS) as TJobName[];

const pad = (n: number) => String(n).padStart(2, "0");
const dayKey = (d: TZDate) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const local = (instant: Date, timeZone: string) => new TZDate(instant.getTime(), timeZone);
/** Days since Monday (Monday 0 … Sunday 6). */
const weekday = (d: TZDate) => (d.getDay() + 6) % 7;
const atLocal = (d: TZDate, dayOffset: number, hour: number, minute = 0) =>
  new Date(
    new TZDate(
      d.getFullYear(),
      d.getMonth(),
      d.getDate() + dayOffset,
      hour,
      minute,
      0,
      0,
      d.timeZone ?? "UTC",
    ).getTime(),
  );

/** The Monday ("YYYY-MM-DD", local) of the week `instant` falls in, in `timeZone`. */
export function localWeekOf(instant: Date, timeZone: string): string {
  const d = local(instant, timeZone);
  return dayKey(new TZDate(d.getFullYear(), d.getMonth(), d.getDate() - weekday(d), timeZone));
}

/** The local day "YYYY-MM-DD" of `instant` in `timeZone`. */
export const localDayOf = (instant: Date, timeZone: string) => dayKey(local(instant, timeZone));

/**
 * The period of `job` that is due at `instant`, or null when none is due yet (a digest before its
 * hour). The snapshot's period is the local week (due from Monday 00:00), the evaluation's the
 * local quarter hour, the daily digest's the local day from 07:00, the weekly digest's the local
 * week from Monday 07:00. The board pack follows month closes, not the clock: never due here.
 */
export function duePeriod(job: TJobName, instant: Date, timeZone: string): string | null {
  const d = local(instant, timeZone);
  switch (job) {
    case "pipeline-snapshot":
      return localWeekOf(instant, timeZone);
    case "evaluate-alerts": {
      const minute = d.getMinutes() - (d.getMinutes() % ALERT_SLOT_MINUTES);
      return `${dayKey(d)}T${pad(d.getHours())}:${pad(minute)}`;
    }
    case "daily-digest":
      return d.getHours() >= DIGEST_HOUR ? dayKey(d) : null;
    case "weekly-digest":
      return weekday(d) === 0 && d.getHours() < DIGEST_HOUR ? null : localWeekOf(instant, timeZone);
    case "board-pack":
      return null;
  }
}

/** When `job` next becomes due after `instant`: the start of its next period (null: on an event). */
export function nextRun(job: TJobName, instant: Date, timeZone: string): Date | null {
  const d = local(instant, timeZone);
  switch (job) {
    case "pipeline-snapshot":
      return atLocal(d, 7 - weekday(d), 0);
    case "evaluate-alerts": {
      const minute = d.getMinutes() - (d.getMinutes() % ALERT_SLOT_MINUTES) + ALERT_SLOT_MINUTES;
      return atLocal(d, 0, d.getHours(), minute);
    }
    case "daily-digest":
      return atLocal(d, d.getHours() >= DIGEST_HOUR ? 1 : 0, DIGEST_HOUR);
    case "weekly-digest": {
      const beforeThisWeeks = weekday(d) === 0 && d.getHours() < DIGEST_HOUR;
      return atLocal(d, beforeThisWeeks ? 0 : 7 - weekday(d), DIGEST_HOUR);
    }
    case "board-pack":
      return null;
  }
}
