# The Liuzhuan server image: the API (main.js) and, with another command, the job worker (worker.js).
FROM node:20-bookworm-slim AS build
WORKDIR /src
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
ENV IBM_TELEMETRY_DISABLED=true SCARF_ANALYTICS=false NX_DAEMON=false NX_NO_CLOUD=true
COPY package.json package-lock.json ./
COPY server/package.json server/
COPY client/package.json client/
COPY libs/engine/package.json libs/engine/
COPY libs/contracts/package.json libs/contracts/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx nx build server --outputStyle=static && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production PORT=3000
# the CJK font of the server's PDFs (处理单): modules/rendering finds Noto CJK here (or LIUZHUAN_CJK_FONT)
RUN apt-get update && apt-get install -y --no-install-recommends fonts-noto-cjk && rm -rf /var/lib/apt/lists/*
COPY --from=build /src/node_modules ./node_modules
COPY --from=build /src/dist/server ./dist/server
# attachments and other files live under the data dir: a volume shared by every replica (compose.yml)
ENV LIUZHUAN_DATA_DIR=/app/data
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
# the flags of tools/server-node-flags.mjs: they keep the API under 300 MB RSS under load
CMD ["node", "--max-old-space-size=256", "--max-semi-space-size=16", "dist/server/main.js"]
