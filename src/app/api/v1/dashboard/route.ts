export { getDashboard as GET } from "@/server/api/endpoints";
