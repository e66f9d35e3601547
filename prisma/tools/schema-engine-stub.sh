#!/bin/sh
# Stand-in for Prisma's native schema engine, which cannot be downloaded here (see prisma.config.ts).
if [ "$1" = "--version" ]; then echo "schema-engine-cli stub (migrations run via npm run db:deploy)"; exit 0; fi
echo "The native Prisma schema engine is not installed. Use npm run db:migrate / db:deploy / db:status (WebAssembly engine)." >&2
exit 1
