export { getDeals as GET } from "@/server/api/endpoints";
