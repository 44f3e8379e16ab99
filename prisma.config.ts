import { defineConfig } from "prisma/config";

// The Prisma CLI is used only for `prisma generate` here: migrations are applied by
// server/db/migrate.ts (see README), so no datasource URL is needed at build time.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
