// Request size limits, in one dependency-free file so next.config.ts can read them too.

/** The largest CSV file an import accepts: 100,000 order lines are about 10 MB; five times that leaves room for wide exports. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** An import request is the file plus a few form fields and the multipart framing. */
export const MAX_IMPORT_REQUEST_BYTES = MAX_IMPORT_BYTES + 1024 * 1024;

/** A server action's body: the largest form (a year of targets, a narrative) is a few kilobytes. */
export const SERVER_ACTION_BODY_LIMIT_MB = 1;

export const importLimitMessage = () =>
  `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Split it into several files.`;
