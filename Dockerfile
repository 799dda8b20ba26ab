# The API only; in deployments Neo4j runs as its own server (see docker-compose.yml).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: `prepare` builds the TypeScript, and the sources are copied only below.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json ./
COPY src ./src
COPY web ./web
# TypeScript, then the browser pages (GraphiQL, explorer) bundled by esbuild into dist/web.
RUN npx tsc -p tsconfig.json && node web/build.mjs

FROM node:20-bookworm-slim
ENV NODE_ENV=production
# Inside a container the service must listen on every interface (outside one it binds to 127.0.0.1 unless HOST says otherwise).
ENV HOST=0.0.0.0
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund
COPY --from=build /app/dist ./dist
COPY cypher ./cypher
COPY schema ./schema
COPY seed ./seed
# The audit key file (unless AUDIT_KEY is set) and the signed checkpoints of the audit chain.
RUN mkdir -p /var/lib/cla-audit && chown node:node /var/lib/cla-audit && chmod 700 /var/lib/cla-audit
ENV AUDIT_DIR=/var/lib/cla-audit
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=3s --retries=3 CMD node -e "fetch('http://127.0.0.1:4000/ready').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "dist/src/main.js"]
