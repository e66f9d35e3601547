// Importing this module makes @react-pdf/renderer load the regular React build. The scripts run
// under `--conditions=react-server` (like the server bundle), where "react" is React's server build,
// which lacks what @react-pdf's reconciler needs; Next itself loads @react-pdf/renderer as an external
// package with the regular React (its serverExternalPackages default). Import it before anything
// imports @react-pdf/renderer: `tsx --conditions=react-server --import ./src/cli/react-pdf-hook.ts …`,
// or `await import("./react-pdf-hook")` and then import the board pack dynamically.
import { register } from "node:module";

const HOOK = `export async function resolve(specifier, context, nextResolve) {
  if ((specifier === "react" || specifier.startsWith("react/")) && context.parentURL?.includes("/node_modules/@react-pdf/"))
    return nextResolve(specifier, { ...context, conditions: context.conditions.filter((c) => c !== "react-server") });
  return nextResolve(specifier, context);
}`;

register(`data:text/javascript,${encodeURIComponent(HOOK)}`);
