export { postRevenueEntries as POST } from "@/server/api/endpoints";
