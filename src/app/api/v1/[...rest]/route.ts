import { apiError } from "@/server/api/respond";

// Anything under /api/v1 that is not an endpoint answers in the API's error shape, not an HTML page.
const notFound = () => apiError("NOT_FOUND", "There is no such endpoint. See /api/v1/openapi.json.");

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
