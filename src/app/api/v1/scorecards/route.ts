export { getScorecards as GET } from "@/server/api/endpoints";
