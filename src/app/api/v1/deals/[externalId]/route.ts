export { putDeal as PUT } from "@/server/api/endpoints";
