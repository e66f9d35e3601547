export { getBridge as GET } from "@/server/api/endpoints";
