# syntax=docker/dockerfile:1
# Honbu as a container image (docs/deploy.md). Two stages: the first installs everything and
# compiles dist/, the second installs the runtime dependencies only and runs dist/ as the
# unprivileged `node` user. Every command is one the tests run
# (test/build/production-install.test.ts: npm run build, npm ci --omit=dev, start:prod's
# command), so what is tested is what the image does; test/build/container.test.ts checks it.

ARG NODE_IMAGE=node:20-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
# vendor/ holds a local package the lock file links (package.json "overrides").
COPY package.json package-lock.json ./
COPY vendor ./vendor
RUN npm ci --ignore-scripts --no-audit --no-fund
# esbuild reads tsconfig.json (class fields, module kind) as the local build does.
COPY tsconfig.json ./
COPY scripts ./scripts
COPY src ./src
COPY bot ./bot
COPY cards ./cards
COPY web ./web
RUN npm run build

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3978
WORKDIR /app
COPY package.json package-lock.json ./
COPY vendor ./vendor
RUN npm ci --omit=dev --ignore-scripts --install-links --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
# The default lowdb store writes data/honbu.json; with PostgreSQL (STORE_URL) this stays empty.
RUN mkdir -p data && chown node:node data
USER node
EXPOSE 3978
# Liveness only: /healthz answers while the process serves HTTP (/readyz also checks the store).
# node:20-slim has no curl, and Node 20 has fetch.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3978)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# Honbu finishes in-flight turns and writes on SIGTERM, then exits 0 (src/main.ts).
STOPSIGNAL SIGTERM
# start:prod's command itself (not `npm run`), so SIGTERM reaches Node directly; its flags keep
# V8's heap small (docs/deploy.md).
CMD ["node", "--max-semi-space-size=1", "--heap-growing-percent=50", "dist/src/main.js"]
