import { OutlookBadge } from "@/components/dashboard/outlook-badge";
import { Tile } from "@/components/dashboard/tile";
import { headlineTiles } from "@/lib/board-pack";
import type { TDashboard } from "@/server/dashboard/dashboard";

/**
 * The row of headline tiles (DESIGN.md "The numbers"), as `headlineTiles` defines them for the range
 * (the board pack prints the same list). Tiles are compact, with the exact amount on hover and for
 * screen readers; each names its months.
 */
export function HeadlineTiles({ data, locale }: { data: TDashboard; locale: string }) {
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-7" data-testid="headline-tiles">
      {headlineTiles(data, locale).map((tile) =>
        tile.outlook !== undefined ? (
          <div
            key={tile.testId}
            className="rounded-lg border border-zinc-200 bg-white px-4 py-3 dark:border-zinc-800 dark:bg-zinc-900"
            data-testid={tile.testId}
          >
            <dt className="text-xs font-medium text-zinc-500 dark:text-zinc-400">{tile.label}</dt>
            <dd className="mt-2">
              <OutlookBadge outlook={tile.outlook} />
            </dd>
          </div>
        ) : (
          <Tile
            key={tile.testId}
            testId={tile.testId}
            label={tile.label}
            value={tile.value}
            exact={tile.exact}
            detail={tile.detail}
          />
        ),
      )}
    </dl>
  );
}
