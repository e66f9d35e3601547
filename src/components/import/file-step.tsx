"use client";

import { useState, type ChangeEvent, type ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { MAX_IMPORT_BYTES } from "@/lib/csv/schema";
import { decodeCsvBytes, parseCsvTable, type TCsvTable } from "@/lib/csv/table";
import { ProgressBar } from "./progress-bar";

export type TLoadedFile = { file: File; table: TCsvTable };

/** Step 1: the file is read in the browser (with progress) so its columns can be mapped at once. */
export function FileStep({
  title,
  description,
  onLoaded,
}: {
  title: string;
  description: ReactNode;
  onLoaded: (loaded: TLoadedFile) => void;
}) {
  const [fraction, setFraction] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    setError(null);
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES)
      return setError(`The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Split it into several files.`);
    const reader = new FileReader();
    reader.onprogress = (e) => e.lengthComputable && setFraction(e.loaded / e.total);
    reader.onerror = () => setError("The file could not be read. Choose it again.");
    reader.onload = () => {
      setFraction(null);
      if (!(reader.result instanceof ArrayBuffer)) return setError("The file could not be read. Choose it again.");
      const parsed = parseCsvTable(decodeCsvBytes(new Uint8Array(reader.result)));
      if (!parsed.ok) return setError(parsed.reason);
      onLoaded({ file, table: parsed.table });
    };
    setFraction(0);
    reader.readAsArrayBuffer(file);
  };

  return (
    <Card title={title} description={description}>
      <label className="block text-sm font-medium" htmlFor="import-file">
        CSV file
      </label>
      <input
        id="import-file"
        type="file"
        accept=".csv,.tsv,.txt,text/csv"
        onChange={onChange}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "import-file-error" : undefined}
        className="mt-1 block w-full text-sm file:mr-3 file:rounded-md file:border file:border-zinc-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium hover:file:bg-zinc-100 dark:file:border-zinc-700 dark:file:bg-zinc-900"
      />
      {fraction !== null && (
        <div className="mt-4">
          <ProgressBar label="Reading the file" fraction={fraction} />
        </div>
      )}
      {error && (
        <p id="import-file-error" role="alert" className="mt-2 text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </Card>
  );
}
