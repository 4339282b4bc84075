# The Angular client on nginx; /api is proxied to the server.
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
RUN npx nx build client --outputStyle=static

FROM nginx:1.27-alpine
COPY docker/nginx.conf /etc/nginx/conf.d/default.conf
COPY docker/security-headers.conf /etc/nginx/security-headers.conf
COPY --from=build /src/dist/client/browser /usr/share/nginx/html
EXPOSE 80
