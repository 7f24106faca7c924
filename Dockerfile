# The Wijkkring app (API + built web app). Node 24 is the current LTS line; the code also runs on 20 and 22.
FROM node:24-bookworm-slim AS build
WORKDIR /app
# pnpm 10 is plain JavaScript and is what scripts/wk.mjs pins for development as well.
RUN npm install --global pnpm@10.34.8
COPY pnpm-lock.yaml pnpm-workspace.yaml package.json .npmrc ./
COPY api/package.json api/
COPY graph/package.json graph/
COPY seed/package.json seed/
COPY servers/package.json servers/
COPY test/package.json test/
COPY web/package.json web/
RUN pnpm install --frozen-lockfile
COPY . .
RUN pnpm exec tsc -b tsconfig.json && pnpm --filter @wijkkring/web run build \
 && pnpm deploy --filter @wijkkring/api --prod --legacy /out/api \
 && pnpm deploy --filter @wijkkring/seed --prod --legacy /out/seed

FROM node:24-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /out/api api
COPY --from=build /out/seed seed
COPY --from=build /app/web/dist web/dist
USER node
EXPOSE 4000
CMD ["node", "api/dist/main.js"]
