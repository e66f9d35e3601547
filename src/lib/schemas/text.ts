import { z } from "zod";

// Text typed by people never holds control characters: PostgreSQL refuses NUL outright, and the
// others (escape, backspace, bidi-free C0/C1 codes) only ever arrive from a forged request or a
// pasted binary. Every text field of every schema is built from these helpers, so each refusal is
// a field message rather than a database error.

/** C0 and C1 control characters and DEL. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/** The same, but tab, line feed and carriage return are allowed (multi-line fields). */
const CONTROL_EXCEPT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

export const CONTROL_CHARACTERS_MESSAGE = "Remove the control characters (such as NUL) from this field.";

export const isPrintableLine = (text: string) => !CONTROL.test(text);
export const isPrintableText = (text: string) => !CONTROL_EXCEPT_LINES.test(text);

/** z.string() for a one-line field: control characters are refused with a field message. */
export const zText = (params?: Parameters<typeof z.string>[0]) =>
  z.string(params).refine(isPrintableLine, { message: CONTROL_CHARACTERS_MESSAGE, abort: true });

/** z.string() for a multi-line field (descriptions, reasons, narratives): tabs and line breaks are kept. */
export const zMultilineText = (params?: Parameters<typeof z.string>[0]) =>
  z.string(params).refine(isPrintableText, { message: CONTROL_CHARACTERS_MESSAGE, abort: true });
