// A second (and third) app process for the rate-limit test: consumes a token's budget from its own
// PostgreSQL pool and prints what it was granted. Usage: tsx rate-limit-client.ts <dbUrl> <tokenId> <requests> <limit>
import { Pool } from "pg";
import { createApiRateLimiter } from "../../src/server/api/rate-limit";

const [databaseUrl, tokenId, requests, limit] = process.argv.slice(2);
const pool = new Pool({ connectionString: databaseUrl, max: 2 });
const limiter = createApiRateLimiter(pool, Number(limit));
const verdicts = [];
for (let i = 0; i < Number(requests); i += 1) verdicts.push(await limiter.consume(tokenId ?? ""));
await pool.end();
process.stdout.write(JSON.stringify(verdicts));
