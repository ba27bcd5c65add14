# syntax=docker/dockerfile:1.7
#
# One image recipe for every Mercado service. Build from the repository root, naming the service:
#
#   docker build -f infra/docker/service.Dockerfile --build-arg SERVICE=sales --build-arg PORT=3001 \
#     -t mercado/sales-service .
#
# Stage "build" installs the whole workspace from the frozen lockfile and builds the service together
# with the workspace packages it depends on (turbo's `<name>...` filter). `pnpm deploy` then copies the
# service's files ("files": ["dist"]) and its production dependencies, workspace packages included, into
# /out. Stage "runtime" holds only /out and runs as the unprivileged `node` user; the files stay owned
# by root, so the process cannot change its own code (Kubernetes also mounts the root file system
# read-only).

ARG NODE_IMAGE=node:24-slim

FROM ${NODE_IMAGE} AS build
ARG SERVICE
ARG PNPM_VERSION=10.34.8
RUN test -n "${SERVICE}" \
  || { echo "name the service: --build-arg SERVICE=sales|customer|fulfillment|marketplace|warehouse" >&2; exit 1; }
ENV CI=true \
    TURBO_TELEMETRY_DISABLED=1
RUN npm install --global --no-audit --no-fund "pnpm@${PNPM_VERSION}"
WORKDIR /repo
# The lockfile alone decides the downloads, so this layer is reused until pnpm-lock.yaml changes.
COPY pnpm-lock.yaml pnpm-workspace.yaml .npmrc ./
RUN --mount=type=cache,id=mercado-pnpm-store,target=/pnpm/store \
    pnpm fetch --store-dir /pnpm/store
COPY . .
RUN --mount=type=cache,id=mercado-pnpm-store,target=/pnpm/store \
    pnpm install --frozen-lockfile --offline --store-dir /pnpm/store
RUN test -f "services/${SERVICE}/package.json" \
  || { echo "no service named ${SERVICE}: services/${SERVICE}/package.json is missing" >&2; exit 1; }
RUN pnpm turbo run build --filter="@mercado/${SERVICE}-service..."
RUN --mount=type=cache,id=mercado-pnpm-store,target=/pnpm/store \
    pnpm --filter="@mercado/${SERVICE}-service" deploy --prod --legacy --store-dir /pnpm/store /out \
  && test -f /out/dist/main.js

FROM ${NODE_IMAGE} AS runtime
ARG SERVICE
ARG PORT=3000
LABEL org.opencontainers.image.title="mercado-${SERVICE}-service" \
      org.opencontainers.image.description="Mercado ${SERVICE} service"
ENV NODE_ENV=production \
    PORT=${PORT}
WORKDIR /app
COPY --from=build /out/ ./
USER node
EXPOSE ${PORT}
# node:24-slim has no curl; Node's own fetch asks the liveness endpoint.
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+process.env.PORT+'/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
STOPSIGNAL SIGTERM
CMD ["node", "dist/main.js"]
