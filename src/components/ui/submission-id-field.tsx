"use client";

import { useEffect, useState } from "react";
import type { TFormState } from "@/lib/action-result";
import { newSubmissionId } from "@/lib/submission-id";

/**
 * A create form's submission id (issue 10, finding 9): made when the form renders and sent with
 * every submit, so a retry after a lost response is recognized by the server and creates nothing
 * twice. A success starts a new one for the next record; a failure keeps it (nothing was created).
 */
export function SubmissionIdField({ state }: { state: TFormState<unknown> | undefined }) {
  const [id, setId] = useState("");
  useEffect(() => {
    if (!state || state.ok) setId(newSubmissionId());
  }, [state]);
  return <input type="hidden" name="submissionId" value={id} />;
}
