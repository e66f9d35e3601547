import { alreadyImportedMessage, type TAlreadyImported, type TJsonSafe } from "@/lib/csv/wire";

/** The answer to a file imported before: when, by whom, and that nothing is added again. */
export function AlreadyImportedNotice({ info, timeZone }: { info: TJsonSafe<TAlreadyImported>; timeZone: string }) {
  return (
    <p
      role="status"
      className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100"
    >
      {alreadyImportedMessage(info, timeZone)}
    </p>
  );
}

export function FailureNotice({ message }: { message: string }) {
  return (
    <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
      {message}
    </p>
  );
}

/** A committed import, with a check mark so the outcome never rests on colour alone. */
export function SuccessNotice({ children }: { children: React.ReactNode }) {
  return (
    <p
      role="status"
      className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200"
    >
      <span aria-hidden="true">✓ </span>
      {children}
    </p>
  );
}
