export { putKpiValuesHandler as PUT } from "@/server/api/endpoints";
