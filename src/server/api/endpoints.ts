import "server-only";
import type { z } from "zod";
import {
  ZApiDealBody,
  ZApiDealPath,
  ZApiKpiValuesBody,
  ZApiRevenueEntriesBody,
  ZBridgeQuery,
  ZBridgeResponse,
  ZDashboardResponse,
  ZDealsQuery,
  ZDealsResponse,
  ZDealUpsertResponse,
  ZKpiValuesResponse,
  ZPeriodQuery,
  ZRevenueEntriesResponse,
  ZScorecardsQuery,
  ZScorecardsResponse,
} from "@/lib/schemas/api";
import { validationError } from "../action";
import { upsertDeal } from "./deals";
import { putKpiValues } from "./kpi-values";
import { bridgeNumbers, dashboardNumbers, dealPage, scorecardNumbers } from "./reads";
import { pushRevenueEntries } from "./revenue-entries";
import { apiRead, apiWrite } from "./route";

// Every /api/v1 endpoint, declared once: the route files export these handlers, and the OpenAPI
// document (./openapi.ts) is generated from this list, so a route cannot exist undocumented.

type TMethod = "get" | "post" | "put";

export type TEndpoint = {
  path: string;
  method: TMethod;
  summary: string;
  scope: "READ" | "REVENUE_WRITE" | "PIPELINE_WRITE" | "KPIS_WRITE";
  query?: z.ZodObject;
  pathParams?: z.ZodObject;
  body?: z.ZodType;
  response: z.ZodType;
  /** The success statuses (200 unless said): an upsert answers 201 when it created. */
  statuses?: readonly number[];
};

export const ENDPOINTS = {
  dashboard: {
    path: "/dashboard",
    method: "get",
    summary: "Dashboard numbers: target, actual to date, month in progress, forecast, outlook, months",
    scope: "READ",
    query: ZPeriodQuery,
    response: ZDashboardResponse,
  },
  bridge: {
    path: "/bridge",
    method: "get",
    summary: "The gap bridge from target to actual, per department",
    scope: "READ",
    query: ZBridgeQuery,
    response: ZBridgeResponse,
  },
  scorecards: {
    path: "/scorecards",
    method: "get",
    summary: "Department scorecards: status, worst KPI, impact, pending reviews",
    scope: "READ",
    query: ZScorecardsQuery,
    response: ZScorecardsResponse,
  },
  deals: {
    path: "/deals",
    method: "get",
    summary: "Deals, a page at a time (cursor pagination)",
    scope: "READ",
    query: ZDealsQuery,
    response: ZDealsResponse,
  },
  upsertDeal: {
    path: "/deals/{externalId}",
    method: "put",
    summary: "Create or update the deal with this external id (history kept)",
    scope: "PIPELINE_WRITE",
    pathParams: ZApiDealPath,
    body: ZApiDealBody,
    response: ZDealUpsertResponse,
    statuses: [200, 201],
  },
  revenueEntries: {
    path: "/revenue-entries",
    method: "post",
    summary: "Push up to 10,000 revenue entries (actuals) as one batch",
    scope: "REVENUE_WRITE",
    body: ZApiRevenueEntriesBody,
    response: ZRevenueEntriesResponse,
    statuses: [201],
  },
  kpiValues: {
    path: "/kpi-values",
    method: "put",
    summary: "Set a month's KPI values by department and KPI name",
    scope: "KPIS_WRITE",
    body: ZApiKpiValuesBody,
    response: ZKpiValuesResponse,
  },
} as const satisfies Record<string, TEndpoint>;

export const getDashboard = apiRead({
  ...ENDPOINTS.dashboard,
  run: async (ctx, { query }) => ({ body: await dashboardNumbers(ctx, query.period) }),
});
export const getBridge = apiRead({
  ...ENDPOINTS.bridge,
  run: async (ctx, { query }) => ({ body: await bridgeNumbers(ctx, query) }),
});
export const getScorecards = apiRead({
  ...ENDPOINTS.scorecards,
  run: async (ctx, { query }) => ({ body: await scorecardNumbers(ctx, query.period, query.departmentId) }),
});
export const getDeals = apiRead({
  ...ENDPOINTS.deals,
  run: async (ctx, { query }) => ({ body: await dealPage(ctx, query) }),
});

export const putDeal = apiWrite({
  ...ENDPOINTS.upsertDeal,
  run: (tx, ctx, { body, params }) => {
    const path = ZApiDealPath.safeParse(params);
    if (!path.success) throw validationError(path.error);
    return upsertDeal(tx, ctx, path.data.externalId, body);
  },
});

export const postRevenueEntries = apiWrite({
  ...ENDPOINTS.revenueEntries,
  run: async (tx, ctx, { body }) => ({ status: 201, body: await pushRevenueEntries(tx, ctx, body) }),
});
export const putKpiValuesHandler = apiWrite({
  ...ENDPOINTS.kpiValues,
  run: async (tx, ctx, { body }) => ({ body: await putKpiValues(tx, ctx, body) }),
});
