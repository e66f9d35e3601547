import { z } from "zod";

// The two fields issue 10 adds to forms (findings 3 and 9), shared by every schema that takes them.

const reload = "This form is out of date; reload the page.";

/**
 * The version of the record the form was loaded with (src/server/concurrency.ts). Absent: the
 * caller edits without a loaded copy (a script or a test), and the save is not checked.
 */
export const ZVersion = z
  .union(
    [
      z.number().int(reload).min(0, reload).max(2_147_483_647, reload),
      z
        .string()
        .trim()
        .regex(/^\d{1,10}$/, reload)
        .transform(Number),
    ],
    { error: reload },
  )
  .optional();

/** A per-month cell's version token: "" when the month had no record, else `<id>:<version>`. */
export const ZCellToken = z
  .string()
  .trim()
  .regex(/^$|^[\w-]{1,64}:\d{1,10}$/, reload);

/** A create form's submission id: a UUID made when the form renders, so a retried submit is recognized. */
export const ZSubmissionId = z
  .union([z.literal(""), z.uuid({ error: reload })], { error: reload })
  .optional()
  .transform((v) => v || null);
