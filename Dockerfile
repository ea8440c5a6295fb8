# syntax=docker/dockerfile:1
#
# One image for every Node process of the platform (the four services and the case worker), plus a
# `tools` image for the one-shot jobs (migrations, Kafka topics, demo data).
#
#   docker build -t prp-platform .                      # runtime stage (the default, last stage)
#   docker build --target tools -t prp-platform-tools .  # jobs: npm run migrate | topics | seed
#
# Stages:
#   base       Node 20 on Debian bookworm (glibc: the prebuilt Temporal core-bridge needs it, so no Alpine)
#   deps       npm ci with dev dependencies (tsc, tsx for the build and for the jobs)
#   build      npm run build: tsc -> dist/, then the Temporal workflow bundle dist/workflows/case/workflow-bundle.js
#   tools      build + sources + dev dependencies, for the one-shot jobs (see the comment there)
#   prod-deps  npm ci --omit=dev
#   runtime    production node_modules + dist/ only, non-root, NODE_ENV=production

# Same Node line as the development machines (package.json engines: >=20.19).
ARG NODE_IMAGE=node:20.20-bookworm-slim

FROM ${NODE_IMAGE} AS base
WORKDIR /app
ENV NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false

# ---------------------------------------------------------------------------------------------------
FROM base AS deps
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci

# ---------------------------------------------------------------------------------------------------
FROM deps AS build
# Only what the build and the jobs read; README, e2e/, .ci/ and the Docker files themselves stay out,
# so editing them does not invalidate this layer.
COPY tsconfig*.json ./
COPY libs ./libs
COPY services ./services
COPY workflows ./workflows
COPY deploy/scripts ./deploy/scripts
COPY deploy/local/topics.ts ./deploy/local/topics.ts
RUN npm run build \
 && test -f dist/workflows/case/workflow-bundle.js

# ---------------------------------------------------------------------------------------------------
# tools: the image of the one-shot jobs.
# `npm run migrate` and `npm run seed` run the compiled scripts in dist/ (TypeORM's decorators need tsc's
# metadata); `npm run topics` runs deploy/local/topics.ts through tsx, a devDependency. So this image keeps
# the full node_modules and the sources. It is a separate target so that the long-running runtime image
# stays small and free of compilers; the jobs run for seconds and never serve traffic.
FROM build AS tools
# TSX_TSCONFIG_PATH: tsx resolves the @prp/* aliases from this file.
# NPM_CONFIG_CACHE: npm writes its cache and logs under $HOME by default; /tmp lets the jobs run with a
#   read-only root filesystem (Kubernetes mounts an emptyDir there).
ENV NODE_ENV=production \
    TSX_TSCONFIG_PATH=tsconfig.base.json \
    NPM_CONFIG_CACHE=/tmp/.npm
USER 1000:1000
CMD ["npm", "run", "migrate"]

# ---------------------------------------------------------------------------------------------------
FROM base AS prod-deps
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev

# ---------------------------------------------------------------------------------------------------
FROM base AS runtime
# HOST: inside a container the processes must listen on every interface (the code defaults to 127.0.0.1).
# deploy/scripts/register-paths.js maps the @prp/* aliases of tsconfig.base.json to dist/ at run time.
# WORKFLOW_BUNDLE_PATH: the case worker loads the prebuilt workflow bundle instead of bundling at start-up.
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    WORKFLOW_BUNDLE_PATH=/app/dist/workflows/case/workflow-bundle.js
# Files stay owned by root and read-only for the process user.
COPY package.json ./
COPY tsconfig*.json ./
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY deploy/scripts/register-paths.js ./deploy/scripts/register-paths.js
# uid/gid 1000 is the `node` user of the base image; numeric so Kubernetes can verify runAsNonRoot.
USER 1000:1000
EXPOSE 3001 3002 3003 3004 3005
# Every process handles SIGTERM itself (Nest shutdown hooks, Temporal worker drain).
STOPSIGNAL SIGTERM
# Default: the identification service. The others override the command, e.g.
#   node --enable-source-maps -r ./deploy/scripts/register-paths.js dist/services/referral/src/main.js
#   node --enable-source-maps -r ./deploy/scripts/register-paths.js dist/workflows/case/worker/src/main.js
CMD ["node", "--enable-source-maps", "-r", "./deploy/scripts/register-paths.js", "dist/services/identification/src/main.js"]
